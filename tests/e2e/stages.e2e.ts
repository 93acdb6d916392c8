/**
 * What every page pays for is the first stage only (content-script.js: settings, a test for
 * a core name, one watch for text added later). The detector and marks (page-session.js)
 * load from the package only on a page with a core name, and the card and sidebar
 * (page-ui.js) only when the first card opens (lib/content/). The card, sidebar, a11y and
 * screenshot suites then prove the loaded UI in each browser; this one proves the split.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { DEMO_ARTICLE, DEMO_HOVER_TERM } from './expectations';
import { hoverMark, settledHighlights, waitInUi } from './harness/interact';
import { forEachBrowser } from './harness/suite';

/** Strings only the UI bundle has: Preact's own prop name, and the card's button text. */
const UI_ONLY = ['dangerouslySetInnerHTML', 'Open in sidebar'];
/** Strings only the second stage has: a context entity of the detector's tables, the painter. */
const SESSION_ONLY = ['H800', 'sourcelight-flash'];
const LAZY = ['page-session.js', 'page-ui.js', 'extract.js'];

forEachBrowser(
  'two stages: the detector on pages about the story, the UI on first use',
  (session, name) => {
    it('ships the detector in page-session.js and the card in page-ui.js, neither in content-script.js', async () => {
      const { browser } = session();
      const read = (path: string) => readFile(join(browser.extensionDir, path), 'utf8');
      const content = await read('content-script.js');
      const pageSession = await read('page-session.js');
      const pageUi = await read('page-ui.js');
      for (const s of UI_ONLY) {
        expect(content, s).not.toContain(s);
        expect(pageUi, s).toContain(s);
      }
      for (const s of SESSION_ONLY) {
        expect(content, s).not.toContain(s);
        expect(pageSession, s).toContain(s);
      }
      expect(pageSession).toMatch(/export\s*\{\s*[\w$]+ as default\s*\}/);
      // No WXT content-script context: nothing announces the extension to the page.
      expect(content).not.toContain('content-script-started');
      // An ES module handing over its factory: no global for a page to find.
      expect(pageUi).toMatch(/export\s*\{\s*[\w$]+ as default\s*\}/);
      const manifest = JSON.parse(await read('manifest.json'));
      const matches = manifest.content_scripts[0].matches;
      // extract.js: "Add this page" (lib/library/page-extract.ts), loaded the same way.
      expect(manifest.content_scripts[0].js).toEqual(['content-script.js']);
      expect(manifest.web_accessible_resources).toEqual(
        name === 'chromium' ? [{ resources: LAZY, matches, use_dynamic_url: true }] : LAZY,
      );
      const extract = await read('extract.js');
      expect(extract).toMatch(/export\s*\{\s*[\w$]+ as default\s*\}/);
      expect(extract).toContain('Readability');
      expect(content).not.toContain('_grabArticle');
      // contextMenus: "Track in Sourcelight" on selected text.
      expect(manifest.permissions).toEqual(['storage', 'activeTab', 'contextMenus']);
    });

    it('loads no detector on a page without a core name, until an SPA route adds one', async () => {
      const { browser, server } = session();
      const sessions = () =>
        browser.network.entries.filter((e) => e.url.endsWith('/page-session.js'));
      const before = sessions().length;
      const page = await browser.openPage(server.url('/fixtures/unrelated.html'));
      await settledHighlights(page, 5_000);
      // Chromium reports extension-resource loads to the protocol; Firefox's BiDi does not,
      // so there a mark appearing after the page's own change is the proof.
      if (name === 'chromium') expect(sessions().length).toBe(before);
      await page.evaluate(() => {
        // An SPA's route change: a new address, the old article replaced by script.
        history.pushState({}, '', '/fixtures/unrelated.html?route=2');
        document.querySelector('article')?.remove();
        const p = document.createElement('p');
        p.textContent = 'Later on this page: DeepSeek released its R1 model.';
        document.body.append(p);
      });
      await settledHighlights(page, 20_000, (r) => r.some((m) => m.text === 'DeepSeek'));
      if (name === 'chromium') expect(sessions().length).toBeGreaterThan(before);
      await page.close();
    });

    it('opens the first card of a page once page-ui.js has loaded', async () => {
      const { browser, server } = session();
      const loads = () => browser.network.entries.filter((e) => e.url.endsWith('/page-ui.js'));
      const page = await browser.openPage(server.url(DEMO_ARTICLE));
      await settledHighlights(page, 20_000, (r) => r.some((m) => m.text === DEMO_HOVER_TERM));
      // Chromium reports extension-resource loads to the protocol; Firefox's BiDi does not,
      // so there the card opening at all is the proof (content-script.js has no card code).
      if (name === 'chromium') expect(loads()).toEqual([]);
      await hoverMark(page, DEMO_HOVER_TERM);
      const [card] = await waitInUi(page, '[role="dialog"]');
      expect(card?.text).toContain(DEMO_HOVER_TERM);
      if (name === 'chromium') expect(loads().length).toBeGreaterThan(0);
      await page.close();
    });

    if (name === 'chromium') {
      it('keeps its files from pages at the static extension id (use_dynamic_url)', async () => {
        const { browser, server } = session();
        const page = await browser.openPage(server.url('/fixtures/plain.html'));
        for (const file of LAZY) {
          const fetched = await page.evaluate(
            (url: string) =>
              fetch(url).then(
                (r) => `status ${r.status}`,
                () => 'refused',
              ),
            `${browser.extensionOrigin}/${file}`,
          );
          expect(fetched, file).toBe('refused');
        }
        await page.close();
      });

      // Last in this browser: it reloads the extension under the open page.
      it('stops entirely when the extension is reloaded under an open page', async () => {
        const { browser, server } = session();
        const page = await browser.openPage(server.url(DEMO_ARTICLE));
        await settledHighlights(page, 20_000, (r) => r.some((m) => m.text === DEMO_HOVER_TERM));
        const ext = await browser.openExtensionPage('options.html', 'main.options');
        // The options page goes with the extension it reloads.
        await ext
          .evaluate(() => {
            const api = (globalThis as unknown as { chrome: { runtime: { reload(): void } } })
              .chrome;
            setTimeout(() => api.runtime.reload(), 50);
          })
          .catch(() => {});
        await new Promise((r) => setTimeout(r, 1_500));
        // The old content script hears the page's next change, finds its context gone and
        // stops: its marks are cleared and the new text is not marked.
        await page.evaluate(() => {
          const p = document.createElement('p');
          p.textContent = 'Later: Liang Wenfeng spoke.';
          document.body.append(p);
        });
        await page.waitFor(
          'the old marks cleared',
          () => CSS.highlights.size === 0,
          undefined,
          10_000,
        );
        await page.close();
      });
    }
  },
  { probe: true },
);
