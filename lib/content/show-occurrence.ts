/**
 * "On this page" and the scrollbar markers: scroll to a term's occurrence and flash it.
 * Each click of a term in "On this page" moves on to its next occurrence; a marker shows
 * the one it stands for. Both count a term's occurrences in the same order (painted order).
 */
import type { PageMarks } from '../page/page-marks';
import type { Painter } from '../page/painter';
import type { MarkSpot } from '../page/scroll-ticks';

const FLASH_MS = 1400;
/** Marks measured for the markers at most: past this, every k-th (the strip merges them anyway). */
const MAX_SPOTS = 1000;
let flashTimer: ReturnType<typeof setTimeout> | undefined;

/** Ends a flash still showing (the session stops). */
export function stopFlash(painter: Painter): void {
  clearTimeout(flashTimer);
  painter.flash(null);
}

export function showOccurrence(
  marks: PageMarks,
  painter: Painter,
  cycle: Map<string, number>,
  id: string,
  nth?: number,
): void {
  const all = marks.painted().filter((o) => o.match.id === id);
  // A marker measured before the marks changed may name one that is gone: show none then.
  if (all.length === 0 || (nth !== undefined && nth >= all.length)) return;
  const i = nth ?? (cycle.get(id) ?? -1) + 1;
  const o = all[i % all.length];
  cycle.set(id, i % all.length);
  if (!o) return;
  const el = o.range.startContainer.parentElement;
  const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
  el?.scrollIntoView({ block: 'center', behavior: reduce ? 'auto' : 'smooth' });
  painter.flash(o.range);
  clearTimeout(flashTimer);
  flashTimer = setTimeout(() => painter.flash(null), FLASH_MS);
}

/**
 * Where a term's painted marks are (every term's with a null id), in document px: one
 * layout read when a card or the sidebar asks, never while the page is idle.
 */
export function markSpots(
  marks: PageMarks,
  id: string | null,
  doc: Document = document,
): MarkSpot[] {
  const all = marks.painted();
  const mine = id === null ? all : all.filter((o) => o.match.id === id);
  const step = Math.max(1, Math.ceil(mine.length / MAX_SPOTS));
  const counts = new Map<string, number>();
  const spots: MarkSpot[] = [];
  const scrollY = doc.defaultView?.scrollY ?? 0;
  const range = doc.createRange();
  for (const o of mine) {
    const term = o.match.id;
    const nth = counts.get(term) ?? 0;
    counts.set(term, nth + 1);
    // Thinned within each term, so a rare term keeps its marks beside a crowded one.
    if (nth % step !== 0 || !o.range.startContainer.isConnected) continue;
    try {
      range.setStart(o.range.startContainer, o.range.startOffset);
      range.setEnd(o.range.endContainer, o.range.endOffset);
    } catch {
      continue; // its text shrank since it was painted; the next scan drops it
    }
    const box = range.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue; // not rendered now
    spots.push({ id: term, nth, y: box.top + scrollY });
  }
  return spots;
}
