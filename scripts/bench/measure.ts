/**
 * One page, measured in a browser with the extension: load, idle, hover, burst, heap. The
 * baselines without it are in measure-without.ts.
 */
import type { CDPSession, Page } from 'playwright-core';
import { type Browser, heapAfterGc, newTracedPage } from './browser';
import { watchCard } from './card-signal';
import {
  armCardWatch,
  burst,
  burstPainted,
  findMarkedTerm,
  probeScript,
  readCardTimes,
  readProbe,
  scrollToBurst,
} from './page-probe';
import {
  breakdown,
  longestTaskAny,
  renderingMs,
  STYLE_RECALC,
  type TaskBreakdown,
} from './rendering';
import { pageThreads, sleep, traced, waitStable } from './steps';
import {
  analyzeTrace,
  markTime,
  type Symbolizer,
  summarize,
  type WindowSummary,
} from './trace-analysis';

const IDLE_MS = 3000;
export const BURST_PARAGRAPHS = 1000;

export interface LoadResult {
  /** Extension main-thread time from navigation until the page is marked, ms. */
  ext: WindowSummary;
  /** Last extension work, ms after navigation start (trace clock). */
  markedAfterNavMs: number | null;
  highlightRanges: number;
  /** ms after navigation start (page clock), as the probe saw them. */
  dclMs: number;
  /** The page's own first paint (Paint Timing), ms after navigation start. */
  pageFirstPaintMs: number | null;
  /** The first animation frame after DOMContentLoaded, ms after navigation start. */
  firstFrameAfterDclMs: number | null;
  firstHighlightMs: number | null;
  firstInViewportMs: number | null;
  lastHighlightChangeMs: number | null;
  /** The content script's first work (its injection), ms after navigation start. */
  injectedAfterNavMs: number | null;
  /** Main-thread rendering (style, layout, paint) during the load, ms. */
  renderingMs: number;
  /** Of which style recalculation (UpdateLayoutTree), ms. */
  styleMs: number;
  /** Extension work before the first highlight in the viewport: what delayed it. */
  beforeFirstHighlight: WindowSummary | null;
}

export interface WithExtension {
  /** Every load, in order; the figures take medians (and the worst longest task). */
  loads: LoadResult[];
  heap: { used: number; embedder: number };
  idle: WindowSummary & { windowMs: number };
  hover: {
    term: string | null;
    /** Pointer arrives to the card painted, ms (the configured delay included). */
    cardMs: number | null;
    /** Pointer arrives to the card in the DOM, ms. */
    cardDomMs: number | null;
    note: string;
    ext: WindowSummary | null;
    /** The longest task of any kind after the pointer arrived: rendering included. */
    longestAny: TaskBreakdown | null;
  };
  burst: {
    paragraphs: number;
    chars: number;
    markedAfterMs: number | null;
    /** Highlight ranges registered once the burst was marked, viewport unmoved. */
    rangesAdded: number;
    /** Painted inside the added paragraphs once scrolled to them. */
    paintedInBurst: { ranges: number; paragraphs: number };
    ext: WindowSummary;
  };
}

/** Adds what the longest extension task was made of (trace events) to a summary. */
function withParts(summary: WindowSummary, events: Parameters<typeof breakdown>[0]): WindowSummary {
  const task = summary.longestTask;
  return task ? { ...summary, longestParts: breakdown(events, task).parts } : summary;
}

/** One load of the page until it is marked; the page stays open for the next steps. */
async function loadUntilMarked(
  browser: Browser,
  url: string,
  origin: string,
  symbolize?: Symbolizer,
) {
  const { page, cdp } = await newTracedPage(browser);
  await page.addInitScript({ content: probeScript() });
  const load = await traced(cdp, async () => {
    await page.goto(url, { waitUntil: 'load' });
    await waitStable(page, 0);
    await page.evaluate(() => window.__bench?.stop());
    return page.evaluate(readProbe);
  });
  const probe = load.result;
  const threads = pageThreads(load.events, url);
  const navStart = markTime(load.events, 'navigationStart');
  const loadAnalysis = analyzeTrace(load.events, origin);
  const loadExt = withParts(summarize(loadAnalysis, { threads, symbolize }), load.events);
  const firstPaint = probe?.firstInViewport ?? null;
  const result: LoadResult = {
    ext: loadExt,
    markedAfterNavMs:
      navStart !== null && loadExt.lastExtEnd !== null
        ? (loadExt.lastExtEnd - navStart) / 1000
        : null,
    highlightRanges: probe?.count ?? 0,
    dclMs: probe?.dcl ?? -1,
    pageFirstPaintMs: probe?.firstPaint ?? null,
    firstFrameAfterDclMs: probe?.firstFrameAfterDcl ?? null,
    firstHighlightMs: probe?.firstAny ?? null,
    firstInViewportMs: probe?.firstInViewport ?? null,
    lastHighlightChangeMs: probe?.lastChange ?? null,
    injectedAfterNavMs:
      navStart !== null && loadExt.firstExtStart !== null
        ? (loadExt.firstExtStart - navStart) / 1000
        : null,
    renderingMs: renderingMs(load.events, threads),
    styleMs: renderingMs(load.events, threads, { names: STYLE_RECALC }),
    beforeFirstHighlight:
      navStart !== null && firstPaint !== null
        ? summarize(loadAnalysis, { threads, symbolize, to: navStart + firstPaint * 1000 })
        : null,
  };
  return { page, cdp, threads, result };
}

