/**
 * Pictures of the card, the sidebar and the popup, light and dark, in both browsers, saved
 * under tests/e2e/artifacts/ (git-ignored). Each run also checks the dark pictures are dark:
 * our UI follows prefers-color-scheme. With SOURCELIGHT_DOCS_SCREENSHOTS=1 a chosen few are
 * copied to docs/screenshots/ for the README.
 */
import { copyFile, mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { DEMO_ARTICLE, DEMO_HOVER_TERM } from './expectations';
import { luminance } from './harness/colors';
import {
  hoverMark,
  openSidebarFromCard,
  openWithTabId,
  settledHighlights,
  waitInUi,
  waitUiStill,
} from './harness/interact';
import { ARTIFACTS_DIR, REPO_ROOT } from './harness/paths';
import { probe } from './harness/probe';
import type { ColorScheme } from './harness/session';
import { forEachBrowser } from './harness/suite';

/** The pictures the README shows. */
const FOR_DOCS = [
  'chromium-light-card.png',
  'chromium-light-figure-card.png',
  'chromium-dark-sidebar.png',
  'firefox-light-popup.png',
  // The first question about the term at the sidebar's top: answers side by side, the verdict.
  'chromium-light-sidebar.png',
];

async function saved(path: string): Promise<void> {
  expect((await stat(path)).size).toBeGreaterThan(1_000);
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (process.env.SOURCELIGHT_DOCS_SCREENSHOTS === '1' && FOR_DOCS.includes(name)) {
    await mkdir(join(REPO_ROOT, 'docs/screenshots'), { recursive: true });
    await copyFile(path, join(REPO_ROOT, 'docs/screenshots', name));
  }
}

function expectScheme(scheme: ColorScheme, background: string | null | undefined) {
  expect(background).toBeTruthy();
  const l = luminance(background as string);
  if (scheme === 'dark') expect(l).toBeLessThan(0.3);
  else expect(l).toBeGreaterThan(0.6);
}

for (const scheme of ['light', 'dark'] as const) {
  forEachBrowser(
    `screenshots, ${scheme}`,
    (session, name) => {
      const file = (what: string) => join(ARTIFACTS_DIR, `${name}-${scheme}-${what}.png`);

      it('card', async () => {
        const { browser, server } = session();
        await mkdir(ARTIFACTS_DIR, { recursive: true });
        const page = await browser.openPage(server.url(DEMO_ARTICLE));
        await settledHighlights(page, 20_000, (r) => r.some((m) => m.text === DEMO_HOVER_TERM));
        await hoverMark(page, DEMO_HOVER_TERM);
        await waitInUi(page, '[role="dialog"] q');
        expectScheme(
          scheme,
          (await probe(page, 'colors', { selector: '[role="dialog"]' }))?.background,
        );
        await page.screenshot(file('card'));
        await saved(file('card'));
        await page.close();
      });

      it('card for a page figure that differs from the sources', async () => {
        const { browser, server } = session();
        const page = await browser.openPage(server.url('/fixtures/figures.html'));
        await settledHighlights(page, 20_000, (r) => r.some((m) => m.text === '$12 million'));
        await hoverMark(page, '$12 million');
        await waitInUi(page, '[role="dialog"] q');
        await waitInUi(page, '[role="dialog"] .compare');
        expectScheme(
          scheme,
          (await probe(page, 'colors', { selector: '[role="dialog"]' }))?.background,
        );
        await page.screenshot(file('figure-card'));
        await saved(file('figure-card'));
        await page.close();
      });

      it('sidebar', async () => {
        const { browser, server } = session();
        const page = await browser.openPage(server.url(DEMO_ARTICLE));
        await openSidebarFromCard(page, DEMO_HOVER_TERM);
        await waitInUi(page, 'aside article.question .verdict');
        await waitUiStill(page);
        expectScheme(scheme, (await probe(page, 'colors', { selector: 'aside' }))?.background);
        await page.screenshot(file('sidebar'));
        await saved(file('sidebar'));
        await page.close();
      });

      it('popup', async () => {
        const { browser, server } = session();
        const { page, tabId } = await openWithTabId(browser, server.url(DEMO_ARTICLE));
        await settledHighlights(page, 20_000, (r) => r.length > 0);
        const popup = await browser.openExtensionPage(`popup.html?tab=${tabId}`, 'button.term');
        const background = await popup.evaluate(() => {
          for (let e: Element | null = document.querySelector('main'); e; e = e.parentElement) {
            const bg = getComputedStyle(e).backgroundColor;
            if (bg !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(bg)) return bg;
          }
          return getComputedStyle(document.documentElement).backgroundColor;
        });
        expectScheme(scheme, background);
        // About the size a toolbar popup opens at.
        await popup.setViewport(400, 600);
        await popup.screenshot(file('popup'));
        await saved(file('popup'));
        await popup.close();
        await page.close();
      });
    },
    { probe: true, colorScheme: scheme },
  );
}
