import { describe, expect, it } from 'vitest';
import { renderingMs, STYLE_RECALC } from '../../scripts/bench/rendering';
import type { TraceEvent } from '../../scripts/bench/trace-analysis';

const ev = (name: string, ts: number, dur: number, tid = 1): TraceEvent => ({
  name,
  cat: 'devtools.timeline',
  ph: 'X',
  ts,
  dur,
  pid: 1,
  tid,
});

describe('renderingMs', () => {
  const events = [
    ev('UpdateLayoutTree', 0, 4000),
    ev('Layout', 2000, 6000), // overlaps the style recalc: counted once
    ev('Paint', 20_000, 1000),
    ev('UpdateLayoutTree', 30_000, 2000, 2), // another thread: not the page's
    ev('FunctionCall', 40_000, 9000), // not rendering
  ];
  const page = new Set(['1:1']);

  it('adds up rendering on the page threads, overlaps once', () => {
    expect(renderingMs(events, page)).toBe(9);
  });

  it('counts style recalculation alone when asked', () => {
    expect(renderingMs(events, page, { names: STYLE_RECALC })).toBe(4);
    expect(renderingMs(events, page, { names: STYLE_RECALC, from: 1000 })).toBe(0);
  });
});
