/**
 * `npm test`: the unit tests, then the end-to-end suites in real browsers, then one line
 * counting both: "N passed, N failed, N skipped". Exits non-zero when anything failed.
 * Each run keeps Vitest's own output; the count comes from scripts/count-reporter.ts.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Counts } from './count-reporter';

const ROOT = join(import.meta.dirname, '..');
const VITEST = join(ROOT, 'node_modules/.bin/vitest');

const RUNS = [
  { name: 'unit', config: 'vitest.config.ts' },
  { name: 'end-to-end', config: 'vitest.e2e.config.ts' },
];

function runOne(name: string, config: string, dir: string): Counts & { exitCode: number } {
  const countFile = join(dir, `${name}.json`);
  console.log(`\n== ${name} tests (${config})`);
  const result = spawnSync(
    VITEST,
    [
      'run',
      '--config',
      config,
      '--reporter=default',
      `--reporter=${join(ROOT, 'scripts/count-reporter.ts')}`,
      ...process.argv.slice(2),
    ],
    { cwd: ROOT, stdio: 'inherit', env: { ...process.env, SOURCELIGHT_COUNT_FILE: countFile } },
  );
  const exitCode = result.status ?? 1;
  let counts: Counts;
  try {
    counts = JSON.parse(readFileSync(countFile, 'utf8'));
  } catch {
    // Vitest died before reporting: that is a failure of the whole run.
    counts = { passed: 0, failed: 1, skipped: 0 };
  }
  // A non-zero exit with nothing counted as failed (a crash after the report) still fails.
  if (exitCode !== 0 && counts.failed === 0) counts.failed = 1;
  console.log(
    `${name}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`,
  );
  return { ...counts, exitCode };
}

const dir = mkdtempSync(join(tmpdir(), 'sourcelight-test-'));
const total: Counts = { passed: 0, failed: 0, skipped: 0 };
try {
  for (const { name, config } of RUNS) {
    const counts = runOne(name, config, dir);
    total.passed += counts.passed;
    total.failed += counts.failed;
    total.skipped += counts.skipped;
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(`\n${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exitCode = total.failed > 0 ? 1 : 0;
