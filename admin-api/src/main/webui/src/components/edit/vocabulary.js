// DSL vocabularies in the browser. The shipped loyalty.dsl comes parsed from the service
// (GET /merchants/{code}/vocabulary); a merchant's own .dsl in the draft is parsed here, by the same
// rules as the service's Vocabulary.java: `[scope]sentence=expansion` lines, # and // comments, an
// optional [metadata] bracket, the sentence ending at the first unescaped `=`.

const LINE = /^\s*\[([^\]]*)\](?:\s*\[[^\]]*\])?(.*)$/;
const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)(?::[^}]*)?\}/g;
const SCOPES = { when: 'condition', condition: 'condition', then: 'consequence', consequence: 'consequence', keyword: 'keyword', '*': 'any' };

function unescapedEquals(text) {
  for (let i = 0; i < text.length; i++) if (text[i] === '=' && (i === 0 || text[i - 1] !== '\\')) return i;
  return -1;
}

/** The sentences of a .dsl text: { scope, sentence, placeholders, expansion }. */
export function parseDsl(text) {
  const sentences = [];
  for (const line of text.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith('#') || trimmed.startsWith('//')) continue;
    const m = LINE.exec(line);
    if (!m) continue;
    const scope = SCOPES[m[1].trim().toLowerCase()];
    const eq = unescapedEquals(m[2]);
    if (!scope || eq < 0) continue;
    const sentence = m[2].slice(0, eq).trim().replace(/\\=/g, '=');
    if (!sentence) continue;
    const placeholders = [...new Set([...sentence.matchAll(PLACEHOLDER)].map((p) => p[1]))];
    sentences.push({ scope, sentence, placeholders, expansion: m[2].slice(eq + 1).trim() });
  }
  return sentences;
}

const EXPANDER = /^\s*expander\s+(\S+?)\s*;?\s*$/m;

/** The vocabulary a DSLR text names (`expander loyalty.dsl`), or null. */
export function expanderOf(text) {
  const m = EXPANDER.exec(text || '');
  return m ? m[1] : null;
}

const baseName = (name) => name.slice(name.lastIndexOf('/') + 1);

/**
 * The sentences a DSLR file may use: the draft's own .dsl of the name it expands with (as the engine
 * chooses), else the shipped vocabulary when it names loyalty.dsl; { name, sentences, own }.
 */
export function vocabularyFor(dslrText, files, shipped) {
  const wanted = expanderOf(dslrText);
  if (!wanted) return null;
  const own = files.find((f) => f.name.toLowerCase().endsWith('.dsl') && baseName(f.name) === baseName(wanted));
  if (own) return { name: own.name, sentences: parseDsl(own.content), own: true };
  if (baseName(wanted) === 'loyalty.dsl' && shipped) return { name: 'loyalty.dsl', sentences: shipped, own: false };
  return null;
}

const escapeRegex = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A matcher for one sentence: the parts of a line it covers, fixed words and {values}, or null.
 * Used to highlight sentences in DSLR text.
 */
export function sentenceMatcher(sentence) {
  const parts = [];
  let last = 0;
  for (const m of sentence.matchAll(PLACEHOLDER)) {
    if (m.index > last) parts.push({ fixed: sentence.slice(last, m.index) });
    parts.push({ value: m[1] });
    last = m.index + m[0].length;
  }
  if (last < sentence.length) parts.push({ fixed: sentence.slice(last) });
  const source = parts.map((p) => (p.fixed !== undefined ? `(${escapeRegex(p.fixed)})` : '(.+?)')).join('');
  const regex = new RegExp(`^${source}\\s*$`);
  return (text) => {
    const m = regex.exec(text);
    if (!m) return null;
    return parts.map((p, i) => ({ text: m[i + 1], kind: p.fixed !== undefined ? 'sentence' : 'value' }));
  };
}

/** CodeMirror snippet text of a sentence: each {placeholder} a field to fill in, Tab to the next. */
export function snippetOf(sentence) {
  // only \{ and \} escape in a snippet: a brace that is no placeholder is written that way
  return sentence.split(PLACEHOLDER).map((part, i) => (i % 2 === 1 ? `\${${part}}` : part.replace(/[{}]/g, '\\$&'))).join('');
}
