/**
 * Whether a block is the page's main text or its furniture: navigation, headers and
 * footers, asides and related-links rails, comments, a block that is only a link. A page
 * is about the story when its main text names a core term (issue 18: one "Trending:
 * DeepSeek app tops the charts" link in a rail must not turn on every Nvidia and dollar
 * figure of an earnings story); a core term in the furniture is still marked itself.
 * Asked only of blocks that hold a core term or a digit.
 *
 * Read from each element's own tag and attributes, not with `closest()` and a selector
 * list: the selector engine asked a block's whole ancestry once per parent element (5 ms
 * of a 25 KB news page's load, 20 ms of a 5 MB page's, issue 15). Here every element is
 * judged once, from its parent's answer, and the answer is kept while it lives; a page
 * that moves an article into its rail after reading is rare and costs only gating, never a
 * wrong quote.
 */

/** Landmarks that are not the article, by tag ('nav', 'aside', 'footer', 'menu' as selectors). */
const FURNITURE_TAGS: ReadonlySet<string> = new Set(['nav', 'aside', 'footer', 'menu']);
/** ... by role (`[role="navigation"]`, exact). */
const FURNITURE_ROLES: ReadonlySet<string> = new Set([
  'navigation',
  'complementary',
  'contentinfo',
  'banner',
  'menu',
]);
/**
 * ... by a common class word or id, ASCII case-insensitive (`[class~="w" i]`, `[id="w" i]`).
 * Whole class words only: "has-sidebar" on <body> or "commentary" on an article are not furniture.
 */
const FURNITURE_WORDS: ReadonlySet<string> = new Set([
  'comments',
  'comment',
  'related',
  'trending',
  'sidebar',
  'rail',
]);
/** Where an article's own header is (`article, main, [role="main"]`). */
const MAIN_TAGS: ReadonlySet<string> = new Set(['article', 'main']);
/** What `[class~=…]` splits a class attribute on: ASCII whitespace. */
const CLASS_SPACE = /[ \t\n\f\r]+/;

const asciiLower = (s: string): string => s.replace(/[A-Z]+/g, (c) => c.toLowerCase());

/** Whether an element itself is furniture: tag, role, class word or id. */
function furnitureItself(el: Element): boolean {
  if (FURNITURE_TAGS.has(el.localName)) return true;
  if (!el.hasAttributes()) return false;
  const role = el.getAttribute('role');
  if (role !== null && FURNITURE_ROLES.has(role)) return true;
  const id = el.getAttribute('id');
  if (id !== null && FURNITURE_WORDS.has(asciiLower(id))) return true;
  const cls = el.getAttribute('class');
  if (cls === null) return false;
  for (const word of asciiLower(cls).split(CLASS_SPACE)) if (FURNITURE_WORDS.has(word)) return true;
  return false;
}

/** Bits of what an element and its ancestors are, cached per element. */
const FURNITURE = 1; // it or an ancestor is furniture, or a link
const IN_MAIN = 2; // it or an ancestor is article, main or role=main
const SITE_HEADER = 4; // its nearest header (or itself) is outside article and main

const known = new WeakMap<Element, number>();

/**
 * An element's bits, from its nearest answered ancestor down: each element on the way is
 * judged once. No recursion: pages nest elements tens of thousands deep.
 */
function bitsOf(el: Element): number {
  const cached = known.get(el);
  if (cached !== undefined) return cached;
  const path: Element[] = [];
  let bits = 0;
  for (let cur: Element | null = el; cur !== null; cur = cur.parentElement) {
    const k = known.get(cur);
    if (k !== undefined) {
      bits = k;
      break;
    }
    path.push(cur);
  }
  for (let i = path.length - 1; i >= 0; i--) {
    const e = path[i] as Element;
    const name = e.localName;
    let b = bits & (FURNITURE | IN_MAIN);
    if (name === 'a' || furnitureItself(e)) b |= FURNITURE;
    if (MAIN_TAGS.has(name) || e.getAttribute('role') === 'main') b |= IN_MAIN;
    if (name === 'header') {
      if ((b & IN_MAIN) === 0) b |= SITE_HEADER;
    } else b |= bits & SITE_HEADER;
    known.set(e, b);
    bits = b;
  }
  return bits;
}

/** Whether an element sits in the page's furniture, by itself and its ancestors. */
function inFurniture(el: Element): boolean {
  return (bitsOf(el) & (FURNITURE | SITE_HEADER)) !== 0;
}

export function isFurniture(el: Element): boolean {
  // The block itself, then its ancestors.
  if (el.tagName === 'A' || furnitureItself(el)) return true;
  if (el.tagName === 'HEADER' && (bitsOf(el) & SITE_HEADER) !== 0) return true;
  const parent = el.parentElement;
  if (parent !== null && inFurniture(parent)) return true;
  // A block that is only a link: a headline pointing elsewhere.
  const only = el.childElementCount === 1 ? el.firstElementChild : null;
  return only?.tagName === 'A' && onlyWhitespaceBeside(el, only);
}

const NOT_SPACE = /\S/;

/**
 * Whether the text directly under `el`, beside its one element child, is whitespace:
 * then `el`'s text trimmed is that child's text trimmed. Read from the few direct text
 * nodes, not by comparing two `textContent`s: a paragraph with one link in it was read
 * whole twice more (issue 15).
 */
function onlyWhitespaceBeside(el: Element, only: Element): boolean {
  for (let n = el.firstChild; n !== null; n = n.nextSibling) {
    const text = n !== only && (n.nodeType === 3 || n.nodeType === 4);
    if (text && NOT_SPACE.test((n as CharacterData).data)) return false;
  }
  return true;
}
