/**
 * The visible text of an HTML document as the content script reads it: the same skip rules
 * (lib/page/skip-rules.ts), text under one block element joined into one block. Parsed
 * with happy-dom, with script evaluation and resource loading off.
 */
import { Window } from 'happy-dom';
import { HOST_ATTR, isEditableValue, SKIP_TAGS } from '../lib/page/skip-rules';

/** Elements that continue the surrounding block rather than start one. */
const INLINE_TAGS: ReadonlySet<string> = new Set(
  'A ABBR B BDI BDO BR CITE DATA DEL DFN EM FONT I INS LABEL MARK Q RUBY RB S SMALL SPAN STRONG SUB SUP TIME U VAR WBR'.split(
    ' ',
  ),
);
const HTML_NS = 'http://www.w3.org/1999/xhtml';
const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

interface MiniNode {
  nodeType: number;
  nodeValue: string | null;
  childNodes: ArrayLike<MiniNode>;
  tagName?: string;
  namespaceURI?: string | null;
  hasAttribute?(name: string): boolean;
  getAttribute?(name: string): string | null;
}

function skipped(el: MiniNode): boolean {
  const tag = (el.tagName ?? '').toUpperCase();
  if (el.namespaceURI !== HTML_NS) return true;
  if (SKIP_TAGS.has(tag) || (tag === 'DIV' && el.hasAttribute?.(HOST_ATTR))) return true;
  if (el.hasAttribute?.('hidden')) return true;
  return isEditableValue(el.getAttribute?.('contenteditable') ?? null);
}

/** Blocks of visible text, in document order; a skipped element also ends a block. */
export function visibleBlocks(html: string): string[] {
  const window = new Window({
    settings: { disableJavaScriptFileLoading: true, disableCSSFileLoading: true },
  });
  try {
    const doc = new window.DOMParser().parseFromString(html, 'text/html');
    const blocks: string[] = [];
    let cur = '';
    const flush = () => {
      if (/\S/.test(cur)) blocks.push(cur);
      cur = '';
    };
    const walk = (node: MiniNode) => {
      for (let i = 0; i < node.childNodes.length; i++) {
        const child = node.childNodes[i] as MiniNode;
        if (child.nodeType === TEXT_NODE) cur += child.nodeValue ?? '';
        else if (child.nodeType === ELEMENT_NODE) {
          if (skipped(child)) {
            flush();
            continue;
          }
          const inline = INLINE_TAGS.has((child.tagName ?? '').toUpperCase());
          if (!inline) flush();
          walk(child);
          if (!inline) flush();
        }
      }
    };
    if (doc.body) walk(doc.body as unknown as MiniNode);
    flush();
    return blocks;
  } finally {
    void window.happyDOM.close();
  }
}
