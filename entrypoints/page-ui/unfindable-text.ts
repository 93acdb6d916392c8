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
    }
    next?.(vnode);
  };
}
