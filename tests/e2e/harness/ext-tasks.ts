/**
 * The extension's main-thread tasks during a page load, from a Chrome trace (the bench's
 * attribution, scripts/bench/trace-analysis.ts). Chromium only: Firefox's profiler cannot
 * be driven from here, and its suites check behaviour alone.
 */
import { Tracer } from '../../../scripts/bench/browser';
import { pageThreads } from '../../../scripts/bench/steps';
import {
  analyzeTrace,
  markTime,
  summarize,
  type TraceEvent,
} from '../../../scripts/bench/trace-analysis';
import type { ChromiumSession } from './chromium';
import type { E2EBrowser, E2EPage } from './session';

export interface ExtTasks {
  /** The most extension time inside one task, ms (wall clock). */
  longestMs: number;
  /**
   * The extension's time in that task as CPU time, ms: its wall time scaled by the task's
   * thread time over its wall time. On a machine shared with other work, wall time counts
   * the time the OS gave other processes too; this does not. (The task's whole thread time
   * would count the page's own work in the same task: its parsing, its layout.)
   */
  longestCpuMs: number | null;
  /** What ran longest in that task (minified names, native calls by name): for failures. */
  top: string[];
}

/**
 * Opens `url` in a new tab, tracing from before the navigation until `settle` returns.
 * With `from`, only tasks after the page's `performance.mark(from)` count (a test marks
 * the moment it cares about). Null tasks outside Chromium.
 */
export async function tracedOpen(
  browser: E2EBrowser,
  url: string,
  settle: (page: E2EPage) => Promise<void>,
  from?: string,
): Promise<{ page: E2EPage; tasks: ExtTasks | null }> {
  if (browser.name !== 'chromium') {
    const page = await browser.openPage(url);
    await settle(page);
    return { page, tasks: null };
  }
  const context = (browser as ChromiumSession).context;
  const page = await browser.newPage();
  const raw = context.pages().at(-1);
  if (!raw) throw new Error('no Chromium page for the new tab');
  const cdp = await context.newCDPSession(raw);
  const tracer = new Tracer(cdp);
  await tracer.start();
  let events: TraceEvent[] = [];
  try {
    await page.goto(url);
    await settle(page);
  } finally {
    events = await tracer.stop();
    await cdp.detach().catch(() => {});
  }
  const since = from === undefined ? null : markTime(events, from);
  if (from !== undefined && since === null) throw new Error(`no mark ${from} in the trace`);
  const s = summarize(analyzeTrace(events, browser.extensionOrigin), {
    threads: pageThreads(events, url),
    top: 8,
    from: since ?? undefined,
  });
  const task = s.longestTask;
  const run = task
    ? events.find(
        (e) => e.name === 'RunTask' && e.ts === task.ts && `${e.pid}:${e.tid}` === task.thread,
      )
    : undefined;
  const tdur = (run as { tdur?: number } | undefined)?.tdur;
  const share =
    task && typeof tdur === 'number' && task.dur > 0 ? Math.min(1, tdur / task.dur) : null;
  return {
    page,
    tasks: {
      top: s.longestTop.map((f) => `${f.name} ${f.selfMs} ms (${f.where})`),
      longestMs: s.longestExtMs,
      longestCpuMs: share === null ? null : s.longestExtMs * share,
    },
  };
}
