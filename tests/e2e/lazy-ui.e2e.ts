/**
 * The card and sidebar's code is not in the content script: content.js carries no Preact
 * and no component, and the page UI file (page-ui.js) is imported from the package when
 * the first card opens (entrypoints/content/lazy-ui.ts). The card, sidebar, a11y and
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

forEachBrowser(
  'page UI loaded on first hover',
  (session, name) => {
    it('ships the card and sidebar in page-ui.js, not in content.js', async () => {
      const { browser } = session();
      const read = (path: string) => readFile(join(browser.extensionDir, path), 'utf8');
      const content = await read('content-scripts/content.js');
      const pageUi = await read('page-ui.js');
      for (const s of UI_ONLY) {
        expect(content, s).not.toContain(s);
        expect(pageUi, s).toContain(s);
      }
      // An ES module handing over its factory: no global for a page to find.
      expect(pageUi).toMatch(/export\s*\{\s*[\w$]+ as default\s*\}/);
      const manifest = JSON.parse(await read('manifest.json'));
      const matches = manifest.content_scripts[0].matches;
      // extract.js: "Add this page" (lib/library/page-extract.ts), loaded the same way.
      expect(manifest.web_accessible_resources).toEqual(
        name === 'chromium'
          ? [{ resources: ['page-ui.js', 'extract.js'], matches, use_dynamic_url: true }]
          : ['page-ui.js', 'extract.js'],
      );
      const extract = await read('extract.js');
      expect(extract).toMatch(/export\s*\{\s*[\w$]+ as default\s*\}/);
      expect(extract).toContain('Readability');
      expect(content).not.toContain('_grabArticle');
      // contextMenus: "Track in Sourcelight" on selected text.
      expect(manifest.permissions).toEqual(['storage', 'activeTab', 'contextMenus']);
    });

    it('opens the first card of a page once page-ui.js has loaded', async () => {
      const { browser, server } = session();
      const loads = () => browser.network.entries.filter((e) => e.url.endsWith('/page-ui.js'));
      const page = await browser.openPage(server.url(DEMO_ARTICLE));
      await settledHighlights(page, 20_000, (r) => r.some((m) => m.text === DEMO_HOVER_TERM));
      // Chromium reports extension-resource loads to the protocol; Firefox's BiDi does not,
      // so there the card opening at all is the proof (content.js has no card code).
      if (name === 'chromium') expect(loads()).toEqual([]);
      await hoverMark(page, DEMO_HOVER_TERM);
      const [card] = await waitInUi(page, '[role="dialog"]');
      expect(card?.text).toContain(DEMO_HOVER_TERM);
      if (name === 'chromium') expect(loads().length).toBeGreaterThan(0);
      await page.close();
    });

    if (name === 'chromium') {
      it('keeps page-ui.js from pages at the static extension id (use_dynamic_url)', async () => {
        const { browser, server } = session();
        const page = await browser.openPage(server.url('/fixtures/plain.html'));
        const fetched = await page.evaluate(
          (url: string) =>
            fetch(url).then(
              (r) => `status ${r.status}`,
              () => 'refused',
            ),
          `${browser.extensionOrigin}/page-ui.js`,
        );
        expect(fetched).toBe('refused');
        await page.close();
      });
    }
  },
  { probe: true },
);
