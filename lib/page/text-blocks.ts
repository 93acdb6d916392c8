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
 * Decides whether text under an element is off limits. Block-level answers are cached per
 * walk, since thousands of text nodes share a few hundred blocks.
 */
export class SkipCache {
  private readonly own = new WeakMap<Element, boolean>();
  private readonly shown = new WeakMap<Element, boolean>();
  private deferring = false;
  private readonly blocks = new WeakMap<Element, Element>();

  constructor(private readonly isVisible: (el: Element) => boolean = defaultIsVisible) {}

  /** True when text directly under `el` must not be read. */
  skipped(el: Element): boolean {
    // Visibility is asked of the block (it covers the block's ancestors); inline elements
    // are asked only where a match falls (`rendered`).
    return this.chainSkipped(el) || !this.rendered(this.blockOf(el));
  }

  /**
   * True when text directly under an inline element of a readable block must not be read.
   * Inline tags are never skipped by name, so only the element's own attributes are asked.
   * Its visibility is not: that is a style lookup per element, and the few that hide text
   * are asked about only where a match falls (`rendered`).
   */
  inlineSkipped(el: Element): boolean {
    return el.hasAttributes() && skippedByAttribute(el);
  }

  /** Whether an element is rendered (inline ones: only those holding a match); cached. */
  rendered(el: Element): boolean {
    let vis = this.shown.get(el);
    if (vis === undefined) {
      if (this.deferring) return true;
      vis = this.isVisible(el);
      this.shown.set(el, vis);
    }
    return vis;
  }

  /**
   * Until `settle`, every element is taken as rendered without asking: at
   * DOMContentLoaded the page has no style yet, and asking would compute it for the whole
   * document inside our task. The caller asks again (`rendered`) once the page has
   * rendered a frame.
   */
  deferVisibility(): void {
    this.deferring = true;
  }

  settle(): void {
    this.deferring = false;
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
  return skippedByAttribute(el);
}

/** `hidden`, or editable: what an element's own attributes say about reading its text. */
function skippedByAttribute(el: Element): boolean {
  return el.hasAttribute('hidden') || isEditableValue(el.getAttribute('contenteditable'));
}

/** Whether the whole document is editable (designMode), in which case nothing is read. */
export function isDocumentEditable(doc: Document): boolean {
  return String(doc.designMode).toLowerCase() === 'on';
}

/**
 * Descendants that stop a block from being read in one piece: anything but inline
 * elements and empty ones (a `<br>`), and inline elements that skip or edit their text.
 */
const NOT_PLAIN = `:not(${[...INLINE_TAGS].join(',').toLowerCase()},br,wbr,img),[hidden],[contenteditable]`;

/**
 * A block of text and inline elements only, read with one `textContent` call: no string
 * per node, no parent lookups, no joining (about 40% of the walk on a 5 MB page). Its
 * nodes are counted by length, on the caller's walker, which is left on the block's last
 * text node. Null (the walker put back) when the block holds anything else, or when
 * `first` is not its first text node: the caller then reads it node by node.
 */
function plainBlock(walker: TreeWalker, el: Element, first: Text): TextBlock | null {
  if (el.querySelector(NOT_PLAIN) !== null) return null;
  const text = el.textContent ?? '';
  const nodes: Text[] = [first];
  const starts: number[] = [0];
  let at = first.length;
  let last: Node = first;
  while (at < text.length) {
    const n = walker.nextNode();
    if (n === null) break;
    nodes.push(n as Text);
    starts.push(at);
    at += (n as Text).length;
    last = n;
  }
  // The lengths add up to the block's text and the last node is inside the block: then
  // `first` was its first text node. Otherwise the count ran past the block: undo.
  if (at !== text.length || (last !== first && !el.contains(last))) {
    walker.currentNode = first;
    return null;
  }
  return { el, text, nodes, starts };
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
  // Under an inline root, a block may reach outside it: then whole blocks are not read.
  const plainBlocks = !INLINE_TAGS.has(root.tagName);
  let cur: TextBlock | null = null;
  // Text nodes alternate between a block and its inline children: those steps are decided
  // from what is known of the block, so the cache is asked only when a new block starts.
  let lastParent: Element | null = null;
  let lastSkipped = true;
  let lastBlock: Element | null = null;
  let inline: Element | null = null;
  let inlineSkipped = false;
  let n = walker.nextNode();
  while (n !== null) {
    const node = n as Text;
    const parent = node.parentElement;
    if (parent !== lastParent) {
      lastParent = parent;
      if (parent === null) {
        lastSkipped = true;
        lastBlock = null;
      } else if (parent === lastBlock) {
        lastSkipped = false;
      } else {
        // An inline element in the block (or in the inline element just read): only its
        // own attributes are new.
        const up: Element | null | 0 =
          lastBlock !== null && INLINE_TAGS.has(parent.tagName) ? parent.parentElement : 0;
        if (up === lastBlock || (up === inline && inline !== null)) {
          lastSkipped = (up === inline && inlineSkipped) || cache.inlineSkipped(parent);
          inline = parent;
          inlineSkipped = lastSkipped;
        } else {
          lastSkipped = cache.skipped(parent);
          const block: Element | null = lastSkipped ? null : cache.blockOf(parent);
          inline = parent === block ? null : parent;
          inlineSkipped = lastSkipped;
          if (block !== null && block !== lastBlock && plainBlocks) {
            const whole = plainBlock(walker, block, node);
            if (whole) {
              // Empty text nodes never end a block (as node by node below).
              if (whole.text.length > 0) {
                if (cur && HAS_CONTENT.test(cur.text)) yield cur;
                cur = null;
              }
              n = walker.nextNode();
              lastParent = null;
              lastBlock = block;
              if (HAS_CONTENT.test(whole.text)) yield whole;
              continue;
            }
          }
          lastBlock = block;
        }
      }
    }
    n = walker.nextNode();
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
  // A node's length from the offsets where they are known: `.data` would make a string
  // of the node's text for each end of each match.
  const length = lo + 1 < starts.length ? (starts[lo + 1] as number) - base : node.length;
  return { node, offset: Math.min(Math.max(offset - base, 0), length) };
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
