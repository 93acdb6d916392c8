// Why: this workplace's npm registry serves only the Linux x64 builds of packages such as
// @rollup/rollup-* and @biomejs/cli-*, so `npm install` cannot record the other platforms'
// optional packages in package-lock.json, and `npm ci` (npm 11) then refuses the lock as
// out of sync (npm/cli#4828, #8320). This adds a lock entry, with its os/cpu fields, for each
// optional dependency that is missing, so `npm ci` accepts the lock and skips those
// packages on this platform as it would anyway. Run after `npm install` changes the lock.
import { readFileSync, writeFileSync } from 'node:fs';

const path = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(path, 'utf8'));
const OSES = ['android', 'darwin', 'freebsd', 'linux', 'netbsd', 'openbsd', 'openharmony', 'sunos', 'win32', 'aix', 'cygwin'];
const CPUS = ['arm64', 'x64', 'ia32', 'arm', 'loong64', 'ppc64', 'riscv64', 's390x', 'mips64el', 'wasm32'];

function guess(name) {
  const parts = name.split('/').pop().split('-');
  const os = parts.find((p) => OSES.includes(p));
  const cpu = parts.find((p) => CPUS.includes(p)) ?? (parts.includes('eabi') ? 'arm' : undefined);
  const entry = {};
  if (os) entry.os = [os === 'win' ? 'win32' : os];
  if (cpu) entry.cpu = [cpu];
  if (parts.includes('musl') || parts.includes('musleabihf')) entry.libc = ['musl'];
  if (parts.includes('gnu') || parts.includes('gnueabihf')) entry.libc = ['glibc'];
  // An unknown platform still must never be fetched here: pin it to one that never matches.
  if (!entry.os && !entry.cpu) entry.os = ['none'];
  return entry;
}

let added = 0;
for (const [key, pkg] of Object.entries(lock.packages)) {
  const base = key === '' ? '' : `${key}/`;
  for (const [dep, version] of Object.entries(pkg.optionalDependencies ?? {})) {
    const here = `${base}node_modules/${dep}`;
    const top = `node_modules/${dep}`;
    if (lock.packages[here] || lock.packages[top]) continue;
    lock.packages[top] = {
      version: version.replace(/^[\^~=]/, ''),
      ...(pkg.dev ? { dev: true } : {}),
      optional: true,
      ...guess(dep),
    };
    added++;
  }
}
const sorted = Object.fromEntries(
  Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : 1)),
);
lock.packages = sorted;
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`lock-platform-stubs: added ${added} entries`);