/**
 * Loads the page `runs` times (fresh tab each) for the load figures; the last tab then
 * goes on to heap, idle, hover and burst.
 */
export async function measureWithExtension(
  browser: Browser,
  url: string,
  runs: number,
  symbolize?: Symbolizer,
): Promise<WithExtension> {
  const origin = browser.extOrigin;
  if (!origin) throw new Error('measureWithExtension needs a browser with the extension');
  const loads: LoadResult[] = [];
  let last: Awaited<ReturnType<typeof loadUntilMarked>> | null = null;
  for (let i = 0; i < runs; i++) {
    if (last) await last.page.close();
    last = await loadUntilMarked(browser, url, origin, symbolize);
    loads.push(last.result);
  }
  if (!last) throw new Error('runs must be at least 1');
  const { page, cdp, threads } = last;

  // 2. Heap, after the page is marked and a full GC.
  const heap = await heapAfterGc(cdp);

  // 3. Idle: nothing happens on the page; the extension should do nothing either.
  const idle = await traced(cdp, () => sleep(IDLE_MS));
  const idleSummary = {
    ...summarize(analyzeTrace(idle.events, origin), { threads, symbolize }),
    windowMs: IDLE_MS,
  };

  // 4. Hover a marked term until the card shows.
  const hover = await measureHover(page, cdp, origin, threads, symbolize);

  // 5. A burst of added paragraphs.
  await page.evaluate(() => window.__bench?.restart());
  const before = (await page.evaluate(readProbe))?.count ?? 0;
  const b = await traced(cdp, async () => {
    const added = await page.evaluate(burst, BURST_PARAGRAPHS);
    const since = await page.evaluate(() => performance.now());
    await waitStable(page, since);
    return added;
  });
  const after = (await page.evaluate(readProbe))?.count ?? 0;
  // Then the reader scrolls to the new text: its marks are painted there (paint window).
  await page.evaluate(scrollToBurst);
  await waitStable(page, await page.evaluate(() => performance.now()));
  const painted = await page.evaluate(burstPainted);
  const burstMark = markTime(b.events, 'bench:burst');
  const burstExt = withParts(
    summarize(analyzeTrace(b.events, origin), {
      threads,
      symbolize,
      from: burstMark ?? undefined,
    }),
    b.events,
  );
  await page.close();
  return {
    loads,
    heap,
    idle: idleSummary,
    hover,
    burst: {
      paragraphs: b.result.added,
      chars: b.result.chars,
      markedAfterMs:
        burstMark !== null && burstExt.lastExtEnd !== null
          ? (burstExt.lastExtEnd - burstMark) / 1000
          : null,
      rangesAdded: after - before,
      paintedInBurst: painted,
      ext: burstExt,
    },
  };
}

async function measureHover(
  page: Page,
  cdp: CDPSession,
  origin: string,
  threads: Set<string>,
  symbolize?: Symbolizer,
): Promise<WithExtension['hover']> {
  const none = (note: string): WithExtension['hover'] => ({
    term: null,
    cardMs: null,
    cardDomMs: null,
    note,
    ext: null,
    longestAny: null,
  });
  const target = await page.evaluate(findMarkedTerm);
  if (!target) return none('no marked term in the viewport');
  await page.mouse.move(2, 2);
  await sleep(300);
  if (!(await page.evaluate(armCardWatch))) return none('the UI host existed before the hover');
  const watch = await watchCard(cdp);
  const h = await traced(cdp, async () => {
    await page.evaluate(() => performance.mark('bench:hover'));
    // Two small moves, as a reader's pointer arrives: enter, then rest on the term.
    await page.mouse.move(target.x - 2, target.y);
    await page.mouse.move(target.x, target.y);
    const t0 = performance.now();
    let times = await page.evaluate(readCardTimes);
    while (times?.painted == null && performance.now() - t0 < 4000) {
      await sleep(50);
      times = await page.evaluate(readCardTimes);
    }
    // The host alone is not the card: confirm more rendered boxes in the shadow tree.
    const confirmed = times?.painted != null && (await watch.waitShown(t0, 3000)) !== null;
    await sleep(1000); // the frames after the card, for the longest-task figure
    return { times, confirmed };
  });
  await page.mouse.move(2, 2);
  await sleep(500);
  const analysis = analyzeTrace(h.events, origin);
  const mark = markTime(h.events, 'bench:hover') ?? undefined;
  const ext = withParts(summarize(analysis, { threads, symbolize, from: mark }), h.events);
  const t = h.result.times;
  const ok = h.result.confirmed && t?.move != null && t.painted != null;
  return {
    term: target.text,
    cardMs: ok && t?.move != null && t.painted != null ? t.painted - t.move : null,
    cardDomMs: ok && t?.move != null && t.inserted != null ? t.inserted - t.move : null,
    note: ok
      ? 'page clock: first pointermove to the end of the frame after <div data-sourcelight-root> was inserted, confirmed by more rendered boxes in its closed shadow tree (CDP)'
      : watch.hostFound
        ? 'the UI host existed before the hover'
        : 'no card within 4 s',
    ext,
    longestAny: longestTaskAny(h.events, analysis, { threads, from: mark }),
  };
}
