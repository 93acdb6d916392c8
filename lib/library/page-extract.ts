/**
 * "Add this page", on the page's side: loads `extract.js` from the package (our own file,
 * only now that the reader asked) and extracts the article from the live document; the
 * extraction reads a clone, so the page is not touched. The content script calls
 * `extractThisPage()` for the `tab:extract` message (the popup's button) and
 * `addThisPage()` for the sidebar's button. Imports no Readability itself.
 */
import type { ExtractResult, Outcome } from './protocol';
import type { ExtractedPage } from './types';

export type Extract = (doc: Document, href?: string) => ExtractedPage;

/**
 * Imports the extraction bundle (web-accessible only so the content script may import it).
 * `getURL` is `runtime.getURL`, handed in: the first stage calls this without a polyfill.
 */
export async function importExtractor(getURL: (path: string) => string): Promise<Extract> {
  // A literal path at the import: scripts/web-ext-lint.ts accepts its warning for this file only.
  const mod: { default?: unknown } = await import(/* @vite-ignore */ getURL('/extract.js'));
  if (typeof mod.default !== 'function') throw new TypeError('extract.js has no default export');
  return mod.default as Extract;
}

/** The article of `doc`, or why there is none, in words for the reader. */
export async function extractThisPage(
  doc: Document,
  load: () => Promise<Extract>,
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
  doc: Document,
  load: () => Promise<Extract>,
  stage: (page: ExtractedPage) => Promise<Outcome<{ draftId: string }>>,
): Promise<ExtractResult> {
  const result = await extractThisPage(doc, load);
  if (!result.ok) return result;
  const staged = await stage(result.page);
  return staged.ok ? result : { ok: false, error: staged.error };
}
