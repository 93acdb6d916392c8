/**
 * Scrollbar markers (issue 18.3): a thin strip at the window's right edge (beside the
 * sidebar when it is open) with a tick where each of the term's marks is on the page: the
 * card's term, the sidebar's, or every term when the sidebar lists the page's terms. A
 * click on a tick scrolls to the mark and flashes it. Hidden from assistive technology: the
 * next/previous-term keys and "On this page" reach the same marks by keyboard.
 */
import type { Tick } from '../lib/page/scroll-ticks';

export interface ScrollMarkersProps {
  ticks: readonly Tick[];
  /** Beside the open sidebar rather than at the window's edge. */
  beside: boolean;
  /** Shows the `nth` occurrence of term `id` (the tick's first mark). */
  onPick: (id: string, nth: number) => void;
}

export function ScrollMarkers({ ticks, beside, onPick }: ScrollMarkersProps) {
  if (ticks.length === 0) return null;
  return (
    <div class={beside ? 'scroll-marks beside' : 'scroll-marks'} aria-hidden="true">
      {ticks.map((t) => (
        // Out of the Tab order: the keys reach the same marks (see above).
        <button
          type="button"
          tabIndex={-1}
          key={`${t.spot.id}:${t.spot.nth}`}
          class="tick"
          style={{ top: `${(t.at * 100).toFixed(3)}%` }}
          onClick={() => onPick(t.spot.id, t.spot.nth)}
        />
      ))}
    </div>
  );
}
