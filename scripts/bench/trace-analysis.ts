/**
 * Which main-thread work in a Chrome trace is the extension's, and how much.
 *
 * Attribution (printed with the results, so a reader can judge it):
 * - Tasks are the top-level `RunTask` events (devtools.timeline) on renderer main threads
 *   (`CrRendererMain`): what Chrome's Performance panel calls a task.
 * - Extension work inside a task is the union of
 *   (a) trace events that name a script on the extension's origin (`FunctionCall`,
 *       `EvaluateScript`, `v8.compile`, ... with `args.data.url` = chrome-extension://ID/...):
 *       the injection itself, MutationObserver and timer callbacks; and
 *   (b) V8 CPU-profiler samples (`ProfileChunk`, sampled about every 0.1-0.2 ms) whose stack
 *       holds a frame from the extension's origin: this catches promise continuations
 *       (`await scheduler.yield()`) that run as microtasks with no URL-bearing event, and
 *       native work (layout, Range rects) called from the extension's code.
 *   Inside a task, each sample stands for the time until the next sample (or the task's
 *   end); for self-time tables it is capped at 1 ms so idle gaps are never counted.
 * - Rendering work that the highlights cause later (style, paint) runs in Chrome's own
 *   frame tasks and is not attributed; the with/without comparison of total main-thread
 *   busy time shows it.
 */

import { overlap, overlapSpans, unionLength } from './intervals';

export { unionLength };

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  id?: string;
  // biome-ignore lint/suspicious/noExplicitAny: trace args are free-form JSON
  args?: any;
}

export interface CallFrame {
  functionName: string;
  url?: string;
  lineNumber?: number;
  columnNumber?: number;
}

interface ProfileNode {
  callFrame: CallFrame;
  parent?: number;
}

export interface Sample {
  /** Trace timestamp, µs. */
  ts: number;
  /** Time this sample stands for, µs: until the next sample, capped (for self time). */
  weight: number;
  /** Until the next sample, uncapped (inside a task the thread was busy all along). */
  gap: number;
  ext: boolean;
  /** The innermost frame: where the time was spent. */
  leaf: CallFrame;
}

export interface Task {
  ts: number;
  dur: number;
  thread: string;
  /** Extension time inside this task, µs. */
  ext: number;
  /**
   * JavaScript time inside this task with no CPU sample for over 2 ms and no script URL,
   * µs: the sampler thread was starved (busy machine), so nobody can tell whose code ran.
   */
  unsampled: number;
}

export type Symbolizer = (frame: CallFrame) => { name: string | null; where: string } | null;

export interface FunctionTime {
  name: string;
  where: string;
  selfMs: number;
}

export interface WindowSummary {
  /** Extension main-thread time, ms. */
  extMs: number;
  /** Tasks with any extension work. */
  extTasks: number;
  /** The most extension time inside one task, ms. */
  longestExtMs: number;
  /** That task's whole duration, ms (the page's own work in it included). */
  longestExtTaskMs: number;
  /** Tasks over 50 ms whose extension share is over 50 ms. */
  tasksOver50: number;
  tasksOver16: number;
  /** End of the last extension work, µs trace time (null: none). */
  lastExtEnd: number | null;
  firstExtStart: number | null;
  /** All tasks on the page's main thread, ms. */
  busyMs: number;
  /** JS time the CPU sampler missed (gaps over 2 ms, no script URL): the uncertainty, ms. */
  unsampledMs: number;
  topFunctions: FunctionTime[];
  /** Top self time inside the task with the most extension time. */
  longestTop: FunctionTime[];
  /** That task. */
  longestTask: Task | null;
  /** Its biggest kinds of trace events (compile, layout, ...), set by the caller. */
  longestParts?: { name: string; ms: number }[];
}

