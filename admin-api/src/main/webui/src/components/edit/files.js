// The draft's files: kinds, names, bytes and the working copy kept in this browser.
//
// The working copy is kept in localStorage under `jifen.console.draft.<merchant>` (it survives a
// reload and a sign-out on this browser, never leaves it, and holds no key):
//   { base: version number or null, startedAt, selected, files: [{ name, encoding, content }] }
// where encoding is 'utf-8' (text as it is) or 'base64' (spreadsheets) — the shapes the upload and
// compile endpoints take.

/** The same rule as the API's (RuleVersionModels.FILE_NAME_PATTERN). */
export const FILE_NAME = /^(?!.*\/\/)(?!.*\/\.{1,2}(\/|$))(?!.*\/$)[A-Za-z0-9][A-Za-z0-9._/-]{0,254}$/;
export const KINDS = ['dslr', 'drl', 'csv', 'xlsx', 'xls', 'dsl'];

export function kindOf(name) {
  const dot = name.lastIndexOf('.');
  const ext = dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
  return KINDS.includes(ext) ? ext : null;
}

export const isBinary = (name) => ['xlsx', 'xls'].includes(kindOf(name));
export const isSpreadsheet = (name) => ['xlsx', 'xls', 'csv'].includes(kindOf(name));

const storageKey = (merchant) => `jifen.console.draft.${merchant}`;

export function loadDraft(merchant) {
  try {
    const draft = JSON.parse(localStorage.getItem(storageKey(merchant)) || 'null');
    if (draft && Array.isArray(draft.files)) return draft;
  } catch {
    // an unreadable entry is no draft
  }
  return null;
}

/** false when the browser refused to keep it (storage full). */
export function storeDraft(merchant, draft) {
  try {
    localStorage.setItem(storageKey(merchant), JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

export function discardDraft(merchant) {
  localStorage.removeItem(storageKey(merchant));
}

export function toBase64(bytes) {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function fromBase64(text) {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** A stored or uploaded file's bytes as a draft file. */
export function draftFile(name, bytes) {
  return isBinary(name)
    ? { name, encoding: 'base64', content: toBase64(bytes) }
    : { name, encoding: 'utf-8', content: new TextDecoder('utf-8').decode(bytes) };
}

/** The file's bytes, for a download. */
export function bytesOf(file) {
  return file.encoding === 'base64' ? fromBase64(file.content) : new TextEncoder().encode(file.content);
}

export function download(file) {
  const type = file.encoding === 'base64'
    ? (kindOf(file.name) === 'xls' ? 'application/vnd.ms-excel' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    : 'text/plain;charset=utf-8';
  const url = URL.createObjectURL(new Blob([bytesOf(file)], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.name.slice(file.name.lastIndexOf('/') + 1);
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const HEADER = 'package io.jifen.rules.reference;\n\nimport io.jifen.engine.facts.*;\n\nglobal RuleActions actions;\n';

/** What a new file starts with: the header every file needs (docs/rule-authoring.md). */
export function template(name, packageName) {
  const header = packageName ? HEADER.replace('io.jifen.rules.reference', packageName) : HEADER;
  // rule names are unique in a program: the example rule is named after its file
  const rule = `new rule of ${name}`;
  switch (kindOf(name)) {
    case 'dslr':
      return `${header}\nexpander loyalty.dsl\n\nrule "${rule}"\n    in phase bonus\nwhen\n    There is a purchase\n    The purchase total is at least 100000\nthen\n    Give 10 bonus points as a TASK bonus, because ${rule}\nend\n`;
    case 'drl':
      return `${header}\nrule "${rule}"\n    ruleflow-group "bonus"\nwhen\n    Purchase(total >= 100000)\nthen\n    actions.bonus(10, "TASK", "${rule}");\nend\n`;
    case 'csv':
      return `RuleSet,${packageName || 'io.jifen.rules.reference'}\nImport,io.jifen.engine.facts.*\nVariables,RuleActions actions\n,\nRuleTable New table\nNAME,RULEFLOW-GROUP,CONDITION,ACTION\n,,$purchase : Purchase,\n,,total >= $param,"actions.bonus($1, ""TASK"", ""$2"");"\nRule,Phase,Total at least,"Points, reason"\n${rule},bonus,100000,"10, ${rule}"\n`;
    case 'dsl':
      return '# a vocabulary of your own: [when] conditions, [then] actions, [keyword] header phrases\n[when]There is a purchase=Purchase()\n';
    default:
      return '';
  }
}

/** The package the draft's files use (from a DRL/DSLR `package` line or a table's RuleSet row). */
export function packageOf(files) {
  for (const f of files) {
    if (f.encoding !== 'utf-8') continue;
    const m = /^\s*package\s+([\w.]+)\s*;?/m.exec(f.content) || /^RuleSet,([\w.]+)/m.exec(f.content);
    if (m) return m[1];
  }
  return null;
}
