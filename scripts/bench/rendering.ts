/**
 * Main-thread work no script URL can be blamed for: the rendering (style, layout,
 * pre-paint, paint) that the extension's highlights and UI cause. Shown beside the
 * attributed script time, with the page without the extension as the baseline.
 */
import { type Analysis, type Task, type TraceEvent, unionLength } from './trace-analysis';

export interface TaskBreakdown {
  ms: number;
  /** Extension time inside it, ms. */
  extMs: number;
  /** The biggest kinds of work inside it (trace event names), ms. */
  parts: { name: string; ms: number }[];
}

/**
 * The longest task of any kind on the page's main thread in a window, with what it was
 * made of: rendering work (style, layout, PrePaint, Paint) that the extension's highlights
 * or UI cause shows here, where script-URL attribution cannot see it.
 */
export function longestTaskAny(
  events: readonly TraceEvent[],
  analysis: Analysis,
  options: { from?: number; threads?: Set<string> } = {},
): TaskBreakdown | null {
  const from = options.from ?? -Infinity;
  let longest: Task | null = null;
  for (const t of analysis.tasks) {
    if (t.ts < from || (options.threads && !options.threads.has(t.thread))) continue;
    if (!longest || t.dur > longest.dur) longest = t;
  }
  return longest ? breakdown(events, longest) : null;
}

/** What one task was made of: its biggest kinds of trace events (over 10% of it). */
export function breakdown(events: readonly TraceEvent[], task: Task): TaskBreakdown {
  const end = task.ts + task.dur;
  // Per name, the union of its events: nested calls of the same kind count once.
  const spans = new Map<string, [number, number][]>();
  for (const e of events) {
    if (e.ph !== 'X' || e.dur === undefined || `${e.pid}:${e.tid}` !== task.thread) continue;
    if (e.ts < task.ts || e.ts >= end || e.name === 'RunTask') continue;
    if (e.cat.split(',').includes('toplevel')) continue; // scheduler wrappers, not work
    const list = spans.get(e.name) ?? [];
    list.push([e.ts, Math.min(end, e.ts + e.dur)]);
    spans.set(e.name, list);
  }
  const parts = new Map([...spans].map(([name, list]) => [name, unionLength(list)]));
  return {
    ms: task.dur / 1000,
    extMs: task.ext / 1000,
    parts: [...parts]
      .filter(([, us]) => us >= task.dur * 0.1)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 4)
      .map(([name, us]) => ({ name, ms: Math.round(us / 100) / 10 })),
  };
}

/**
 * Style recalculation alone. The content script's `::highlight()` rules are universal
 * selectors, so every element's style recalc checks them, from the page's first parse on.
 */
export const STYLE_RECALC: ReadonlySet<string> = new Set(['UpdateLayoutTree']);

const RENDERING = new Set([
  'UpdateLayoutTree',
  'Layout',
  'PrePaint',
  'Paint',
  'Layerize',
  'Commit',
  'HitTest',
]);

/**
 * Main-thread rendering time (style, layout, pre-paint, paint, commit) in a window, ms.
 * With the extension minus without it is the rendering the highlights cost, which no
 * script URL can be blamed for.
 */
export function renderingMs(
  events: readonly TraceEvent[],
  threads: Set<string>,
  options: { from?: number; names?: ReadonlySet<string> } = {},
): number {
  const from = options.from ?? -Infinity;
  const names = options.names ?? RENDERING;
  const spans = new Map<string, [number, number][]>();
  for (const e of events) {
    if (e.ph !== 'X' || e.dur === undefined || e.ts < from || !names.has(e.name)) continue;
    const thread = `${e.pid}:${e.tid}`;
    if (!threads.has(thread)) continue;
    const list = spans.get(thread) ?? [];
    list.push([e.ts, e.ts + e.dur]);
    spans.set(thread, list);
  }
  let total = 0;
  for (const list of spans.values()) total += unionLength(list);
  return total / 1000;
}