const SAMPLE_CAP_US = 1000;
/** Events during which JavaScript runs with no script URL to say whose it is. */
const JS_EVENT_NAMES = new Set(['RunMicrotasks', 'v8.callFunction']);
const UNSAMPLED_GAP_US = 2000;
const EXT_EVENT_NAMES = new Set([
  'FunctionCall',
  'EvaluateScript',
  'v8.compile',
  'v8.run',
  'v8.compileModule',
  'v8.evaluateModule',
]);

/** `pid:tid` of every renderer main thread in the trace. */
export function rendererMainThreads(events: readonly TraceEvent[]): Set<string> {
  const out = new Set<string>();
  for (const e of events) {
    if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain') {
      out.add(`${e.pid}:${e.tid}`);
    }
  }
  return out;
}

function eventUrl(e: TraceEvent): string {
  const data = e.args?.data;
  if (!data) return '';
  if (typeof data.url === 'string') return data.url;
  if (typeof data.scriptName === 'string') return data.scriptName;
  return '';
}

/** Samples of every profiled thread, keyed by `pid:tid`. */
export function profileSamples(
  events: readonly TraceEvent[],
  isExtUrl: (url: string | undefined) => boolean,
): Map<string, Sample[]> {
  const profiles = new Map<
    string,
    { thread: string; start: number; nodes: Map<number, ProfileNode>; raw: [number, number][] }
  >();
  for (const e of events) {
    if (e.name === 'Profile' && e.id !== undefined) {
      profiles.set(`${e.pid}:${e.id}`, {
        thread: `${e.pid}:${e.tid}`,
        start: e.args?.data?.startTime ?? e.ts,
        nodes: new Map(),
        raw: [],
      });
    }
  }
  // Chunks arrive in order; each carries new nodes and (sample, delta) pairs.
  const clock = new Map<string, number>();
  for (const e of events) {
    if (e.name !== 'ProfileChunk' || e.id === undefined) continue;
    const key = `${e.pid}:${e.id}`;
    const p = profiles.get(key);
    if (!p) continue;
    const data = e.args?.data ?? {};
    const cpu = data.cpuProfile ?? {};
    for (const n of cpu.nodes ?? [])
      p.nodes.set(n.id, { callFrame: n.callFrame, parent: n.parent });
    const ids: number[] = cpu.samples ?? [];
    const deltas: number[] = data.timeDeltas ?? [];
    let t = clock.get(key) ?? p.start;
    for (let i = 0; i < ids.length; i++) {
      t += deltas[i] ?? 0;
      p.raw.push([t, ids[i] as number]);
    }
    clock.set(key, t);
  }
  const out = new Map<string, Sample[]>();
  for (const p of profiles.values()) {
    const extMemo = new Map<number, boolean>();
    const isExtNode = (id: number): boolean => {
      const known = extMemo.get(id);
      if (known !== undefined) return known;
      const n = p.nodes.get(id);
      const v =
        !!n && (isExtUrl(n.callFrame.url) || (n.parent !== undefined && isExtNode(n.parent)));
      extMemo.set(id, v);
      return v;
    };
    p.raw.sort((a, b) => a[0] - b[0]);
    const samples: Sample[] = [];
    for (let i = 0; i < p.raw.length; i++) {
      const [ts, id] = p.raw[i] as [number, number];
      const next = p.raw[i + 1]?.[0] ?? ts + SAMPLE_CAP_US;
      const node = p.nodes.get(id);
      samples.push({
        ts,
        weight: Math.min(SAMPLE_CAP_US, Math.max(0, next - ts)),
        gap: Math.max(0, next - ts),
        ext: isExtNode(id),
        leaf: node?.callFrame ?? { functionName: '(unknown)', url: '' },
      });
    }
    const list = out.get(p.thread) ?? [];
    out.set(p.thread, list.concat(samples));
  }
  return out;
}

export interface Analysis {
  tasks: Task[];
  samples: Map<string, Sample[]>;
}

