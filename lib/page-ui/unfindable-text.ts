/**
 * Our UI's words are drawn as CSS generated content, not DOM text, so the page cannot find
 * them. Checked in Chromium 156 and Firefox ESR 153 (issue 19): `window.find("Seen before")`
 * from the page matches text inside our closed shadow root in both; `user-select: none`
 * only empties the selection in Chromium (find still returns true, a yes/no oracle on the
 * reader's history), and in Firefox changes nothing: find selects our text and
 * `getSelection().anchorNode.getRootNode()` hands the page our closed ShadowRoot. Text
 * from `::before { content: attr(...) }` is not a node: neither browser's find or
 * selection sees it, while it is laid out, painted and read by screen readers like text.
 *
 * Done once, for every text run Preact renders in this bundle (only the card and
 * sidebar), through its `options.vnode` hook: a text vnode becomes an empty
 * `<span data-sl-text="...">`. The components stay plain Preact.
 *
 * Browsers name a button from its generated content (Chromium's accessibility tree reads
 * "Read in source" for such a button), but axe-core does not count it, so a button without
 * an `aria-label` is given its own words as one: the same name, which axe can check too.
 */
import { options, type VNode } from 'preact';

export const TEXT_ATTR = 'data-sl-text';

/** The rule that draws the words, and unselectable everything (as it is in the browser UI). */
export const UNFINDABLE_CSS = `
:host { user-select: none !important; -webkit-user-select: none !important; }
[${TEXT_ATTR}]::before { content: attr(${TEXT_ATTR}); }
`;

let installed = false;

export function drawTextAsGeneratedContent(): void {
  if (installed) return;
  installed = true;
  const next = options.vnode;
  options.vnode = (vnode: VNode) => {
    // Preact makes a text vnode as `type: null` with the string (or number) as its props.
    const text: unknown = vnode.props;
    const isText = typeof text === 'string' || typeof text === 'number' || text instanceof String;
    if (vnode.type === null && isText) {
      (vnode as { type: unknown }).type = 'span';
      (vnode as { props: unknown }).props = { [TEXT_ATTR]: String(text) };
    } else if (vnode.type === 'button') {
      const props = vnode.props as Record<string, unknown>;
      if (props['aria-label'] === undefined) {
        const name = wordsOf(props.children).replace(/\s+/g, ' ').trim();
        if (name !== '') props['aria-label'] = name;
      }
    }
    next?.(vnode);
  };
}

/** The words of JSX children as written: an element's own words are set apart by spaces. */
function wordsOf(children: unknown): string {
  if (typeof children === 'string' || typeof children === 'number') return String(children);
  if (children instanceof String) return String(children);
  if (Array.isArray(children)) return children.map(wordsOf).join('');
  if (children !== null && typeof children === 'object' && 'props' in children) {
    const { type, props } = children as VNode<{ children?: unknown }>;
    if (typeof type === 'string') return ` ${wordsOf(props.children)} `;
  }
  return '';
}
