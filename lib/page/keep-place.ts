/**
 * Keeps the reader's place while a change re-wraps the page (the sidebar's room narrows
 * <html>). Scroll anchoring cannot be relied on for it: a change to the width or margins of
 * an ancestor of the anchor, <html> here, is one of its suppression triggers (CSS Scroll
 * Anchoring). Measured on tests/e2e/fixtures/wide.html scrolled halfway: Firefox moved the
 * text at the reading point by 324 px, Chromium kept it. So the text under a point a third
 * of the way down the window is noted before the change and scrolled back to the same
 * height after it: a few layout reads, only when the sidebar opens or closes.
 */
import { type CaretHit, caretAt } from './hit-test';

/** Runs `change`, then scrolls so the text that was at the reading point is there again. */
export function keepPlace(change: () => void, doc: Document = document): void {
  const win = doc.defaultView;
  // At the top, the top stays in view, as scroll anchoring does: the headline, not a line.
  if (!win || win.scrollY <= 0) {
    change();
    return;
  }
  const at = readingPoint(win, doc);
  const before = at ? topOf(at.node, at.offset, doc) : null;
  change();
  if (!at || before === null) return;
  const after = topOf(at.node, at.offset, doc);
  if (after !== null && Math.abs(after - before) >= 1) {
    win.scrollBy({ top: after - before, behavior: 'instant' });
  }
}

/** Points tried down from a third of the window: the first may fall between paragraphs. */
const TRIES = 12;
const STEP_PX = 8;

/** The page's text under a point a quarter across and a third down the window (or a little lower). */
export function readingPoint(win: Window, doc: Document): CaretHit | null {
  for (let i = 0; i < TRIES; i++) {
    const at = caretAt(win.innerWidth * 0.25, win.innerHeight * 0.33 + i * STEP_PX, doc);
    if (at && isPageText(at.node, doc) && !pinned(at.node.parentElement, win)) return at;
  }
  return null;
}

/** In a fixed or sticky box: it does not scroll with the page, so it cannot hold a place. */
function pinned(el: Element | null, win: Window): boolean {
  for (let e = el; e; e = e.parentElement) {
    const position = win.getComputedStyle(e).position;
    if (position === 'fixed' || position === 'sticky') return true;
  }
  return false;
}

/** Text of the page's own document (not our UI's, not a node the page has dropped). */
function isPageText(node: Node, doc: Document): boolean {
  return node.nodeType === 3 && node.isConnected && node.getRootNode() === doc;
}

function topOf(node: Node, offset: number, doc: Document): number | null {
  const r = doc.createRange();
  try {
    r.setStart(node, offset);
    r.setEnd(node, Math.min(offset + 1, (node as Text).length));
  } catch {
    return null;
  }
  const box = r.getBoundingClientRect();
  return box.width === 0 && box.height === 0 ? null : box.top;
}
