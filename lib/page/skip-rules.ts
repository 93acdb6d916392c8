/**
 * What is never scanned, shared by the content script and the `scan` tool so that both
 * see the same text. Pure data and predicates: no DOM globals, so Node can use it.
 */

/** Elements whose text is not prose the reader sees, or is not ours to touch. */
export const SKIP_TAGS: ReadonlySet<string> = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'CODE',
  'PRE',
  'KBD',
  'SAMP',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'BUTTON',
  'IFRAME',
  'OBJECT',
  'SVG',
  'MATH',
  'CANVAS',
  'VIDEO',
  'AUDIO',
]);

/** The custom element that hosts our UI; never scanned. */
export const HOST_TAG = 'SOURCELIGHT-ROOT';

/** A `contenteditable` attribute value that makes an element editable. */
export function isEditableValue(value: string | null): boolean {
  if (value === null) return false;
  const v = value.trim().toLowerCase();
  return v === '' || v === 'true' || v === 'plaintext-only';
}
