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

export function isFurniture(el: Element): boolean {
  if (el.closest(FURNITURE)) return true;
  // A site header (not an article's own header with its headline).
  const header = el.closest('header');
  if (header && !header.closest('article, main, [role="main"]')) return true;
  // A block that is a link, or only a link: a headline pointing elsewhere.
  if (el.closest('a')) return true;
  const only = el.children.length === 1 ? el.firstElementChild : null;
  return only?.tagName === 'A' && (only.textContent ?? '').trim() === (el.textContent ?? '').trim();
}
