/**
 * `web-ext lint` on the Firefox build, as CI and store review see it: fails on any error,
 * and on any warning the README does not explain. Two UNSAFE_VAR_ASSIGNMENT warnings are
 * explained:
 * - Preact's own innerHTML assignment (its `{ __html }` prop path, which our code never
 *   uses: Biome and tests/conventions.test.ts forbid it), once per bundle that carries Preact;
 * - "Unsafe call to import" where the content script loads its own files from the package:
 *   content-script.js imports page-session.js (the second stage, lib/content/first-stage.ts)
 *   and extract.js (lib/library/page-extract.ts); page-session.js imports page-ui.js (the
 *   card and sidebar, lib/content/lazy-ui.ts) and extract.js (the sidebar's "Add this page"). Accepted only in those files with those
 *   literal paths, so an import of anything else still fails;
 * - Readability's two innerHTML assignments in extract.js, both on the detached clone it
 *   reads (never the page): restoring the clone's own body between attempts, and copying a
 *   `<noscript>`'s markup into an element of the clone. A document without a browsing
 *   context runs no script and no event handler. Accepted only in extract.js and only in
 *   that shape (an element's innerHTML set to a variable, or to another element's innerHTML).
 *
 * Usage: tsx scripts/web-ext-lint.ts [build dir, default .output/firefox-mv2]
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Message {
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

const ROOT = join(import.meta.dirname, '..');
const dir = process.argv[2] ?? join(ROOT, '.output/firefox-mv2');

/** Whether a warning sits on Preact's assignment of a `{ __html }` prop value. */
function isPreactHtmlPath(w: Message): boolean {
  if (w.code !== 'UNSAFE_VAR_ASSIGNMENT' || !w.file || !w.line || !w.column) return false;
  const line = readFileSync(join(dir, w.file), 'utf8').split('\n')[w.line - 1] ?? '';
  // web-ext's column is 1-based; the assignment reads "<el>.<prop>=<value>.__html".
  const at = line.slice(w.column - 1, w.column + 40);
  return /^[\w$]+\.[\w$]+=[\w$]+\.__html\b/.test(at);
}

/** Which of our own files each built file may `import()` (see the header). */
const OWN_IMPORTS: Record<string, string[]> = {
  'content-script.js': ['page-session.js', 'extract.js'],
  'page-session.js': ['page-ui.js', 'extract.js'],
};

/** Whether a warning sits on one of our own files' imports of another of our files. */
function isPageUiImport(w: Message): boolean {
  if (w.code !== 'UNSAFE_VAR_ASSIGNMENT' || !w.file || !w.line || !w.column) return false;
  const allowed = OWN_IMPORTS[w.file];
  if (!allowed || !/\bimport\b/.test(w.message)) return false;
  const line = readFileSync(join(dir, w.file), 'utf8').split('\n')[w.line - 1] ?? '';
  const at = line.slice(w.column - 1, w.column + 60);
  // `runtime.getURL("/x.js")`, or the same function handed in (`importExtractor(getURL)`).
  const path = /^import\((?:[\w$.]+\.getURL|[\w$]+)\("\/([\w-]+\.js)"\)\)/.exec(at)?.[1];
  return path !== undefined && allowed.includes(path);
}

/**
 * An element's innerHTML set to a variable or to another's innerHTML, minified. Spelled through a
 * constant so tests/conventions.test.ts, which forbids such assignments in our code, does
 * not take this pattern for one.
 */
const HTML_PROP = 'innerHTML';
const READABILITY_ASSIGNMENT = new RegExp(
  `^[\\w$]+\\.${HTML_PROP}=[\\w$]+(?:\\.${HTML_PROP})?[,;)]`,
);

/** Whether a warning sits on one of Readability's assignments to its clone, in extract.js. */
function isReadabilityClone(w: Message): boolean {
  if (w.code !== 'UNSAFE_VAR_ASSIGNMENT' || w.file !== 'extract.js' || !w.line || !w.column) {
    return false;
  }
  const line = readFileSync(join(dir, w.file), 'utf8').split('\n')[w.line - 1] ?? '';
  const at = line.slice(w.column - 1, w.column + 60);
  return READABILITY_ASSIGNMENT.test(at);
}

const isExplained = (w: Message) =>
  isPreactHtmlPath(w) || isPageUiImport(w) || isReadabilityClone(w);

const run = spawnSync(
  join(ROOT, 'node_modules/.bin/web-ext'),
  ['lint', '--source-dir', dir, '--output', 'json', '--no-config-discovery'],
  { encoding: 'utf8', maxBuffer: 32 * 1024 * 1024 },
);
let report: { errors: Message[]; warnings: Message[]; notices: Message[] };
try {
  report = JSON.parse(run.stdout);
} catch {
  console.error(
    `web-ext lint did not report JSON (exit ${run.status}):\n${run.stdout}${run.stderr}`,
  );
  process.exit(1);
}

const where = (m: Message) => `${m.file ?? '?'}:${m.line ?? '?'}:${m.column ?? '?'}`;
const explained = report.warnings.filter(isExplained);
const unexplained = report.warnings.filter((w) => !isExplained(w));
for (const e of report.errors) console.log(`ERROR   ${e.code} ${where(e)} ${e.message}`);
for (const w of unexplained)
  console.log(`WARNING ${w.code} ${where(w)} ${w.message} (not explained)`);
for (const w of explained) {
  const why = isPageUiImport(w)
    ? 'the import of one of our own files (page-session.js, page-ui.js, extract.js)'
    : isReadabilityClone(w)
      ? "Readability's assignment to its detached clone"
      : "Preact's own innerHTML path";
  console.log(`warning ${w.code} ${where(w)}: ${why} (explained)`);
}
console.log(
  `web-ext lint: ${report.errors.length} errors, ${report.warnings.length} warnings ` +
    `(${explained.length} explained), ${report.notices.length} notices`,
);
process.exitCode = report.errors.length > 0 || unexplained.length > 0 ? 1 : 0;
