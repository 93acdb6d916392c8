/**
 * The sidebar, reached from the card: the term, "What the sources say" with each source's
 * verbatim quotes under its name, related terms with back navigation, "On this page" with
 * counts; Esc closes it and gives focus back to the page. Also on the hostile page.
 */
import { expect, it } from 'vitest';
import { DEMO_ARTICLE, DEMO_HOVER_TERM } from './expectations';
import {
  clickInUi,
  hoverMark,
  openSidebarFromCard,
  settledHighlights,
  waitFlashInView,
  waitGoneFromUi,
  waitInUi,
} from './harness/interact';
import { probe } from './harness/probe';
import { isVerbatim } from './harness/sources';
import { forEachBrowser } from './harness/suite';

const SIDEBAR = 'aside';

forEachBrowser(
  'sidebar',
  (session) => {
    it('shows what each source says, verbatim, under the source', async () => {
      const { browser, server } = session();
      const page = await browser.openPage(server.url(DEMO_ARTICLE));
      await openSidebarFromCard(page, DEMO_HOVER_TERM);
      const [heading] = await probe(page, 'query', { selector: `${SIDEBAR} h2` });
      expect(heading?.text).toBe(DEMO_HOVER_TERM);
      await waitInUi(page, `${SIDEBAR} h3`, 'What the sources say');
      const sources = await probe(page, 'query', { selector: `${SIDEBAR} article h4` });
      expect(sources.length).toBeGreaterThanOrEqual(2);
      for (const s of sources) expect(s.text.length).toBeGreaterThan(0);
      const quotes = await probe(page, 'query', { selector: `${SIDEBAR} article q` });
      expect(quotes.length).toBeGreaterThanOrEqual(sources.length);
      for (const q of quotes) expect(isVerbatim(q.text), q.text).toBe(true);
      // The term is emphasised inside its quotes.
      const emphasised = await probe(page, 'query', { selector: `${SIDEBAR} article q mark` });
      expect(emphasised.length).toBeGreaterThan(0);
      await page.close();
    });

    it('lists the page\'s terms with counts under "On this page"', async () => {
      const { browser, server } = session();
      const page = await browser.openPage(server.url(DEMO_ARTICLE));
      await openSidebarFromCard(page, DEMO_HOVER_TERM);
      await waitInUi(page, `${SIDEBAR} h3`, 'On this page');
      const rows = await probe(page, 'query', {
        selector: `${SIDEBAR} li button`,
        text: DEMO_HOVER_TERM,
      });
      expect(rows.length).toBeGreaterThan(0);
      const ranges = await probe(page, 'highlights');
      const marked = ranges.filter((r) => r.text === DEMO_HOVER_TERM).length;
      const count = Number((rows[0]?.text.match(/(\d+)/) ?? [])[1]);
      expect(count).toBeGreaterThanOrEqual(marked);
      // Each row's "about" icon is drawn (an SVG), not a character a font may lack (ⓘ).
      const icons = await probe(page, 'query', { selector: `${SIDEBAR} .terms li svg` });
      expect(icons.length).toBeGreaterThan(0);
      expect(rows.some((r) => r.text.includes('ⓘ'))).toBe(false);
      await page.close();
    });

    it('follows a related term and comes back', async () => {
      const { browser, server } = session();
      const page = await browser.openPage(server.url(DEMO_ARTICLE));
      await openSidebarFromCard(page, DEMO_HOVER_TERM);
      const related = await waitInUi(page, `${SIDEBAR} ul.related button`);
      const target = related[0]?.text ?? '';
      await clickInUi(page, `${SIDEBAR} ul.related button`, target);
      await waitInUi(page, `${SIDEBAR} h2`, target);
      await clickInUi(page, `${SIDEBAR} button[aria-label="Back"]`);
      await waitInUi(page, `${SIDEBAR} h2`, DEMO_HOVER_TERM);
      await page.close();
    });

    it('closes on Esc and gives focus back to the page', async () => {
      const { browser, server } = session();
      const page = await browser.openPage(server.url(DEMO_ARTICLE));
      await openSidebarFromCard(page, DEMO_HOVER_TERM);
      const open = await probe(page, 'ui');
      // Focus moved into the sidebar when it opened.
      expect(open.active).not.toBeNull();
      await page.press('Escape');
      await waitGoneFromUi(page, SIDEBAR);
      const closed = await probe(page, 'ui');
      expect(closed.active).toBeNull();
      expect(closed.documentActive).not.toBe('sourcelight host');
      await page.close();
    });

    it('lists the questions about the term, answers side by side, the verdict in words', async () => {
      const { browser, server } = session();
      const page = await browser.openPage(server.url(DEMO_ARTICLE));
      await openSidebarFromCard(page, DEMO_HOVER_TERM);
      await waitInUi(page, `${SIDEBAR} h3`, 'Questions the sources answer');
      const titles = await probe(page, 'query', { selector: `${SIDEBAR} article.question h4` });
      expect(titles.map((t) => t.text)).toContain(
        'What did Liang Wenfeng study at Zhejiang University?',
      );
      // The most serious first: who bought the A100s, which the sources answer in conflict.
      expect(titles[0]?.text).toBe('Who bought the Nvidia A100 chips: DeepSeek, or High-Flyer?');
      const [first] = await probe(page, 'query', {
        selector: `${SIDEBAR} article.question .verdict`,
      });
      expect(first?.text).toBe('Sources conflict. They cannot all be true.');
      const gists = await probe(page, 'query', {
        selector: `${SIDEBAR} article.question .gist`,
      });
      expect(gists.map((g) => g.text)).toEqual(
        expect.arrayContaining(['studied AI at Zhejiang University', 'High-Flyer had purchased']),
      );
      const quotes = await probe(page, 'query', { selector: `${SIDEBAR} article.question q` });
      expect(quotes.length).toBeGreaterThanOrEqual(gists.length);
      for (const q of quotes) expect(isVerbatim(q.text), q.text).toBe(true);
      // Every quote in the sidebar, questions and sources alike, appears once.
      const all = (await probe(page, 'query', { selector: `${SIDEBAR} q` })).map((q) => q.text);
      expect(new Set(all).size).toBe(all.length);
      await page.close();
    });

    it('shows a sentence that says "He" after naming him in the sentence before', async () => {
      const { browser, server } = session();
      const page = await browser.openPage(server.url(DEMO_ARTICLE));
      await openSidebarFromCard(page, DEMO_HOVER_TERM);
      const [context] = await waitInUi(
        page,
        `${SIDEBAR} .context`,
        'He told the Chinese media site 36Kr',
      );
      expect(context?.text).toContain('“He” here is Liang Wenfeng, named in the sentence before.');
      const [quote] = await probe(page, 'query', {
        selector: `${SIDEBAR} .context q`,
        text: 'He told the Chinese media site 36Kr',
      });
      expect(isVerbatim(quote?.text ?? '')).toBe(true);
      await page.close();
    });

    it('stays open on an SPA route change, its list following the new page', async () => {
      const { browser, server } = session();
      const page = await browser.openPage(server.url('/fixtures/spa.html'));
      await openSidebarFromCard(page, 'Liang Wenfeng');
      const box = await page.evaluate(() => {
        const r = document.getElementById('next')?.getBoundingClientRect();
        return r ? { x: r.x + r.width / 2, y: r.y + r.height / 2 } : null;
      });
      if (!box) throw new Error('spa.html has no #next link');
      await page.click(box.x, box.y);
      await page.waitFor(
        'the route change',
        () => (window as { __fixtureDone?: boolean }).__fixtureDone === true,
      );
      // The new page's terms reach the open sidebar's list.
      await waitInUi(page, `${SIDEBAR} .terms li`, 'High-Flyer');
      expect(await probe(page, 'query', { selector: SIDEBAR })).toHaveLength(1);
      await page.close();
    });

    it('makes room beside the page: a term chosen in "On this page" is not under it', async () => {
      const { browser, server } = session();
      const page = await browser.openPage(server.url('/fixtures/wide.html'));
      await openSidebarFromCard(page, 'DeepSeek');
      await waitInUi(page, `${SIDEBAR} h3`, 'On this page');
      // Opened at the top, the page stays at its top while it re-wraps narrower.
      expect(await page.evaluate(() => scrollY)).toBe(0);
      await clickInUi(page, `${SIDEBAR} .terms li button`, 'Liang Wenfeng');
      const shown = await waitFlashInView(page);
      expect(shown.text).toBe('Liang Wenfeng');
      const [aside] = await probe(page, 'query', { selector: SIDEBAR });
      expect(aside?.rect.width).toBeGreaterThan(0);
      // The right-aligned name ends at the page's right edge: beside the sidebar, not under it.
      expect(shown.rect.x + shown.rect.width).toBeLessThanOrEqual(aside?.rect.x ?? 0);
      expect(shown.rect.x).toBeGreaterThanOrEqual(0);
      // Closing gives the room back.
      await page.press('Escape');
      await waitGoneFromUi(page, SIDEBAR);
      const width = await page.evaluate(
        () => document.documentElement.getBoundingClientRect().width,
      );
      expect(width).toBe(shown.viewport.width);
      await page.close();
    });

    it('in a window too narrow for room, steps aside for the term "On this page" shows', async () => {
      const { browser, server } = session();
      const page = await browser.openPage(server.url('/fixtures/wide.html'));
      await page.setViewport(560, 800);
      // The resize reaches the page on its own time: the card must open in the narrow window.
      await page.waitFor('the narrow window', () => innerWidth === 560);
      await openSidebarFromCard(page, 'DeepSeek');
      await waitInUi(page, `${SIDEBAR} h3`, 'On this page');
      await clickInUi(page, `${SIDEBAR} .terms li button`, 'Liang Wenfeng');
      await waitGoneFromUi(page, SIDEBAR);
      const shown = await waitFlashInView(page);
      expect(shown.text).toBe('Liang Wenfeng');
      expect(shown.rect.x + shown.rect.width).toBeLessThanOrEqual(shown.viewport.width);
      await page.close();
    });

    it("keeps the reader's place when the sidebar makes room (the page re-wraps narrower)", async () => {
      const { browser, server } = session();
      const page = await browser.openPage(server.url('/fixtures/wide.html'));
      await settledHighlights(
        page,
        20_000,
        (r) => r.filter((m) => m.text === 'DeepSeek').length >= 2,
      );
      await hoverMark(page, 'DeepSeek', 2); // the mention halfway down: the page is scrolled
      await waitInUi(page, '[role="dialog"] button', 'Open in sidebar');
      // The text a third of the way down the window, and where it is.
      const place = () =>
        page.evaluate(() => {
          // As lib/page/keep-place.ts picks it: a quarter across, a third down or a little lower.
          for (let i = 0; i < 12; i++) {
            const at = document.caretPositionFromPoint?.(
              innerWidth * 0.25,
              innerHeight * 0.33 + i * 8,
            );
            const node = at?.offsetNode;
            if (!at || !node || node.nodeType !== 3 || node.getRootNode() !== document) continue;
            const p = node.parentElement as HTMLParagraphElement;
            const index = [...document.querySelectorAll('p')].indexOf(p);
            return { index, offset: at.offset, scrollY };
          }
          return null;
        });
      const topOf = (at: { index: number; offset: number }) =>
        page.evaluate(({ index, offset }) => {
          const text = document.querySelectorAll('p')[index]?.firstChild as Text;
          const r = document.createRange();
          r.setStart(text, offset);
          r.setEnd(text, Math.min(offset + 1, text.length));
          return r.getBoundingClientRect().top;
        }, at);
      const at = await place();
      if (!at) throw new Error('no text at the reading point');
      expect(at.scrollY).toBeGreaterThan(500);
      const before = await topOf(at);
      await clickInUi(page, '[role="dialog"] button', 'Open in sidebar');
      await waitInUi(page, `${SIDEBAR} h2`, 'DeepSeek');
      const after = await topOf(at);
      expect(Math.abs(after - before)).toBeLessThan(3);
      await page.close();
    });

    it("marks the card's term on a strip at the window's edge; a tick takes the reader there", async () => {
      const { browser, server } = session();
      const page = await browser.openPage(server.url(DEMO_ARTICLE));
      await settledHighlights(page, 20_000, (r) => r.some((m) => m.text === DEMO_HOVER_TERM));
      // The term's marks include its other names (Chinese, surname): all are people's.
      const people = (await probe(page, 'highlights')).filter((r) => r.name.endsWith('-person'));
      await hoverMark(page, DEMO_HOVER_TERM);
      const ticks = await waitInUi(page, '.scroll-marks .tick');
      // One tick per mark, or fewer where marks share a row of the strip.
      expect(ticks.length).toBeGreaterThan(0);
      expect(ticks.length).toBeLessThanOrEqual(people.length);
      const viewport = await page.evaluate(() => ({ w: innerWidth, h: innerHeight }));
      const last = ticks[ticks.length - 1] as (typeof ticks)[number];
      expect(last.rect.x + last.rect.width).toBeGreaterThan(viewport.w - 20); // at the edge
      await page.click(last.rect.x + last.rect.width / 2, last.rect.y + last.rect.height / 2);
      const shown = await waitFlashInView(page);
      expect(people.map((r) => r.text)).toContain(shown.text);
      // The mark shown is the one the tick stands for: its place in the document is the
      // tick's place on the strip (within a few rows of 4 px).
      const strip = viewport.h;
      const docAt = shown.docY / shown.docHeight;
      expect(Math.abs(docAt - (last.rect.y + 1) / strip)).toBeLessThan(12 / strip);
      await page.close();
    });

    it('opens on the hostile page too', async () => {
      const { browser, server } = session();
      const page = await browser.openPage(server.url('/fixtures/hostile.html'));
      await openSidebarFromCard(page, 'Liang Wenfeng');
      const quotes = await probe(page, 'query', { selector: `${SIDEBAR} article q` });
      expect(quotes.length).toBeGreaterThan(0);
      for (const q of quotes) expect(isVerbatim(q.text), q.text).toBe(true);
      await page.close();
    });
  },
  { probe: true },
);
