// Fails the build when a label exists in one language and not the other, so "every label is
// translated" is checked, not hoped for. Runs before `vite build` (package.json).
import { readFileSync } from 'node:fs';

const source = readFileSync(new URL('../src/i18n.js', import.meta.url), 'utf8')
  // the dictionaries are plain object literals; evaluate them without the Vue imports around them
  .replace(/^import .*$/gm, '')
  .replace(/export const locale[\s\S]*$/, '')
  .replace(/export /g, '');
const { en, zh } = new Function(`${source}; return { en, zh };`)();

function keys(node, prefix = '') {
  return Object.entries(node).flatMap(([k, v]) => (typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}
const missing = (a, b) => keys(a).filter((k) => !keys(b).includes(k));
const problems = [
  ...missing(en, zh).map((k) => `zh lacks ${k}`),
  ...missing(zh, en).map((k) => `en lacks ${k}`),
];
if (problems.length) {
  console.error('console: untranslated labels:\n  ' + problems.join('\n  '));
  process.exit(1);
}
// success is silent: the Maven build prints nothing of its own for the console unless something is wrong
