/**
 * Whose CPU time a V8 CPU profile holds (CDP `Profiler.stop`), for `npm run bench:cpu`.
 *
 * The content script's isolated world runs on the page's renderer main thread, in the same
 * V8 isolate, so one profile of the page's target sees the page's code and the
 * extension's. A sample is the extension's when ANY frame of its stack is from the
 * extension's scripts (a URL under one of `extensionOrigins`): script evaluation, our
 * functions, the DOM and V8 built-ins they call. A sample stands for the time until the
 * next sample (the last one: until the profile's end), as DevTools counts it. Samples whose
 * leaf is `(idle)` are idle; every other sample is the page busy (JavaScript, `(program)`:
 * the parser, style, layout and paint, `(garbage collector)`). GC and rendering that our
 * work causes later run with no extension frame on the stack and stay with the page: the
 * with/without comparison of the page's busy time shows them.
 */

export interface ProfileCallFrame {
  functionName: string;
  url: string;
  /** 0-based, as CDP reports it. */
  lineNumber: number;
  columnNumber: number;
}

export interface ProfileNode {
  id: number;
  callFrame: ProfileCallFrame;
  children?: number[];
}

/** CDP Profiler.Profile. */
export interface CpuProfile {
  nodes: ProfileNode[];
  /** µs */
  startTime: number;
  endTime: number;
  samples?: number[];
  /** µs between consecutive samples (the first from startTime). */
  timeDeltas?: number[];
}

/** file:function of a frame, from source maps when there are any. */
export type FrameNamer = (frame: ProfileCallFrame) => string;

export interface FunctionCpu {
  name: string;
  ms: number;
}

export interface ProfileAttribution {
  /** Profile length, ms. */
  totalMs: number;
  /** Every non-idle sample, ms: the page's main thread busy, extension included. */
  busyMs: number;
  /** Samples whose stack holds an extension frame, ms. */
  extMs: number;
  samples: number;
  extSamples: number;
  /** Longest time one sample stood for, ms: a starved sampler shows here. */
  maxGapMs: number;
  /** Extension time by its innermost extension frame (the built-ins it calls included). */
  self: FunctionCpu[];
  /** Extension time by every extension function on the stack (once per sample). */
  inStack: FunctionCpu[];
}

const IDLE = '(idle)';

export function isExtensionUrl(url: string, origins: readonly string[]): boolean {
  return url !== '' && origins.some((o) => url.startsWith(o.endsWith('/') ? o : `${o}/`));
}

/** Minified place of a frame, when no source map names it: file:line:column function. */
export function rawFrameName(frame: ProfileCallFrame): string {
  const file = frame.url.replace(/^[a-z-]+:\/\/[^/]+\//, '');
  // The script's own body: its evaluation, and every call it makes while it runs.
  if (!frame.functionName && frame.lineNumber === 0 && frame.columnNumber === 0) {
    return `${file} (script evaluation)`;
  }
  return `${file}:${frame.lineNumber + 1}:${frame.columnNumber + 1} ${frame.functionName || '(anonymous)'}`;
}

function sorted(map: Map<string, number>): FunctionCpu[] {
  return [...map]
    .map(([name, us]) => ({ name, ms: us / 1000 }))
    .sort((a, b) => b.ms - a.ms || a.name.localeCompare(b.name));
}

export function attributeProfile(
  profile: CpuProfile,
  extensionOrigins: readonly string[],
  nameFrame: FrameNamer = rawFrameName,
): ProfileAttribution {
  const byId = new Map<number, ProfileNode>();
  const parent = new Map<number, number>();
  for (const node of profile.nodes) {
    byId.set(node.id, node);
    for (const child of node.children ?? []) parent.set(child, node.id);
  }
  // Per node, once: its extension frames from the leaf outwards, named.
  const stacks = new Map<number, string[]>();
  const extStack = (id: number): string[] => {
    const known = stacks.get(id);
    if (known) return known;
    const names: string[] = [];
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)?.callFrame;
      if (frame && isExtensionUrl(frame.url, extensionOrigins)) names.push(nameFrame(frame));
    }
    stacks.set(id, names);
    return names;
  };

  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  const times: number[] = [];
  let t = profile.startTime;
  for (let i = 0; i < samples.length; i++) {
    t += deltas[i] ?? 0;
    times.push(t);
  }
  let busy = 0;
  let ext = 0;
  let extSamples = 0;
  let maxGap = 0;
  const self = new Map<string, number>();
  const inStack = new Map<string, number>();
  for (let i = 0; i < samples.length; i++) {
    const next = i + 1 < samples.length ? (times[i + 1] as number) : profile.endTime;
    const dt = Math.max(0, next - (times[i] as number));
    maxGap = Math.max(maxGap, dt);
    const id = samples[i] as number;
    if (byId.get(id)?.callFrame.functionName === IDLE) continue;
    busy += dt;
    const names = extStack(id);
    if (names.length === 0) continue;
    ext += dt;
    extSamples += 1;
    const leaf = names[0] as string;
    self.set(leaf, (self.get(leaf) ?? 0) + dt);
    for (const name of new Set(names)) inStack.set(name, (inStack.get(name) ?? 0) + dt);
  }
  return {
    totalMs: (profile.endTime - profile.startTime) / 1000,
    busyMs: busy / 1000,
    extMs: ext / 1000,
    samples: samples.length,
    extSamples,
    maxGapMs: maxGap / 1000,
    self: sorted(self),
    inStack: sorted(inStack),
  };
}

/** Sums per-function times over several loads and divides by the number of loads. */
export function meanFunctions(lists: readonly FunctionCpu[][], top: number): FunctionCpu[] {
  const sum = new Map<string, number>();
  for (const list of lists) for (const f of list) sum.set(f.name, (sum.get(f.name) ?? 0) + f.ms);
  const n = Math.max(1, lists.length);
  return [...sum]
    .map(([name, ms]) => ({ name, ms: ms / n }))
    .sort((a, b) => b.ms - a.ms || a.name.localeCompare(b.name))
    .slice(0, top);
}
