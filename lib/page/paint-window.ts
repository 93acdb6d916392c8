/**
 * On a page with many marks, only those near the viewport are handed to the browser.
 * Chromium re-validates every registered highlight range after any change to the page's
 * DOM: with 16,867 ranges registered, one element a page script appends costs two PrePaint
 * passes of about 180 ms each, against 10 ms without marks (`npm run bench:repaint`). So
 * past WINDOW_FROM ranges, blocks are watched with one IntersectionObserver and only the
 * marks of blocks within a screen and a half of the viewport are registered; scrolling
 * brings the next ones in. Every mark stays known (hover, sidebar, counts).
 */
import type { HighlightStyle } from '../settings';
import type { HighlightGroup } from './highlight-groups';
import { addToPaintSet, type Painter, type PaintSet } from './painter';
import { watchScroll } from './viewport-offset';

/** Below this many ranges, all are registered: the cost above is small. */
export const WINDOW_FROM = 1000;

/** What the window needs of a mark: where it is, and its range (made when first painted). */
export interface WindowMarks<T> {
  el(mark: T): Element;
  group(mark: T): HighlightGroup;
  /** Inside a link: painted with the `link` tint as well (highlight-groups.ts). */
  inLink(mark: T): boolean;
  range(mark: T): AbstractRange;
}

export interface NearEntry {
  el: Element;
  /** Within the margin around the viewport. */
  near: boolean;
  /** Has no box of its own (`display: contents`): cannot be watched, so always painted. */
  boxless: boolean;
}

export interface NearWatcher {
  observe(el: Element): void;
  disconnect(): void;
}

export type WatchNear = (onChange: (entries: NearEntry[]) => void) => NearWatcher;

/** Observer entries handed on per task. */
const ENTRY_CHUNK = 1000;

/**
 * Hands `onChange` a few hundred entries per task: an observer reports every element it
 * was given at once, and a page with tens of thousands of blocks (a 20 MB page) made that
 * one task of 130 ms (issue 19), most of it reading each entry's box. `next` runs the rest
 * in a later task. Entries are handed on in the order they came, so the last word on an
 * element is the last one reported.
 */
export function entriesInSteps<E>(
  onChange: (entries: NearEntry[]) => void,
  read: (entry: E) => NearEntry,
  next: (run: () => void) => void,
): (entries: readonly E[]) => void {
  let queue: E[] = [];
  let at = 0;
  let busy = false;
  function step(): void {
    const chunk = queue.slice(at, at + ENTRY_CHUNK);
    at += chunk.length;
    if (at >= queue.length) {
      queue = [];
      at = 0;
    }
    onChange(chunk.map(read));
    if (queue.length > 0) next(step);
    else busy = false;
  }
  return (entries) => {
    for (const e of entries) queue.push(e);
    if (busy) return;
    busy = true;
    step();
  };
}

/** One IntersectionObserver with a margin of a screen and a half above and below. */
export const watchNearViewport: WatchNear = (onChange) => observeWithin('150% 0px', onChange);

/**
 * Reports an element as near once the reader has come within a screen and a half of it,
 * or gone past it: the margin above reaches the top of any page (a million percent of the
 * window's height), so a jump to the end of the page (End, a link to a footnote) counts.
 * An IntersectionObserver also clips its targets by their scrolling ancestors, and a margin
 * does not reach into those: past a stop in a page that scrolls in an inner box (a docs
 * app's `<main>`), while the page scrolls, one box per frame says it.
 */
export const watchReachedViewport: WatchNear = (onChange) => {
  const io = observeWithin('1000000% 0px 150% 0px', onChange);
  const els = new Set<Element>();
  const scrolling = new AbortController();
  watchScroll(() => {
    for (const el of els) {
      const box = el.getBoundingClientRect();
      const boxed = box.width > 0 || box.height > 0;
      if (boxed && box.top < innerHeight * 2.5) onChange([{ el, near: true, boxless: false }]);
    }
  }, scrolling.signal);
  return {
    observe: (el) => {
      els.add(el);
      io.observe(el);
    },
    disconnect: () => {
      scrolling.abort();
      els.clear();
      io.disconnect();
    },
  };
};

