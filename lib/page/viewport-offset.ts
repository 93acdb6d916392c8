/**
 * Where the reader is inside one long block of text: the offset of its text shown at the
 * viewport's middle, for blocks read around the viewport only (block-read.ts), and a
 * scroll watch that asks again as the reader moves. Layout reads, so only ever asked after
 * a rendered frame, of the few blocks that need it.
 */
import { caretAt } from './hit-test';
import { blockOffset, mapBlock, type TextBlock } from './text-blocks';

const TEXT_NODE = 3;

/**
 * The offset of `block.text` drawn at the viewport's middle, or null when the block is not
 * within a screen of the viewport or its text no longer matches the page. One caret hit
 * test at the middle of the block's part in view (a search over characters' boxes was a
 * layout query per probe: 0.5 s on a 10 MB node); where the caret lands elsewhere (an
 * overlay above the text), the block's height is taken as proportional to its text.
 */
export function viewportOffset(block: TextBlock, win: Window = window): number | null {
  const height = win.innerHeight;
  const box = block.el.getBoundingClientRect();
  if (box.bottom < -height || box.top > 2 * height || box.height <= 0) return null;
  if (!mapBlock(block)) return null;
  const length = block.text.length;
  const y = Math.min(Math.max(height / 2, box.top + 1), box.bottom - 1);
  const x = Math.min(Math.max(box.left + box.width / 2, 1), win.innerWidth - 1);
  if (y > 0 && y < height) {
    const caret = caretAt(x, y, block.el.ownerDocument);
    if (caret && caret.node.nodeType === TEXT_NODE) {
      const at = blockOffset(block, caret.node as Text, caret.offset);
      if (at >= 0) return at;
    }
  }
  const share = Math.min(Math.max((y - box.top) / box.height, 0), 1);
  return Math.round(length * share);
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
