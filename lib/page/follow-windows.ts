/**
 * Blocks read around the viewport only (block-read.ts) follow the reader: once a scan has
 * left such blocks, scroll events (at most one per frame, none while the page is still)
 * queue a job that asks where the reader now is in each, and reads it again there when the
 * reader has moved toward an edge of what was read.
 */
import { needsRewindow } from './block-read';
import type { ScannedBlock } from './occurrences';
import type { Scheduler } from './scheduler';
import type { TextBlock } from './text-blocks';

export interface FollowDeps {
  /** The blocks read around the viewport now. */
  windowed: () => ScannedBlock[];
  /** Reads a block again around an offset of its text. */
  reread: (scanned: ScannedBlock, center: number) => Generator<unknown>;
  /** Paints and reports, after any block was read again. */
  done: () => Generator<unknown>;
  scheduler: Scheduler;
  /** Where the reader is in a block: an offset of its text, or null when far from it. */
  offsetOf: (block: TextBlock) => number | null;
  watchScroll: (onScroll: () => void, signal: AbortSignal) => void;
}

export interface Follower {
  /** One pass over the windowed blocks (layout reads: run it after a rendered frame). */
  follow(): Generator<unknown>;
  /** Follows scrolling from now on, once, while windowed blocks exist. */
  start(): void;
  stop(): void;
}

export function createFollower(deps: FollowDeps): Follower {
  let following: AbortController | null = null;
  let queued = false;

  function* follow(): Generator<unknown> {
    queued = false;
    let moved = false;
    for (const b of deps.windowed()) {
      if (!b.window || !b.block.el.isConnected) continue;
      const center = deps.offsetOf(b.block);
      if (center === null || !needsRewindow(b.window, center, b.block.text.length)) continue;
      yield* deps.reread(b, center);
      moved = true;
      yield;
    }
    if (moved) yield* deps.done();
  }

  return {
    follow,
    start() {
      if (following || deps.windowed().length === 0) return;
      following = new AbortController();
      deps.watchScroll(() => {
        if (queued || deps.windowed().length === 0) return;
        queued = true;
        deps.scheduler.push(follow(), true);
      }, following.signal);
    },
    stop() {
      following?.abort();
      following = null;
      queued = false;
    },
  };
}
