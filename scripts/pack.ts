/**
 * `npm run pack`: rebuilds the knowledge pack from `data/` and writes
 * lib/pack/generated/{pack,detect,detect-tables}.json.
 *   --check      writes nothing; exits 1 and says what differs when the committed pack is stale
 *   --out FILE   writes only the full pack JSON to FILE (`-` for standard output)
 * Bad input stops the build with the file, entity and field, before anything is written.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { prepareDetector } from '../lib/detect/prepare';
import { buildPack, toDetectorPack } from '../lib/pack/build';
import { PackInputError } from '../lib/pack/errors';
import { loadPackInput } from '../lib/pack/load';
import { DATA_DIR, DETECT_JSON, PACK_JSON, TABLES_JSON } from '../lib/pack/paths';
import { stableJson } from '../lib/pack/serialize';

const ROOT = join(import.meta.dirname, '..');

function usage(message: string): never {
  process.stderr.write(`pack: ${message}\nusage: npm run pack [-- --check | --out FILE]\n`);
  process.exit(2);
}

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

function main(argv: string[]): number {
  let check = false;
  let out: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--check') check = true;
    else if (arg === '--out') {
      out = argv[++i] ?? usage('--out needs a file name (or - for standard output)');
    } else usage(`unknown argument ${arg}`);
  }
  if (check && out !== null) usage('--check and --out do not go together');

  const dataDir = process.env.SOURCELIGHT_DATA_DIR ?? join(ROOT, DATA_DIR);
  let files: [string, string][];
  try {
    const pack = buildPack(loadPackInput(dataDir));
    const detectorPack = toDetectorPack(pack);
    files = [
      [PACK_JSON, stableJson(pack)],
      [DETECT_JSON, stableJson(detectorPack)],
      [TABLES_JSON, stableJson(prepareDetector(detectorPack))],
    ];
  } catch (e) {
    if (e instanceof PackInputError) {
      process.stderr.write(`pack: bad input: ${e.message}\n(nothing was written)\n`);
      return 1;
    }
    throw e;
  }

  if (out !== null) {
    const json = (files[0] as [string, string])[1];
    if (out === '-') process.stdout.write(json);
    else writeFileSync(out, json);
    return 0;
  }
  if (check) {
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
  for (const [rel, json] of files) writeFileSync(join(ROOT, rel), json);
  process.stdout.write(`pack: wrote ${files.map(([rel]) => rel).join(', ')}\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
