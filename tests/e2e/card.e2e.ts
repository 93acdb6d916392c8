/**
 * The hover card: rest the pointer on a marked term and a card opens beside it (never over
 * it) with the term, its kind, and quotes that are verbatim slices of the sources, each
 * with its source; it stays open while the pointer moves into it; Esc closes it.
 */
import { expect, it } from 'vitest';
import { KIND_NAMES } from '../../components/shared/kinds';
import { DEMO_ARTICLE, DEMO_HOVER_TERM } from './expectations';
import {
  clickInUi,
  hoverMark,
  settledHighlights,
  waitGoneFromUi,
  waitInUi,
} from './harness/interact';
import { type ElementInfo, probe, type Rect } from './harness/probe';
import type { E2EPage } from './harness/session';
import { isVerbatim } from './harness/sources';
import { forEachBrowser } from './harness/suite';

const CARD = '[role="dialog"]';

function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

async function openCard(page: E2EPage, term: string): Promise<{ card: ElementInfo; term: Rect }> {
  await settledHighlights(page, 20_000, (r) => r.some((m) => m.text === term));
  const rect = await hoverMark(page, term);
  const [card] = await waitInUi(page, CARD);
  return { card: card as ElementInfo, term: rect };
}

async function checkQuotes(page: E2EPage): Promise<void> {
  // The card opens at once and fills in when the background answers.
  const quotes = await waitInUi(page, `${CARD} q`);
  expect(quotes.length).toBeGreaterThanOrEqual(1);
  expect(quotes.length).toBeLessThanOrEqual(2);
  for (const q of quotes) expect(isVerbatim(q.text), q.text).toBe(true);
  const captions = await probe(page, 'query', { selector: `${CARD} figcaption` });
  expect(captions.length).toBe(quotes.length);
  for (const c of captions) expect(c.text.length).toBeGreaterThan(0);
}

forEachBrowser(
  'hover card',
  (session) => {
    it('opens beside the hovered term with its kind and verbatim quotes', async () => {
      const { browser, server } = session();
      const page = await browser.openPage(server.url(DEMO_ARTICLE));
      const { card, term } = await openCard(page, DEMO_HOVER_TERM);
      expect(card.label).toContain(DEMO_HOVER_TERM);
      expect(card.text).toContain(DEMO_HOVER_TERM);
      expect(card.text).toContain(KIND_NAMES.person.one);
      expect(overlaps(card.rect, term)).toBe(false);
      await checkQuotes(page);
      await waitInUi(page, `${CARD} button`, 'Open in sidebar');
      // Every quote can be read in its source and copied with its citation, from inside
      // the closed shadow root: the clipboard takes it (the status says so, not an error).
      const quotes = await probe(page, 'query', { selector: `${CARD} q` });
      for (const name of ['Read in source', 'Copy with citation']) {
        const links = await probe(page, 'query', {
          selector: `${CARD} figcaption button`,
          text: name,
        });
        expect(links.length, name).toBe(quotes.length);
      }
      await clickInUi(page, `${CARD} figcaption button`, 'Copy with citation');
      await waitInUi(page, `${CARD} .copy-status`, 'Copied.');
      await page.close();
    });

    it('stays open while the pointer moves into it, and Esc closes it', async () => {
      const { browser, server } = session();
      const page = await browser.openPage(server.url(DEMO_ARTICLE));
      const { card } = await openCard(page, DEMO_HOVER_TERM);
      await page.mouseMove(card.rect.x + card.rect.width / 2, card.rect.y + card.rect.height / 2);
      await new Promise((r) => setTimeout(r, 800));
      expect(await waitInUi(page, CARD)).toHaveLength(1);
      await page.press('Escape');
      await waitGoneFromUi(page, CARD);
      await page.close();
    });

    it('flips to stay inside the viewport for a term near the bottom edge', async () => {
      const { browser, server } = session();
      const page = await browser.openPage(server.url(DEMO_ARTICLE));
      await settledHighlights(page, 20_000, (r) => r.length > 0);
      // Room above the article, so the term (near its top) can be scrolled down to the
      // viewport's bottom edge; the test's own edit, not the extension's.
      await page.evaluate(() => {
        document.body.style.paddingTop = '1500px';
      });
      // Put a marked term in the last 60 px of the viewport (no card opened before).
      const centred = await probe(page, 'markRect', { text: DEMO_HOVER_TERM });
      expect(centred).not.toBeNull();
      const height = await page.evaluate(() => innerHeight);
      await page.evaluate(
        (dy: number) => scrollBy({ top: dy, behavior: 'instant' }),
        (centred as Rect).y - (height - 60),
      );
      const near = await probe(page, 'markRect', { text: DEMO_HOVER_TERM, scroll: false });
      expect(near).not.toBeNull();
      const r = near as Rect;
      await page.mouseMove(2, 2);
      await page.mouseMove(r.x + r.width / 2 - 3, r.y + r.height / 2);
      await page.mouseMove(r.x + r.width / 2, r.y + r.height / 2);
      const [card] = await waitInUi(page, CARD);
      const box = (card as ElementInfo).rect;
      // Compared with where the term is now, in case anything scrolled meanwhile.
      const now = (await probe(page, 'markRect', { text: DEMO_HOVER_TERM, scroll: false })) as Rect;
      expect(overlaps(box, now), JSON.stringify({ card: box, term: now })).toBe(false);
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height).toBeLessThanOrEqual(height + 1);
      await page.close();
    });

    it('words the training cost as "both can be true", never as an alarm', async () => {
      const { browser, server } = session();
      const page = await browser.openPage(server.url(DEMO_ARTICLE));
      // DeepSeek's card names its most serious questions; the training cost is not a conflict.
      await openCard(page, 'DeepSeek');
      const lines = await waitInUi(page, `${CARD} .verdict`);
      expect(lines.length).toBeGreaterThan(0);
      for (const l of lines) {
        expect(l.text).toMatch(/^Sources (conflict|differ, but|speak of different)/);
        if (l.className?.includes('verdict-conflict')) expect(l.text).not.toMatch(/train/i);
      }
      const card = (await probe(page, 'query', { selector: CARD }))[0] as ElementInfo;
      expect(card.text).not.toMatch(/disagree/i);
      await page.press('Escape');
      await waitGoneFromUi(page, CARD);
      // The page's own training-cost figure: the sources differ, but both can be true.
      await openCard(page, 'about $6 million');
      const [verdict] = await waitInUi(page, `${CARD} .verdict`);
      expect(verdict?.text).toBe(
        'Sources differ, but both can be true: What DeepSeek spent to train its model',
      );
      expect(await probe(page, 'query', { selector: `${CARD} .verdict-conflict` })).toEqual([]);
      await page.close();
    });

    it('works on the hostile page (overridden Array.prototype, all: unset, strict CSP)', async () => {
      const { browser, server } = session();
      const page = await browser.openPage(server.url('/fixtures/hostile.html'));
      const { card, term } = await openCard(page, 'Liang Wenfeng');
      expect(card.text).toContain('Liang Wenfeng');
      expect(overlaps(card.rect, term)).toBe(false);
      await checkQuotes(page);
      await page.close();
    });
  },
  { probe: true },
);
