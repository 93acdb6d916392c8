/**
 * A page with thousands of marks registers only those near the viewport as highlights
 * (lib/page/paint-window.ts), and scrolling brings the others in; a page with more text
 * than is read at once (lib/page/page-budget.ts) is read further where the reader goes.
 * Checked with the real IntersectionObserver and CSS.highlights of each browser.
 */
import { expect, it } from 'vitest';
import { openSidebarFromCard, settledHighlights, waitInUi } from './harness/interact';
import { forEachBrowser } from './harness/suite';

forEachBrowser(
  'window',
  (session) => {
    it('registers the marks near the viewport only, and the rest as the reader scrolls', async () => {
      const { browser, server } = session();
      const page = await browser.openPage(server.url('/fixtures/long.html'));
      const top = await settledHighlights(page, 20_000, (r) => r.length > 0);
      // 3,600 marks on the page; a screen and a half around the first one registered.
      expect(top.length).toBeGreaterThan(0);
      expect(top.length).toBeLessThan(1000);
      expect(top.some((r) => r.text === 'Liang Wenfeng')).toBe(true);
      expect(top.some((r) => r.text === 'Zhou Hongyi')).toBe(false);
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      const bottom = await settledHighlights(page, 20_000, (r) =>
        r.some((m) => m.text === 'Zhou Hongyi'),
      );
      expect(bottom.length).toBeLessThan(1000);
      await page.close();
    });

    it('reads a book-length page as far as its budget, and the rest where the reader goes', async () => {
      const { browser, server } = session();
      const page = await browser.openPage(server.url('/fixtures/book.html'));
      const top = await settledHighlights(page, 20_000, (r) =>
        r.some((m) => m.text === 'Liang Wenfeng'),
      );
      expect(top.some((r) => r.text === 'Feng Ji' || r.text === 'Zhou Hongyi')).toBe(false);
      // The sidebar says its counts cover what has been read.
      await openSidebarFromCard(page, 'Liang Wenfeng');
      await waitInUi(page, 'aside p', 'the counts cover the part read so far');
      // A jump, not a scroll through: the walk stopped far above goes on all the same.
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await settledHighlights(page, 20_000, (r) => r.some((m) => m.text === 'Zhou Hongyi'));
      await page.evaluate(() =>
        window.scrollTo(0, (document.documentElement.scrollHeight * 3) / 4),
      );
      await settledHighlights(page, 20_000, (r) => r.some((m) => m.text === 'Feng Ji'));
      await page.close();
    });

    it('goes on past its budget in a page that scrolls in an inner box', async () => {
      const { browser, server } = session();
      const page = await browser.openPage(server.url('/fixtures/book.html?scroller'));
      await settledHighlights(page, 20_000, (r) => r.some((m) => m.text === 'Liang Wenfeng'));
      await page.evaluate(() => {
        const book = document.getElementById('book') as HTMLElement;
        book.scrollTop = book.scrollHeight;
      });
      await settledHighlights(page, 20_000, (r) => r.some((m) => m.text === 'Zhou Hongyi'));
      await page.close();
    });
  },
  { probe: true },
);
