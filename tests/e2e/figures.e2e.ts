/**
 * Page figures against the sources' figures, in real browsers: a figure that differs from
 * every source's is painted in its own highlight, with a wavy line the page's computed
 * style shows, and its card leads with the comparison line; a rounded figure keeps the
 * quiet figure style; a stock price and a percentage stay unmarked.
 */
import { expect, it } from 'vitest';
import { groupOf } from './expectations';
import { hoverMark, settledHighlights, waitInUi } from './harness/interact';
import { forEachBrowser } from './harness/suite';

const PAGE = '/fixtures/figures.html';
const CARD = '[role="dialog"]';

forEachBrowser(
  'page figures and their verdicts',
  (session) => {
    it('paints a figure that differs in its own wavy highlight, and its card leads with the comparison', async () => {
      const { browser, server } = session();
      const page = await browser.openPage(server.url(PAGE));
      const ranges = await settledHighlights(page, 15_000, (r) =>
        r.some((m) => m.text === '$12 million'),
      );
      const figures = ranges
        .filter((r) => r.valid && /\d/.test(r.text))
        .map((r) => [r.text, groupOf(r.name)]);
      expect(figures).toEqual([
        ['$589 billion', 'figure'],
        ['$12 million', 'differs'],
      ]);
      // What the page shows for that highlight: a wavy underline, not a colour alone.
      const style = await page.evaluate(() => {
        const p = [...document.querySelectorAll('p')].find((e) => e.textContent?.includes('$12'));
        const read = (name: string) => {
          const s = getComputedStyle(p as Element, `::highlight(${name})`);
          return {
            line: s.textDecorationLine,
            style: s.textDecorationStyle,
            color: s.textDecorationColor,
          };
        };
        return {
          differs: read('sourcelight-underline-differs'),
          figure: read('sourcelight-underline-figure'),
        };
      });
      expect(style.differs.line).toContain('underline');
      expect(style.differs.style).toBe('wavy');
      expect(style.figure.style).toBe('double');
      expect(style.differs.color).not.toBe(style.figure.color);

      await hoverMark(page, '$12 million');
      const [compare] = await waitInUi(page, `${CARD} .compare`);
      expect(compare?.text).toBe(
        'This page: $12 million. Sources: less than $6 million, only $5.6 million (differs)',
      );
      const [first] = await waitInUi(page, `${CARD} .card-head + *`);
      expect(first?.text).toBe(compare?.text);
      const captions = await waitInUi(page, `${CARD} figcaption`);
      expect(captions.map((c) => c.text.split(':')[0])).toEqual([
        'less than $6 million',
        'only $5.6 million',
      ]);
      await page.close();
    });
  },
  { probe: true },
);
