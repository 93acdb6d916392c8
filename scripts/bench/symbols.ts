/**
 * Readable names for the profile. The shipped build is minified; a second build of the
 * same sources with hidden source maps (no `sourceMappingURL` comment, so the code is
 * byte-identical) maps each profiled frame back to its file, line and function name.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SourceMapReader, type SourceMapV3, sourcePath } from './source-map';
import type { Symbolizer } from './trace-analysis';

export const MAPS_OUT_DIR = '.output/bench-sourcemaps';
/** What every page runs: the first stage (entrypoints/content-script.ts), at the build root. */
export const CONTENT_SCRIPT_FILE = 'content-script.js';
/** The second stage (detector, marks), loaded only on a page with a core name. */
export const PAGE_SESSION_FILE = 'page-session.js';
/** The card and sidebar, imported when one first opens. */
export const PAGE_UI_FILE = 'page-ui.js';
/** The article extraction, imported for "Add this page". */
export const EXTRACT_FILE = 'extract.js';

/**
 * Builds with hidden source maps into MAPS_OUT_DIR (wxt's own build, same config): the
 * Chrome build (chrome-mv3) or the Firefox one (firefox-mv2).
 */
export async function buildWithSourceMaps(
  root: string,
  browser: 'chrome' | 'firefox' = 'chrome',
): Promise<string> {
  const { build } = await import('wxt');
  await build({
    root,
    browser,
    outDir: MAPS_OUT_DIR,
    logger: { ...console, info() {}, success() {}, debug() {}, log() {}, level: 0 } as never,
    vite: () => ({ build: { sourcemap: 'hidden' } }),
  });
  return join(root, MAPS_OUT_DIR, browser === 'firefox' ? 'firefox-mv2' : 'chrome-mv3');
}

/**
 * A symbolizer for the measured build's content scripts, or null with the reason when the
 * mapped build's code differs from the measured one (then positions would not match).
 */
export function contentScriptSymbols(
  measuredDir: string,
  mappedDir: string,
): { symbolize: Symbolizer | null; note: string } {
  // The first stage and the files it imports, at the build root; content-scripts/*.js for
  // a build from before the two stages.
  const legacy = join(measuredDir, 'content-scripts');
  const scripts = [
    CONTENT_SCRIPT_FILE,
    PAGE_SESSION_FILE,
    PAGE_UI_FILE,
    EXTRACT_FILE,
    ...(existsSync(legacy)
      ? readdirSync(legacy)
          .filter((f) => f.endsWith('.js'))
          .map((name) => `content-scripts/${name}`)
      : []),
  ].filter((path) => existsSync(join(measuredDir, path)));
  if (scripts.length === 0) return { symbolize: null, note: 'no content script in the build' };
  const readers = new Map<string, SourceMapReader>();
  const code = new Map<string, string[]>();
  const originals = new Map<string, string[]>();
  for (const path of scripts) {
    const measured = readFileSync(join(measuredDir, path), 'utf8');
    const mappedJs = join(mappedDir, path);
    const mapPath = `${mappedJs}.map`;
    if (!existsSync(mapPath)) continue;
    if (readFileSync(mappedJs, 'utf8') !== measured) {
      return { symbolize: null, note: `${path}: the mapped build differs; names stay minified` };
    }
    const map = JSON.parse(readFileSync(mapPath, 'utf8')) as SourceMapV3 & {
      sourcesContent?: (string | null)[];
    };
    readers.set(`/${path}`, new SourceMapReader(map));
    code.set(`/${path}`, measured.split('\n'));
    map.sources.forEach((source, i) => {
      const text = map.sourcesContent?.[i];
      if (text) originals.set(sourcePath(source), text.split('\n'));
    });
  }
  if (readers.size === 0) return { symbolize: null, note: 'no source maps' };
  return {
    note: `names from source maps of ${[...readers.keys()].join(', ')}`,
    symbolize: (frame) => {
      if (!frame.url) return null;
      // chrome-extension://ID/ in Chromium, moz-extension://UUID/ in Firefox.
      const path = frame.url.replace(/^(chrome|moz)-extension:\/\/[^/]+/, '');
      const reader = readers.get(path);
      if (!reader || frame.lineNumber === undefined) return null;
      const pos = reader.lookup(frame.lineNumber, frame.columnNumber ?? 0);
      if (!pos) return null;
      // Minified names are one to three characters; longer ones (object keys, which the
      // minifier keeps) are the real name. An arrow function's profile position is its first
      // parameter, whose mapped name would be wrong.
      const kept = frame.functionName.length > 3 ? frame.functionName : null;
      // A declared function's name is where the map names it: next to its profile position.
      const at = nameColumn(
        code.get(path)?.[frame.lineNumber] ?? '',
        frame.columnNumber ?? 0,
        frame.functionName,
      );
      // The minifier's map names no declared function and maps its start to whatever
      // precedes it; the tokens of its body map into it, so the declaration most of them
      // sit under (the nearest \`function NAME\` above each) is the function.
      const line = code.get(path)?.[frame.lineNumber] ?? '';
      const body = at === null ? -1 : line.indexOf('{', at);
      const declared =
        body < 0
          ? null
          : enclosingDeclaration(reader.placesIn(frame.lineNumber, body, body + 160), originals);
      if (declared) return { name: kept ?? declared.name, where: declared.where };
      return { name: kept ?? pos.name, where: `${pos.source}:${pos.line}` };
    },
  };
}

/**
 * Column of a minified function's own name beside its profile position (V8 reports the
 * parameter list's start, `dr(` of `function dr(e){`), or null when the name is not there
 * (arrow functions, methods named by assignment).
 */
export function nameColumn(line: string, column: number, name: string): number | null {
  if (!/^[\w$]+$/.test(name)) return null;
  const isId = (c: string | undefined) => c !== undefined && /[\w$]/.test(c);
  const before = column - name.length;
  if (before >= 0 && line.slice(before, column) === name && !isId(line[before - 1])) return before;
  const after = line.indexOf(`${name}(`, column);
  if (after >= 0 && after - column <= 12 && !isId(line[after - 1])) return after;
  return null;
}

const DECLARATION = /\bfunction\s*\*?\s*([\w$]+)\s*[(<]/;

/** The declaration most of these original places sit under: the nearest one above each. */
export function enclosingDeclaration(
  places: readonly { source: string; line: number }[],
  originals: ReadonlyMap<string, readonly string[]>,
): { name: string; where: string } | null {
  const votes = new Map<string, number>();
  for (const { source, line } of places) {
    const lines = originals.get(source) ?? [];
    for (let l = Math.min(lines.length, line) - 1; l >= 0; l--) {
      const m = DECLARATION.exec(lines[l] ?? '');
      if (!m) continue;
      const key = `${m[1]}\t${source}:${l + 1}`;
      votes.set(key, (votes.get(key) ?? 0) + 1);
      break;
    }
  }
  const best = [...votes].sort((a, b) => b[1] - a[1])[0];
  if (!best) return null;
  const [name, where] = best[0].split('\t') as [string, string];
  return { name, where };
}
