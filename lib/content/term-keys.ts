/**
 * Alt+Shift+Period and Alt+Shift+Comma: the next and previous marked term, scrolled into
 * view with its card open.
 *
 * Read in the page, not declared as manifest `commands` (like Alt+Shift+S): they exist only
 * where the second stage runs (a page with marks) and need no round trip through the
 * background; Chrome allows four suggested shortcuts per extension and the sidebar already
 * takes one; and browser-level shortcuts are not delivered to keys pressed by automation
 * (tried: headless Chromium), so they could not be tested in a real browser. Neither
 * browser binds Alt+Shift with Period or Comma. On macOS Option+Shift+Period types a
 * character, so a key in an editable field is left to it. The keys are matched by their
 * place on the keyboard (`code`), so they are the same keys in every layout.
 */
import { rangeBox } from '../page/hit-test';
import type { Occurrence } from '../page/page-marks';

/** 1 (next term), -1 (previous) or 0 (not ours). */
export function termStepOf(
  e: Pick<KeyboardEvent, 'code' | 'altKey' | 'shiftKey' | 'ctrlKey' | 'metaKey'>,
): 1 | -1 | 0 {
  if (!e.altKey || !e.shiftKey || e.ctrlKey || e.metaKey) return 0;
  return e.code === 'Period' ? 1 : e.code === 'Comma' ? -1 : 0;
}

function inEditable(e: Event): boolean {
  const el = e.composedPath()[0];
  if (!(el instanceof Element)) return false;
  return (el as HTMLElement).isContentEditable || el.matches('input, textarea, select');
}

export interface TermKeysEnv {
  win?: Window;
  /** Step to the next (1) or previous (-1) term; whether there was one. */
  step: (dir: 1 | -1) => boolean;
  signal: AbortSignal;
}

/** One keydown listener, on the window while capturing: a key we use goes no further. */
export function listenTermKeys(env: TermKeysEnv): void {
  const win = env.win ?? window;
  win.addEventListener(
    'keydown',
    (e) => {
      const dir = termStepOf(e);
      if (dir === 0 || !e.isTrusted || inEditable(e)) return;
      if (!env.step(dir)) return;
      e.preventDefault();
      e.stopImmediatePropagation();
    },
    { capture: true, signal: env.signal },
  );
}

/** How far inside the viewport's edges a term counts as in view, px. */
const EDGE = 48;

/**
 * Scrolls a term into view at once (a smooth scroll would move it under the card being
 * placed beside it): its element first, through any scrolling boxes around it, then the
 * window onto the term itself, since a tall paragraph can be in view while the term is not.
 */
export function bringIntoView(o: Occurrence, doc: Document = document): void {
  const win = doc.defaultView as Window;
  const inView = () => {
    const box = rangeBox(o.range, doc);
    return box.top >= EDGE && box.bottom <= win.innerHeight - EDGE ? null : box;
  };
  if (!inView()) return;
  o.range.startContainer.parentElement?.scrollIntoView({ block: 'nearest', behavior: 'instant' });
  const box = inView();
  if (box) win.scrollBy({ top: box.top - win.innerHeight / 2, behavior: 'instant' });
}
