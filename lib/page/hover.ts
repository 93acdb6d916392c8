/**
 * Pointer tracking for the hover card: one passive pointermove listener, hit-tested at
 * most once per animation frame, and a delay (setting) before the card opens. Nothing is
 * scheduled unless the pointer moves. A touch screen or pen has no hover: a tap (down and
 * up in one place) is the reader's "show me", handled at once. Only the browser's own
 * (trusted) events count: a page cannot open or close our card by faking input.
 */
import { caretAt, pickOccurrence, rangeRects } from './hit-test';
import type { Occurrence } from './page-marks';

export interface HoverEnv {
  doc?: Document;
  /** Painted occurrences in a text node. */
  at: (node: Text) => Occurrence[];
  delayMs: () => number;
  /** Whether the event came from our own UI (the card keeps itself open). */
  isOurs: (event: PointerEvent) => boolean;
  onEnter: (o: Occurrence) => void;
  /**
   * The pointer arrived on a term and the delay started: the card's code can load during
   * the delay instead of after it.
   */
  onArm?: (o: Occurrence) => void;
  /** The pointer left the term (and is not on our UI). */
  onLeave: () => void;
  /** A touch or pen tap outside our UI: on a term, or (null) elsewhere. */
  onTap?: (o: Occurrence | null) => void;
  signal: AbortSignal;
}

/** A finger moving more than this many px between down and up is scrolling, not tapping. */
const TAP_SLOP = 10;

const TEXT_NODE = 3;

export interface HoverTracker {
  /** Forget the term under the pointer (its card was closed), so hovering it again reopens. */
  reset(): void;
  /** The term the mouse rests on now, if any (for the shortcut). */
  current(): Occurrence | null;
}

export function trackHover(env: HoverEnv): HoverTracker {
  const doc = env.doc ?? document;
  const win = doc.defaultView as Window;
  let frame = 0;
  let x = 0;
  let y = 0;
  let current: Occurrence | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  function hitAt(px: number, py: number): Occurrence | null {
    const caret = caretAt(px, py, doc);
    if (!caret || caret.node.nodeType !== TEXT_NODE) return null;
    return pickOccurrence(env.at(caret.node as Text), px, py, (o) => rangeRects(o.range, doc));
  }

  function check(): void {
    frame = 0;
    const hit = hitAt(x, y);
    if (hit === current) return;
    current = hit;
    clearTimeout(timer);
    if (hit) {
      const o = hit;
      timer = setTimeout(() => {
        if (current === o) env.onEnter(o);
      }, env.delayMs());
      env.onArm?.(o);
    } else env.onLeave();
  }

  doc.addEventListener(
    'pointermove',
    (event) => {
      if (!event.isTrusted || event.pointerType === 'touch') return;
      if (env.isOurs(event)) {
        clearTimeout(timer);
        current = null;
        return;
      }
      x = event.clientX;
      y = event.clientY;
      if (frame === 0) frame = win.requestAnimationFrame(check);
    },
    { passive: true, signal: env.signal },
  );
  // Taps: the primary touch or pen pointer, down and up within TAP_SLOP. A pointercancel
  // (the browser took the gesture for a scroll or zoom) is no tap.
  let down: { id: number; x: number; y: number } | null = null;
  const isTap = (e: PointerEvent) => e.isTrusted && e.isPrimary && e.pointerType !== 'mouse';
  const opts = { passive: true, signal: env.signal };
  doc.addEventListener(
    'pointerdown',
    (e) => {
      down = isTap(e) ? { id: e.pointerId, x: e.clientX, y: e.clientY } : null;
    },
    opts,
  );
  doc.addEventListener('pointercancel', () => (down = null), opts);
  doc.addEventListener(
    'pointerup',
    (e) => {
      const d = down;
      down = null;
      if (!d || !isTap(e) || e.pointerId !== d.id || !env.onTap) return;
      if (Math.abs(e.clientX - d.x) > TAP_SLOP || Math.abs(e.clientY - d.y) > TAP_SLOP) return;
      if (env.isOurs(e)) return; // a tap in the card is the card's
      env.onTap(hitAt(e.clientX, e.clientY));
    },
    opts,
  );
  env.signal.addEventListener('abort', () => {
    clearTimeout(timer);
    if (frame !== 0) win.cancelAnimationFrame(frame);
  });
  return {
    reset() {
      clearTimeout(timer);
      current = null;
    },
    current: () => current,
  };
}
