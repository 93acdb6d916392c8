/**
 * The toolbar popup, opened as a page on the demo article's tab (`popup.html?tab=ID`):
 * search comes first and finds a figure by value; it lists the page's terms grouped by kind
 * with counts, and a key to the colours; a click opens the sidebar in the page; the site
 * switch removes the highlights live and brings them back.
 */
import { expect, it } from 'vitest';
import { DEMO_ARTICLE, DEMO_HOVER_TERM } from './expectations';
import { clickInPage, openWithTabId, settledHighlights, waitInUi } from './harness/interact';
import type { E2EBrowser, E2EPage } from './harness/session';
import { forEachBrowser } from './harness/suite';

async function openPopupFor(browser: E2EBrowser, tabId: number): Promise<E2EPage> {
  return browser.openExtensionPage(`popup.html?tab=${tabId}`, 'button.term');
}

const termButtons = () =>
  [...document.querySelectorAll('button.term')].map((b) => b.getAttribute('aria-label') ?? '');

forEachBrowser(
  'popup',
  (session) => {
    it("lists the page's terms grouped by kind, with counts", async () => {
      const { browser, server } = session();
      const { page, tabId } = await openWithTabId(browser, server.url(DEMO_ARTICLE));
      const ranges = await settledHighlights(page, 20_000, (r) => r.length > 0);
      const popup = await openPopupFor(browser, tabId);
      const labels = await popup.evaluate(termButtons);
      const liang = labels.find((l) => l.startsWith(`${DEMO_HOVER_TERM},`));
      expect(liang, labels.join('\n')).toBeDefined();
      const count = Number(liang?.match(/, (\d+) on this page/)?.[1]);
      expect(count).toBeGreaterThanOrEqual(ranges.filter((r) => r.text === DEMO_HOVER_TERM).length);
      expect(labels.some((l) => l.startsWith('DeepSeek,'))).toBe(true);
      // Grouped by kind: one heading per group, people among them.
      const groups = await popup.evaluate(() =>
        [...document.querySelectorAll('.term-groups h3')].map((h) => h.textContent ?? ''),
      );
      expect(groups.length).toBeGreaterThanOrEqual(2);
      expect(groups.some((g) => /people/i.test(g))).toBe(true);

      // Search first, then the page's terms; the colour key after them.
      const order = await popup.evaluate(() => {
        const search = document.querySelector('input[type="search"]') as Element;
        const term = document.querySelector('button.term') as Element;
        const key = document.querySelector('.colour-key') as Element;
        const follows = (a: Element, b: Element) =>
          (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
        return { searchFirst: follows(search, term), keyAfter: follows(term, key) };
      });
      expect(order).toEqual({ searchFirst: true, keyAfter: true });
      // A figure by value, as a reader types it: the background answers from the pack.
      await clickInPage(popup, 'input[type="search"]');
      await popup.type('$6m');
      await popup.waitFor('the training cost found for "$6m"', () =>
        (document.querySelector('.search-results summary')?.textContent ?? '').includes(
          'What DeepSeek spent to train its model',
        ),
      );
      await popup.close();
      await page.close();
    });

    it('opens the sidebar in the page on a clicked term', async () => {
      const { browser, server } = session();
      const { page, tabId } = await openWithTabId(browser, server.url(DEMO_ARTICLE));
      await settledHighlights(page, 20_000, (r) => r.length > 0);
      const popup = await openPopupFor(browser, tabId);
      await clickInPage(popup, 'button.term', DEMO_HOVER_TERM);
      await page.bringToFront();
      await waitInUi(page, 'aside h2', DEMO_HOVER_TERM);
      await page.close();
    });

    it('turns the site off and on, live, in the open tab', async () => {
      const { browser, server } = session();
      const { page, tabId } = await openWithTabId(browser, server.url(DEMO_ARTICLE));
      const before = await settledHighlights(page, 20_000, (r) => r.length > 0);
      const popup = await openPopupFor(browser, tabId);
      const isOn = () =>
        (document.querySelector('input[role="switch"]') as HTMLInputElement).checked;
      expect(await popup.evaluate(isOn)).toBe(true);
      await clickInPage(popup, 'input[role="switch"]');
      await popup.waitFor(
        'the switch to turn off',
        () => !(document.querySelector('input[role="switch"]') as HTMLInputElement).checked,
      );
      await page.bringToFront();
      expect(await settledHighlights(page, 15_000, (r) => r.length === 0)).toEqual([]);

      await popup.bringToFront();
      await clickInPage(popup, 'input[role="switch"]');
      await popup.waitFor('the switch to turn on', isOn);
      await page.bringToFront();
      const after = await settledHighlights(page, 15_000, (r) => r.length === before.length);
      expect(after.map((r) => [r.name, r.text])).toEqual(before.map((r) => [r.name, r.text]));
      await popup.close();
      await page.close();
    });
  },
  { probe: true },
);
