/**
 * What a quote's "Read in source" and "Copy with citation" do where it is shown. Extension
 * pages (popup, reader) take the defaults: a link to the reader and the page's own address.
 * The card and sidebar live in a web page's shadow root, where neither works: their
 * controller provides a `readSource` that asks the background to open the reader, and the
 * reader's extension address.
 */
import { createContext } from 'preact';
import { readerHref } from './shared/links';

export interface QuoteActionsValue {
  /** Opens the reader at the claim; without it, "Read in source" is a link to `readerHref`. */
  readSource?: (sourceId: string, claimId: string) => void;
  /** The reader view's full address, for a citation; null where it is not known. */
  readerAddress: (sourceId: string, claimId: string) => string | null;
  /** Puts text on the clipboard; rejects when the browser will not. */
  copy: (text: string) => Promise<void>;
}

/** On an extension page the reader is at our own origin; anywhere else we cannot tell. */
export function extensionPageAddress(
  sourceId: string,
  claimId: string,
  here: Pick<Location, 'href' | 'protocol'> | undefined = globalThis.location,
): string | null {
  if (!here || !/^(chrome|moz)-extension:$/.test(here.protocol)) return null;
  return new URL(readerHref(sourceId, claimId), here.href).href;
}

export function clipboardCopy(
  text: string,
  clipboard: Clipboard | undefined = globalThis.navigator?.clipboard,
): Promise<void> {
  // navigator.clipboard is missing outside secure contexts (a page served over http).
  if (!clipboard) return Promise.reject(new Error('no clipboard here'));
  return clipboard.writeText(text);
}

export const QuoteActions = createContext<QuoteActionsValue>({
  readerAddress: extensionPageAddress,
  copy: clipboardCopy,
});
