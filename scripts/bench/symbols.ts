/**
 * Readable names for the profile. The shipped build is minified; a second build of the
 * same sources with hidden source maps (no `sourceMappingURL` comment, so the code is
 * byte-identical) maps each profiled frame back to its file, line and function name.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SourceMapReader } from './source-map';
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

/** Builds with hidden source maps into MAPS_OUT_DIR (wxt's own build, same config). */
export async function buildWithSourceMaps(root: string): Promise<string> {
  const { build } = await import('wxt');
  await build({
    root,
    outDir: MAPS_OUT_DIR,
    logger: { ...console, info() {}, success() {}, debug() {}, log() {}, level: 0 } as never,
    vite: () => ({ build: { sourcemap: 'hidden' } }),
  });
  return join(root, MAPS_OUT_DIR, 'chrome-mv3');
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
  for (const path of scripts) {
    const measured = readFileSync(join(measuredDir, path), 'utf8');
    const mappedJs = join(mappedDir, path);
    const mapPath = `${mappedJs}.map`;
    if (!existsSync(mapPath)) continue;
    if (readFileSync(mappedJs, 'utf8') !== measured) {
      return { symbolize: null, note: `${path}: the mapped build differs; names stay minified` };
    }
    readers.set(`/${path}`, new SourceMapReader(JSON.parse(readFileSync(mapPath, 'utf8'))));
  }
  if (readers.size === 0) return { symbolize: null, note: 'no source maps' };
  return {
    note: `names from source maps of ${[...readers.keys()].join(', ')}`,
    symbolize: (frame) => {
      if (!frame.url) return null;
      const path = frame.url.replace(/^chrome-extension:\/\/[^/]+/, '');
      const reader = readers.get(path);
      if (!reader || frame.lineNumber === undefined) return null;
      const pos = reader.lookup(frame.lineNumber, frame.columnNumber ?? 0);
      if (!pos) return null;
      // Minified names are one to three characters; longer ones (object keys, which the
      // minifier keeps) are the real name. An arrow function's profile position is its first
      // parameter, whose mapped name would be wrong.
      const kept = frame.functionName.length > 3 ? frame.functionName : null;
      return { name: kept ?? pos.name, where: `${pos.source}:${pos.line}` };
    },
  };
}
