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
    },
  );

  // Small modules named for what they do (STYLE.md).
  it.each(files)('$path stays under 400 lines', ({ text }) => {
    expect(text.split('\n').length).toBeLessThanOrEqual(400);
  });
});
