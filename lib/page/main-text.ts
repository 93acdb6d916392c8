/**
 * Whether a block is the page's main text or its furniture: navigation, headers and
 * footers, asides and related-links rails, comments, a block that is only a link. A page
 * is about the story when its main text names a core term (issue 18: one "Trending:
 * DeepSeek app tops the charts" link in a rail must not turn on every Nvidia and dollar
 * figure of an earnings story); a core term in the furniture is still marked itself.
 * Asked only of blocks that hold a core term, so it costs nothing on most blocks.
 */

/** Landmarks and parts that are not the article, by tag, role or a common class/id. */
const FURNITURE = [
  'nav',
  'aside',
  'footer',
  'menu',
  '[role="navigation"]',
  '[role="complementary"]',
  '[role="contentinfo"]',
  '[role="banner"]',
  '[role="menu"]',
  // Whole class words only: "has-sidebar" on <body> or "commentary" on an article are not furniture.
  ...['comments', 'comment', 'related', 'trending', 'sidebar', 'rail'].flatMap((w) => [
    `[class~="${w}" i]`,
    `[id="${w}" i]`,
  ]),
].join(',');

/**
 * Whether an element sits in the page's furniture, by its ancestors: the same for every
 * block under one parent, so asked once per parent element (a page's paragraphs mostly
 * share a few). Kept per element while it lives; a page that moves an article into its
 * rail after reading is rare and costs only gating, never a wrong quote.
 */
const byParent = new WeakMap<Element, boolean>();

function inFurniture(el: Element): boolean {
  let known = byParent.get(el);
  if (known === undefined) {
    known = el.closest(FURNITURE) !== null || siteHeader(el) || el.closest('a') !== null;
    byParent.set(el, known);
  }
  return known;
}

/** In a site header (not an article's own header with its headline). */
function siteHeader(el: Element): boolean {
  const header = el.closest('header');
  return header !== null && !header.closest('article, main, [role="main"]');
}

export function isFurniture(el: Element): boolean {
  // The block itself, then its ancestors (once per parent).
  if (el.tagName === 'A' || el.matches(FURNITURE)) return true;
  if (el.tagName === 'HEADER' && siteHeader(el)) return true;
  const parent = el.parentElement;
  if (parent !== null && inFurniture(parent)) return true;
  // A block that is only a link: a headline pointing elsewhere.
  const only = el.children.length === 1 ? el.firstElementChild : null;
  return only?.tagName === 'A' && (only.textContent ?? '').trim() === (el.textContent ?? '').trim();
}
