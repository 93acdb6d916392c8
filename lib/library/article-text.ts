/**
 * The plain text of an article element, as a reader sees it: one paragraph per block
 * (paragraph, heading, list item, quote, caption, table cell), a blank line between
 * paragraphs, spaces collapsed inside them as the browser renders them, `<br>` a line
 * break, `<pre>` kept as written. This string is what the library stores and every quote
 * of the source is a slice of it. No layout is read: it runs on a detached clone, in the
 * browser or in Node. Iterative, so a deeply nested page cannot overflow the stack.
 */

const BLOCKS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'DD',
  'DETAILS',
  'DIV',
  'DL',
  'DT',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
  'UL',
]);

/** Never text a reader reads. */
const SKIP = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SVG',
  'CANVAS',
  'IFRAME',
  'OBJECT',
  'BUTTON',
  'SELECT',
  'TEXTAREA',
  'INPUT',
]);

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

export function articleText(root: Element): string {
  const paragraphs: string[] = [];
  let line = '';
  let lines: string[] = [];
  const flushLine = () => {
    const t = line.replace(/[ \t\n\r\f]+/g, ' ').trim();
    if (t) lines.push(t);
    line = '';
  };
  const flushBlock = () => {
    flushLine();
    if (lines.length > 0) paragraphs.push(lines.join('\n'));
    lines = [];
  };

  // Depth-first, by hand: [node, leaving] pairs.
  const stack: [Node, boolean][] = [[root, false]];
  while (stack.length > 0) {
    const [node, leaving] = stack.pop() as [Node, boolean];
    if (node.nodeType === TEXT_NODE) {
      line += (node as Text).data;
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE) continue;
    const el = node as Element;
    const tag = el.tagName.toUpperCase();
    if (leaving) {
      if (BLOCKS.has(tag)) flushBlock();
      continue;
    }
    if (SKIP.has(tag) || el.hasAttribute('hidden')) continue;
    if (tag === 'BR') {
      flushLine();
      continue;
    }
    if (tag === 'PRE') {
      flushBlock();
      const pre = (el.textContent ?? '').replace(/\r\n?/g, '\n').replace(/^\n+|\s+$/g, '');
      if (pre) paragraphs.push(pre);
      continue;
    }
    if (BLOCKS.has(tag)) flushBlock();
    stack.push([el, true]);
    const children = el.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push([children[i] as Node, false]);
  }
  flushBlock();
  return paragraphs.join('\n\n');
}
