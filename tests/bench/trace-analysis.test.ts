import { describe, expect, it } from 'vitest';
import { longestTaskAny, renderingMs, STYLE_RECALC } from '../../scripts/bench/rendering';
import {
  analyzeTrace,
  markTime,
  summarize,
  type TraceEvent,
  unionLength,
} from '../../scripts/bench/trace-analysis';

const EXT = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
const PAGE = 'http://127.0.0.1:1/page.html';

/** A complete ('X') trace event on renderer 1. */
function span(
  name: string,
  ts: number,
  dur: number,
  tid = 1,
  cat = 'devtools.timeline',
): TraceEvent {
  return { name, cat, ph: 'X', ts, dur, pid: 1, tid };
}
function task(ts: number, dur: number, tid = 1): TraceEvent {
  return span('RunTask', ts, dur, tid, 'disabled-by-default-devtools.timeline');
}
function call(name: string, ts: number, dur: number, url: string): TraceEvent {
  return { ...span(name, ts, dur), args: { data: { url } } };
}

/** Samples every 200 µs from `from` to `to` on node `node`. */
function samples(from: number, to: number, node: number): [number, number][] {
  const out: [number, number][] = [];
  for (let t = from; t < to; t += 200) out.push([t, node]);
  return out;
}

function trace(): TraceEvent[] {
  const sampled = [
    ...samples(30_000, 38_000, 2), // continuation: the extension's `scan`, no URL-bearing event
    ...samples(38_000, 39_000, 4), // native call made by the extension
    ...samples(70_000, 72_000, 3), // the page's own code
  ];
  let last = 0;
  const deltas = sampled.map(([t]) => {
    const d = t - last;
    last = t;
    return d;
  });
  return [
    {
      name: 'thread_name',
      cat: '__metadata',
      ph: 'M',
      ts: 0,
      pid: 1,
      tid: 1,
      args: { name: 'CrRendererMain' },
    },
    {
      name: 'thread_name',
      cat: '__metadata',
      ph: 'M',
      ts: 0,
      pid: 1,
      tid: 9,
      args: { name: 'Compositor' },
    },
    { name: 'navigationStart', cat: 'blink.user_timing', ph: 'R', ts: 500, pid: 1, tid: 1 },
    // Injection: the whole task is the extension's.
    task(1_000, 10_000),
    call('EvaluateScript', 1_000, 8_000, `${EXT}/content-scripts/content.js`),
    // A page task with no extension work.
    task(20_000, 5_000),
    call('FunctionCall', 20_000, 4_000, PAGE),
    // A promise continuation: only the samples say it is ours.
    task(30_000, 9_000),
    // A page task in which our MutationObserver callback runs as a microtask.
    task(50_000, 60_000),
    call('FunctionCall', 100_000, 10_000, `${EXT}/content-scripts/content.js`),
    // Microtasks no URL names, while the sampler was starved: whose they were is unknown.
    { name: 'RunMicrotasks', cat: 'v8.execute', ph: 'X', ts: 80_000, dur: 10_000, pid: 1, tid: 1 },
    // Work on another thread is not main-thread time.
    task(1_000, 99_000, 9),
    {
      name: 'Profile',
      cat: 'disabled-by-default-v8.cpu_profiler',
      ph: 'P',
      ts: 0,
      pid: 1,
      tid: 1,
      id: '0x1',
      args: { data: { startTime: 0 } },
    },
    {
      name: 'ProfileChunk',
      cat: 'disabled-by-default-v8.cpu_profiler',
      ph: 'P',
      ts: 1,
      pid: 1,
      tid: 2,
      id: '0x1',
      args: {
        data: {
          cpuProfile: {
            nodes: [
              { id: 1, callFrame: { functionName: '(root)', url: '' } },
              {
                id: 2,
                parent: 1,
                callFrame: {
                  functionName: 'scan',
                  url: `${EXT}/content-scripts/content.js`,
                  lineNumber: 41,
                },
              },
              { id: 3, parent: 1, callFrame: { functionName: 'pageFn', url: PAGE } },
              { id: 4, parent: 2, callFrame: { functionName: 'getClientRects', url: '' } },
            ],
            samples: sampled.map(([, n]) => n),
          },
          timeDeltas: deltas,
        },
      },
    },
  ];
}

