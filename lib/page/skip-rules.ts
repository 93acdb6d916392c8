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

/**
 * Our UI's host: a plain `<div>` carrying this attribute. Not a custom element: a page can
 * define a custom element's name before we create it and so run its own class on our host
 * (and reach a closed shadow root through `attachInternals`); a built-in element created
 * without `is` can never be upgraded (issue 19). Never scanned: it has no light children
 * the page shows (nothing is slotted), and its closed root is ours.
 */
export const HOST_ATTR = 'data-sourcelight-root';
export const HOST_SELECTOR = `div[${HOST_ATTR}]`;

/**
 * Set on our host while the sidebar is open: the manifest CSS (highlights.content.css)
 * then narrows the page's root element by the sidebar's width, so the sidebar sits in room
 * beside the page instead of over its text. Our own element's attribute, never the page's.
 */
export const ROOM_ATTR = 'data-sourcelight-room';

/**
 * Whether an element is (marked as) our host. A page can mark its own divs too, which
 * only hides their text from us: it could do that anyway.
 */
export function isUiHost(el: Element): boolean {
  return el.tagName === 'DIV' && el.hasAttribute(HOST_ATTR);
}

/** A `contenteditable` attribute value that makes an element editable. */
export function isEditableValue(value: string | null): boolean {
  if (value === null) return false;
  const v = value.trim().toLowerCase();
  return v === '' || v === 'true' || v === 'plaintext-only';
}
