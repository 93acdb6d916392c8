/**
 * Reads a page's text as blocks: the text nodes under one block-level element joined into
 * one string, with a map back to (node, offset). Matching runs on the joined string, so
 * "Liang <b>Wenfeng</b>" and a name across a link boundary are found. Open shadow roots
 * are read as roots of their own (shadow-roots.ts). Nothing here writes to the DOM.
 */
import { INLINE_TAGS, parentOf, SkipCache } from './skip-cache';

export { SkipCache } from './skip-cache';

export interface TextBlock {
  /** The nearest non-inline ancestor of the block's text nodes (a shadow tree's host for text at its top). */
  el: Element;
  text: string;
  /** The block's first text node: what identifies it while it is known. */
  first: Text;
  /**
   * The block's text nodes, and where each begins in `text` (`starts[i]` for `nodes[i]`).
   * A block read whole gets them on first use (`mapBlock`): most blocks hold no match.
   */
  nodes: Text[];
  starts: number[];
  /** False until `nodes` and `starts` are filled. */
  mapped: boolean;
  /**
   * Walked past, not read (`walkBlocks`'s `unread`): `text` is empty and the block is
   * only to be watched, and read as a root of its own when the reader comes near it.
   */
  unread?: true;
  /**
   * The block is all of its element's text (read whole, `plainBlock`): the element can
   * stand for it, to watch or to walk from. A block read node by node may be a run of text
   * between child blocks: reading its element as a root would read them all.
   */
  whole?: true;
}

export interface DomPoint {
  node: Text;
  offset: number;
}

// NodeFilter.SHOW_TEXT, spelled out so the walker needs no global beyond the document.
const SHOW_TEXT = 0x4;
const HAS_CONTENT = /\S/;

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
 * per node, no parent lookups, no joining, and its nodes mapped only if a match falls in
 * it (`mapBlock`). The caller's walker is moved to the block's last node. Null when the
 * block holds anything else: the caller then reads it node by node.
 *
 * `first` is the block's first text node: the walk enters a block at its first text node,
 * and a plain block holds no other block and nothing skipped, so its text nodes are
 * consecutive in the walk.
 */
function plainBlock(
  walker: TreeWalker,
  el: Element,
  first: Text,
  unread: boolean,
): TextBlock | null {
  if (el.querySelector(NOT_PLAIN) !== null) return null;
  let last: Node = el;
  while (last.lastChild !== null) last = last.lastChild;
  walker.currentNode = last;
  const text = unread ? '' : (el.textContent ?? '');
  const block: TextBlock = { el, text, first, nodes: [], starts: [], mapped: false, whole: true };
  if (unread) block.unread = true;
  return block;
}

/**
 * Fills a block's node map (see `plainBlock`). False when the block's nodes no longer add
 * up to its text (the page changed it since it was read): its matches cannot be placed,
 * and the MutationObserver's re-scan reads it again.
 */
export function mapBlock(block: TextBlock): boolean {
  if (block.mapped) return true;
  const walker = block.el.ownerDocument.createTreeWalker(block.el, SHOW_TEXT);
  const nodes: Text[] = [];
  const starts: number[] = [];
  let at = 0;
  for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) {
    nodes.push(n as Text);
    starts.push(at);
    at += (n as Text).length;
  }
  if (at !== block.text.length || nodes[0] !== block.first) return false;
  block.nodes = nodes;
  block.starts = starts;
  block.mapped = true;
  return true;
}

/** Where text is read from: an element, or an open shadow root (read as its own root). */
export type ScanRoot = Element | ShadowRoot;

/**
 * Yields the blocks of text under `root`, in document order. A generator, so a scheduler
 * can read a few blocks per slice and stop in between. Tags and attributes decide what is
 * skipped here; whether a block is rendered is asked by the caller, of blocks that hold a
 * match (`SkipCache.rendered`). While `unread()` says so (the page's budget is spent), a
 * block of text and inline elements is yielded unread (`TextBlock.unread`): its text is
 * never made into a string. With `from`, the walk starts at that element.
 */
export function* walkBlocks(
  root: ScanRoot,
  cache: SkipCache = new SkipCache(),
  unread?: () => boolean,
  from: Element | null = null,
): Generator<TextBlock, void, undefined> {
  const doc = root.ownerDocument as Document;
  if (isDocumentEditable(doc)) return;
  const walker = doc.createTreeWalker(root, SHOW_TEXT);
  // From an element on: its text and everything after it in the document.
  if (from !== null && root.contains(from)) walker.currentNode = from;
  // Under an inline root, a block may reach outside it: then whole blocks are not read.
  const plainBlocks = !('tagName' in root) || !INLINE_TAGS.has(root.tagName);
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
    let parent: Element | null = node.parentElement;
    if (parent === null) {
      // Text at the top of a shadow tree: shown in its host, which is its block.
      const host = parentOf(node);
      if (host !== lastParent) {
        lastParent = host;
        lastSkipped = host === null || cache.skipped(host);
        lastBlock = lastSkipped ? null : host;
        inline = null;
      }
      parent = host;
    } else if (parent !== lastParent) {
      lastParent = parent;
      if (parent === lastBlock) {
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
            // A block starting with an empty node may be empty: read, as it must not end
            // the block around it (empty text nodes never do).
            const whole = plainBlock(walker, block, node, node.length > 0 && unread?.() === true);
            if (whole) {
              // Empty text nodes never end a block (as node by node below).
              if (whole.unread || whole.text.length > 0) {
                if (cur && HAS_CONTENT.test(cur.text)) yield cur;
                cur = null;
              }
              n = walker.nextNode();
              lastParent = null;
              lastBlock = block;
              if (whole.unread || HAS_CONTENT.test(whole.text)) yield whole;
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
    if (!cur) cur = { el: block, text: '', first: node, nodes: [], starts: [], mapped: true };
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
  mapBlock(block);
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
  if (!mapBlock(block)) return -1;
  const i = block.nodes.indexOf(node);
  return i < 0 ? -1 : (block.starts[i] as number) + offset;
}

/** Drops roots that sit inside another root, so nothing is scanned twice (page-marks.ts re-reads at most RESCAN_ROOTS). */
export function outermost(roots: readonly ScanRoot[]): ScanRoot[] {
  const unique = [...new Set(roots)];
  return unique.filter((r) => !unique.some((o) => o !== r && o.contains(r)));
}
