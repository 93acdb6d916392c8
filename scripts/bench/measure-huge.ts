/**
 * One huge page (huge-pages.ts) in Chromium, traced from navigation until it is marked and
 * has stopped changing: the longest extension task, how many passed 50 ms, the extension's
 * whole main-thread time, and whether marks reached the viewport. The same steps without
 * the extension give the page's own longest task, busy time and heap.
 */
import type { Page } from 'playwright-core';
import { type Browser, heapAfterGc, newTracedPage } from './browser';
import { probeScript, readProbe } from './page-probe';
import { breakdown, longestTaskAny, type TaskBreakdown } from './rendering';
import { pageThreads, sleep, traced } from './steps';
import { analyzeTrace, type Symbolizer, summarize, type WindowSummary } from './trace-analysis';

export interface HugeLoad {
  ext: WindowSummary;
  /**
   * The extension's time in its longest task as CPU time, ms, where the trace gives thread
   * times: its wall time scaled by the task's thread time over its wall time (on a busy
   * machine wall time includes the time the OS gave other processes).
   */
  longestCpuMs: number | null;
  /** The longest main-thread task of any kind, with what it was made of. */
  longestAny: TaskBreakdown | null;
  /** Highlight ranges registered once settled, and how many of them are in the viewport. */
  ranges: number;
  inViewport: number;
  /** First highlight, ms after DOMContentLoaded (page clock); null: none. */
  firstMarkAfterDclMs: number | null;
  heapMb: number;
}

export interface HugeWithout {
  longestAny: TaskBreakdown | null;
  busyMs: number;
  heapMb: number;
}

const MB = 1024 * 1024;
const DONE_TIMEOUT_MS = 60_000;
/** Marks unchanged this long count as settled: a huge page is read in many slices. */
const QUIET_MS = 3000;
const SETTLE_TIMEOUT_MS = 60_000;

declare global {
  interface Window {
    __hugeDone?: boolean;
  }
}

/** Ranges painted inside the viewport, looking at no more than `cap` ranges in all. */
function rangesInViewport(cap: number): number {
  let looked = 0;
  let inside = 0;
  const h = window.innerHeight;
  for (const hl of CSS.highlights.values()) {
    for (const r of hl) {
      if (++looked > cap) return inside;
      const range = document.createRange();
      try {
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
      } catch {
        continue;
      }
      const rect = range.getBoundingClientRect();
      if (rect.width > 0 && rect.bottom > 0 && rect.top < h) inside += 1;
    }
  }
  return inside;
}

async function untilDone(page: Page, busyMs: number): Promise<void> {
  const t0 = Date.now();
  while (!(await page.evaluate(() => window.__hugeDone === true))) {
    if (Date.now() - t0 > DONE_TIMEOUT_MS + busyMs) throw new Error('the page never finished');
    await sleep(200);
  }
}

/** Waits until the highlight count has not changed for QUIET_MS (or times out). */
async function untilQuiet(page: Page): Promise<void> {
  const since = await page.evaluate(() => performance.now());
  for (;;) {
    await sleep(250);
    const [p, now] = await page.evaluate(() => [
      window.__bench?.lastChange ?? 0,
      performance.now(),
    ]);
    if (now - Math.max(p ?? 0, since) > QUIET_MS || now - since > SETTLE_TIMEOUT_MS) return;
  }
}

/** The page loaded once in a fresh tab, traced until marked and quiet. */
async function load(browser: Browser, url: string, busyMs: number) {
  const { page, cdp } = await newTracedPage(browser);
  await page.addInitScript({ content: probeScript() });
  const run = await traced(cdp, async () => {
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    await untilDone(page, busyMs);
    await untilQuiet(page);
    await page.evaluate(() => window.__bench?.stop());
    return page.evaluate(readProbe);
  });
  return { page, cdp, run, threads: pageThreads(run.events, url) };
}

export async function measureHugeWith(
  browser: Browser,
  url: string,
  busyMs: number,
  symbolize?: Symbolizer,
): Promise<HugeLoad> {
  const origin = browser.extOrigin;
  if (!origin) throw new Error('measureHugeWith needs a browser with the extension');
  const { page, cdp, run, threads } = await load(browser, url, busyMs);
  const analysis = analyzeTrace(run.events, origin);
  const probe = run.result;
  const inViewport = await page.evaluate(rangesInViewport, 5000);
  const heap = await heapAfterGc(cdp);
  await page.close();
  const ext = summarize(analysis, { threads, symbolize });
  const longest = ext.longestTask;
  if (longest) ext.longestParts = breakdown(run.events, longest).parts;
  const task = longest
    ? run.events.find(
        (e) =>
          e.name === 'RunTask' &&
          e.ts === longest.ts &&
          `${e.pid}:${e.tid}` === longest.thread &&
          typeof (e as { tdur?: number }).tdur === 'number',
      )
    : undefined;
  return {
    ext,
    longestCpuMs:
      task && longest && longest.dur > 0
        ? ext.longestExtMs * Math.min(1, ((task as { tdur?: number }).tdur ?? 0) / longest.dur)
        : null,
    longestAny: longestTaskAny(run.events, analysis, { threads }),
    ranges: probe?.count ?? 0,
    inViewport,
    firstMarkAfterDclMs:
      probe?.firstAny != null && probe.dcl >= 0 ? probe.firstAny - probe.dcl : null,
    heapMb: heap.used / MB,
  };
}

export async function measureHugeWithout(
  browser: Browser,
  url: string,
  busyMs: number,
): Promise<HugeWithout> {
  const { page, cdp, run, threads } = await load(browser, url, busyMs);
  const analysis = analyzeTrace(run.events, 'chrome-extension://none');
  const heap = await heapAfterGc(cdp);
  await page.close();
  return {
    longestAny: longestTaskAny(run.events, analysis, { threads }),
    busyMs: summarize(analysis, { threads }).busyMs,
    heapMb: heap.used / MB,
  };
}
