/**
 * The page is never changed: after marking, hovering a term and opening the sidebar, the
 * DOM (tags, attributes, text, form values) equals the snapshot the probe took at
 * DOMContentLoaded, before Sourcelight's content script ran, except for one host element
 * of ours, beside <body>, holding a closed shadow root.
 */
import { expect, it } from 'vitest';
import { DEMO_ARTICLE } from './expectations';
import { clickInUi, hoverMark, settledHighlights } from './harness/interact';
import { probe } from './harness/probe';
import type { E2EPage } from './harness/session';
import { forEachBrowser } from './harness/suite';

/** Static pages only: a page that edits itself has no single "before". */
const STATIC_PAGES = [
  { path: DEMO_ARTICLE, term: 'Liang Wenfeng' },
  { path: '/fixtures/editor.html', term: 'DeepSeek' },
  { path: '/fixtures/iframe.html', term: 'Liang Wenfeng' },
  { path: '/fixtures/hostile.html', term: 'Liang Wenfeng' },
  { path: '/fixtures/unrelated.html', term: null },
] as const;

async function useTheUi(page: E2EPage, term: string): Promise<void> {
  await hoverMark(page, term);
  const deadline = Date.now() + 10_000;
  while ((await probe(page, 'query', { selector: '[role="dialog"]' })).length === 0) {
    if (Date.now() > deadline) throw new Error(`no card opened on hovering ${term}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  await clickInUi(page, 'button', 'Open in sidebar');
  while ((await probe(page, 'query', { selector: 'aside' })).length === 0) {
    if (Date.now() > deadline) throw new Error('the sidebar did not open');
    await new Promise((r) => setTimeout(r, 100));
  }
  await page.press('Escape');
}

forEachBrowser(
  'the page is never changed',
  (session) => {
    it.each(STATIC_PAGES)('$path: DOM identical outside our one host', async ({ path, term }) => {
      const { browser, server } = session();
      const page = await browser.openPage(server.url(path));
      const ranges = await settledHighlights(page, 15_000, (r) => (term ? r.length > 0 : true));
      if (term) {
        expect(ranges.length).toBeGreaterThan(0);
        await useTheUi(page, term);
      }
      const before = await probe(page, 'initialSnapshot');
      const after = await probe(page, 'snapshot');
      expect(before).not.toBeNull();
      expect(after.title).toBe(before?.title);
      expect(after.tree).toEqual(before?.tree);
      expect(after.hosts.length).toBeLessThanOrEqual(1);
      if (term) {
        // The card and sidebar were used, so the host exists: beside <body>, closed root.
        expect(after.hosts).toMatchObject([{ parent: 'HTML', childNodes: 0 }]);
        const ui = await probe(page, 'ui');
        expect(ui.mode).toBe('closed');
        // The page's own scripts cannot reach into it.
        const seen = await page.evaluate(() => {
          const host = document.querySelector('div[data-sourcelight-root]');
          return host ? host.shadowRoot === null : null;
        });
        expect(seen).toBe(true);
      }
      await page.close();
    });
  },
  { probe: true },
);
