/**
 * Whose CPU time a Gecko profile holds, for `npm run bench:cpu -- --browser firefox`.
 *
 * Firefox started with MOZ_PROFILER_STARTUP=1 and MOZ_PROFILER_SHUTDOWN=<file> writes the
 * profiler's raw ("Gecko") format when it quits: the parent process's meta and threads,
 * and each child process under `processes[]` with its own meta and threads. A thread keeps
 * its samples, stacks and frames in tables (a schema names the columns of `data` rows):
 * samples[].stack -> stackTable (prefix, frame) -> frameTable (location) -> stringTable. A sample's time is in ms after its own process's `meta.startTime`, which
 * is wall-clock ms (checked: a page's Navigation::Start marker lands on its
 * performance.timeOrigin), so a load's window measured with Date.now() selects its samples.
 *
 * The content script runs on the page's content process main thread (GeckoMain), so its
 * frames and the page's share one thread. As in cpu-profile.ts, a sample is the
 * extension's when ANY frame of its stack is one of the extension's scripts (a JS frame
 * whose URL is under the extension's moz-extension:// origin; Firefox's built-in add-ons
 * have moz-extension:// URLs too, under other UUIDs).
 *
 * A sample weighs the thread's CPU time since the previous sample (`threadCPUDelta`, the
 * profiler's `cpu` feature), and the page's CPU is the thread's CPU over the window. Not
 * DevTools' convention (a non-idle sample stands until the next one), which cpu-profile.ts
 * follows for V8: here that counted 2 to 15 times the CPU and varied from load to load,
 * since a Gecko thread that waits keeps being sampled with stacks whose category is not
 * always Idle, and time-weighting counts waiting for a core on a loaded machine.
 *
 * The processed format that profiler.firefox.com saves is different and is not read.
 */
import { gunzipSync } from 'node:zlib';
import type { FrameNamer, FunctionCpu, ProfileAttribution, ProfileCallFrame } from './cpu-profile';
import { isExtensionUrl, rawFrameName } from './cpu-profile';

type Cell = string | number | boolean | null | undefined | object;

/** A table as the raw format writes it: named columns of `data` rows. */
export interface GeckoTable {
  schema: Record<string, number>;
  data: Cell[][];
}

export interface GeckoThread {
  name: string;
  processType?: string;
  processName?: string;
  pid?: number | string;
  tid?: number | string;
  samples: GeckoTable;
  stackTable: GeckoTable;
  frameTable: GeckoTable;
  stringTable: string[];
}

export interface GeckoMeta {
  /** Wall-clock ms that this process's sample times count from. */
  startTime: number;
  interval?: number;
  /** Units of the sample columns; threadCPUDelta is "ns" on Linux, "µs" or "variable CPU cycles" elsewhere. */
  sampleUnits?: { threadCPUDelta?: string };
  /** Present only in the processed format. */
  preprocessedProfileVersion?: number;
}

export interface GeckoProfile {
  meta: GeckoMeta;
  threads: GeckoThread[];
  processes?: GeckoProfile[];
  /** Documents this process has held, with their URLs. */
  pages?: { innerWindowID: number; url: string }[];
}

/** A profile file's bytes: the profiler writes plain JSON; a saved copy may be gzipped. */
export function parseGeckoProfile(bytes: Uint8Array): GeckoProfile {
  const gzipped = bytes[0] === 0x1f && bytes[1] === 0x8b;
  const text = Buffer.from(gzipped ? gunzipSync(bytes) : bytes).toString('utf8');
  return JSON.parse(text) as GeckoProfile;
}

/** One thread with what it needs from its process. */
export interface ProcessThread {
  thread: GeckoThread;
  meta: GeckoMeta;
  pageUrls: string[];
}

/** Every thread of the profile, child processes' included, each with its process's meta. */
export function allThreads(profile: GeckoProfile): ProcessThread[] {
  if (profile.meta?.preprocessedProfileVersion !== undefined) {
    throw new Error('a processed profile (profiler.firefox.com); this reads the raw Gecko format');
  }
  const pageUrls = (profile.pages ?? []).map((p) => p.url);
  const own = profile.threads.map((thread) => ({ thread, meta: profile.meta, pageUrls }));
  return [...own, ...(profile.processes ?? []).flatMap((child) => allThreads(child))];
}

/** The main thread of the content process that held a document at `url`, or null. */
export function pageThread(profile: GeckoProfile, url: string): ProcessThread | null {
  const found = allThreads(profile).filter(
    (t) => t.thread.name === 'GeckoMain' && t.pageUrls.includes(url),
  );
  return found.length === 1 ? (found[0] as ProcessThread) : null;
}

/**
 * A JS frame's location string as Gecko writes it: `name (url:line:col)[source]`,
 * `url:line:col[source]` (an anonymous function) or `url[source]` (the script's own
 * evaluation). Labels (C++ frames, "js::RunScript") have no URL: null.
 */
