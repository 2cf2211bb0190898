// Runs `npm ci` only when node_modules does not match package-lock.json.
//
// `npm ci` deletes node_modules and installs everything again (tens of seconds), and the Maven build
// runs it on every `package` and `verify`. The install is recorded by the SHA-256 of the lockfile
// (and of package.json, and the Node version, since native packages are chosen per platform) in a
// stamp file inside node_modules, written only after `npm ci` succeeded; any change, a missing or
// half-deleted node_modules, or a failed install means the next build installs again.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stamp = join(root, 'node_modules', '.jifen-installed');

const hash = createHash('sha256');
for (const file of ['package-lock.json', 'package.json']) {
  hash.update(readFileSync(join(root, file)));
}
hash.update(process.version + ' ' + process.platform + ' ' + process.arch);
const wanted = hash.digest('hex');

const installed = existsSync(stamp) ? readFileSync(stamp, 'utf8').trim() : null;
// vite's own package.json: a cheap check that the tree was not removed under the stamp
const upToDate = installed === wanted && existsSync(join(root, 'node_modules', 'vite', 'package.json'));
// when up to date: nothing to do, and nothing printed (the README's package command is quiet)
if (!upToDate) {
  console.log('console: running npm ci (' + (installed ? 'package-lock.json changed' : 'no install recorded') + ')');
  execSync('npm ci --no-audit --no-fund', { cwd: root, stdio: 'inherit' });
  writeFileSync(stamp, wanted + '\n');
}
