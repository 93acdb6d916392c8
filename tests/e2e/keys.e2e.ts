/**
 * Keyboard and touch on the demo article, one page load per browser: Tab goes into the
 * open card and cycles there, Esc closes it, gives focus back and never reaches the page;
 * a pinned card outlives the pointer; Alt+Shift+Period / Comma step through the marked
 * terms in reading order; the sidebar shortcut opens on the term at the caret; a tap on a
 * term opens its card and a tap elsewhere closes it.
 */
import { expect, it } from 'vitest';
import { DEMO_ARTICLE, DEMO_HOVER_TERM } from './expectations';
import {
  clickInUi,
  hoverMark,
  rectOfMark,
  settledHighlights,
  waitGoneFromUi,
  waitInUi,
} from './harness/interact';
import { type HighlightRange, probe } from './harness/probe';
import type { E2EPage } from './harness/session';
import { forEachBrowser } from './harness/suite';

const CARD = '[role="dialog"]';

/** The card's term, from its accessible name ("Liang Wenfeng: what the sources say"). */
async function cardTerm(page: E2EPage): Promise<string> {
  const [card] = await waitInUi(page, CARD);
  return (card?.label ?? '').replace(/: what the sources say$/, '');
}

/**
 * Waits for the card to move (another term, or the same term elsewhere on the page) and
 * gives "term@y": its term and its place in the document.
 */
