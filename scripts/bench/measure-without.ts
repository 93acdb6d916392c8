/**
 * The same page in a browser without the extension: the floor (a walk over every text
 * node), and the busy-time, rendering, heap, hover and first-frame baselines.
 */
import type { CDPSession, Page } from 'playwright-core';
import { type Browser, heapAfterGc, newTracedPage } from './browser';
import { probeScript, readProbe, walkFloor } from './page-probe';
import { longestTaskAny, renderingMs, STYLE_RECALC, type TaskBreakdown } from './rendering';
import { pageThreads, sleep, traced, waitStable } from './steps';
import { analyzeTrace, markTime, summarize } from './trace-analysis';

export interface WithoutExtension {
  floor: { coldMs: number[]; warmMs: number; chars: number; nodes: number };
  /** Main-thread rendering during the same load, ms. */
  renderingMs: number;
  /** Of which style recalculation, ms. */
  styleMs: number;
  /** The same pointer moves over the page's text, without the extension. */
  hoverLongestAny: TaskBreakdown | null;
  heap: { used: number; embedder: number };
  busyMs: number;
  /** Per load, ms after DOMContentLoaded: the page's own first paint and first frame. */
  afterDcl: { paint: number[]; frame: number[] };
}

/** The floor and the baselines, in a browser without the extension. */
export async function measureWithout(
  browser: Browser,
  url: string,
  coldRuns: number,
): Promise<WithoutExtension> {
  const cold: number[] = [];
  let warm = 0;
  let chars = 0;
  let nodes = 0;
  let heap = { used: 0, embedder: 0 };
  let busyMs = 0;
  const afterDcl = { paint: [] as number[], frame: [] as number[] };
  let hoverLongestAny: TaskBreakdown | null = null;
  let rendering = 0;
  let style = 0;
  for (let i = 0; i < coldRuns; i++) {
    const { page, cdp } = await newTracedPage(browser);
    await page.addInitScript({ content: probeScript() });
    if (i === 0) {
      // Same steps as with the extension, so the busy time and heap compare.
      const load = await traced(cdp, async () => {
        await page.goto(url, { waitUntil: 'load' });
        await waitStable(page, 0);
        await page.evaluate(() => window.__bench?.stop());
      });
      const threads = pageThreads(load.events, url);
      busyMs = summarize(analyzeTrace(load.events, 'chrome-extension://none'), {
        threads,
      }).busyMs;
      rendering = renderingMs(load.events, threads);
      style = renderingMs(load.events, threads, { names: STYLE_RECALC });
      heap = await heapAfterGc(cdp);
      hoverLongestAny = await pointerOverText(page, cdp, threads);
    } else {
      await page.goto(url, { waitUntil: 'load' });
      await page.evaluate(() => window.__bench?.stop());
      await sleep(300);
    }
    const p = await page.evaluate(readProbe);
    if (p?.firstFrameAfterDcl != null && p.dcl >= 0)
      afterDcl.frame.push(p.firstFrameAfterDcl - p.dcl);
    if (p?.firstPaint != null && p.dcl >= 0) afterDcl.paint.push(p.firstPaint - p.dcl);

    const f = await page.evaluate(walkFloor, i === 0 ? 6 : 1);
    cold.push(f.runs[0] as number);
    if (i === 0) {
      const w = f.runs.slice(1).sort((a, b) => a - b);
      warm = w[Math.floor(w.length / 2)] ?? 0;
    }
    chars = f.chars;
    nodes = f.nodes;
    await page.close();
  }
  return {
    floor: { coldMs: cold, warmMs: warm, chars, nodes },
    heap,
    busyMs,
    renderingMs: rendering,
    styleMs: style,
    hoverLongestAny,
    afterDcl,
  };
}

/** Pointer onto the first paragraph's text, traced: what a hover costs a page by itself. */
async function pointerOverText(
  page: Page,
  cdp: CDPSession,
  threads: Set<string>,
): Promise<TaskBreakdown | null> {
  const at = await page.evaluate(() => {
    const r = document.querySelector('p')?.getClientRects()[0];
    return r ? { x: r.left + 20, y: r.top + r.height / 2 } : null;
  });
  if (!at) return null;
  await page.mouse.move(2, 2);
  await sleep(300);
  const h = await traced(cdp, async () => {
    await page.evaluate(() => performance.mark('bench:hover'));
    await page.mouse.move(at.x - 2, at.y);
    await page.mouse.move(at.x, at.y);
    await sleep(1500);
  });
  const analysis = analyzeTrace(h.events, 'chrome-extension://none');
  return longestTaskAny(h.events, analysis, {
    threads,
    from: markTime(h.events, 'bench:hover') ?? undefined,
  });
}