describe('trace attribution', () => {
  const analysis = analyzeTrace(trace(), EXT);

  it('finds main-thread tasks only', () => {
    expect(analysis.tasks.map((t) => t.ts)).toEqual([1_000, 20_000, 30_000, 50_000]);
  });

  it('attributes by script URL and by sampled stacks', () => {
    const ext = analysis.tasks.map((t) => t.ext);
    expect(ext[0]).toBe(8_000); // EvaluateScript
    expect(ext[1]).toBe(0); // the page's own
    expect(ext[2]).toBe(9_000); // samples, continuation + native call (capped at the task end)
    expect(ext[3]).toBe(10_000); // our callback inside the page's task
  });

  it('summarises a window: totals, the longest share, and top self time', () => {
    const s = summarize(analysis);
    expect(s.extTasks).toBe(3);
    expect(s.extMs).toBe(27);
    expect(s.longestExtMs).toBe(10);
    expect(s.longestExtTaskMs).toBe(60);
    expect(s.tasksOver16).toBe(0);
    expect(s.busyMs).toBe(84);
    // URL-less JS in sample gaps: the 10 ms of microtasks in task 4. The page's FunctionCall
    // and the extension's events are named by their URLs; task 3 is sampled throughout.
    expect(s.unsampledMs).toBeCloseTo(10, 6);
    expect(s.firstExtStart).toBe(1_000);
    expect(s.lastExtEnd).toBe(110_000);
    expect(s.topFunctions.map((f) => [f.name, f.where, f.selfMs])).toEqual([
      ['scan', '/content-scripts/content.js:42', 8],
      // 4 samples of 0.2 ms, the last one before an idle gap counted as the 1 ms cap.
      ['getClientRects', 'native', 1.8],
    ]);
  });

  it('names where the time went inside the longest task', () => {
    expect(summarize(analysis).longestTop).toEqual([]); // our callback left no samples
    const early = summarize(analysis, { to: 45_000 });
    expect(early.longestExtMs).toBe(9);
    expect(early.longestTop.map((f) => f.name)).toEqual(['scan', 'getClientRects']);
  });

  it('limits a summary to a window of trace time', () => {
    const s = summarize(analysis, { from: 25_000 });
    expect(s.extTasks).toBe(2);
    expect(s.firstExtStart).toBe(30_000);
  });

  it('finds marks by name', () => {
    expect(markTime(trace(), 'navigationStart')).toBe(500);
    expect(markTime(trace(), 'missing')).toBeNull();
  });

  it('measures unions of overlapping intervals', () => {
    expect(unionLength([])).toBe(0);
    expect(
      unionLength([
        [0, 10],
        [5, 15],
        [20, 30],
        [22, 25],
      ]),
    ).toBe(25);
  });
});

describe('longestTaskAny', () => {
  it('finds the longest task of any kind and what it was made of', () => {
    const events: TraceEvent[] = [
      {
        name: 'thread_name',
        cat: '__metadata',
        ph: 'M',
        ts: 0,
        pid: 1,
        tid: 1,
        args: { name: 'CrRendererMain' },
      },
      task(0, 5_000),
      task(10_000, 100_000),
      {
        name: 'PrePaint',
        cat: 'devtools.timeline',
        ph: 'X',
        ts: 10_000,
        dur: 80_000,
        pid: 1,
        tid: 1,
      },
      call('FunctionCall', 90_000, 10_000, PAGE),
      call('FunctionCall', 92_000, 5_000, PAGE), // nested: counted once
      { name: 'Paint', cat: 'devtools.timeline', ph: 'X', ts: 100_000, dur: 5_000, pid: 1, tid: 1 },
    ];
    const analysis = analyzeTrace(events, EXT);
    expect(longestTaskAny(events, analysis)).toEqual({
      ms: 100,
      extMs: 0,
      parts: [
        { name: 'PrePaint', ms: 80 },
        { name: 'FunctionCall', ms: 10 },
      ],
    });
    expect(longestTaskAny(events, analysis, { from: 200_000 })).toBeNull();
  });
});

describe('renderingMs', () => {
  const events = [
    span('UpdateLayoutTree', 0, 4000),
    span('Layout', 2000, 6000), // overlaps the style recalc: counted once
    span('Paint', 20_000, 1000),
    span('UpdateLayoutTree', 30_000, 2000, 2), // another thread: not the page's
    span('FunctionCall', 40_000, 9000), // not rendering
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
