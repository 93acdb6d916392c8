/**
 * `npm run pack`: rebuilds the knowledge pack from `data/` and writes
 * lib/pack/generated/{pack,detect,detect-tables,core-names,input}.json.
 *   --check             writes nothing; exits 1 and says what differs when the committed pack is stale
 *   --out FILE          writes only the full pack JSON to FILE (`-` for standard output)
 *   --add FILE...       adds articles (.txt, or .html through the extension's extraction; a
 *                       sidecar FILE.meta.json may give metadata) as the reader's own sources,
 *                       through the same build the extension runs; with --out (the full pack)
 *                       or --library OUT.json (a library file to import in the extension)
 * Bad input stops the build with the file, entity and field, before anything is written.
 * SOURCE_DATE_EPOCH (seconds), when set, is the "added" time of --add files, so a build
 * with --add is reproducible too.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { coreForms } from '../lib/detect/core-names';
import { prepareDetector } from '../lib/detect/prepare';
import { buildLibraryPack } from '../lib/library/build';
import { toLibraryFile } from '../lib/library/file';
import { mergeLibrary } from '../lib/library/merge';
import { EMPTY_LIBRARY } from '../lib/library/types';
import { buildPack, toDetectorPack } from '../lib/pack/build';
import { PackInputError } from '../lib/pack/errors';
import { loadPackInput, type PackInput } from '../lib/pack/load';
import {
  CORE_JSON,
  DATA_DIR,
  DETECT_JSON,
  INPUT_JSON,
  PACK_JSON,
  TABLES_JSON,
} from '../lib/pack/paths';
import { stableJson } from '../lib/pack/serialize';
import { type PackOptions, parsePackArgs, UsageError } from './pack-args';

const ROOT = join(import.meta.dirname, '..');
/** The first differing line, so a stale pack says where it changed. */
function firstDifference(a: string, b: string): string {
  const left = a.split('\n');
  const right = b.split('\n');
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    if (left[i] !== right[i]) {
      return `line ${i + 1}: committed ${JSON.stringify(left[i] ?? '<end>')}, built ${JSON.stringify(right[i] ?? '<end>')}`;
    }
  }
  return 'no difference';
}

function write(out: string, json: string): void {
  if (out === '-') process.stdout.write(json);
  else writeFileSync(out, json);
}

/** When --add files were added: SOURCE_DATE_EPOCH for reproducible builds, else now. */
function addedAt(env: NodeJS.ProcessEnv): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && /^\d+$/.test(epoch))
    return new Date(Number(epoch) * 1000).toISOString();
  return new Date().toISOString();
}

/** The bundled build's files, in the order they are written. */
function bundledFiles(input: PackInput): [string, string][] {
  const pack = buildPack(input);
  const detectorPack = toDetectorPack(pack);
  const tables = prepareDetector(detectorPack);
  return [
    [PACK_JSON, stableJson(pack)],
    [DETECT_JSON, stableJson(detectorPack)],
    [TABLES_JSON, stableJson(tables)],
    // The content script's first stage: is this page worth the detector at all?
    [CORE_JSON, stableJson(coreForms(tables))],
    // What the background rebuilds from when the reader adds sources (lib/library/build.ts).
    [INPUT_JSON, stableJson(input)],
  ];
}

async function withAdded(input: PackInput, opts: PackOptions): Promise<number> {
  // happy-dom and Readability load only when there are files to add.
  const { loadArticleFile } = await import('../lib/library/load-files');
  const when = addedAt(process.env);
  const merged = mergeLibrary(EMPTY_LIBRARY, {
    sources: opts.add.map((file) => loadArticleFile(file, when)),
    names: [],
  });
  for (const url of merged.skippedSources)
    process.stderr.write(`pack: skipped ${url}: added twice\n`);
  const library = { sources: merged.sources, names: [] };
  if (opts.library !== null) {
    write(opts.library, `${JSON.stringify(toLibraryFile(library, new Date(when)), null, 2)}\n`);
    process.stderr.write(
      `pack: wrote a library of ${library.sources.length} source(s) to ${opts.library}\n`,
    );
    return 0;
  }
  const { pack } = buildLibraryPack(input, library);
  write(opts.out as string, stableJson(pack));
  const added = pack.sources.filter((s) => s.added);
  const claims = pack.claims.filter((c) => added.some((s) => s.id === c.sourceId)).length;
  const figures = pack.figures.filter((f) => added.some((s) => s.id === f.sourceId));
  process.stderr.write(
    `pack: ${pack.sources.length} sources (${added.length} added: ${claims} claims, ${figures.length} figures, ${figures.filter((f) => f.topicId).length} in topics)\n`,
  );
  return 0;
}

function check(files: [string, string][]): number {
  let stale = 0;
  for (const [rel, json] of files) {
    const path = join(ROOT, rel);
    const committed = existsSync(path) ? readFileSync(path, 'utf8') : null;
    if (committed === json) continue;
    stale++;
    const why = committed === null ? 'missing' : firstDifference(committed, json);
    process.stderr.write(`pack: ${rel} is stale (${why})\n`);
  }
  if (stale > 0) {
    process.stderr.write('pack: run `npm run pack` and commit the result\n');
    return 1;
  }
  process.stdout.write('pack: up to date\n');
  return 0;
}

async function main(argv: string[]): Promise<number> {
  const opts = parsePackArgs(argv);
  const dataDir = process.env.SOURCELIGHT_DATA_DIR ?? join(ROOT, DATA_DIR);
  const input = loadPackInput(dataDir);
  if (opts.add.length > 0) return withAdded(input, opts);
  const files = bundledFiles(input);
  if (opts.out !== null) {
    write(opts.out, (files[0] as [string, string])[1]);
    return 0;
  }
  if (opts.check) return check(files);
  for (const [rel, json] of files) writeFileSync(join(ROOT, rel), json);
  process.stdout.write(`pack: wrote ${files.map(([rel]) => rel).join(', ')}\n`);
  return 0;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (e) {
  if (e instanceof UsageError) {
    process.stderr.write(`pack: ${e.message}\n${UsageError.usage}\n`);
    process.exitCode = 2;
  } else if (e instanceof PackInputError) {
    process.stderr.write(`pack: bad input: ${e.message}\n(nothing was written)\n`);
    process.exitCode = 1;
  } else if (e instanceof Error && e.name === 'AddFileError') {
    process.stderr.write(`pack: cannot add ${e.message}\n(nothing was written)\n`);
    process.exitCode = 1;
  } else throw e;
}
