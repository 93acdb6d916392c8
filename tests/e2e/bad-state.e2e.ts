/**
 * State that stayed broken (issue 19): stored settings of the wrong shape stopped marking
 * and left the options page loading; a page address over 4,096 characters was refused
 * (no history); a page moving its address with pushState wrote one history entry per
 * move, with titles it chose.
 */
import { expect, it } from 'vitest';
import { DEMO_ARTICLE, DEMO_HOVER_TERM } from './expectations';
import { clickInPage, settledHighlights } from './harness/interact';
import type { E2EPage } from './harness/session';
import { forEachBrowser } from './harness/suite';

/** The extension API in an extension page of either browser. */
type ExtApi = {
  storage: {
    local: { set(v: object): Promise<void>; get(k: string): Promise<Record<string, unknown>> };
  };
  runtime: { sendMessage(m: unknown): Promise<unknown> };
};

/** Every page address in reading history, asked of the background from an extension page. */
async function historyUrls(page: E2EPage): Promise<string[]> {
  return page.evaluate(async () => {
    const g = globalThis as unknown as { browser?: ExtApi; chrome?: ExtApi };
    const api = (g.browser ?? g.chrome) as ExtApi;
    const list = (await api.runtime.sendMessage({
      sourcelight: 1,
      name: 'history:list',
      payload: {},
    })) as { available: boolean; data?: { pages: { url: string }[] } };
    return list.available ? (list.data?.pages ?? []).map((p) => p.url) : [];
  });
}

forEachBrowser(
  'bad state',
  (session) => {
    it('bad stored settings: pages are still marked; the options page loads and repairs them', async () => {
      const { browser, server } = session();
      const options = await browser.openExtensionPage('options.html', 'main.options');
      await options.evaluate(async () => {
        const g = globalThis as unknown as { browser?: ExtApi; chrome?: ExtApi };
        await (g.browser ?? g.chrome)?.storage.local.set({
          settings: { enabled: true, disabledSites: null, kinds: 'person' },
        });
      });
      await options.close();

      const article = await browser.openPage(server.url(DEMO_ARTICLE));
      const ranges = await settledHighlights(article, 20_000, (r) => r.length > 0);
      expect(ranges.map((r) => r.text)).toContain(DEMO_HOVER_TERM);
      await article.close();

      const again = await browser.openExtensionPage('options.html', '.problems');
      const said = await again.evaluate(
        () => document.querySelector('.problems')?.textContent ?? '',
      );
      expect(said).toMatch(/disabledSites: null/);
      expect(said).toMatch(/kinds: "person"/);
      await clickInPage(again, '.problems button');
      await again.waitFor('the settings saved whole', async () => {
        const g = globalThis as unknown as { browser?: ExtApi; chrome?: ExtApi };
        const got = await (g.browser ?? g.chrome)?.storage.local.get('settings');
        const s = got?.settings as { disabledSites?: unknown; kinds?: unknown } | undefined;
        return Array.isArray(s?.disabledSites) && Array.isArray(s?.kinds);
      });
      await again.close();
    });

    it('a page address over 4,096 characters is kept in history by its beginning', async () => {
      const { browser, server } = session();
      const long = `${server.url('/fixtures/plain.html')}?q=${'deepseek+'.repeat(600)}`;
      expect(long.length).toBeGreaterThan(5000);
      const page = await browser.openPage(long);
      await settledHighlights(page, 15_000, (r) => r.length > 0);
      await page.close();
      const ext = await browser.openExtensionPage('options.html', 'main.options');
      await ext.waitFor(
        'the long address in history',
        async (prefix: string) => {
          const g = globalThis as unknown as { browser?: ExtApi; chrome?: ExtApi };
          const list = (await (g.browser ?? g.chrome)?.runtime.sendMessage({
            sourcelight: 1,
            name: 'history:list',
            payload: {},
          })) as { data?: { pages: { url: string }[] } };
          return (list.data?.pages ?? []).some((p) => p.url.startsWith(prefix));
        },
        long.slice(0, 200),
      );
      const kept = (await historyUrls(ext)).filter((u) => u.startsWith(long.slice(0, 200)));
      expect(kept.map((u) => u.length)).toEqual([4096]);
      expect(long.startsWith(kept[0] as string)).toBe(true);
      await ext.close();
    });

    it('a page moving its address 40 times adds the address it opened at and the one it settled on, no more', async () => {
      const { browser, server } = session();
      const page = await browser.openPage(server.url('/fixtures/flood.html'));
      await page.waitFor(
        'the page to stop moving',
        () => (window as { __fixtureDone?: boolean }).__fixtureDone === true,
        undefined,
        15_000,
      );
      await settledHighlights(page, 15_000, (r) => r.length > 0);
      // An address reached within the page is reported once it has held for a second.
      await new Promise((r) => setTimeout(r, 2_000));
      await page.close();
      const ext = await browser.openExtensionPage('options.html', 'main.options');
      const flood = (await historyUrls(ext)).filter((u) => u.includes('/fixtures/flood.html'));
      // (The background also keeps at most 30 new addresses of a site per 10 minutes.)
      expect(flood.length).toBeGreaterThanOrEqual(1);
      expect(flood.length).toBeLessThanOrEqual(2);
      await ext.close();
    });
  },
  { probe: true },
);
