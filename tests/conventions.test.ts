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

/**
 * The modules of lib/ that talk to the extension API, each with why. Everything else in
 * lib/ is pure (it runs in Node, in tests, in any context) and is handed what it needs;
 * a new entry here is a decision, not an accident.
 */
// (The content script's two stages, lib/content/first-stage.ts and session.ts, take the
// browser's own API through lib/content/extension-api.ts, without the polyfill that
// `wxt/browser` brings.)
const EXTENSION_API_MODULES: Record<string, string> = {
  'lib/transport.ts': "the contract's transport: sends messages to the background and to tabs",
  'lib/settings.ts': 'the one settings module: reads, watches and writes storage.local',
  'lib/sidebar-command.ts': 'listens for the keyboard command and asks the active tab',
  'lib/page-ui/controller.tsx': "the card and sidebar's links to the reader, an extension page",
  'lib/library/published.ts': 'types only: it is handed the storage area it reads and watches',
  'lib/background/main.ts': "starts the background: the router's listener, tabs, settings",
  'lib/background/badge.ts': "sets the toolbar badge and resets it when a tab's page changes",
  'lib/background/library-start.ts': "the library's context menu and its storage publishing",
};

// Entrypoints are wiring only: the controllers they start live in lib/ (lib/content/,
// lib/page-ui/, lib/background/), where they can be read and tested apart from WXT.
describe('entrypoints are thin', () => {
  const entries = files.filter((f) => f.path.startsWith('entrypoints/'));

  it('finds the entrypoints', () => {
    expect(entries.length).toBeGreaterThan(8);
  });

  it.each(entries)('$path is at most 30 lines', ({ text }) => {
    expect(text.trimEnd().split('\n').length).toBeLessThanOrEqual(30);
  });
});

describe('the extension API stays at the edges of lib/', () => {
  const libFiles = files.filter((f) => f.path.startsWith('lib/'));
  const importsBrowser = (text: string) =>
    /\bfrom\s+['"]wxt\/browser['"]|\bimport\(\s*['"]wxt\/browser['"]\s*\)/.test(text);

  it('finds the modules it lists, and each still talks to the API', () => {
    for (const path of Object.keys(EXTENSION_API_MODULES)) {
      const file = libFiles.find((f) => f.path === path);
      expect(file, `${path} is listed but not found`).toBeDefined();
      expect(importsBrowser(file?.text ?? ''), `${path} no longer imports wxt/browser`).toBe(true);
    }
  });

  it.each(libFiles.filter((f) => !Object.hasOwn(EXTENSION_API_MODULES, f.path)))(
    '$path does not import wxt/browser',
    ({ text }) => {
      expect(importsBrowser(text)).toBe(false);
    },
  );
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