async function nextCard(page: E2EPage, previous: string): Promise<string> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const [card] = await waitInUi(page, CARD);
    const scrollY = await page.evaluate(() => Math.round(window.scrollY));
    const term = (card?.label ?? '').replace(/: what the sources say$/, '');
    const now = `${term}@${Math.round((card?.rect.y ?? 0) + scrollY)}`;
    if (now !== previous) return now;
    if (Date.now() > deadline) throw new Error(`the card stayed at ${previous}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Marks in document order (the probe lists them by highlight). */
function inReadingOrder(ranges: HighlightRange[]): HighlightRange[] {
  const key = (r: HighlightRange) => [...(r.path ?? []), r.offset];
  return [...ranges].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < Math.min(ka.length, kb.length); i++) {
      const d = (ka[i] as number) - (kb[i] as number);
      if (d !== 0) return d;
    }
    return ka.length - kb.length;
  });
}

/** The keys the page's own listeners heard (installed in the page's world). */
const pageHeard = (page: E2EPage) =>
  page.evaluate(() => (window as unknown as { heard: string[] }).heard.join(' '));

forEachBrowser(
  'keyboard and touch',
  (session) => {
    let page: E2EPage;
    let marks: HighlightRange[] = [];

    it('Tab moves into the open card and stays there; Esc closes it, focus back, page unaware', async () => {
      const { browser, server } = session();
      page = await browser.openPage(server.url(DEMO_ARTICLE));
      marks = inReadingOrder(await settledHighlights(page, 20_000));
      await page.evaluate(() => {
        const w = window as unknown as { heard: string[] };
        w.heard = [];
        document.addEventListener('keydown', (e) => w.heard.push(e.key));
        document.querySelector<HTMLElement>('a[href]')?.focus();
      });
      await hoverMark(page, DEMO_HOVER_TERM);
      await waitInUi(page, `${CARD} button`, 'Open in sidebar');
      const controls = await probe(page, 'query', { selector: `${CARD} button` });
      expect(controls.length).toBeGreaterThanOrEqual(3);

      await page.press('Tab');
      let ui = await probe(page, 'ui');
      expect(ui.documentActive).toBe('sourcelight host');
      expect(ui.active?.label ?? ui.active?.text).toBe(controls[0]?.label ?? controls[0]?.text);
      // Round the card and back: Tab never leaves it.
      for (let i = 0; i < controls.length; i++) await page.press('Tab');
      ui = await probe(page, 'ui');
      expect(ui.active?.label ?? ui.active?.text).toBe(controls[0]?.label ?? controls[0]?.text);
      await page.press('Shift+Tab');
      ui = await probe(page, 'ui');
      const last = controls[controls.length - 1];
      expect(ui.active?.label ?? ui.active?.text).toBe(last?.label ?? last?.text);

      await page.press('Escape');
      await waitGoneFromUi(page, CARD);
      expect(
        await page.evaluate(() => document.activeElement === document.querySelector('a[href]')),
      ).toBe(true);
      // Tab and Esc in the card were ours: the page heard none of them.
      expect(await pageHeard(page)).not.toMatch(/Tab|Escape/);
      // With nothing of ours open, Esc is the page's again.
      await page.press('Escape');
      expect(await pageHeard(page)).toMatch(/Escape/);
    });

    it('a pinned card stays when the pointer leaves, until closed', async () => {
      await hoverMark(page, DEMO_HOVER_TERM);
      await waitInUi(page, CARD);
      await clickInUi(page, `${CARD} button[aria-pressed]`);
      await waitInUi(page, `${CARD} button[aria-pressed="true"]`);
      await page.mouseMove(2, 2);
      await new Promise((r) => setTimeout(r, 800)); // past the close delay
      expect(await waitInUi(page, CARD)).toHaveLength(1);
      await clickInUi(page, `${CARD} button[aria-label="Close"]`);
      await waitGoneFromUi(page, CARD);
    });

    it('Alt+Shift+Period and Comma step through the terms in reading order', async () => {
      await page.evaluate(() => window.scrollTo(0, 0));
      const heardBefore = await pageHeard(page);
      const seen: string[] = [];
      let at = '';
      const press = async (key: string) => {
        await page.press(key);
        at = await nextCard(page, at);
        return at;
      };
      // From the top of the page: the first terms in reading order, one card at a time.
      for (let i = 0; i < 4; i++) seen.push(await press('Alt+Shift+Period'));
      expect(seen.map((s) => s.replace(/@\d+$/, ''))).toEqual(marks.slice(0, 4).map((m) => m.text));
      expect(await press('Alt+Shift+Comma')).toBe(seen[2]);
      expect(await press('Alt+Shift+Comma')).toBe(seen[1]);
      expect(await press('Alt+Shift+Comma')).toBe(seen[0]);
      // Before the first comes the last: far down the page, scrolled to and shown.
      const lastTerm = marks[marks.length - 1]?.text ?? '';
      expect((await press('Alt+Shift+Comma')).startsWith(`${lastTerm}@`), at).toBe(true);
      const view = await page.evaluate(() => ({ y: window.scrollY, h: window.innerHeight }));
      expect(view.y).toBeGreaterThan(0);
      const [card] = await waitInUi(page, CARD);
      expect(card?.rect.y).toBeGreaterThanOrEqual(0);
      expect((card?.rect.y ?? 0) + (card?.rect.height ?? 0)).toBeLessThanOrEqual(view.h);
      // The page heard the modifiers go down, never the keys we took.
      const heard = (await pageHeard(page)).slice(heardBefore.length).split(' ').filter(Boolean);
      expect(heard.filter((k) => k !== 'Alt' && k !== 'Shift')).toEqual([]);
    });

    it('the sidebar shortcut opens on the term at the caret, else on the page list', async () => {
      await page.press('Escape');
      await waitGoneFromUi(page, CARD);
      await page.mouseMove(2, 2);
      // The caret in the middle of a marked occurrence, as a click or caret browsing leaves it.
      const rect = await rectOfMark(page, DEMO_HOVER_TERM);
      await page.evaluate(
        ({ x, y }) => {
          const d = document as Document & {
            caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number };
          };
          const pos = d.caretPositionFromPoint
            ? d.caretPositionFromPoint(x, y)
            : (() => {
                const r = document.caretRangeFromPoint(x, y);
                return r && { offsetNode: r.startContainer, offset: r.startOffset };
              })();
          if (pos) document.getSelection()?.collapse(pos.offsetNode, pos.offset);
        },
        { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 },
      );
      // What Alt+Shift+S makes the background send (lib/sidebar-command.ts).
      const { browser } = session();
      const ext = await browser.openExtensionPage('popup.html', 'body');
      const shortcut = () =>
        ext.evaluate(async () => {
          type Tabs = {
            query(q: object): Promise<{ id?: number }[]>;
            sendMessage(id: number, m: object, o: object): Promise<unknown>;
          };
          const g = globalThis as unknown as { browser?: { tabs: Tabs }; chrome: { tabs: Tabs } };
          const tabs = (g.browser ?? g.chrome).tabs;
          const message = { sourcelight: 1, name: 'tab:open-sidebar', payload: {} };
          for (const tab of await tabs.query({})) {
            await tabs.sendMessage(tab.id as number, message, { frameId: 0 }).catch(() => null);
          }
        });
      await shortcut();
      await waitInUi(page, 'aside h2', DEMO_HOVER_TERM);
      await page.bringToFront();
      await page.press('Escape');
      await waitGoneFromUi(page, 'aside');
      await page.evaluate(() => document.getSelection()?.removeAllRanges());
      await shortcut();
      await waitInUi(page, 'aside #sl-on-page');
      expect(await probe(page, 'query', { selector: 'aside h2', text: DEMO_HOVER_TERM })).toEqual(
        [],
      );
      await ext.close();
      await page.bringToFront();
      await page.press('Escape');
      await waitGoneFromUi(page, 'aside');
    });

    it('a tap on a term opens its card; a tap elsewhere closes it', async () => {
      await page.evaluate(() => {
        const w = window as unknown as { downs: string[] };
        w.downs = [];
        document.addEventListener('pointerdown', (e) => w.downs.push(e.pointerType));
      });
      const rect = await rectOfMark(page, DEMO_HOVER_TERM);
      await page.tap(rect.x + rect.width / 2, rect.y + rect.height / 2);
      expect(await cardTerm(page)).toBe(DEMO_HOVER_TERM);
      await page.tap(4, rect.y + rect.height / 2);
      await waitGoneFromUi(page, CARD);
      // Touch input it was, not a mouse's hover.
      const downs = await page.evaluate(() => (window as unknown as { downs: string[] }).downs);
      expect(downs).toEqual(['touch', 'touch']);
      await page.close();
    });
  },
  { probe: true },
);
