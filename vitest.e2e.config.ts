/**
 * The end-to-end run: the built extension in real Chromium and Firefox ESR
 * (tests/e2e/**\/*.e2e.ts). Files run one after another: the machine has 2 cores and each
 * file drives a browser or two. `npm run test:e2e` runs it; `npm test` runs it after the
 * unit tests and prints one count over both.
 */
import { defineConfig } from 'vitest/config';

/**
 * Feature suites whose feature has not landed on this branch yet: they are written and
 * fail until it does, so they stay out of the default run rather than being marked
 * skipped. Remove a line when its feature is merged; `SOURCELIGHT_E2E_ALL=1` runs them all.
 */
export const PENDING_FEATURE_SUITES: readonly string[] = [
  // Issue 4 (on the page: highlights, card, sidebar, demo/article.html).
  'tests/e2e/highlights.e2e.ts',
  'tests/e2e/page-intact.e2e.ts',
  'tests/e2e/editables.e2e.ts',
  'tests/e2e/card.e2e.ts',
  'tests/e2e/sidebar.e2e.ts',
  // Both: axe on popup, options, history and sidebar; pictures of card, sidebar, popup.
  'tests/e2e/a11y.e2e.ts',
  'tests/e2e/screenshots.e2e.ts',
];

export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    exclude: [
      'node_modules/**',
      ...(process.env.SOURCELIGHT_E2E_ALL === '1' ? [] : PENDING_FEATURE_SUITES),
    ],
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
