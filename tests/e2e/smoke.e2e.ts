/**
 * What must hold for any build, features or not: the extension loads in each browser,
 * its content script runs on a page from 127.0.0.1, its popup opens as a page, and
 * nothing leaves 127.0.0.1 (the closing test forEachBrowser adds).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { forEachBrowser } from './harness/suite';

forEachBrowser('smoke', (session, name) => {
  it('loads the built extension under the id its manifest and path give', async () => {
    const { browser } = session();
    const manifest = JSON.parse(
      await readFile(join(browser.extensionDir, 'manifest.json'), 'utf8'),
    );
    expect(manifest.name).toBe('Sourcelight');
    if (name === 'chromium') {
      expect(browser.extensionId).toMatch(/^[a-p]{32}$/);
      expect(browser.extensionOrigin).toBe(`chrome-extension://${browser.extensionId}`);
    } else {
      expect(browser.extensionId).toBe(manifest.browser_specific_settings.gecko.id);
      expect(browser.extensionOrigin).toMatch(/^moz-extension:\/\/[0-9a-f-]{36}$/);
    }
  });

  it('runs the content script on a page served from 127.0.0.1', async () => {
    const { browser, server } = session();
    const page = await browser.openPage(server.url('/fixtures/plain.html'));
    // The page names DeepSeek: the first stage loads the second, which paints highlights.
    await page.waitFor('a painted highlight', () => CSS.highlights.size > 0);
    // And the extension did not announce itself to the page (WXT's context would have
    // posted "<id>:content:wxt:content-script-started"; issue 19).
    const posted = await page.evaluate(
      () =>
        (window as unknown as { __sourcelightTestMessages: string[] }).__sourcelightTestMessages,
    );
    expect(posted.filter((m) => String(m).includes('content-script-started'))).toEqual([]);
    // A page replaying the framework's start-up event (which switched WXT's content script
    // off for good) changes nothing: text it adds later is still marked (issue 19).
    const id = browser.extensionId;
    await page.evaluate((runtimeId: string) => {
      const type = `${runtimeId}:content:wxt:content-script-started`;
      window.postMessage({ type, contentScriptName: 'content', messageId: 'x' }, '*');
      document.dispatchEvent(new CustomEvent('wxt:content-script-started', { detail: { type } }));
      window.dispatchEvent(new CustomEvent(type));
      const p = document.createElement('p');
      p.textContent = 'Later: Liang Wenfeng spoke.';
      document.body.append(p);
    }, id);
    await page.waitFor('the added name marked', () => {
      // The highlights hold StaticRanges: read each one's text through a live Range.
      for (const h of CSS.highlights.values())
        for (const r of h as Iterable<AbstractRange>) {
          const live = document.createRange();
          live.setStart(r.startContainer, r.startOffset);
          live.setEnd(r.endContainer, r.endOffset);
          if (live.toString() === 'Liang Wenfeng') return true;
        }
      return false;
    });
    await page.close();
  });

  it('opens the popup as a page and renders it', async () => {
    const { browser } = session();
    const page = await browser.openExtensionPage('popup.html', '#app > *');
    const rendered = await page.evaluate(() => ({
      title: document.title,
      text: document.getElementById('app')?.textContent?.trim() ?? '',
    }));
    expect(rendered.title).toBe('Sourcelight');
    expect(rendered.text.length).toBeGreaterThan(0);
    await page.close();
  });
});
