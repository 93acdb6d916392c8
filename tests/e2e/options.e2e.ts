/**
 * Options apply live: changing the highlight style or turning a kind off in options.html
 * repaints the open article without a reload.
 */
import { expect, it } from 'vitest';
import { KIND_NAMES } from '../../components/shared/kinds';
import { DEMO_ARTICLE, groupOf, styleOf } from './expectations';
import { clickInPage, clickLabelled, settledHighlights } from './harness/interact';
import { forEachBrowser } from './harness/suite';

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