function observeWithin(rootMargin: string, onChange: (entries: NearEntry[]) => void): NearWatcher {
  let stopped = false;
  const take = entriesInSteps<IntersectionObserverEntry>(
    (entries) => {
      if (!stopped) onChange(entries);
    },
    (e) => ({
      el: e.target,
      near: e.isIntersecting,
      // Read only where it can matter: a near element is painted anyway.
      boxless:
        !e.isIntersecting && e.boundingClientRect.width === 0 && e.boundingClientRect.height === 0,
    }),
    (run) => setTimeout(run, 0),
  );
  const io = new IntersectionObserver(take, { rootMargin });
  return {
    observe: (el) => io.observe(el),
    disconnect: () => {
      stopped = true;
      io.disconnect();
    },
  };
}

export interface PaintWindow<T> {
  /** Paints these marks: only those near the viewport, from the observer's first report on. */
  show(marks: readonly T[], style: HighlightStyle): Generator<void>;
  stop(): void;
}

/** Elements observed per step of `show` (observing is about 1 µs an element). */
const OBSERVE_CHUNK = 2000;

export function createPaintWindow<T>(
  painter: Painter,
  describe: WindowMarks<T>,
  watch: WatchNear,
): PaintWindow<T> {
  let byEl = new Map<Element, T[]>();
  const near = new Set<Element>();
  let style: HighlightStyle = 'underline';
  let watcher: NearWatcher | null = null;

  function repaint(): void {
    const set: PaintSet = new Map();
    for (const el of near) {
      for (const m of byEl.get(el) ?? [])
        addToPaintSet(set, describe.group(m), describe.range(m), describe.inLink(m));
    }
    painter.paint(set, style);
  }

  function onChange(entries: NearEntry[]): void {
    let changed = false;
    for (const e of entries) {
      const inside = e.near || e.boxless;
      if (inside === near.has(e.el)) continue;
      changed = true;
      if (inside) near.add(e.el);
      else near.delete(e.el);
    }
    if (changed) repaint();
  }

  function stop(): void {
    watcher?.disconnect();
    watcher = null;
    byEl = new Map();
    near.clear();
  }

  return {
    *show(marks, nextStyle) {
      stop();
      style = nextStyle;
      for (const m of marks) {
        const el = describe.el(m);
        const list = byEl.get(el);
        if (list) list.push(m);
        else byEl.set(el, [m]);
      }
      // What is painted now stays until the observer's first report (the next frame).
      const w = watch(onChange);
      watcher = w;
      let n = 0;
      for (const el of byEl.keys()) {
        w.observe(el);
        if (++n % OBSERVE_CHUNK === 0) {
          yield;
          if (watcher !== w) return; // stopped or shown anew meanwhile
        }
      }
    },
    stop,
  };
}

/** Marks handled per step when every mark is painted. */
const PAINT_ALL_CHUNK = 2000;

/**
 * Paints `marks`: past WINDOW_FROM of them only those near the viewport (`window`), else
 * all of them, added a few thousand per step so that a page with tens of thousands of marks
 * makes no long task of it, and swapped in at the end.
 */
export function* paintMarks<T>(
  marks: readonly T[],
  style: HighlightStyle,
  painter: Painter,
  window: PaintWindow<T> | null,
  describe: WindowMarks<T>,
): Generator<void> {
  if (window && marks.length >= WINDOW_FROM) {
    yield* window.show(marks, style);
    return;
  }
  window?.stop();
  const set: PaintSet = new Map();
  let n = 0;
  for (const m of marks) {
    addToPaintSet(set, describe.group(m), describe.range(m), describe.inLink(m));
    if (++n >= PAINT_ALL_CHUNK) {
      n = 0;
      yield;
    }
  }
  if (painter.paintInSteps) yield* painter.paintInSteps(set, style);
  else painter.paint(set, style);
}
