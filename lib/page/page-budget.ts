/**
 * Memory per page (issue 19): a 20 MB page kept 76 MB of marks. Past PAGE_MARKS marks
 * known, the rest of the page is not read at once: each further block is watched, and read
 * when it comes near the viewport (a screen and a half away, as the paint window looks).
 * So past the cap a page is marked around the reader; what the reader never scrolls to is
 * never read, and costs an observed element.
 */
import type { NearWatcher, WatchNear } from './paint-window';

/** Marks known at once on one page; past it, blocks wait until they are near the viewport. */
export const PAGE_MARKS = 20_000;

export interface PageBudget {
  /** Adds (or, negative, takes away) a block's marks from the count. */
  count(delta: number): void;
  /** Whether the page holds as many marks as it may before the reader comes near more. */
  readonly full: boolean;
  /** Watches a block left unread; it is handed to `onNear` when it comes near the viewport. */
  defer(el: Element): void;
  /** Forgets everything (a new scan of the page). */
  reset(): void;
}

/** With no way to watch (`watch` null), nothing is deferred: the budget is never full. */
export function createPageBudget(
  watch: WatchNear | null,
  onNear: (els: Element[]) => void,
  limit = PAGE_MARKS,
): PageBudget {
  let marks = 0;
  let watcher: NearWatcher | null = null;
  const waiting = new Set<Element>();

  function stopWatching(): void {
    watcher?.disconnect();
    watcher = null;
    waiting.clear();
  }

  return {
    count(delta) {
      marks += delta;
    },
    get full() {
      return watch !== null && marks >= limit;
    },
    defer(el) {
      if (!watch || waiting.has(el)) return;
      watcher ??= watch((entries) => {
        const near = entries.filter((e) => (e.near || e.boxless) && waiting.delete(e.el));
        if (near.length > 0) onNear(near.map((e) => e.el));
      });
      waiting.add(el);
      watcher.observe(el);
    },
    reset() {
      marks = 0;
      stopWatching();
    },
  };
}
