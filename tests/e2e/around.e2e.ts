/**
 * Around the page, in both browsers (Chromium MV3 and Firefox MV2): the popup lists a
 * page's terms, the toolbar badge counts them, the site switch turns marking off
 * and on in the open tab at once (badge too), search finds a Chinese name with verbatim
 * quotes, the reading history has the visit, and the reader highlights a claim. The popup
 * is opened as a page with `?tab=ID` (a headless browser has no toolbar to click).
 *
 * The page is the plain fixture, not the demo article: the demo has form fields, and
 * Chromium's autofill then calls content-autofill.googleapis.com on its own, which the
 * harness's closing network check (rightly) counts. tests/e2e/popup.e2e.ts covers the demo.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { KIND_NAMES } from '../../components/shared/kinds';
import { REPO_ROOT } from './harness/paths';
import type { E2EPage } from './harness/session';
import { forEachBrowser } from './harness/suite';

const pack = JSON.parse(readFileSync(join(REPO_ROOT, 'lib/pack/generated/pack.json'), 'utf8')) as {
  sources: { id: string; text: string }[];
  claims: { id: string; sourceId: string; quote: string }[];
};
const isVerbatim = (quote: string) => pack.sources.some((s) => s.text.includes(quote));

/** The extension API inside an extension page: `browser` in Firefox, `chrome` in Chromium. */
interface PageApi {
  tabs: { query(q: object): Promise<{ id?: number }[]> };
  action?: { getBadgeText(d: { tabId: number }): Promise<string> };
  browserAction?: { getBadgeText(d: { tabId: number }): Promise<string> };
}

const tabIds = (page: E2EPage) =>
  page.evaluate(async () => {
    const g = globalThis as unknown as { browser?: PageApi; chrome: PageApi };
    return (await (g.browser ?? g.chrome).tabs.query({})).map((t) => t.id ?? -1);
  });

const badgeOf = (page: E2EPage, tabId: number) =>
  page.evaluate(async (id: number) => {
    const g = globalThis as unknown as { browser?: PageApi; chrome: PageApi };
    const api = g.browser ?? g.chrome;
    return (api.action ?? api.browserAction)?.getBadgeText({ tabId: id }) ?? 'no badge API';
  }, tabId);

forEachBrowser('around the page: popup, badge, site switch, search, history, reader', (session) => {
  let demo: E2EPage;
  let ext: E2EPage;
  let popup: E2EPage;
  let tabId = -1;
  let terms = 0;

  it('lists the page’s terms in the popup, grouped by kind', async () => {
    const { browser, server } = session();
    ext = await browser.openExtensionPage('options.html', 'main.options');
    const before = await tabIds(ext);
    demo = await browser.openPage(server.url('/fixtures/plain.html'));
    await demo.waitFor('highlights on the page', () => CSS.highlights.size > 0);
    const added = (await tabIds(ext)).filter((id) => !before.includes(id));
    expect(added).toHaveLength(1);
    tabId = added[0] as number;
    popup = await browser.openExtensionPage(`popup.html?tab=${tabId}`, '.term-list button');
    const groups = await popup.evaluate(() =>
      [...document.querySelectorAll('.term-groups h3')].map((h) => h.textContent ?? ''),
    );
    expect(groups.some((g) => g.startsWith(KIND_NAMES.person.many))).toBe(true);
    expect(groups.some((g) => g.startsWith(KIND_NAMES.organization.many))).toBe(true);
    const labels = await popup.evaluate(() =>
      [...document.querySelectorAll('.term-list button span:first-child')].map(
        (s) => s.textContent,
      ),
    );
    expect(labels).toEqual(expect.arrayContaining(['Liang Wenfeng', 'DeepSeek']));
    terms = labels.length;
  });

  it('counts the terms in the toolbar badge', async () => {
    await expect.poll(() => badgeOf(ext, tabId), { timeout: 5000 }).toBe(String(terms));
  });

  it('turns marking off for the site in the open tab at once, and back on', async () => {
    const click = () =>
      popup.evaluate(() => (document.querySelector('[role="switch"]') as HTMLElement).click());
    await click();
    await demo.waitFor('no highlights once the site is off', () => CSS.highlights.size === 0);
    await expect.poll(() => badgeOf(ext, tabId), { timeout: 5000 }).toBe('');
    await click();
    await demo.waitFor('highlights again', () => CSS.highlights.size > 0);
    await expect.poll(() => badgeOf(ext, tabId), { timeout: 5000 }).toBe(String(terms));
  });

  it('searches the pack by a Chinese name and expands to verbatim quotes', async () => {
    await popup.evaluate(() => {
      const input = document.querySelector('input[type="search"]') as HTMLInputElement;
      input.value = '梁文锋';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    // A boolean, not the element: puppeteer's BiDi evaluate cannot return DOM nodes.
    await popup.waitFor('search results', () =>
      Boolean(document.querySelector('.search-results details')),
    );
    const quotes = await popup.evaluate(() => {
      const first = document.querySelector('.search-results details') as HTMLDetailsElement;
      first.open = true;
      return {
        label: first.querySelector('summary strong')?.textContent,
        quotes: [...first.querySelectorAll('blockquote')].map((b) => b.textContent ?? ''),
      };
    });
    expect(quotes.label).toBe('Liang Wenfeng');
    expect(quotes.quotes.length).toBeGreaterThan(0);
    for (const q of quotes.quotes) expect(isVerbatim(q), q).toBe(true);
  });

  it('has the visit in reading history', async () => {
    const { browser } = session();
    const history = await browser.openExtensionPage(
      'reading-history.html',
      'ul[aria-label="Terms"]',
    );
    const text = await history.evaluate(() => document.querySelector('main')?.textContent ?? '');
    expect(text).toContain('Liang Wenfeng');
    const links = await history.evaluate(() =>
      [...document.querySelectorAll('ul[aria-label="Terms"] a')].map((a) => a.getAttribute('href')),
    );
    expect(links).toContain(demo.url());
    await history.close();
  });

  it('opens a claim in the reader, marked and in view', async () => {
    const { browser } = session();
    const claim = pack.claims.find((c) => c.quote.length > 80 && c.sourceId === 's001');
    const c = claim as NonNullable<typeof claim>;
    const reader = await browser.openExtensionPage(
      `reader.html?source=${c.sourceId}&claim=${c.id}`,
      'mark',
    );
    const mark = await reader.evaluate(() => {
      const m = document.querySelector('mark') as HTMLElement;
      const r = m.getBoundingClientRect();
      return { text: m.textContent, inView: r.top >= 0 && r.bottom <= innerHeight };
    });
    expect(mark).toEqual({ text: c.quote, inView: true });
    await reader.close();
    await popup.close();
    await demo.close();
    await ext.close();
  });
});
