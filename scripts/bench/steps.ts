/**
 * Steps the bench takes on a page in either browser: wait for marking to settle, find the
 * page's renderer threads in a trace, trace a stretch of work.
 */
import type { CDPSession, Page } from 'playwright-core';
import { Tracer } from './browser';
import { readProbe } from './page-probe';
import type { TraceEvent } from './trace-analysis';

const STABLE_MS = 1500;
const MARK_TIMEOUT_MS = 30_000;

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until the highlight count has not changed for STABLE_MS (or times out). */
export async function waitStable(page: Page, since: number): Promise<void> {
  for (;;) {
    await sleep(250);
    const p = await page.evaluate(readProbe);
    const now = await page.evaluate(() => performance.now());
    if (!p) return;
    // Nothing marked yet: give a late start (document_idle after a slow load) more time.
    const quietFrom = Math.max(p.lastChange ?? Math.max(p.load, 0), since);
    const quiet = p.count > 0 ? STABLE_MS : 2 * STABLE_MS;
    if (now - quietFrom > quiet) return;
    if (now - since > MARK_TIMEOUT_MS) return;
  }
}

export function pageThreads(events: readonly TraceEvent[], url: string): Set<string> {
  const threads = new Set<string>();
  for (const e of events) {
    if (e.name === 'ParseHTML' && String(e.args?.beginData?.url ?? '').startsWith(url)) {
      threads.add(`${e.pid}:${e.tid}`);
    }
  }
  return threads;
}

export async function traced<T>(
  cdp: CDPSession,
  body: () => Promise<T>,
): Promise<{ result: T; events: Awaited<ReturnType<Tracer['stop']>> }> {
  const tracer = new Tracer(cdp);
  await tracer.start();
  const result = await body();
  return { result, events: await tracer.stop() };
}