export function parseJsLocation(location: string): ProfileCallFrame | null {
  const s = location.replace(/\[\d+\]$/, '');
  const named = /^(.*) \(([a-z][\w+.-]*:\/\/[^()]*)\)$/.exec(s);
  const name = named ? (named[1] as string) : '';
  const place = named ? (named[2] as string) : s;
  if (!/^[a-z][\w+.-]*:\/\/\S+$/.test(place)) return null;
  const at = /^(.*):(\d+):(\d+)$/.exec(place);
  // Gecko counts lines and columns from 1, CDP (and the source-map code) from 0.
  if (at) {
    return {
      functionName: name,
      url: at[1] as string,
      lineNumber: Number(at[2]) - 1,
      columnNumber: Number(at[3]) - 1,
    };
  }
  return { functionName: name, url: place, lineNumber: 0, columnNumber: 0 };
}

/** ns per unit of threadCPUDelta, or null when the unit is not a time. */
export function cpuDeltaToMs(unit: string | undefined): number | null {
  if (unit === 'ns') return 1e-6;
  if (unit === 'µs' || unit === 'us') return 1e-3;
  return null;
}

const column = (table: GeckoTable, name: string): number => {
  const i = table.schema[name];
  if (i === undefined) throw new Error(`Gecko profile table has no "${name}" column`);
  return i;
};

/**
 * The extension's and the page's CPU on one thread between two wall-clock instants (ms),
 * with the top functions by innermost extension frame (self) and by every extension
 * function on the stack (once per sample).
 */
export function attributeThread(
  at: ProcessThread,
  window: { startMs: number; endMs: number },
  extensionOrigins: readonly string[],
  nameFrame: FrameNamer = rawFrameName,
): ProfileAttribution {
  const { thread, meta } = at;
  const S = thread.samples;
  const stackCol = column(S, 'stack');
  const timeCol = column(S, 'time');
  const deltaCol = S.schema.threadCPUDelta;
  const toMs = cpuDeltaToMs(meta.sampleUnits?.threadCPUDelta);
  if (deltaCol === undefined || toMs === null) {
    throw new Error(
      `no thread CPU time in ms on ${thread.name} (start the profiler with the cpu feature; unit: ${meta.sampleUnits?.threadCPUDelta})`,
    );
  }
  const prefixCol = column(thread.stackTable, 'prefix');
  const frameCol = column(thread.stackTable, 'frame');
  const locCol = column(thread.frameTable, 'location');

  // Per frame, once: the extension call frame it is, named, or null.
  const frames = thread.frameTable.data.map((row) => {
    const frame = parseJsLocation(thread.stringTable[row[locCol] as number] ?? '');
    return frame && isExtensionUrl(frame.url, extensionOrigins) ? nameFrame(frame) : null;
  });
  // Per stack, once: its extension frames from the leaf outwards. A stack's prefix comes
  // before it in the table.
  const stackExt: string[][] = [];
  thread.stackTable.data.forEach((row, i) => {
    const prefix = row[prefixCol] as number | null;
    const name = frames[row[frameCol] as number] ?? null;
    const outer = prefix === null ? [] : (stackExt[prefix] ?? []);
    stackExt[i] = name === null ? outer : [name, ...outer];
  });

  const start = window.startMs - meta.startTime;
  const end = window.endMs - meta.startTime;
  const rows = S.data.filter(
    (r) => (r[timeCol] as number) >= start && (r[timeCol] as number) <= end,
  );
  let busy = 0;
  let ext = 0;
  let extSamples = 0;
  let maxGap = 0;
  const self = new Map<string, number>();
  const inStack = new Map<string, number>();
  rows.forEach((row, i) => {
    const next = i + 1 < rows.length ? (rows[i + 1]?.[timeCol] as number) : end;
    maxGap = Math.max(maxGap, next - (row[timeCol] as number));
    // A thread's first sample has no delta. A sleeping thread's samples carry little or
    // none; what they carry is the work before it slept.
    const cpu = ((row[deltaCol] as number | null) ?? 0) * toMs;
    busy += cpu;
    const stack = row[stackCol] as number | null;
    const names = stack === null ? [] : (stackExt[stack] ?? []);
    if (names.length === 0) return;
    ext += cpu;
    extSamples += 1;
    const leaf = names[0] as string;
    self.set(leaf, (self.get(leaf) ?? 0) + cpu);
    for (const name of new Set(names)) inStack.set(name, (inStack.get(name) ?? 0) + cpu);
  });
  const sorted = (map: Map<string, number>): FunctionCpu[] =>
    [...map]
      .map(([name, ms]) => ({ name, ms }))
      .sort((a, b) => b.ms - a.ms || a.name.localeCompare(b.name));
  return {
    totalMs: window.endMs - window.startMs,
    busyMs: busy,
    extMs: ext,
    samples: rows.length,
    extSamples,
    maxGapMs: maxGap,
    self: sorted(self),
    inStack: sorted(inStack),
  };
}

/** moz-extension:// origins whose frames appear on a thread (to report foreign ones). */
export function extensionOriginsOn(thread: GeckoThread): string[] {
  const seen = new Set<string>();
  for (const s of thread.stringTable) {
    const m = /\(?(moz-extension:\/\/[^/]+)\//.exec(s);
    if (m) seen.add(m[1] as string);
  }
  return [...seen];
}
