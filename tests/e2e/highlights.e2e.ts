/**
 * Highlights on exactly the expected words, read from the page's CSS.highlights (through
 * the probe, so the hostile page's broken Array.prototype cannot interfere), one table for
 * both browsers (expectations.ts).
 */
import { expect, it } from 'vitest';
import {
  DEMO_ARTICLE,
  DEMO_MUST_MARK,
  groupOf,
  type Mark,
  PAGES,
  type PageExpectation,
} from './expectations';
import { settledHighlights } from './harness/interact';
import type { HighlightRange } from './harness/probe';
import type { E2EPage } from './harness/session';
import { forEachBrowser } from './harness/suite';

function asMarks(ranges: HighlightRange[]): Mark[] {
  return ranges.map((r) => [r.text, groupOf(r.name) as Mark[1]] as const);
}

async function prepare(page: E2EPage, row: PageExpectation): Promise<void> {
  if (row.action === 'spa-navigate') {
    // The first article must be marked before the navigation, or the test proves nothing.
    await settledHighlights(page, 15_000, (r) => r.some((m) => m.text === 'Liang Wenfeng'));
    const box = await page.evaluate(() => {
      const r = document.getElementById('next')?.getBoundingClientRect();
      return r ? { x: r.x + r.width / 2, y: r.y + r.height / 2 } : null;
    });
    if (!box) throw new Error('spa.html has no #next link');
    await page.click(box.x, box.y);
  }
  if (row.waitsForFixture) {
    await page.waitFor(
      `${row.path} to finish changing itself`,
      () => (window as { __fixtureDone?: boolean }).__fixtureDone === true,
    );
  }
}

forEachBrowser(
  'highlights',
  (session) => {
    it.each(PAGES)('$path: $why', async (row) => {
      const { browser, server } = session();
      const page = await browser.openPage(server.url(row.path));
      await prepare(page, row);
      const ranges = await settledHighlights(page, 15_000, (r) => r.length >= row.marks.length);
      const painted = ranges.filter((r) => r.valid);
      expect(asMarks(painted)).toEqual(row.marks);
      expect(painted.filter((r) => r.editable)).toEqual([]);
      await page.close();
    });

    it('tints a mark inside a link, and only there, so it is not taken for the link underline', async () => {
      const { browser, server } = session();
      const rail = await browser.openPage(server.url('/fixtures/rail.html'));
      const linked = await settledHighlights(rail, 15_000, (r) => r.length > 0);
      expect(linked.map((r) => [r.text, r.inLink])).toEqual([['DeepSeek app', true]]);
      await rail.close();
      const plain = await browser.openPage(server.url('/fixtures/plain.html'));
      const prose = await settledHighlights(plain, 15_000, (r) => r.length >= 3);
      expect(prose.length).toBeGreaterThanOrEqual(3);
      expect(prose.filter((r) => r.inLink)).toEqual([]);
      await plain.close();
    });

    it('marks the demo article, with every named term in its group', async () => {
      const { browser, server } = session();
      const page = await browser.openPage(server.url(DEMO_ARTICLE));
      const ranges = (await settledHighlights(page, 20_000, (r) => r.length > 0)).filter(
        (r) => r.valid,
      );
      const marks = asMarks(ranges);
      for (const must of DEMO_MUST_MARK) expect(marks).toContainEqual(must);
      // Every painted text is really on the page at that place, not a neighbouring word.
      for (const r of ranges) expect(r.text.trim()).toBe(r.text);
      // Every occurrence of the founder's name in the prose (not in the comment box the
      // reader edits) is marked, none missed, split across elements or not. His name is
      // part of no longer alias, so each occurrence is one mark.
      const name = 'Liang Wenfeng';
      const onPage = await page.evaluate((name: string) => {
        const skip = /^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE|CODE|PRE|TEXTAREA|TITLE)$/;
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        let text = '';
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const parent = n.parentElement;
          if (parent && !skip.test(parent.tagName) && !parent.isContentEditable)
            text += n.nodeValue;
        }
        return text.split(name).length - 1;
      }, name);
      expect(onPage).toBeGreaterThan(0);
      expect(marks.filter(([t]) => t === name).length).toBe(onPage);
      await page.close();
    });

    it('leaves the same-origin frame alone: the content script runs in the top frame only', async () => {
      const { browser, server } = session();
      const page = await browser.openPage(server.url('/fixtures/iframe.html'));
      await settledHighlights(page, 15_000, (r) => r.length > 0);
      const inFrame = await page.evaluate(() => {
        const frame = document.getElementById('frame') as HTMLIFrameElement;
        const doc = frame.contentDocument;
        if (!doc) return null;
        let ranges = 0;
        for (const [name, h] of (frame.contentWindow as Window & typeof globalThis).CSS
          .highlights) {
          if (name.startsWith('sourcelight-')) ranges += h.size;
        }
        return {
          ranges,
          hosts: doc.querySelectorAll('div[data-sourcelight-root]').length,
          text: doc.body.textContent?.trim(),
        };
      });
      expect(inFrame).toEqual({ ranges: 0, hosts: 0, text: 'High-Flyer funds DeepSeek.' });
      await page.close();
    });

    it('paints through the manifest CSS: no <style> or stylesheet added to the page', async () => {
      const { browser, server } = session();
      const page = await browser.openPage(server.url('/fixtures/iframe.html'));
      await settledHighlights(page, 15_000, (r) => r.length > 0);
      const sheets = await page.evaluate(() => ({
        styles: document.querySelectorAll('style, link[rel~="stylesheet"]').length,
        adopted: document.adoptedStyleSheets.length,
      }));
      expect(sheets).toEqual({ styles: 0, adopted: 0 });
      await page.close();
    });
  },
  { probe: true },
);
