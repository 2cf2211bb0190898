// Fails the build when a label exists in one language and not the other, so "every label is
// translated" is checked, not hoped for; also when two message files claim the same top-level key.
// Runs before `vite build` (package.json). The message files are plain modules: imported as they are.
import { readdirSync } from 'node:fs';
import { merge } from '../src/messages/merge.js';

const dir = new URL('../src/messages/', import.meta.url);
const problems = [];
const areas = [];
for (const file of readdirSync(dir).filter((f) => f.endsWith('.js') && f !== 'merge.js').sort()) {
  const area = await import(new URL(file, dir));
  if (!area.en || !area.zh) {
    problems.push(`${file} must export both en and zh`);
    continue;
  }
  areas.push({ file, ...area });
}

function keys(node, prefix = '') {
  return Object.entries(node).flatMap(([k, v]) => (typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}
for (const { file, en, zh } of areas) {
  const enKeys = keys(en);
  const zhKeys = keys(zh);
  problems.push(...enKeys.filter((k) => !zhKeys.includes(k)).map((k) => `${file}: zh lacks ${k}`));
  problems.push(...zhKeys.filter((k) => !enKeys.includes(k)).map((k) => `${file}: en lacks ${k}`));
}
for (const lang of ['en', 'zh']) {
  try {
    merge(areas.map((a) => a[lang]));
  } catch (e) {
    problems.push(e.message);
  }
}
if (problems.length) {
  console.error('console: untranslated labels:\n  ' + problems.join('\n  '));
  process.exit(1);
}
// success is silent: the Maven build prints nothing of its own for the console unless something is wrong
