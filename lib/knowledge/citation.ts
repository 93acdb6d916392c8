/**
 * "Copy with citation": a quote as plain text that keeps its source, so it can be pasted
 * elsewhere without losing where it came from. Pure: the UI supplies the reader view's
 * address (an extension URL only the extension knows).
 */
import { hasOwnMarks } from './quote-marks';
import type { SourceRef } from './types';

export interface CitationInput {
  /** The verbatim sentence, as shown. */
  quote: string;
  source: SourceRef;
  /** Where the quote can be read in context: the reader view, when known. */
  readerAddress?: string | null;
}

/**
 * “The quote.”
 * — Label, date
 * Note: the source's caveat (s002's garbled wording travels with its quotes)
 * Original page: the reader's own source's address
 * Read in Sourcelight: the reader view's address
 */
export function citationText({ quote, source, readerAddress }: CitationInput): string {
  const lines = [
    hasOwnMarks(quote) ? quote : `“${quote}”`,
    `— ${[source.label, source.date].filter(Boolean).join(', ')}`,
  ];
  if (source.caveat) lines.push(`Note: ${source.caveat}`);
  if (source.added) lines.push(`Original page: ${source.added.url}`);
  if (readerAddress) lines.push(`Read in Sourcelight: ${readerAddress}`);
  return lines.join('\n');
}
