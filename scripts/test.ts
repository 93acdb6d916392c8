/**
 * `npm test`: the unit tests, then the end-to-end suites in real browsers, then one line
 * counting both: "N passed, N failed, N skipped". Exits non-zero when anything failed.
 * Each run keeps Vitest's own output; the count comes from scripts/count-reporter.ts.
 *
 * The end-to-end suites run as two processes side by side, one per browser
 * (`SOURCELIGHT_E2E_BROWSER`, tests/e2e/harness/suite.ts): most of an end-to-end test is
 * waiting on a browser, so Chromium's and Firefox's halves overlap well on two cores. Both
 * builds are made first, one after the other, so the two processes never build at once.
 * Chromium's output streams; Firefox's is printed when its run ends, so neither interleaves.
 *
 * Arguments are passed to every Vitest run (e.g. a file filter).
 */
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Counts } from './count-reporter';

const ROOT = join(import.meta.dirname, '..');
const VITEST = join(ROOT, 'node_modules/.bin/vitest');
const WXT = join(ROOT, 'node_modules/.bin/wxt');

interface Run {
  name: string;
  config: string;
  env?: Record<string, string>;
}

type Result = Counts & { exitCode: number };

function vitestArgs(config: string): string[] {
  return [
    'run',
    '--config',
    config,
    '--reporter=default',
    `--reporter=${join(ROOT, 'scripts/count-reporter.ts')}`,
    ...process.argv.slice(2),
  ];
}

function counted(name: string, countFile: string, exitCode: number): Result {
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

/** One Vitest run; `log` (a file) instead of the terminal keeps parallel runs apart. */
function runOne(run: Run, dir: string, log: string | null): Promise<Result> {
  const countFile = join(dir, `${run.name}.json`);
  if (log === null) console.log(`\n== ${run.name} tests (${run.config})`);
  const child = spawn(VITEST, vitestArgs(run.config), {
    cwd: ROOT,
    stdio: log === null ? 'inherit' : ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...run.env, SOURCELIGHT_COUNT_FILE: countFile },
  });
  if (log !== null) {
    const out = createWriteStream(log);
    child.stdout?.pipe(out);
    child.stderr?.pipe(out);
  }
  return new Promise((resolve) => {
    child.on('close', (code) => {
      if (log !== null) {
        console.log(`\n== ${run.name} tests (${run.config})`);
        process.stdout.write(readFileSync(log, 'utf8'));
      }
      resolve(counted(run.name, countFile, code ?? 1));
    });
  });
}

function build(args: string[]): boolean {
  console.log(`\n== wxt ${args.join(' ')}`);
  const result = spawnSync(WXT, args, { cwd: ROOT, stdio: 'inherit' });
  return result.status === 0;
}

async function main(): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'sourcelight-test-'));
  const total: Counts = { passed: 0, failed: 0, skipped: 0 };
  const add = (r: Result) => {
    total.passed += r.passed;
    total.failed += r.failed;
    total.skipped += r.skipped;
  };
  try {
    add(await runOne({ name: 'unit', config: 'vitest.config.ts' }, dir, null));
    if (!build(['build']) || !build(['build', '-b', 'firefox'])) {
      total.failed++;
    } else {
      const e2e = (browser: string): Run => ({
        name: `end-to-end (${browser})`,
        config: 'vitest.e2e.config.ts',
        env: { SOURCELIGHT_E2E_BROWSER: browser },
      });
      const results = await Promise.all([
        runOne(e2e('chromium'), dir, null),
        runOne(e2e('firefox'), dir, join(dir, 'firefox.log')),
      ]);
      for (const r of results) add(r);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`\n${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
  return total.failed > 0 ? 1 : 0;
}

main().then((code) => {
  process.exitCode = code;
});
