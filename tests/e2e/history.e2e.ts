/**
 * Reading history: a visit is recorded (in the extension's IndexedDB), the sidebar on a
 * later page says the term was "seen before", and the history page lists term and page.
 */
import { expect, it } from 'vitest';
import { DEMO_ARTICLE, DEMO_HOVER_TERM } from './expectations';
import {
  clickLabelled,
  openSidebarFromCard,
  settledHighlights,
  waitInUi,
} from './harness/interact';
import { forEachBrowser } from './harness/suite';

forEachBrowser(
  'reading history',
  (session) => {
    it('records a visit, and the sidebar elsewhere says "seen before"', async () => {
      const { browser, server } = session();
      const first = await browser.openPage(server.url(DEMO_ARTICLE));
      await settledHighlights(first, 20_000, (r) => r.some((m) => m.text === DEMO_HOVER_TERM));
      await first.close();

      const second = await browser.openPage(server.url('/fixtures/late.html'));
      await openSidebarFromCard(second, DEMO_HOVER_TERM);
      const [line] = await waitInUi(second, 'aside p', 'Seen before on');
      const pages = Number(line?.text.match(/Seen before on (\d+) page/)?.[1]);
      expect(pages).toBeGreaterThanOrEqual(1);
      await second.close();
    });

    it('lists the term and the page on the history page', async () => {
      const { browser, server } = session();
      const article = await browser.openPage(server.url(DEMO_ARTICLE));
      await settledHighlights(article, 20_000, (r) => r.length > 0);
      const title = await article.evaluate(() => document.title);
      await article.close();

      const history = await browser.openExtensionPage('reading-history.html', 'ul.history-list');
      const byTerm = await history.evaluate(
        () => document.querySelector('main')?.textContent ?? '',
      );
      expect(byTerm).toContain(DEMO_HOVER_TERM);
      await clickLabelled(history, 'By page');
      await history.waitFor(
        'the by-page view with the article',
        (t: string) => (document.querySelector('main')?.textContent ?? '').includes(t),
        title,
      );
      await history.close();
    });
  },
  { probe: true },
);
