/**
 * The page side of "Add this page" (lib/library/page-extract.ts), with the extraction
 * bundle's loader handed in: what the content script answers to `tab:extract`, and what
 * the sidebar's button sends.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ExtractionError, extractArticle } from '../../lib/library/extract';
import { parseHtml } from '../../lib/library/load-files';
import { addThisPage, extractThisPage } from '../../lib/library/page-extract';
import type { ExtractedPage } from '../../lib/library/types';
import { isBackgroundEnvelope } from '../../lib/messages';
import { send } from '../../lib/transport';

const stage = (page: ExtractedPage) => send('library:stage', { page });

const ROOT = join(import.meta.dirname, '..', '..');
const URL_ = 'https://harbourwire.test/markets/cheap-ai#top';
const doc = () =>
  parseHtml(readFileSync(join(ROOT, 'tests/e2e/fixtures/added-article.html'), 'utf8'), URL_);

beforeEach(() => fakeBrowser.reset());

describe('extractThisPage', () => {
  it('answers the article of the live document, its address without the fragment', async () => {
    const result = await extractThisPage(doc(), async () => extractArticle);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.page.url).toBe('https://harbourwire.test/markets/cheap-ai');
    expect(result.page.metadata.outlet).toBe('Harbour Wire');
  });

  it("passes the extraction's reason on, in words", async () => {
    const none = async () => () => {
      throw new ExtractionError('No article was found on this page.');
    };
    expect(await extractThisPage(doc(), none)).toEqual({
      ok: false,
      error: 'No article was found on this page.',
    });
  });

  it('says the page could not be read when the bundle fails to load (and logs why)', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const broken = () =>
      Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
    expect(await extractThisPage(doc(), broken)).toEqual({
      ok: false,
      error: 'This page could not be read as an article.',
    });
    expect(log).toHaveBeenCalledOnce();
  });
});

describe('addThisPage', () => {
  function background(answer: unknown) {
    const sent: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
      if (!isBackgroundEnvelope(message)) return undefined;
      sent.push(message);
      return Promise.resolve(answer);
    });
    return sent;
  }

  it('stages the extracted page with the background', async () => {
    const sent = background({ ok: true, draftId: 'd1' });
    const result = await addThisPage(doc(), async () => extractArticle, stage);
    expect(result.ok).toBe(true);
    expect(sent).toEqual([
      expect.objectContaining({
        name: 'library:stage',
        payload: {
          page: expect.objectContaining({ url: 'https://harbourwire.test/markets/cheap-ai' }),
        },
      }),
    ]);
  });

  it('says why the background refused it', async () => {
    background({
      ok: false,
      error: 'Your library is unavailable: IndexedDB is not available here.',
    });
    expect(await addThisPage(doc(), async () => extractArticle, stage)).toEqual({
      ok: false,
      error: 'Your library is unavailable: IndexedDB is not available here.',
    });
  });

  it('stages nothing when the page has no article', async () => {
    const sent = background({ ok: true, draftId: 'd1' });
    const none = async () => () => {
      throw new ExtractionError('No article was found on this page.');
    };
    expect((await addThisPage(doc(), none, stage)).ok).toBe(false);
    expect(sent).toEqual([]);
  });
});
