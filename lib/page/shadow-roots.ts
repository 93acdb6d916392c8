/**
 * Open shadow roots (web components): their text is shown on the page like any other, but
 * a TreeWalker never enters them, so each is found by a walk over the elements and read as
 * a root of its own. Closed roots are the page's own business and stay unread, as does
 * anything a skipped ancestor covers (SkipCache climbs from a shadow tree to its host).
 */
import type { ScanRoot } from './text-blocks';

// NodeFilter.SHOW_ELEMENT, spelled out so the walk needs no global beyond the document.
const SHOW_ELEMENT = 0x1;
/** Elements looked at per step: reading `shadowRoot` is about 0.3 µs an element. */
const CHUNK = 4000;

/**
 * The open shadow roots of elements under `root`, in document order (not those nested in
 * them: the caller reads each root found, and looks under it in turn). Yields every few
 * thousand elements, so a scheduler can slice the walk. With `until`, only the elements
 * before it in document order (its ancestors included) are looked at.
 */
export function* openShadowRoots(
  root: ScanRoot,
  until: Node | null = null,
): Generator<undefined, ShadowRoot[], undefined> {
  const doc = root.ownerDocument as Document;
  const out: ShadowRoot[] = [];
  if ('shadowRoot' in root) {
    const own = root.shadowRoot;
    if (own && own.mode === 'open') out.push(own);
  }
  const walker = doc.createTreeWalker(root, SHOW_ELEMENT);
  let n = 0;
  for (let el = walker.nextNode(); el !== null && el !== until; el = walker.nextNode()) {
    const shadow = (el as Element).shadowRoot;
    if (shadow !== null && shadow.mode === 'open') out.push(shadow);
    if (++n % CHUNK === 0) yield;
  }
  return out;
}
