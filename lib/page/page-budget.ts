/**
 * Memory and time per page. A 20 MB page kept 76 MB of marks (issue 19), and reading a
 * 5 MB page cost its main thread 380 ms (issue 15). Past PAGE_MARKS marks known, or
 * PAGE_TEXT characters read by the scan of the whole page, the rest of the page is not read
 * at once: that scan stops its walk until the reader gets there (`whenReached`), and past
 * it each further block is watched and read when it comes near the viewport (a screen and
 * a half away, as the paint window looks). So past the cap a page is marked around the
 * reader; what the reader never scrolls to is never read.
 */
import type { NearEntry, NearWatcher, WatchNear } from './paint-window';

/** Marks known at once on one page; past it, blocks wait until they are near the viewport. */
export const PAGE_MARKS = 20_000;
/**
 * Characters read at once on one page: a 1,500-word story is about 10,000, a long feature
 * with its comments 100,000, so every article is read whole, while a book on one page or
 * a generated 5 MB one is read around the reader. Reading costs the page's main thread
 * about 130 ms a megabyte, on the page's first figures and names (`npm run bench:cpu`).
 */
export const PAGE_TEXT = 256 * 1024;

export interface PageBudget {
  /** Adds (or, negative, takes away) a block's marks from the count. */
  count(delta: number): void;
  /** Adds characters a whole-page scan read (page-marks.ts; a page's later changes do not count). */
  read(chars: number): void;
  /** Whether the page holds as many marks, or has read as much text, as it may before the reader comes near more. */
  readonly full: boolean;
  /** Watches a block left unread; it is handed to `onNear` when it comes near the viewport. */
  defer(el: Element): void;
  /**
   * Calls `then` once, when the reader comes near `el` or goes past it; at once when there
   * is no way to watch. Forgotten on `reset`, or when the function it returns is called.
   */
  whenReached(el: Element, then: () => void): () => void;
  /** Whether some of the page waits to be read (a walk stopped, or blocks watched). */
  readsLater(): boolean;
  /** Forgets everything (a new scan of the page). */
  reset(): void;
}

/**
 * Whether an entry says to read its element: near the viewport, or with no box of its own
 * because of `display: contents` (its children have boxes). A `display: none` block has no
 * box either, but nothing of it is shown: it waits until it gets one.
 */
function reads(e: NearEntry): boolean {
  if (e.near) return true;
  if (!e.boxless) return false;
  const view = e.el.ownerDocument.defaultView;
  return view?.getComputedStyle(e.el).display === 'contents';
}

/** With no way to watch (`watch` null), nothing is deferred: the budget is never full. */
export function createPageBudget(
  watch: WatchNear | null,
  onNear: (els: Element[]) => void,
  limit = PAGE_MARKS,
  textLimit = PAGE_TEXT,
  reached: WatchNear | null = null,
): PageBudget {
  let marks = 0;
  let text = 0;
  let watcher: NearWatcher | null = null;
  const waiting = new Set<Element>();

  const waits = new Set<NearWatcher>();

  function stopWatching(): void {
    watcher?.disconnect();
    watcher = null;
    waiting.clear();
    for (const w of waits) w.disconnect();
    waits.clear();
  }

  return {
    count(delta) {
      marks += delta;
    },
    read(chars) {
      text += chars;
    },
    get full() {
      return watch !== null && (marks >= limit || text >= textLimit);
    },
    defer(el) {
      if (!watch || waiting.has(el)) return;
      watcher ??= watch((entries) => {
        const near = entries.filter((e) => reads(e) && waiting.delete(e.el));
        if (near.length > 0) onNear(near.map((e) => e.el));
      });
      waiting.add(el);
      watcher.observe(el);
    },
    whenReached(el, then) {
      if (!reached) {
        then();
        return () => {};
      }
      const forget = () => {
        w.disconnect();
        waits.delete(w);
      };
      const w = reached((entries) => {
        if (!waits.has(w) || !entries.some(reads)) return;
        forget();
        then();
      });
      waits.add(w);
      w.observe(el);
      return forget;
    },
    readsLater: () => waiting.size > 0 || waits.size > 0,
    reset() {
      marks = 0;
      text = 0;
      stopWatching();
    },
  };
}