/** Tasks on renderer main threads, each with its extension time. */
export function analyzeTrace(events: readonly TraceEvent[], extOrigin: string): Analysis {
  const isExtUrl = (url: string | undefined) => !!url && url.startsWith(extOrigin);
  const threads = rendererMainThreads(events);
  const samples = profileSamples(events, isExtUrl);
  const byThread = new Map<
    string,
    {
      tasks: TraceEvent[];
      ext: [number, number][];
      named: [number, number][];
      js: [number, number][];
    }
  >();
  for (const t of threads) byThread.set(t, { tasks: [], ext: [], named: [], js: [] });
  for (const e of events) {
    if (e.ph !== 'X' || e.dur === undefined) continue;
    const slot = byThread.get(`${e.pid}:${e.tid}`);
    if (!slot) continue;
    if (e.name === 'RunTask' && e.cat.includes('devtools.timeline')) slot.tasks.push(e);
    else if (EXT_EVENT_NAMES.has(e.name) && isExtUrl(eventUrl(e))) {
      slot.ext.push([e.ts, e.ts + e.dur]);
    } else if (EXT_EVENT_NAMES.has(e.name) && eventUrl(e)) {
      slot.named.push([e.ts, e.ts + e.dur]); // the page's own, by its URL
    } else if (JS_EVENT_NAMES.has(e.name)) slot.js.push([e.ts, e.ts + e.dur]);
  }
  const tasks: Task[] = [];
  for (const [thread, slot] of byThread) {
    slot.tasks.sort((a, b) => a.ts - b.ts);
    const allSamples = samples.get(thread) ?? [];
    const threadSamples = allSamples.filter((s) => s.ext);
    let ai = 0;
    let si = 0;
    let ei = 0;
    slot.ext.sort((a, b) => a[0] - b[0]);
    let lastEnd = -Infinity;
    for (const t of slot.tasks) {
      const start = t.ts;
      const end = t.ts + (t.dur ?? 0);
      if (start < lastEnd) continue; // nested: already counted in its parent
      lastEnd = end;
      const spans: [number, number][] = [];
      while (si < threadSamples.length && (threadSamples[si] as Sample).ts < start) si++;
      for (let k = si; k < threadSamples.length; k++) {
        const s = threadSamples[k] as Sample;
        if (s.ts >= end) break;
        // The sampler thread can be descheduled on a busy machine: inside a task, a sample
        // stands until the next one, however late, but never past the task's end.
        spans.push([s.ts, Math.min(end, s.ts + s.gap)]);
      }
      while (ei < slot.ext.length && (slot.ext[ei] as [number, number])[1] <= start) ei++;
      for (let k = ei; k < slot.ext.length; k++) {
        const [a, b] = slot.ext[k] as [number, number];
        if (a >= end) break;
        spans.push([Math.max(a, start), Math.min(b, end)]);
      }
      while (ai < allSamples.length && (allSamples[ai] as Sample).ts < start) ai++;
      const gaps: [number, number][] = [];
      let prev = start;
      for (let k = ai; k <= allSamples.length; k++) {
        const ts = k < allSamples.length ? Math.min(end, (allSamples[k] as Sample).ts) : end;
        if (ts - prev > UNSAMPLED_GAP_US) gaps.push([prev + UNSAMPLED_GAP_US, ts]);
        prev = ts;
        if (ts >= end) break;
      }
      let unsampled = 0;
      if (gaps.length) {
        const js = slot.js.filter(([a, b]) => a < end && b > start);
        const known = [...spans, ...slot.named.filter(([a, b]) => a < end && b > start)];
        // JS running in a gap, minus what a script URL already names.
        unsampled = Math.max(0, overlap(gaps, js) - overlap(overlapSpans(gaps, js), known));
      }
      tasks.push({ ts: start, dur: end - start, thread, ext: unionLength(spans), unsampled });
    }
  }
  tasks.sort((a, b) => a.ts - b.ts);
  return { tasks, samples };
}

