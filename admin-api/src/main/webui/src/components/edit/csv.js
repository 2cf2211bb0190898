// CSV decision tables as Drools reads them (org.drools.decisiontable.parser.csv): one row per line
// (a quoted value cannot span lines), values split at commas outside double quotes, a doubled quote
// inside quotes is one quote, nothing trimmed, empty values at the end of a line ignored. The grid
// edits one line at a time and writes back only the lines it changed, so a file keeps its own
// quoting and line ends everywhere else.

/** The values of one line. */
export function parseLine(line) {
  const values = [];
  let value = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') {
      if (quoted && line[i + 1] === '"') {
        value += '"';
        i++;
      } else {
        quoted = !quoted;
      }
    } else if (c === ',' && !quoted) {
      values.push(value);
      value = '';
    } else {
      value += c;
    }
  }
  values.push(value);
  return values;
}

/** One value as it must be written: quoted (quotes doubled) when it holds a comma or a quote. */
export function quote(value) {
  const text = String(value ?? '').replace(/\r\n|\r|\n/g, ' '); // Drools reads a row per line
  return /[",]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A line from its values; empty values at the end are left out, as Drools ignores them. */
export function formatLine(values) {
  const copy = [...values];
  while (copy.length > 1 && (copy[copy.length - 1] ?? '') === '') copy.pop();
  if (copy.length === 1 && (copy[0] ?? '') === '') return '';
  return copy.map(quote).join(',');
}

/** The file as lines and the line end it uses; a final line end is remembered, not a row. */
export function splitLines(text) {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(/\r\n|\n|\r/);
  const finalEol = lines.length > 1 && lines[lines.length - 1] === '';
  if (finalEol) lines.pop();
  return { lines, eol, finalEol };
}

export function joinLines({ lines, eol, finalEol }) {
  return lines.join(eol) + (finalEol ? eol : '');
}

/** Column letters as a spreadsheet names them: 0 → A, 25 → Z, 26 → AA. */
export function columnName(index) {
  let name = '';
  let n = index + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    name = String.fromCharCode(65 + r) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

/** "F12" → { column: 5, row: 12 } (row 1-based, column 0-based); null when it is no cell name. */
export function parseCell(ref) {
  const m = /^([A-Z]{1,3})([1-9]\d*)$/.exec(ref || '');
  if (!m) return null;
  let column = 0;
  for (const ch of m[1]) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { column: column - 1, row: Number(m[2]) };
}
