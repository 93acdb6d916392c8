/**
 * The end-to-end run: the built extension in real Chromium and Firefox ESR
 * (tests/e2e/**\/*.e2e.ts). Files run one after another: the machine has 2 cores and each
 * file drives a browser or two. `npm run test:e2e` runs it; `npm test` runs it after the
 * unit tests and prints one count over both.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    exclude: ['node_modules/**'],
    environment: 'node',
    fileParallelism: false,
    maxWorkers: 1,
    // Browsers start in 0.5 to 4 s and a first build takes a few more; a hung browser
    // should still fail the run rather than stall CI.
    testTimeout: 60_000,
    hookTimeout: 180_000,
    teardownTimeout: 30_000,
  },
});
