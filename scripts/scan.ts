/**
 * `npm run -s scan -- [--json] [--all] [--pack FILE] FILE|-`: runs the page's detector over
 * a .txt file (as plain text) or an .html file (its visible text, read as the content
 * script reads it). A figure match carries its pack topic (`topicId`) and how it stands
 * against the sources' figures on it (`verdict`: same, within, close, differs), or null. Offsets are into the text as read; for HTML that is the visible
 * blocks joined by a blank line, each block detected on its own and gated once for the
 * whole document, as on a page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDetector, gateMatches, type Match } from '../lib/detect/index';
import type { DetectorPack } from '../lib/pack/types';
import { readArgs, UsageError, usageLine } from './cli-args';
import { visibleBlocks } from './visible-text';

const HELP = `usage: npm run -s scan -- [--json] [--all] [--html|--text] [--pack FILE] FILE|-
  FILE        a .txt or .html file, or - for stdin
  --json      print only a JSON array of the matches
  --all       turn context gating off
  --html      read the input as HTML (its visible text), whatever its name
  --text      read the input as plain text, whatever its name
  --pack FILE another detector pack (default: lib/pack/generated/detect.json)
  -h, --help  print this`;
const DEFAULT_PACK = join(import.meta.dirname, '..', 'lib', 'pack', 'generated', 'detect.json');
const BLOCK_JOIN = '\n\n';

class ScanError extends Error {}

interface Args {
  json: boolean;
  all: boolean;
  mode: 'html' | 'text' | null;
  pack: string;
  file: string;
}

/** The arguments, or null when --help asked for the usage. */
function readScanArgs(argv: string[]): Args | null {
  const { values, positionals } = readArgs(
    argv,
    {
      json: { type: 'boolean' },
      all: { type: 'boolean' },
      html: { type: 'boolean' },
      text: { type: 'boolean' },
      pack: { type: 'string' },
    },
    HELP,
    true,
  );
  if (values.help) return null;
  if (values.html && values.text)
    throw new UsageError(`--html or --text, not both. ${usageLine(HELP)}`);
  if (positionals.length !== 1) {
    throw new UsageError(`give exactly one FILE (or - for stdin). ${usageLine(HELP)}`);
  }
  return {
    json: values.json ?? false,
    all: values.all ?? false,
    mode: values.html ? 'html' : values.text ? 'text' : null,
    pack: values.pack ?? DEFAULT_PACK,
    file: positionals[0] as string,
  };
}

function readInput(file: string): Buffer {
  try {
    return readFileSync(file === '-' ? 0 : file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a directory'
          : code === 'EACCES'
            ? 'permission denied'
            : code;
    throw new ScanError(`cannot read ${file}: ${why}`);
  }
}

/** UTF-8 text, or an error for binary input (NUL bytes or invalid UTF-8). */
function decode(bytes: Buffer, file: string): string {
  if (bytes.subarray(0, 8192).includes(0)) throw new ScanError(`${file} looks binary, not text`);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new ScanError(`${file} is not UTF-8 text`);
  }
}

function loadPack(path: string): DetectorPack {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch {
    throw new ScanError(
      `cannot read the pack ${path}: run npm run pack first, or pass --pack FILE`,
    );
  }
  try {
    const pack = JSON.parse(raw) as DetectorPack;
    if (!Array.isArray(pack.entities) || !Array.isArray(pack.figures)) throw new Error();
    return pack;
  } catch {
    throw new ScanError(`${path} is not a detector pack (JSON with entities, figures, topics)`);
  }
}

function isHtml(file: string, text: string, mode: Args['mode']): boolean {
  if (mode) return mode === 'html';
  if (/\.x?html?$/i.test(file)) return true;
  if (file === '-') return /^\s*</.test(text);
  return false;
}

/** Detects over the input; returns the text as read and its matches. */
function scanText(
  pack: DetectorPack,
  input: string,
  html: boolean,
  all: boolean,
): { text: string; matches: Match[] } {
  const detector = createDetector(pack, { gating: !all });
  if (!html) return { text: input, matches: detector.detect(input) };
  const blocks = visibleBlocks(input);
  const found: Match[] = [];
  let offset = 0;
  for (const block of blocks) {
    for (const m of detector.detectAll(block)) {
      found.push({ ...m, start: m.start + offset, end: m.end + offset });
    }
    offset += block.length + BLOCK_JOIN.length;
  }
  return { text: blocks.join(BLOCK_JOIN), matches: all ? found : gateMatches(found) };
}

function table(matches: Match[]): string {
  if (matches.length === 0) return 'no matches';
  const rows = matches.map((m) => [
    `${m.start}-${m.end}`,
    m.kind === 'figure' ? 'figure' : (m.entityKind ?? ''),
    m.tier,
    m.id,
    JSON.stringify(m.text),
    m.kind === 'figure' ? (m.topicId ?? 'no topic') : '',
    m.kind === 'figure' ? (m.verdict ?? '-') : '',
    m.label,
  ]);
  const head = ['offsets', 'kind', 'tier', 'id', 'text', 'topic', 'verdict', 'label'];
  const widths = head.map((h, i) =>
    Math.max(h.length, ...rows.map((r) => (r[i] as string).length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] as number))
      .join('  ')
      .trimEnd();
  const entities = new Set(matches.filter((m) => m.kind === 'entity').map((m) => m.id)).size;
  const figures = matches.filter((m) => m.kind === 'figure').length;
  return [
    line(head),
    ...rows.map(line),
    `${matches.length} matches: ${entities} distinct entities, ${figures} figures`,
  ].join('\n');
}

function main(argv: string[]): number {
  try {
    const args = readScanArgs(argv);
    if (!args) {
      process.stdout.write(`${HELP}\n`);
      return 0;
    }
    const input = decode(readInput(args.file), args.file);
    const pack = loadPack(args.pack);
    const { matches } = scanText(pack, input, isHtml(args.file, input, args.mode), args.all);
    process.stdout.write(args.json ? `${JSON.stringify(matches)}\n` : `${table(matches)}\n`);
    return 0;
  } catch (err) {
    const ours = err instanceof ScanError || err instanceof UsageError;
    const msg = ours ? err.message : `failed: ${(err as Error).message}`;
    process.stderr.write(`scan: ${msg}\n`);
    return 2;
  }
}

process.exitCode = main(process.argv.slice(2));
