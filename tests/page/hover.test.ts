import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { trackHover } from '../../lib/page/hover';
import type { Occurrence } from '../../lib/page/page-marks';

/** A fake document: the caret is always in one text node, the term's box is (0,0)-(100,20). */
function fakePage() {
  const text = { nodeType: 3 } as unknown as Text;
  const term = {
    match: { id: 'liang' },
    range: { startContainer: text, startOffset: 0, endContainer: text, endOffset: 5 },
  } as unknown as Occurrence;
  const frames: FrameRequestCallback[] = [];
  const listeners = new Map<string, (e: unknown) => void>();
  const caretCalls: [number, number][] = [];
  const doc = {
    defaultView: {
      requestAnimationFrame: (cb: FrameRequestCallback) => frames.push(cb),
      cancelAnimationFrame: () => {},
    },
    addEventListener: (type: string, fn: (e: unknown) => void) => listeners.set(type, fn),
    caretPositionFromPoint: (x: number, y: number) => {
      caretCalls.push([x, y]);
      return { offsetNode: text, offset: 2 };
    },
    createRange: () => ({
      setStart() {},
      setEnd() {},
      getClientRects: () => [{ left: 0, top: 0, right: 100, bottom: 20 }],
    }),
  } as unknown as Document;
  const move = (x: number, y: number, ours = false) =>
    listeners.get('pointermove')?.({
      clientX: x,
      clientY: y,
      pointerType: 'mouse',
      isTrusted: true,
      ours,
    });
  /** A pointer event of `type` (touch unless said), trusted unless said. */
  const pointer = (type: string, x: number, y: number, more: Record<string, unknown> = {}) =>
    listeners.get(type)?.({
      clientX: x,
      clientY: y,
      pointerType: 'touch',
      pointerId: 7,
      isPrimary: true,
      isTrusted: true,
      ours: false,
      ...more,
    });
  const tap = (x: number, y: number, more: Record<string, unknown> = {}) => {
    pointer('pointerdown', x, y, more);
    pointer('pointerup', x + 2, y + 1, more);
  };
  const frame = () => {
    const run = frames.splice(0);
    for (const cb of run) cb(0);
  };
  return { doc, text, term, move, pointer, tap, frame, caretCalls };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function setup() {
  const page = fakePage();
  const onEnter = vi.fn();
  const onLeave = vi.fn();
  const onTap = vi.fn();
  const ctl = new AbortController();
  const tracker = trackHover({
    doc: page.doc,
    at: (node) => (node === page.text ? [page.term] : []),
    delayMs: () => 350,
    isOurs: (e) => (e as unknown as { ours: boolean }).ours,
    onEnter,
    onLeave,
    onTap,
    signal: ctl.signal,
  });
  return { ...page, onEnter, onLeave, onTap, tracker, ctl };
}

describe('trackHover', () => {
  it('hit-tests at most once per animation frame, at the latest pointer position', () => {
    const p = setup();
    p.move(10, 5);
    p.move(20, 5);
    p.move(30, 5);
    expect(p.caretCalls).toEqual([]);
    p.frame();
    expect(p.caretCalls).toEqual([[30, 5]]);
  });

  it('opens only after the pointer rests for the delay', () => {
    const p = setup();
    p.move(10, 5);
    p.frame();
    vi.advanceTimersByTime(349);
    expect(p.onEnter).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(p.onEnter).toHaveBeenCalledWith(p.term);
  });

  it('arms when the pointer arrives on a term, before the delay, and once per term', () => {
    const page = fakePage();
    const onArm = vi.fn();
    const onEnter = vi.fn();
    trackHover({
      doc: page.doc,
      at: (node) => (node === page.text ? [page.term] : []),
      delayMs: () => 350,
      isOurs: () => false,
      onEnter,
      onArm,
      onLeave: () => {},
      signal: new AbortController().signal,
    });
    page.move(150, 5); // beside the term: nothing to arm
    page.frame();
    expect(onArm).not.toHaveBeenCalled();
    page.move(10, 5);
    page.frame();
    expect(onArm).toHaveBeenCalledWith(page.term);
    expect(onEnter).not.toHaveBeenCalled();
    page.move(12, 5); // still on the same term
    page.frame();
    vi.advanceTimersByTime(350);
    expect(onArm).toHaveBeenCalledTimes(1);
    expect(onEnter).toHaveBeenCalledTimes(1);
  });

  it('does not count a caret that snapped to the term from beside the line', () => {
    const p = setup();
    p.move(150, 5); // the caret lands in the term's node, but the point is outside its box
    p.frame();
    vi.advanceTimersByTime(1000);
    expect(p.onEnter).not.toHaveBeenCalled();
  });

  it('cancels a pending open when the pointer leaves, and reports the leave', () => {
    const p = setup();
    p.move(10, 5);
    p.frame();
    vi.advanceTimersByTime(200);
    p.move(150, 5);
    p.frame();
    vi.advanceTimersByTime(1000);
    expect(p.onEnter).not.toHaveBeenCalled();
    expect(p.onLeave).toHaveBeenCalledTimes(1);
  });

  it('ignores movement over our own UI', () => {
    const p = setup();
    p.move(10, 5, true);
    p.frame();
    expect(p.caretCalls).toEqual([]);
  });

  it('reopens the same term after reset (its card was closed)', () => {
    const p = setup();
    p.move(10, 5);
    p.frame();
    vi.advanceTimersByTime(350);
    p.tracker.reset();
    p.move(11, 5);
    p.frame();
    vi.advanceTimersByTime(350);
    expect(p.onEnter).toHaveBeenCalledTimes(2);
  });

  it('does nothing after abort', () => {
    const p = setup();
    p.move(10, 5);
    p.ctl.abort();
    vi.advanceTimersByTime(1000);
    expect(p.onEnter).not.toHaveBeenCalled();
  });

  it('ignores pointer movement the page made up (untrusted)', () => {
    const p = setup();
    p.pointer('pointermove', 10, 5, { pointerType: 'mouse', isTrusted: false });
    p.frame();
    expect(p.caretCalls).toEqual([]);
  });

  it('knows the term the mouse rests on', () => {
    const p = setup();
    expect(p.tracker.current()).toBeNull();
    p.move(10, 5);
    p.frame();
    expect(p.tracker.current()).toBe(p.term);
  });
});

describe('taps (touch and pen)', () => {
  it('a tap on a term reports the term at once, with no delay', () => {
    const p = setup();
    p.tap(10, 5);
    expect(p.onTap).toHaveBeenCalledWith(p.term);
    p.tap(10, 5, { pointerType: 'pen', pointerId: 2 });
    expect(p.onTap).toHaveBeenCalledTimes(2);
  });

  it('a tap elsewhere reports null (the card closes)', () => {
    const p = setup();
    p.tap(150, 5);
    expect(p.onTap).toHaveBeenCalledWith(null);
  });

  it('is no tap: a mouse click, a swipe, a cancelled gesture, our UI, a second finger, a fake', () => {
    const p = setup();
    p.tap(10, 5, { pointerType: 'mouse' });
    p.pointer('pointerdown', 10, 5);
    p.pointer('pointerup', 10, 40); // the finger scrolled
    p.pointer('pointerdown', 10, 5);
    p.pointer('pointercancel', 10, 5);
    p.pointer('pointerup', 10, 5);
    p.tap(10, 5, { ours: true });
    p.tap(10, 5, { isPrimary: false });
    p.tap(10, 5, { isTrusted: false });
    p.pointer('pointerdown', 10, 5, { isTrusted: false });
    p.pointer('pointerup', 10, 5);
    expect(p.onTap).not.toHaveBeenCalled();
  });

  it('a touch moving over the page does not hover', () => {
    const p = setup();
    p.pointer('pointermove', 10, 5);
    p.frame();
    vi.advanceTimersByTime(1000);
    expect(p.onEnter).not.toHaveBeenCalled();
  });
});
