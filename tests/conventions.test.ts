/**
 * The project's own conventions, checked on every run: they matter more than style and a
 * reviewer can miss them. Each rule names why it exists.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const CODE_DIRS = ['entrypoints', 'components', 'lib', 'scripts'];

function walk(dir: string): string[] {
  let out: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of names) {
    const path = join(dir, name);
    if (name === 'generated' || name === 'node_modules') continue;
    if (statSync(path).isDirectory()) out = out.concat(walk(path));
    else if (/\.(ts|tsx)$/.test(name)) out.push(path);
  }
  return out;
}

const files = CODE_DIRS.flatMap((d) => walk(join(ROOT, d))).map((path) => ({
  path: relative(ROOT, path),
  text: readFileSync(path, 'utf8'),
}));

describe('project conventions', () => {
  it('finds the code it checks', () => {
    expect(files.length).toBeGreaterThan(3);
  });

  // Page text and pack text are only ever rendered as text.
  it.each(files)('$path parses no HTML', ({ text }) => {
    expect(text).not.toMatch(
      /\.(innerHTML|outerHTML)\s*[+]?=|insertAdjacentHTML|document\.write\(/,
    );
    expect(text).not.toMatch(/dangerouslySetInnerHTML/);
  });

  // Sourcelight works offline and sends nothing anywhere: shipped code has no way to.
  it.each(files.filter((f) => !f.path.startsWith('scripts/')))(
    '$path makes no network request and runs no remote code',
    ({ text }) => {
      expect(text).not.toMatch(/\bfetch\(|XMLHttpRequest|WebSocket|EventSource|sendBeacon/);
      expect(text).not.toMatch(/\beval\(|new Function\(/);
      // Code loaded at run time is a file of our own package, named by a literal path
      // (`import()` with nothing inside is how comments mention it).
      const imports = [...text.matchAll(/\bimport\((?!\))\s*(?:\/\*[^*]*\*\/\s*)?([^)]*\)?)/g)];
      for (const [, arg] of imports) {
        // (`api.getURL`/`getURL`: the first stage's runtime.getURL, lib/content/extension-api.ts.)
        expect(arg).toMatch(/^(?:browser\.runtime\.|api\.)?getURL\('\/[\w-]+\.js'\)$/);
      }
    },
  );

  // Small modules named for what they do (STYLE.md).
  it.each(files)('$path stays under 400 lines', ({ text }) => {
    expect(text.split('\n').length).toBeLessThanOrEqual(400);
  });
});

describe('the README tells the truth', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const scripts = Object.keys(
    (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: object }).scripts,
  );
  const named = [...readme.matchAll(/npm run (?:-s )?([\w:-]+)/g)].map((m) => m[1]);

  it('names npm scripts', () => {
    expect(named.length).toBeGreaterThan(5);
  });

  // A quick start that names a script nobody kept is the first thing a newcomer hits.
  it.each([...new Set(named)])('npm run %s exists in package.json', (name) => {
    expect(scripts).toContain(name);
  });

  it('shows pictures that exist', () => {
    const pictures = [...readme.matchAll(/\]\((docs\/[^)]+\.png)\)/g)].map((m) => m[1] ?? '');
    expect(pictures.length).toBeGreaterThan(0);
    for (const path of pictures) expect(statSync(join(ROOT, path)).size).toBeGreaterThan(1000);
  });
});
