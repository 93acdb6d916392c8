/**
 * Which marked term is under the pointer. The caret APIs snap to the nearest character,
 * even in the margin beside a line, so a hit is confirmed against the term's own client
 * rectangles before it counts.
 */
import type { Occurrence } from './page-marks';

export interface RectLike {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface CaretHit {
  node: Node;
  offset: number;
}

type CaretDocument = Document & {
  caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

/** The text position under a point: `caretPositionFromPoint`, else the WebKit variant. */
export function caretAt(x: number, y: number, doc: CaretDocument = document): CaretHit | null {
  if (typeof doc.caretPositionFromPoint === 'function') {
    const pos = doc.caretPositionFromPoint(x, y);
    return pos ? { node: pos.offsetNode, offset: pos.offset } : null;
  }
  if (typeof doc.caretRangeFromPoint === 'function') {
    const r = doc.caretRangeFromPoint(x, y);
    return r ? { node: r.startContainer, offset: r.startOffset } : null;
  }
  return null;
}

/** Whether a point lies in one of the rectangles, allowing `slop` px around each. */
export function rectsContain(rects: Iterable<RectLike>, x: number, y: number, slop = 1): boolean {
  for (const r of rects) {
    if (x >= r.left - slop && x <= r.right + slop && y >= r.top - slop && y <= r.bottom + slop)
      return true;
  }
  return false;
}

/** Client rectangles of a range given as plain data (a live Range only for the measurement). */
export function rangeRects(init: StaticRangeInit, doc: Document = document): DOMRect[] {
  const r = doc.createRange();
  r.setStart(init.startContainer, init.startOffset);
  r.setEnd(init.endContainer, init.endOffset);
  return Array.from(r.getClientRects());
}

export function rangeBox(init: StaticRangeInit, doc: Document = document): DOMRect {
  const r = doc.createRange();
  r.setStart(init.startContainer, init.startOffset);
  r.setEnd(init.endContainer, init.endOffset);
  return r.getBoundingClientRect();
}

/**
 * The occurrence under (x, y), given the occurrences in the caret's text node. The caret
 * offset narrows the candidates; the rectangles decide.
 */
export function pickOccurrence(
  candidates: readonly Occurrence[],
  x: number,
  y: number,
  rectsOf: (o: Occurrence) => Iterable<RectLike>,
): Occurrence | null {
  for (const o of candidates) {
    if (rectsContain(rectsOf(o), x, y)) return o;
  }
  return null;
}
