/**
 * Accessibility of the extension pages in real Chromium, light and dark: axe-core finds
 * no violation (contrast included) on the popup, options, reading history, the source
 * library and the reader with a claim highlighted.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuild } from './harness/build';
import { type ChromiumSession, launchChromium } from './harness/chromium';
import { REPO_ROOT } from './harness/paths';
import { type FixtureServer, startFixtureServer } from './harness/server';
import { gateBrowser } from './harness/suite';

const AXE = readFileSync(join(REPO_ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
const pack = JSON.parse(readFileSync(join(REPO_ROOT, 'lib/pack/generated/pack.json'), 'utf8')) as {
  claims: { id: string; sourceId: string }[];
};
const claim = pack.claims[0] as { id: string; sourceId: string };

const PAGES: [string, string, string][] = [
  ['popup', 'popup.html', 'main.popup'],
  ['options', 'options.html', 'main.options'],
  ['reading history', 'reading-history.html', 'main.history'],
  ['source library', 'reader.html', 'main.reader'],
  ['reader', `reader.html?source=${claim.sourceId}&claim=${claim.id}`, 'mark'],
];

interface AxeResult {
  violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
  passes: { id: string }[];
}

/** axe's violations, as lines; fails if axe checked nothing (a silent audit proves nothing). */
async function axe(page: Page): Promise<string[]> {
  // Evaluated over the protocol, so the extension page's CSP does not apply to axe itself.
  await page.evaluate(AXE);
  const result = (await page.evaluate(() =>
    (globalThis as unknown as { axe: { run(): Promise<unknown> } }).axe.run(),
  )) as AxeResult;
  expect(result.passes.map((p) => p.id)).toContain('color-contrast');
  return result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

const gate = gateBrowser('chromium');

for (const scheme of ['light', 'dark'] as const) {
  describe.skipIf(gate.skip)(`Chromium: extension pages are accessible (${scheme})`, () => {
    let server: FixtureServer;
    let browser: ChromiumSession;

    beforeAll(async () => {
      if (gate.problem) throw new Error(gate.problem);
      server = await startFixtureServer();
      browser = await launchChromium(await ensureBuild('chrome'), server, { colorScheme: scheme });
    });
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    it.each(PAGES)('%s has no axe violations', async (_, path, ready) => {
      const page = await browser.context.newPage();
      await page.goto(`${browser.extensionOrigin}/${path}`);
      await page.locator(ready).first().waitFor();
      // Let the popup's messages settle (summary, history status) before auditing.
      await page.waitForLoadState('networkidle');
      expect(await axe(page)).toEqual([]);
      // The theme follows the browser's scheme (theme.css: --bg).
      const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(bg).toBe(scheme === 'dark' ? 'rgb(23, 23, 28)' : 'rgb(255, 255, 255)');
      await page.close();
    });
  });
}
