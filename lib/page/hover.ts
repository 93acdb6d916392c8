/**
 * Pointer tracking for the hover card: one passive pointermove listener, hit-tested at
 * most once per animation frame, and a delay (setting) before the card opens. Nothing is
 * scheduled unless the pointer moves.
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
  signal: AbortSignal;
}

const TEXT_NODE = 3;

export interface HoverTracker {
  /** Forget the term under the pointer (its card was closed), so hovering it again reopens. */
  reset(): void;
}

export function trackHover(env: HoverEnv): HoverTracker {
  const doc = env.doc ?? document;
  const win = doc.defaultView as Window;
  let frame = 0;
  let x = 0;
  let y = 0;
  let current: Occurrence | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  function check(): void {
    frame = 0;
    const caret = caretAt(x, y, doc);
    let hit: Occurrence | null = null;
    if (caret && caret.node.nodeType === TEXT_NODE) {
      hit = pickOccurrence(env.at(caret.node as Text), x, y, (o) => rangeRects(o.range, doc));
    }
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
      if (event.pointerType === 'touch') return;
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
  env.signal.addEventListener('abort', () => {
    clearTimeout(timer);
    if (frame !== 0) win.cancelAnimationFrame(frame);
  });
  return {
    reset() {
      clearTimeout(timer);
      current = null;
    },
  };
}
