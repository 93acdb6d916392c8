/**
 * The fixtures and the probe are what the feature suites stand on, so they are checked
 * too: a hostile page that is not really hostile, or a probe that cannot see, would let
 * feature tests pass for the wrong reason.
 */
import { expect, it } from 'vitest';
import { probe } from './harness/probe';
import { forEachBrowser } from './harness/suite';

forEachBrowser(
  'fixtures and probe',
  (session) => {
    it('serves the hostile page with its strict CSP, and the browser enforces it', async () => {
      const { browser, server } = session();
      const response = await fetch(server.url('/fixtures/hostile.html'));
      expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
      const page = await browser.openPage(server.url('/fixtures/hostile.html'));
      // connect-src falls back to 'none': even a same-origin fetch is refused.
      const fetched = await page.evaluate(() =>
        fetch('/fixtures/plain.html').then(
          () => 'allowed',
          () => 'blocked',
        ),
      );
      expect(fetched).toBe('blocked');
      await page.close();
    });

    it('makes the hostile page really hostile: built-ins throw, all styles unset', async () => {
      const { browser, server } = session();
      const page = await browser.openPage(server.url('/fixtures/hostile.html'));
      const state = await page.evaluate(() => {
        const throws = (f: () => unknown) => {
          try {
            f();
            return false;
          } catch {
            return true;
          }
        };
        return {
          map: throws(() => [1].map((x) => x)),
          push: throws(() => [1].push(2)),
          attachShadow: throws(() => document.createElement('div').attachShadow({ mode: 'open' })),
          headDisplay: getComputedStyle(document.head).display,
        };
      });
      // The UA sheet hides <head>; `* { all: unset !important }` makes it inline.
      expect(state).toEqual({ map: true, push: true, attachShadow: true, headDisplay: 'inline' });
      await page.close();
    });

    it('lets the probe answer from its own world, even on the hostile page', async () => {
      const { browser, server } = session();
      const page = await browser.openPage(server.url('/fixtures/hostile.html'));
      expect(await probe(page, 'ping')).toBe(true);
      const snap = await probe(page, 'snapshot');
      expect(snap.title).toBe('A hostile page');
      expect(JSON.stringify(snap.tree)).toContain('Liang Wenfeng founded DeepSeek in Hangzhou');
      await page.close();
    });

    it('lets the probe see into a closed shadow root and run axe-core there', async () => {
      const { browser, server } = session();
      const page = await browser.openPage(server.url('/fixtures/closed-shadow.html'));
      await page.waitFor(
        'the stand-in host',
        () => (window as { __fixtureDone?: boolean }).__fixtureDone,
      );
      // The page's own world cannot see in...
      expect(
        await page.evaluate(() => document.querySelector('div[data-sourcelight-root]')?.shadowRoot),
      ).toBeNull();
      // ...the probe can.
      const ui = await probe(page, 'ui');
      expect(ui).toMatchObject({
        hosts: 1,
        hasShadow: true,
        mode: 'closed',
        text: 'Stand-in card text',
      });
      const [dialog] = await probe(page, 'query', { selector: '[role="dialog"]' });
      expect(dialog).toMatchObject({ label: 'Stand-in card', visible: true });
      const violations = await probe(page, 'axe');
      expect(violations.map((v) => [v.id, v.impact])).toContainEqual(['button-name', 'critical']);
      await page.close();
    });

    it('changes a late page and a single-page app as the feature suites expect', async () => {
      const { browser, server } = session();
      const late = await browser.openPage(server.url('/fixtures/late.html'));
      await late.waitFor(
        'late paragraphs',
        () => (window as { __fixtureDone?: boolean }).__fixtureDone,
      );
      expect(await late.evaluate(() => document.querySelectorAll('#story p').length)).toBe(3);
      await late.close();

      const spa = await browser.openPage(server.url('/fixtures/spa.html'));
      const box = await spa.evaluate(() => {
        const r = document.getElementById('next')?.getBoundingClientRect();
        return r ? { x: r.x + r.width / 2, y: r.y + r.height / 2 } : null;
      });
      expect(box).not.toBeNull();
      await spa.click(box?.x ?? 0, box?.y ?? 0);
      await spa.waitFor(
        'second article',
        () => (window as { __fixtureDone?: boolean }).__fixtureDone,
      );
      const after = await spa.evaluate(() => ({
        url: location.search,
        text: document.body.textContent,
      }));
      expect(after.url).toBe('?article=2');
      expect(after.text).toContain('High-Flyer bought H800 chips.');
      expect(after.text).not.toContain('Liang Wenfeng');
      await spa.close();
    });
  },
  { probe: true },
);
