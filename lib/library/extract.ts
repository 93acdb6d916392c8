/**
 * "Add this page": the article from a document, with Mozilla's Readability (the library of
 * Firefox's Reader View), and the metadata from the page's own markup (metadata.ts).
 * Readability rewrites the document it reads, so it reads a clone: the page's DOM is never
 * touched. The same function runs in the extension (`extract.js`, loaded only when the
 * reader asks) and in `npm run pack -- --add` on HTML files (happy-dom).
 */
import { Readability } from '@mozilla/readability';
import { articleText } from './article-text';
import { readMetadata } from './metadata';
import type { ExtractedPage } from './types';

/** Why a page could not be added, in words for the reader. */
export class ExtractionError extends Error {
  override name = 'ExtractionError';
}

/** Shorter articles exist (wire briefs), but below this Readability mostly finds a menu. */
const MIN_CHARS = 250;

/** The address without its fragment: `#comments` is the same article. */
export function pageAddress(href: string): string {
  const url = new URL(href);
  url.hash = '';
  return url.href;
}

export function extractArticle(doc: Document, href: string = doc.URL): ExtractedPage {
  const metadata = readMetadata(doc);
  const clone = doc.cloneNode(true) as Document;
  const article = new Readability<Element>(clone, {
    charThreshold: MIN_CHARS,
    // The element itself, not its HTML: we read its text, we never parse markup.
    serializer: (node) => node as Element,
  }).parse();
  const root = article?.content;
  if (!root) {
    throw new ExtractionError(
      'No article was found on this page (Readability found no main text of 250 characters or more).',
    );
  }
  const text = articleText(root);
  if (text.length < MIN_CHARS) {
    throw new ExtractionError(
      `The article found on this page is too short to be a source (${text.length} characters).`,
    );
  }
  return { url: pageAddress(href), text, metadata };
}
