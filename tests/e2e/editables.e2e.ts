/**
 * Editable content is never touched: not marked, values unchanged, and the reader can
 * still type into it (the caret is where they put it, the text is what they typed).
 */
import { expect, it } from 'vitest';
import { clickInPage, settledHighlights } from './harness/interact';
import { forEachBrowser } from './harness/suite';

interface Editables {
  rich: string;
  plain: string;
  area: string;
  field: string;
  nested: string;
}

const read = () => ({
  rich: document.getElementById('rich')?.textContent ?? '',
  plain: document.getElementById('plain')?.textContent ?? '',
  area: (document.getElementById('area') as HTMLTextAreaElement).value,
  field: (document.getElementById('field') as HTMLInputElement).value,
  nested: document.getElementById('nested')?.textContent ?? '',
});

const ORIGINAL: Editables = {
  rich: 'DeepSeek was founded by Liang Wenfeng.',
  plain: 'High-Flyer and DeepSeek',
  area: 'DeepSeek was founded by Liang Wenfeng in Hangzhou.',
  field: 'Liang Wenfeng',
  nested: 'Inside an editor: DeepSeek and High-Flyer.',
};

forEachBrowser(
  'editable content',
  (session) => {
    it('marks the prose but nothing editable, and changes no value', async () => {
      const { browser, server } = session();
      const page = await browser.openPage(server.url('/fixtures/editor.html'));
      const ranges = await settledHighlights(page, 15_000, (r) => r.length > 0);
      // The prose paragraph proves the content script is at work on this page.
      expect(ranges.map((r) => [r.text, r.tag, r.editable])).toEqual([['DeepSeek', 'P', false]]);
      expect(await page.evaluate(read)).toEqual(ORIGINAL);
      await page.close();
    });

    it('lets the reader type: text lands where the caret is, and stays unmarked', async () => {
      const { browser, server } = session();
      const page = await browser.openPage(server.url('/fixtures/editor.html'));
      await settledHighlights(page, 15_000, (r) => r.length > 0);

      await clickInPage(page, '#area');
      await page.press('End');
      await page.type(' High-Flyer bought H800 chips.');
      await clickInPage(page, '#rich b');
      await page.press('End');
      await page.type(' of High-Flyer');
      await clickInPage(page, '#field');
      await page.press('End');
      await page.type(' (DeepSeek)');

      expect(await page.evaluate(read)).toEqual({
        ...ORIGINAL,
        area: `${ORIGINAL.area} High-Flyer bought H800 chips.`,
        // End puts the caret after the full stop, and there the words land.
        rich: `${ORIGINAL.rich} of High-Flyer`,
        field: 'Liang Wenfeng (DeepSeek)',
      });
      // After the edits (mutations the observer sees), still only the prose is marked.
      const after = await settledHighlights(page);
      expect(after.filter((r) => r.valid).map((r) => r.text)).toEqual(['DeepSeek']);
      await page.close();
    });
  },
  { probe: true },
);
