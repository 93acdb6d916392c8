/**
 * A Vitest reporter that counts passed, failed and skipped tests for `npm test`
 * (scripts/test.ts) and writes them to the file named by SOURCELIGHT_COUNT_FILE.
 *
 * Counted honestly: a test that never ran because its suite's setup failed (a browser that
 * would not start, a build that broke) is a failure, not a skip; a file that failed to load
 * counts as one failure; so does every unhandled error.
 */
import { writeFileSync } from 'node:fs';
import type { Reporter, TestModule, TestSuite } from 'vitest/node';

export interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

function setupFailed(entity: TestSuite | TestModule): boolean {
  for (let e: TestSuite | TestModule | undefined = entity; e; ) {
    if (e.errors().length > 0) return true;
    e = e.type === 'suite' ? e.parent : undefined;
  }
  return false;
}

export function countModules(modules: ReadonlyArray<TestModule>, unhandled: number): Counts {
  const counts: Counts = { passed: 0, failed: unhandled, skipped: 0 };
  for (const mod of modules) {
    let tests = 0;
    for (const test of mod.children.allTests()) {
      tests += 1;
      const state = test.result().state;
      if (state === 'passed') counts.passed += 1;
      else if (state === 'failed') counts.failed += 1;
      else if (setupFailed(test.parent)) counts.failed += 1;
      else counts.skipped += 1;
    }
    if (tests === 0 && mod.errors().length > 0) counts.failed += 1;
  }
  return counts;
}

export default class CountReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    const file = process.env.SOURCELIGHT_COUNT_FILE;
    if (!file) return;
    writeFileSync(file, JSON.stringify(countModules(modules, unhandledErrors.length)));
  }
}
