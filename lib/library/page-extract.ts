/**
 * "Add this page", on the page's side: loads `extract.js` from the package (our own file,
 * only now that the reader asked) and extracts the article from the live document; the
 * extraction reads a clone, so the page is not touched. The content script calls
 * `extractThisPage()` for the `tab:extract` message (the popup's button) and
 * `addThisPage()` for the sidebar's button. Imports no Readability itself.
 */
import { browser } from 'wxt/browser';
import { send } from '../transport';
import type { ExtractResult } from './protocol';
import type { ExtractedPage } from './types';

export type Extract = (doc: Document, href?: string) => ExtractedPage;

/** Imports the extraction bundle (web-accessible only so the content script may import it). */
export async function importExtractor(): Promise<Extract> {
  // A literal path at the import: scripts/web-ext-lint.ts accepts its warning for this file only.
  const mod: { default?: unknown } = await import(
    /* @vite-ignore */ browser.runtime.getURL('/extract.js')
  );
  if (typeof mod.default !== 'function') throw new TypeError('extract.js has no default export');
  return mod.default as Extract;
}

/** The article of `doc`, or why there is none, in words for the reader. */
export async function extractThisPage(
  doc: Document = document,
  load: () => Promise<Extract> = importExtractor,
): Promise<ExtractResult> {
  try {
    const extract = await load();
    return { ok: true, page: extract(doc, doc.URL) };
  } catch (error) {
    const named = error instanceof Error && error.name === 'ExtractionError';
    if (!named) console.error('[sourcelight] extraction failed', error);
    return {
      ok: false,
      error: named ? (error as Error).message : 'This page could not be read as an article.',
    };
  }
}

/** The sidebar's "Add this page to my sources": extract, then open the review beside this tab. */
export async function addThisPage(
  doc: Document = document,
  load: () => Promise<Extract> = importExtractor,
): Promise<ExtractResult> {
  const result = await extractThisPage(doc, load);
  if (!result.ok) return result;
  const staged = await send('library:stage', { page: result.page });
  return staged.ok ? result : { ok: false, error: staged.error };
}
