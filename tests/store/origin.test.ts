/**
 * Reading history lives in the extension's origin only. A content script runs in the
 * page's origin: anything it stored in IndexedDB would belong to the site (readable by
 * the site's own scripts). So nothing the content script imports may reach lib/store or idb.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');

function resolve(from: string, spec: string): string | null {
  const base = join(dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && /\.(ts|tsx)$/.test(candidate)) return candidate;
  }
  return null;
}

/** Every module reachable from `entry` through imports, and the bare packages it names. */
function importGraph(entry: string): { files: string[]; packages: Set<string> } {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const queue = [entry];
  while (queue.length) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    // `import type` is erased from the bundle, so it carries no code into the page.
    for (const m of text.matchAll(
      /(?:import|export)(?!\s+type\b)[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    )) {
      const spec = (m[1] ?? m[2]) as string;
      if (spec.startsWith('.')) {
        const next = resolve(file, spec);
        if (next) queue.push(next);
      } else packages.add(spec);
    }
  }
  return { files: [...seen].map((f) => relative(ROOT, f)), packages };
}

describe('history stays in the extension origin', () => {
  // Both stages: the content script and the second stage it imports (page-session.js).
  const first = importGraph(join(ROOT, 'entrypoints/content-script.ts'));
  const second = importGraph(join(ROOT, 'entrypoints/page-session/index.ts'));
  const content = {
    files: [...first.files, ...second.files],
    packages: new Set([...first.packages, ...second.packages]),
  };

  it('follows the content script’s imports', () => {
    expect(content.files.length).toBeGreaterThan(5);
  });

  it('the content script reaches neither lib/store nor idb', () => {
    // (lib/messages.ts names the history export's type with `import type`: no code.)
    // (lib/messages.ts names the history export's type, with `import type`: no code.)
    expect(content.files.filter((f) => f.startsWith('lib/store/'))).toEqual([]);
    expect([...content.packages].filter((p) => p === 'idb' || p.startsWith('idb/'))).toEqual([]);
  });

  it('the background does reach the history store (the graph sees it)', () => {
    const background = importGraph(join(ROOT, 'entrypoints/background.ts'));
    expect(background.files).toContain('lib/store/history-store.ts');
    expect(background.packages.has('idb')).toBe(true);
  });
});
