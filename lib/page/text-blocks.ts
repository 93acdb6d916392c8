/**
 * Reads a page's text as blocks: the text nodes under one block-level element joined into
 * one string, with a map back to (node, offset). Matching runs on the joined string, so
 * "Liang <b>Wenfeng</b>" and a name across a link boundary are found. Nothing here writes
 * to the DOM.
 */
import { HOST_TAG, isEditableValue, SKIP_TAGS } from './skip-rules';

export interface TextBlock {
  /** The nearest non-inline ancestor of the block's text nodes. */
  el: Element;
  text: string;
  nodes: Text[];
  /** `starts[i]` is where `nodes[i]` begins in `text`. */
  starts: number[];
}

export interface DomPoint {
  node: Text;
  offset: number;
}

/** Elements that continue the surrounding block rather than start one. */
const INLINE_TAGS: ReadonlySet<string> = new Set([
  'A',
  'ABBR',
  'B',
  'BDI',
  'BDO',
  'CITE',
  'DATA',
  'DEL',
  'DFN',
  'EM',
  'FONT',
  'I',
  'INS',
  'MARK',
  'Q',
  'RUBY',
  'RB',
  'S',
  'SMALL',
  'SPAN',
  'STRONG',
  'SUB',
  'SUP',
  'TIME',
  'U',
  'VAR',
]);

const HTML_NS = 'http://www.w3.org/1999/xhtml';
// NodeFilter.SHOW_TEXT, spelled out so the walker needs no global beyond the document.
const SHOW_TEXT = 0x4;
const HAS_CONTENT = /\S/;

export interface WalkOptions {
  /** Whether an element is rendered; the default asks the browser where it can. */
  isVisible?: (el: Element) => boolean;
}

function defaultIsVisible(el: Element): boolean {
  return typeof el.checkVisibility === 'function' ? el.checkVisibility() : true;
}

/**
 * Decides, once per element, whether text under it is off limits. Caches per walk, since
 * thousands of text nodes share a few hundred parents.
 */
export class SkipCache {
  private readonly own = new WeakMap<Element, boolean>();
  private readonly visible = new WeakMap<Element, boolean>();
  private readonly blocks = new WeakMap<Element, Element>();

  constructor(private readonly isVisible: (el: Element) => boolean = defaultIsVisible) {}

  /** True when text directly under `el` must not be read. */
  skipped(el: Element): boolean {
    if (this.chainSkipped(el)) return true;
    let vis = this.visible.get(el);
    if (vis === undefined) {
      vis = this.isVisible(el);
      this.visible.set(el, vis);
    }
    return !vis;
  }

  private chainSkipped(el: Element): boolean {
    const cached = this.own.get(el);
    if (cached !== undefined) return cached;
    const parent = el.parentElement;
    const result = ownSkip(el) || (parent !== null && this.chainSkipped(parent));
    this.own.set(el, result);
    return result;
  }

  /** The nearest ancestor (or self) that is not an inline element. */
  blockOf(el: Element): Element {
    const cached = this.blocks.get(el);
    if (cached) return cached;
    const parent = el.parentElement;
    const block = INLINE_TAGS.has(el.tagName) && parent ? this.blockOf(parent) : el;
    this.blocks.set(el, block);
    return block;
  }
}

function ownSkip(el: Element): boolean {
  if (el.namespaceURI !== HTML_NS) return true; // SVG and MathML text is not prose
  const tag = el.tagName;
  if (SKIP_TAGS.has(tag) || tag === HOST_TAG) return true;
  if (el.hasAttribute('hidden')) return true;
  return isEditableValue(el.getAttribute('contenteditable'));
}

/** Whether the whole document is editable (designMode), in which case nothing is read. */
export function isDocumentEditable(doc: Document): boolean {
  return String(doc.designMode).toLowerCase() === 'on';
}

/**
 * Yields the blocks of text under `root`, in document order. A generator, so a scheduler
 * can read a few blocks per slice and stop in between.
 */
export function* walkBlocks(
  root: Element,
  cache: SkipCache = new SkipCache(),
): Generator<TextBlock, void, undefined> {
  const doc = root.ownerDocument;
  if (isDocumentEditable(doc)) return;
  const walker = doc.createTreeWalker(root, SHOW_TEXT);
  let cur: TextBlock | null = null;
  // Neighbouring text nodes mostly share a parent: ask the cache once per parent run.
  let lastParent: Element | null = null;
  let lastSkipped = true;
  let lastBlock: Element | null = null;
  for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) {
    const node = n as Text;
    const parent = node.parentElement;
    if (parent !== lastParent) {
      lastParent = parent;
      lastSkipped = parent === null || cache.skipped(parent);
      lastBlock = lastSkipped ? null : cache.blockOf(parent as Element);
    }
    if (lastSkipped) {
      // A skipped run (an inline <code>, a hidden span) ends the block: text on either
      // side of it must not join into one name.
      if (cur) {
        if (HAS_CONTENT.test(cur.text)) yield cur;
        cur = null;
      }
      continue;
    }
    const data = node.data;
    if (data.length === 0) continue;
    const block = lastBlock as Element;
    if (cur && cur.el !== block) {
      if (HAS_CONTENT.test(cur.text)) yield cur;
      cur = null;
    }
    if (!cur) cur = { el: block, text: '', nodes: [], starts: [] };
    cur.starts.push(cur.text.length);
    cur.nodes.push(node);
    cur.text += data;
  }
  if (cur && HAS_CONTENT.test(cur.text)) yield cur;
}

/**
 * Maps an offset in a block's text back to a text node. `end` affinity puts an offset that
 * falls on a node boundary at the end of the earlier node, so a range never starts or ends
 * in a node it does not cover.
 */
export function pointAt(block: TextBlock, offset: number, affinity: 'start' | 'end'): DomPoint {
  const { starts, nodes } = block;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const s = starts[mid] as number;
    if (affinity === 'start' ? s <= offset : s < offset) lo = mid;
    else hi = mid - 1;
  }
  const node = nodes[lo] as Text;
  const base = starts[lo] as number;
  return { node, offset: Math.min(Math.max(offset - base, 0), node.data.length) };
}

/** The DOM range (as plain data) that covers `text.slice(start, end)` of a block. */
export function rangeInit(block: TextBlock, start: number, end: number): StaticRangeInit {
  const a = pointAt(block, start, 'start');
  const b = pointAt(block, end, 'end');
  return {
    startContainer: a.node,
    startOffset: a.offset,
    endContainer: b.node,
    endOffset: b.offset,
  };
}

/** Where a text node's offset falls in its block's text, or -1 when not in the block. */
export function blockOffset(block: TextBlock, node: Text, offset: number): number {
  const i = block.nodes.indexOf(node);
  return i < 0 ? -1 : (block.starts[i] as number) + offset;
}
