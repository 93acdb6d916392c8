/**
 * A page that attacks our UI (issue 19), in one page load per browser: it defines custom
 * elements under our host's old name and as a customized <div> (either would run its class
 * on our host and reach the closed root through attachInternals), fires synthetic pointer
 * events at a term, searches our card's words with `window.find` and the selection, and
 * removes our host. Nothing it does opens, reads or presses anything of ours.
 */
import { expect, it } from 'vitest';
import {
  hoverMark,
  openSidebarFromCard,
  rectOfMark,
  settledHighlights,
  waitGoneFromUi,
  waitInUi,
} from './harness/interact';
import { probe } from './harness/probe';
import type { E2EPage } from './harness/session';
import { forEachBrowser } from './harness/suite';

const TERM = 'Liang Wenfeng';
const CARD = '[role="dialog"]';
const HOST = 'div[data-sourcelight-root]';

interface Hijack {
  constructed: number;
  roots: number;
  clicked: number;
}

/** The fixture's globals, and `window.find` (non-standard, so not in the DOM types). */
interface PageGlobals {
  __hijack: Hijack;
  __hijackLoaded?: boolean;
  __fakeReader: (x: number, y: number) => void;
  find(text: string, caseSensitive: boolean, backwards: boolean, wrap: boolean): boolean;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs of three words from our card's text that the page itself does not contain. */
function cardOnlyPhrases(cardText: string, pageText: string): string[] {
  const words = cardText.split(/\s+/).filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i + 3 <= words.length; i += 3) {
    const phrase = words.slice(i, i + 3).join(' ');
    if (!pageText.includes(phrase)) out.push(phrase);
  }
  return out;
}

/**
 * In the page: what `window.find`, the selection it makes, `Selection.modify` and
 * `selectAllChildren` give a script looking for `phrases`.
 */
function readByFind(phrases: string[]) {
  const win = window as unknown as PageGlobals;
  const sel = getSelection() as Selection;
  const found: string[] = [];
  let reachedShadow = false;
  for (const phrase of phrases) {
    sel.removeAllRanges();
    if (win.find(phrase, false, false, true)) found.push(phrase);
    if (sel.anchorNode?.getRootNode() instanceof ShadowRoot) reachedShadow = true;
  }
  // The control: find does work on the page's own words.
  sel.removeAllRanges();
  const control = win.find('Engineers at DeepSeek', false, false, true);
  // From the page's first word to the end of the document, a line at a time.
  sel.removeAllRanges();
  sel.collapse(document.getElementById('p1')?.firstChild as Text, 0);
  for (let i = 0; i < 40; i++) sel.modify('extend', 'forward', 'line');
  const modified = sel.toString();
  sel.selectAllChildren(document.documentElement);
  const all = sel.toString();
  sel.removeAllRanges();
  return { found, reachedShadow, control, modified, all };
}

forEachBrowser(
  'a hostile page cannot drive or read our UI',
  (session) => {
    let page: E2EPage;

    it('synthetic pointer events on a term open no card; the reader’s pointer does', async () => {
      const { browser, server } = session();
      // A page read before, so the sidebar has history to show ("Seen before on 1 page").
      const before = await browser.openPage(server.url('/fixtures/hostile.html'));
      await settledHighlights(before, 15_000, (r) => r.some((m) => m.text === TERM));
      await before.close();
      page = await browser.openPage(server.url('/fixtures/hijack.html'));
      await page.waitFor(
        'the hijacking page',
        () => (window as unknown as PageGlobals).__hijackLoaded,
      );
      await settledHighlights(page, 15_000, (r) => r.some((m) => m.text === TERM));
      const rect = await rectOfMark(page, TERM);
      const at = { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
      await page.mouseMove(2, 2);
      // 1.5 s of faked movement over the term: four times the hover delay.
      await page.evaluate(async ({ x, y }) => {
        for (let i = 0; i < 30; i++) {
          (window as unknown as PageGlobals).__fakeReader(x, y);
          await new Promise((r) => setTimeout(r, 50));
        }
      }, at);
      await sleep(1000);
      expect((await probe(page, 'ui')).hosts).toBe(0);
      // The same spot, pointed at by the reader, opens the card.
      await hoverMark(page, TERM);
      await waitInUi(page, `${CARD} .quote`);
    });

    it('runs no page-defined class on our host and gives the page no way into it', async () => {
      expect(await page.evaluate(() => (window as unknown as PageGlobals).__hijack)).toEqual({
        constructed: 0,
        roots: 0,
        clicked: 0,
      });
      const seen = await page.evaluate((selector) => {
        const host = document.querySelector(selector) as HTMLElement | null;
        if (!host) return null;
        let internals = 'none';
        try {
          host.attachInternals();
          internals = 'granted';
        } catch (error) {
          internals = (error as Error).name;
        }
        return { tag: host.tagName, shadowRoot: host.shadowRoot, internals };
      }, HOST);
      expect(seen).toEqual({ tag: 'DIV', shadowRoot: null, internals: 'NotSupportedError' });
    });

    it('window.find and the selection find none of the card’s or the sidebar’s words', async () => {
      const pageText = await page.evaluate(() => document.body.textContent ?? '');
      const card = cardOnlyPhrases((await probe(page, 'ui')).text, pageText);
      expect(card.length).toBeGreaterThan(3); // the card is open, with its quotes
      await openSidebarFromCard(page, TERM);
      // The reader's history, the most private words we show.
      const [seen] = await waitInUi(page, 'aside p.muted', 'Seen before on');
      const sidebar = cardOnlyPhrases((await probe(page, 'ui')).text, pageText);
      const phrases = [...card, ...sidebar, seen?.text ?? 'missing'];
      const read = await page.evaluate(readByFind, phrases);
      expect(read.control).toBe(true);
      expect(read.found).toEqual([]);
      expect(read.reachedShadow).toBe(false);
      for (const phrase of phrases) {
        expect(read.modified).not.toContain(phrase);
        expect(read.all).not.toContain(phrase);
      }
      await page.press('Escape');
      await waitGoneFromUi(page, 'aside');
    });

    it('makes a new host for the next card after the page removed ours', async () => {
      await page.evaluate((selector) => document.querySelector(selector)?.remove(), HOST);
      expect(await page.evaluate((s) => document.querySelectorAll(s).length, HOST)).toBe(0);
      await page.mouseMove(2, 2);
      await sleep(600); // the card's close grace is 300 ms
      await hoverMark(page, TERM);
      await waitInUi(page, `${CARD} .quote`);
      expect((await probe(page, 'ui')).hosts).toBe(1);
      expect(
        await page.evaluate(() => (window as unknown as PageGlobals).__hijack.constructed),
      ).toBe(0);
    });

    it('once the page turns designMode on, the next pointer move takes marks, card and host away', async () => {
      const rect = await rectOfMark(page, TERM);
      await page.evaluate(() => {
        document.designMode = 'on';
      });
      await page.mouseMove(2, 2);
      await sleep(600); // the card's close grace is 300 ms
      await page.mouseMove(rect.x + rect.width / 2, rect.y + rect.height / 2);
      await sleep(1000);
      expect(await probe(page, 'highlights')).toEqual([]);
      expect((await probe(page, 'ui')).hosts).toBe(0);
      await page.close();
    });
  },
  { probe: true },
);
