/**
 * What a load left on the page, counted in the page itself (functions handed to
 * `page.evaluate`, so they use nothing outside their own bodies): the ranges our
 * highlights hold, and the characters of the page's text. Both browsers' CPU benches use them.
 */

export function countHighlights(): number {
  let n = 0;
  for (const h of CSS.highlights.values()) n += h.size;
  return n;
}

export function textChars(): number {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let c = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) c += (n as Text).data.length;
  return c;
}
