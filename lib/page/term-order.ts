/**
 * Marked terms in reading order, for the keys that step to the next or previous term and
 * for the shortcut that opens the term at the caret. The painted list is in scan order
 * (the viewport's blocks first), so it is sorted here, once per painted set.
 */
import type { Occurrence } from './page-marks';

/** DOM's Node.DOCUMENT_POSITION_FOLLOWING and Node.TEXT_NODE. */
const FOLLOWING = 4;
const TEXT_NODE = 3;

/** Negative when point a comes before point b in the document. */
function comparePoints(a: Node, aOffset: number, b: Node, bOffset: number): number {
  if (a === b) return aOffset - bOffset;
  return a.compareDocumentPosition(b) & FOLLOWING ? -1 : 1;
}

/** Negative when `a` starts before `b` in the document. */
export function compareStarts(a: StaticRangeInit, b: StaticRangeInit): number {
  return comparePoints(a.startContainer, a.startOffset, b.startContainer, b.startOffset);
}

/** A sorter that remembers its last answer: the painted list changes only when repainted. */
export function createReadingOrder(): (painted: readonly Occurrence[]) => Occurrence[] {
  let of: readonly Occurrence[] | null = null;
  let sorted: Occurrence[] = [];
  return (painted) => {
    if (painted !== of) {
      of = painted;
      sorted = [...painted].sort((a, b) => compareStarts(a.range, b.range));
    }
    return sorted;
  };
}

/**
 * The term after (dir 1) or before (dir -1) `from`, wrapping round at the ends. Without
 * `from`, the reader's place is the viewport: "next" is the first term not above its top,
 * "previous" the last one above it. `top` is a term's top edge in viewport px; it is asked
 * only O(log n) times (the sorted terms' tops rise with reading order, near enough).
 */
export function stepTerm(
  sorted: readonly Occurrence[],
  from: Occurrence | null,
  dir: 1 | -1,
  top: (o: Occurrence) => number,
): Occurrence | null {
  const n = sorted.length;
  if (n === 0) return null;
  let at = from ? sorted.indexOf(from) : -1;
  if (at === -1 && from) at = insertionPoint(sorted, from) - (dir === 1 ? 1 : 0);
  if (at === -1 && !from) {
    const firstInView = firstIndex(n, (i) => top(sorted[i] as Occurrence) >= 0);
    return sorted[dir === 1 ? firstInView % n : (firstInView - 1 + n) % n] ?? null;
  }
  return sorted[(at + dir + n) % n] ?? null;
}

/** Where `o` would go in `sorted` (a term painted since the list was sorted). */
function insertionPoint(sorted: readonly Occurrence[], o: Occurrence): number {
  return firstIndex(
    sorted.length,
    (i) => compareStarts((sorted[i] as Occurrence).range, o.range) > 0,
  );
}

/** The first index in [0, n) where `yes` holds, for a `yes` false then true; n if never. */
function firstIndex(n: number, yes: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (yes(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * The term the reader's selection points at: one the selection overlaps, or (a caret) one
 * the caret stands in or just after. `at` gives the terms painted in a text node.
 */
export function termAtSelection(
  sel: Selection | null,
  at: (node: Text) => readonly Occurrence[],
): Occurrence | null {
  if (!sel || sel.rangeCount === 0) return null;
  const range = sel.getRangeAt(0);
  if (range.collapsed) {
    const node = range.startContainer;
    const offset = range.startOffset;
    if (node.nodeType !== TEXT_NODE) return null;
    // A term can run on into the next text node: here it covers from its start (or the
    // node's) to its end (or the node's).
    const hit = at(node as Text).find(
      (o) =>
        (o.range.startContainer !== node || o.range.startOffset <= offset) &&
        (o.range.endContainer !== node || offset <= o.range.endOffset),
    );
    return hit ?? null;
  }
  // A selection across terms: the first one in it, from the start of the selection.
  for (const n of [range.startContainer, range.endContainer]) {
    if (n.nodeType !== TEXT_NODE) continue;
    const hit = at(n as Text).find((o) => rangeOverlaps(range, o.range));
    if (hit) return hit;
  }
  return null;
}

function rangeOverlaps(range: Range, o: StaticRangeInit): boolean {
  const endsBefore =
    comparePoints(range.endContainer, range.endOffset, o.startContainer, o.startOffset) <= 0;
  const startsAfter =
    comparePoints(range.startContainer, range.startOffset, o.endContainer, o.endOffset) >= 0;
  return !endsBefore && !startsAfter;
}
