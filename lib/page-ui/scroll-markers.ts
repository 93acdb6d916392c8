/**
 * The scrollbar markers' state (issue 18.3): which term they show, and their ticks,
 * measured a frame after the term changes (after the sidebar's room has reflowed the page)
 * and again when the window is resized. Nothing is measured while no card or sidebar is
 * open, so an idle page pays nothing.
 */
import { type MarkSpot, type Tick, ticksFor } from '../page/scroll-ticks';

export interface ScrollMarkers {
  /**
   * What to show: a term's marks, every term's (null), or none (undefined). `beside`: the
   * sidebar is open (its room changes where marks are).
   */
  show(term: string | null | undefined, beside: boolean): void;
  ticks(): readonly Tick[];
  /** The marks changed (a scan painted anew, an SPA route): measure again if shown. */
  invalidate(): void;
  stop(): void;
}

export function createScrollMarkers(
  win: Window,
  spotsOf: (term: string | null) => MarkSpot[],
  onChange: () => void,
): ScrollMarkers {
  let key: string | undefined;
  let term: string | null = null;
  let ticks: Tick[] = [];
  let frame = 0;

  function measure(): void {
    frame = 0;
    if (key === undefined) return;
    const height = win.document.documentElement.scrollHeight;
    ticks = ticksFor(spotsOf(term), height, win.innerHeight);
    onChange();
  }

  function later(): void {
    if (!frame) frame = win.requestAnimationFrame(measure);
  }

  function stop(): void {
    key = undefined;
    ticks = [];
    if (frame) win.cancelAnimationFrame(frame);
    frame = 0;
    win.removeEventListener('resize', later);
  }

  return {
    show(next, beside) {
      const k = next === undefined ? undefined : `${next ?? ''}\u0000${beside}`;
      if (k === key) return;
      if (k === undefined) {
        stop();
        return;
      }
      // Added each time (adding is idempotent): `document.open()` erases window listeners.
      win.addEventListener('resize', later);
      key = k;
      term = next ?? null;
      ticks = [];
      later();
    },
    ticks: () => ticks,
    invalidate() {
      if (key !== undefined) later();
    },
    stop,
  };
}
