/**
 * Scrollbar markers (issue 18.3): where a term's marks are on the page, as ticks on a strip
 * the height of the window, like a find bar's. Pure: the spots come measured (session.ts),
 * and the strip draws what this returns (components/ScrollMarkers.tsx).
 */

/** One painted mark: its term, which of that term's marks it is, and its top in document px. */
export interface MarkSpot {
  id: string;
  nth: number;
  y: number;
}

export interface Tick {
  /** From the strip's top, as a fraction of its height (0 to 1). */
  at: number;
  /** The first mark the tick stands for: a click shows it. */
  spot: MarkSpot;
}

/**
 * One tick per `rowPx` of a strip `stripPx` tall: marks closer than that on the strip
 * share a tick (a long page's hundreds of marks make a readable strip, not a smear), the
 * first of them in document order standing for the rest.
 */
export function ticksFor(
  spots: readonly MarkSpot[],
  docHeight: number,
  stripPx: number,
  rowPx = 4,
): Tick[] {
  if (docHeight <= 0 || stripPx <= 0) return [];
  const rows = Math.max(1, Math.floor(stripPx / rowPx));
  const byRow = new Map<number, MarkSpot>();
  for (const spot of spots) {
    const at = Math.min(1, Math.max(0, spot.y / docHeight));
    const row = Math.min(rows - 1, Math.floor(at * rows));
    const held = byRow.get(row);
    if (!held || spot.y < held.y) byRow.set(row, spot);
  }
  return [...byRow.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, spot]) => ({ at: Math.min(1, Math.max(0, spot.y / docHeight)), spot }));
}
