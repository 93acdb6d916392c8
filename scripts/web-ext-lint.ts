/**
 * `web-ext lint` on the Firefox build, as CI and store review see it: fails on any error,
 * and on any warning the README does not explain. The one explained warning is
 * UNSAFE_VAR_ASSIGNMENT at Preact's own innerHTML assignment (its `{ __html }` prop path,
 * which our code never uses: Biome and tests/conventions.test.ts forbid it); it appears once
 * per bundle that carries Preact.
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
const explained = report.warnings.filter(isPreactHtmlPath);
const unexplained = report.warnings.filter((w) => !isPreactHtmlPath(w));
for (const e of report.errors) console.log(`ERROR   ${e.code} ${where(e)} ${e.message}`);
for (const w of unexplained)
  console.log(`WARNING ${w.code} ${where(w)} ${w.message} (not explained)`);
for (const w of explained) {
  console.log(`warning ${w.code} ${where(w)}: Preact's own innerHTML path (explained)`);
}
console.log(
  `web-ext lint: ${report.errors.length} errors, ${report.warnings.length} warnings ` +
    `(${explained.length} explained), ${report.notices.length} notices`,
);
process.exitCode = report.errors.length > 0 || unexplained.length > 0 ? 1 : 0;
