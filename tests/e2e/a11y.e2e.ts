/**
 * axe-core on the popup, options page, history page and the open sidebar: no serious or
 * critical violation. Extension pages get axe evaluated into them; the sidebar, in a
 * closed shadow root, is checked by the probe from its own world.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { DEMO_ARTICLE, DEMO_HOVER_TERM } from './expectations';
import { openSidebarFromCard, openWithTabId, settledHighlights } from './harness/interact';
import { REPO_ROOT } from './harness/paths';
import { type AxeViolation, probe } from './harness/probe';
import type { E2EPage } from './harness/session';
import { forEachBrowser } from './harness/suite';

const AXE = readFileSync(join(REPO_ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
const RUN = `axe.run(document, { resultTypes: ['violations'], runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice'] })
  .then((r) => JSON.stringify(r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => JSON.stringify(n.target)) }))))`;

async function axeOn(page: E2EPage): Promise<AxeViolation[]> {
  await page.evaluateSource(`${AXE}\n;0`);
  return JSON.parse(await page.evaluateSource<string>(RUN));
}

const serious = (violations: AxeViolation[]) =>
  violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');

forEachBrowser(
  'accessibility (axe-core)',
  (session) => {
    it('popup on the demo article', async () => {
      const { browser, server } = session();
      const { page, tabId } = await openWithTabId(browser, server.url(DEMO_ARTICLE));
      await settledHighlights(page, 20_000, (r) => r.length > 0);
      const popup = await browser.openExtensionPage(`popup.html?tab=${tabId}`, 'button.term');
      expect(serious(await axeOn(popup))).toEqual([]);
      await popup.close();
      await page.close();
    });

    it('options page', async () => {
      const { browser } = session();
      const options = await browser.openExtensionPage('options.html', 'fieldset');
      expect(serious(await axeOn(options))).toEqual([]);
      await options.close();
    });

    it('history page', async () => {
      const { browser, server } = session();
      const article = await browser.openPage(server.url(DEMO_ARTICLE));
      await settledHighlights(article, 20_000, (r) => r.length > 0);
      await article.close();
      const history = await browser.openExtensionPage('reading-history.html', 'main h1');
      expect(serious(await axeOn(history))).toEqual([]);
      await history.close();
    });

    it('open sidebar (and the card behind it)', async () => {
      const { browser, server } = session();
      const page = await browser.openPage(server.url(DEMO_ARTICLE));
      await openSidebarFromCard(page, DEMO_HOVER_TERM);
      const violations = await probe(page, 'axe');
      expect(serious(violations)).toEqual([]);
      await page.close();
    });
  },
  { probe: true },
);
