/**
 * Where the reader is inside one long block of text: the offset of its text shown at the
 * viewport's middle, for blocks read around the viewport only (block-read.ts), and a
 * scroll watch that asks again as the reader moves. Layout reads, so only ever asked after
 * a rendered frame, of the few blocks that need it.
 */
import { mapBlock, pointAt, type TextBlock } from './text-blocks';

/** How far from an empty box (collapsed space, a hidden span) to look for a drawn character. */
const PROBE = 8;

/**
 * The offset of `block.text` drawn nearest the viewport's middle (by a binary search over
 * its characters' boxes: about 24 layout reads for 10 MB), or null when the block is not
 * within a screen of the viewport or its text no longer matches the page.
 */
export function viewportOffset(block: TextBlock, win: Window = window): number | null {
  const height = win.innerHeight;
  const box = block.el.getBoundingClientRect();
  if (box.bottom < -height || box.top > 2 * height) return null;
  if (!mapBlock(block)) return null;
  const length = block.text.length;
  if (length === 0) return null;
  const range = block.el.ownerDocument.createRange();
  const middle = height / 2;
  /** The bottom of the first drawn character at or after `at`, or null. */
  const bottomAt = (at: number): number | null => {
    for (let k = at; k < Math.min(length, at + PROBE); k++) {
      const p = pointAt(block, k, 'start');
      range.setStart(p.node, p.offset);
      range.setEnd(p.node, Math.min(p.node.length, p.offset + 1));
      const r = range.getBoundingClientRect();
      if (r.width > 0 || r.height > 0) return r.bottom;
    }
    return null;
  };
  let lo = 0;
  let hi = length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const bottom = bottomAt(mid);
    // Nothing drawn there: search on toward the end, as past the middle.
    if (bottom !== null && bottom < middle) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Calls `onScroll` at most once per animation frame while the page, or any scroller in
 * it, scrolls; nothing at all while it does not. Stops on abort.
 */
export function watchScroll(onScroll: () => void, signal: AbortSignal, win: Window = window): void {
  let queued = false;
  win.addEventListener(
    'scroll',
    () => {
      if (queued) return;
      queued = true;
      win.requestAnimationFrame(() => {
        queued = false;
        if (!signal.aborted) onScroll();
      });
    },
    { capture: true, passive: true, signal },
  );
}