/** The figures for one window of trace time [from, to), µs. */
export function summarize(
  analysis: Analysis,
  options: {
    from?: number;
    to?: number;
    threads?: Set<string>;
    top?: number;
    /** Names a frame of the extension (source maps); null keeps the trace's name. */
    symbolize?: Symbolizer;
  } = {},
): WindowSummary {
  const from = options.from ?? -Infinity;
  const to = options.to ?? Infinity;
  const inWindow = (ts: number) => ts >= from && ts < to;
  const tasks = analysis.tasks.filter(
    (t) => inWindow(t.ts) && (!options.threads || options.threads.has(t.thread)),
  );
  const ext = tasks.filter((t) => t.ext > 0);
  let longest: Task | null = null;
  for (const t of ext) if (!longest || t.ext > longest.ext) longest = t;
  const top = (keep: (thread: string, ts: number) => boolean) =>
    topSelfTime(
      analysis,
      keep,
      options.top ?? Number(process.env.BENCH_TOP ?? 8),
      options.symbolize,
    );
  const threadOk = (thread: string) => !options.threads || options.threads.has(thread);
  const ms = (us: number) => us / 1000;
  return {
    extMs: ms(ext.reduce((a, t) => a + t.ext, 0)),
    extTasks: ext.length,
    longestExtMs: longest ? ms(longest.ext) : 0,
    longestExtTaskMs: longest ? ms(longest.dur) : 0,
    tasksOver50: ext.filter((t) => t.ext > 50_000).length,
    tasksOver16: ext.filter((t) => t.ext > 16_000).length,
    lastExtEnd: ext.length ? Math.max(...ext.map((t) => t.ts + t.dur)) : null,
    firstExtStart: ext.length ? (ext[0] as Task).ts : null,
    busyMs: ms(tasks.reduce((a, t) => a + t.dur, 0)),
    unsampledMs: ms(tasks.reduce((a, t) => a + t.unsampled, 0)),
    topFunctions: top((thread, ts) => threadOk(thread) && inWindow(ts)),
    longestTask: longest,
    longestTop: longest
      ? top(
          (thread, ts) =>
            thread === (longest as Task).thread &&
            ts >= (longest as Task).ts &&
            ts < (longest as Task).ts + (longest as Task).dur,
        )
      : [],
  };
}

/** The extension's functions by self time (the innermost frame of each sample). */
function topSelfTime(
  analysis: Analysis,
  keep: (thread: string, ts: number) => boolean,
  count: number,
  symbolize?: Symbolizer,
): FunctionTime[] {
  const self = new Map<string, FunctionTime>();
  for (const [thread, list] of analysis.samples) {
    for (const s of list) {
      if (!s.ext || !keep(thread, s.ts)) continue;
      const named = symbolize?.(s.leaf) ?? null;
      const name = (named?.name ?? s.leaf.functionName) || '(anonymous)';
      const where =
        named?.where ??
        (s.leaf.url
          ? `${s.leaf.url.replace(/^chrome-extension:\/\/[^/]+/, '')}:${(s.leaf.lineNumber ?? -1) + 1}`
          : 'native');
      const short = name.length > 60 ? `${name.slice(0, 57)}...` : name;
      const key = `${short}@${where}`;
      const f = self.get(key) ?? { name: short, where, selfMs: 0 };
      f.selfMs += s.weight / 1000;
      self.set(key, f);
    }
  }
  return [...self.values()]
    .sort((a, b) => b.selfMs - a.selfMs)
    .slice(0, count)
    .map((f) => ({ ...f, selfMs: Math.round(f.selfMs * 10) / 10 }));
}

/** Trace time (µs) of a user-timing mark or navigation event, by name. */
export function markTime(events: readonly TraceEvent[], name: string): number | null {
  let best: number | null = null;
  for (const e of events) if (e.name === name && (best === null || e.ts > best)) best = e.ts;
  return best;
}
