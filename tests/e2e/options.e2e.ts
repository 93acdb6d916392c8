/**
 * Options apply live: changing the highlight style, "first occurrence only" or turning a
 * kind off in options.html repaints the open article without a reload; the colour key
 * paints with the style chosen.
 */
import { expect, it } from 'vitest';
import { KIND_NAMES } from '../../components/shared/kinds';
import { DEMO_ARTICLE, DEMO_HOVER_TERM, groupOf, styleOf } from './expectations';
import { clickInPage, clickLabelled, settledHighlights } from './harness/interact';
import { forEachBrowser } from './harness/suite';

interface ExtApi {
  storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
}

forEachBrowser(
  'options apply live',
  (session) => {
    it('switches the highlight style in the open tab', async () => {
      const { browser, server } = session();
      const article = await browser.openPage(server.url(DEMO_ARTICLE));
      const before = await settledHighlights(article, 20_000, (r) => r.length > 0);
      expect(new Set(before.map((r) => styleOf(r.name)))).toEqual(new Set(['underline']));
      const options = await browser.openExtensionPage(
        'options.html',
        'input[name="highlight-style"]',
      );
      await clickInPage(options, 'input[name="highlight-style"][value="background"]');
      await article.bringToFront();
      const after = await settledHighlights(article, 15_000, (r) =>
        r.every((m) => styleOf(m.name) === 'background'),
      );
      // Same words, same groups, new style.
      expect(after.map((r) => [r.text, groupOf(r.name), styleOf(r.name)])).toEqual(
        before.map((r) => [r.text, groupOf(r.name), 'background']),
      );

      // The colour key names every group, painted by the page's own highlight rules.
      await options.bringToFront();
      const key = await options.evaluate(() => ({
        groups: [...document.querySelectorAll('.colour-key [data-group]:not([data-link])')].map(
          (el) => el.getAttribute('data-group') ?? '',
        ),
        painted: [...CSS.highlights.keys()].sort(),
        linkRow: document.querySelector('.colour-key [data-link]') !== null,
      }));
      expect(key.groups).toEqual(expect.arrayContaining(['person', 'figure', 'differs']));
      expect(key.groups).toHaveLength(8);
      expect(key.painted).toContain('sourcelight-background-person');
      // Marks in links get no second tint in the background style, and the key says none.
      expect(key.painted).not.toContain('sourcelight-background-link');
      expect(key.linkRow).toBe(false);
      expect(key.painted.every((n) => n.startsWith('sourcelight-background-'))).toBe(true);

      // First occurrence only: saved, and the article keeps one mark per term.
      const liangBefore = before.filter((r) => r.text === DEMO_HOVER_TERM).length;
      expect(liangBefore).toBeGreaterThan(1);
      await clickLabelled(options, 'Mark only the first occurrence of each term');
      await options.waitFor('the option to be saved', async () => {
        const g = globalThis as unknown as { browser?: ExtApi; chrome?: ExtApi };
        const got = await (g.browser ?? g.chrome)?.storage.local.get('settings');
        return (got?.settings as { firstOccurrenceOnly?: unknown })?.firstOccurrenceOnly === true;
      });
      await article.bringToFront();
      const firsts = await settledHighlights(article, 15_000, (r) => r.length < after.length);
      expect(firsts.filter((r) => r.text === DEMO_HOVER_TERM)).toHaveLength(1);
      await options.bringToFront();
      await clickLabelled(options, 'Mark only the first occurrence of each term');
      await article.bringToFront();
      await settledHighlights(article, 15_000, (r) => r.length === after.length);

      // The dotted underline (stored as "outline", which drew floating overlines): the same
      // marks under its names, and marks in links under its link tint.
      await options.bringToFront();
      await clickLabelled(options, 'Dotted underline');
      await article.bringToFront();
      const dotted = await settledHighlights(article, 15_000, (r) =>
        r.every((m) => styleOf(m.name) === 'outline'),
      );
      expect(dotted.map((r) => [r.text, groupOf(r.name)])).toEqual(
        before.map((r) => [r.text, groupOf(r.name)]),
      );
      expect(dotted.some((r) => r.inLink)).toBe(true);
      await options.close();
      await article.close();
    });

    it('stops marking a kind turned off, and marks it again when turned on', async () => {
      const { browser, server } = session();
      const article = await browser.openPage(server.url(DEMO_ARTICLE));
      const before = await settledHighlights(article, 20_000, (r) => r.length > 0);
      const people = before.filter((r) => groupOf(r.name) === 'person');
      expect(people.length).toBeGreaterThan(0);
      const options = await browser.openExtensionPage('options.html', 'fieldset');
      await clickLabelled(options, KIND_NAMES.person.many);
      await article.bringToFront();
      const without = await settledHighlights(article, 15_000, (r) =>
        r.every((m) => groupOf(m.name) !== 'person'),
      );
      expect(without.map((r) => r.text)).toEqual(
        before.filter((r) => groupOf(r.name) !== 'person').map((r) => r.text),
      );
      await options.bringToFront();
      await clickLabelled(options, KIND_NAMES.person.many);
      await article.bringToFront();
      const again = await settledHighlights(article, 15_000, (r) => r.length === before.length);
      expect(again.map((r) => [r.text, groupOf(r.name)])).toEqual(
        before.map((r) => [r.text, groupOf(r.name)]),
      );
      await options.close();
      await article.close();
    });
  },
  { probe: true },
);
