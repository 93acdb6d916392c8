/**
 * Wires the page side together for one tab: settings, detector, scanning, painting,
 * hover, the card and sidebar, and the tab's messages. Everything stops on one abort
 * (site turned off, extension reloaded).
 */
import { browser } from 'wxt/browser';
import { compileTables } from '../../lib/detect/compile';
import type { DetectorTables } from '../../lib/detect/tables';
import type { Detector } from '../../lib/detect/types';
import type { ResponseOf, TabProtocol, TermCount } from '../../lib/messages';
import { type HoverTracker, trackHover } from '../../lib/page/hover';
import { createPageMarks, type Occurrence, type PageMarks } from '../../lib/page/page-marks';
import { canPaintHighlights, createHighlightPainter } from '../../lib/page/painter';
import { afterFrame, createScheduler, defaultYield } from '../../lib/page/scheduler';
import { watchPage } from '../../lib/page/watch-page';
import { readSettings, watchSettings } from '../../lib/settings';
import { isSiteEnabled, type Settings } from '../../lib/settings-defaults';
import { isTabEnvelope } from '../../lib/tab-messages';
import { send } from '../../lib/transport';
import type { PageUi } from '../page-ui/page-ui';
import { createLazyPageUi } from './lazy-ui';
import { showOccurrence } from './show-occurrence';

interface Running {
  marks: PageMarks;
  ui: PageUi;
  abort: AbortController;
}

/** Within this many px of the viewport counts as visible: scanned first. */
const NEAR_VIEWPORT = 400;

const nextTask = defaultYield();
const afterRender = afterFrame(nextTask);

export async function startPage(tables: DetectorTables, signal: AbortSignal): Promise<void> {
  if (!canPaintHighlights()) return; // no Custom Highlight API: mark nothing rather than edit the page
  // Injected at document_start: while the page is parsed, the detector is built, and the
  // first scan can then run in the DOMContentLoaded task itself, before the page's first
  // layout after it, so its highlights are painted in that same frame.
  const parsed =
    document.readyState === 'loading'
      ? new Promise<void>((resolve) =>
          document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }),
        )
      : null;
  // The settings come by IPC: ask first, build the detector while they are on their way.
  const pending = readSettings();
  pending.catch(() => {}); // awaited below; this only keeps it from counting as unhandled
  // In tasks of its own: the script's evaluation stays short, and so does each step.
  const steps = compileTables(tables);
  let step: IteratorResult<void, Detector>;
  do {
    await nextTask();
    if (signal.aborted) return;
    step = steps.next();
  } while (!step.done);
  const detector = step.value;
  let settings: Settings = await pending;
  // Still parsing: wait for DOMContentLoaded and run on in its task (a microtask of it).
  // Parsed already (a small page, or a late injection): read the page as it is now.
  let beforeLayout = document.readyState === 'loading' && parsed !== null;
  if (beforeLayout) await parsed;
  if (signal.aborted || !document.body) return;
  let running: Running | null = null;
  let lastReport = '';

  function report(terms: TermCount[]): void {
    const key = JSON.stringify([location.href, terms]);
    if (key === lastReport) return;
    lastReport = key;
    send('page:terms', { url: location.href, title: document.title, terms }).catch(() => {});
    running?.ui.refresh();
  }

  function start(): Running {
    const abort = new AbortController();
    const painter = createHighlightPainter();
    const marks = createPageMarks({
      detector,
      painter,
      scheduler: createScheduler(),
      settings: () => settings,
      inViewport: (el) => {
        const r = el.getBoundingClientRect();
        return r.bottom >= -NEAR_VIEWPORT && r.top <= innerHeight + NEAR_VIEWPORT;
      },
      onTerms: report,
    });
    const cycle = new Map<string, number>();
    let hover: HoverTracker | null = null;
    // The card and sidebar's code loads when one first opens (lazy-ui.ts).
    const ui = createLazyPageUi({
      detail: (req) => send('term:detail', req),
      seen: (id) => send('history:seen', { id, url: location.href }).catch(() => null),
      readSource: (sourceId, claimId) => {
        send('reader:open', { sourceId, claimId }).catch(() => {});
      },
      terms: () => marks.terms(),
      showOnPage: (id) => showOccurrence(marks, painter, cycle, id),
      onCardClosed: () => hover?.reset(),
    });
    const later = (work: () => void) =>
      afterRender().then(() => {
        if (!abort.signal.aborted) work();
      });
    if (beforeLayout) marks.scanAll(document.body, { beforeLayout: true });
    else scanNow(marks, later);
    beforeLayout = false; // only the first scan runs in the DOMContentLoaded task
    watchPage({
      root: document.documentElement,
      onChange: (roots) =>
        later(() => (roots === 'all' ? marks.scanAll(document.body) : marks.rescan(roots))),
      onUrlChange: () => {
        ui.destroy();
        scanNow(marks, later);
      },
      signal: abort.signal,
    });
    hover = trackHover({
      at: (node) => marks.at(node),
      delayMs: () => settings.hoverDelayMs,
      isOurs: (event) => ui.isOurs(event.target),
      // The hover delay hides the first card's import of page-ui.js.
      onArm: () => ui.prepare(),
      onEnter: (o) => ui.showCard(o),
      onLeave: () => ui.leaveTerm(),
      signal: abort.signal,
    });
    return { marks, ui, abort };
  }

  function stop(): void {
    if (!running) return;
    running.abort.abort();
    running.ui.destroy();
    running.marks.stop();
    running = null;
    lastReport = '';
  }

  function apply(next: Settings): void {
    const prev = settings;
    settings = next;
    const on = isSiteEnabled(next, location.hostname);
    if (!on) {
      stop();
      return;
    }
    if (!running) {
      running = start();
      return;
    }
    if (
      prev.gating !== next.gating ||
      prev.highlightStyle !== next.highlightStyle ||
      prev.kinds.join() !== next.kinds.join()
    )
      running.marks.repaint();
  }

  const unwatch = watchSettings(apply);
  signal.addEventListener('abort', () => {
    unwatch();
    stop();
  });

  browser.runtime.onMessage.addListener((message: unknown) => {
    if (signal.aborted || !isTabEnvelope(message)) return undefined;
    return Promise.resolve(handleTab(message.name, message.payload));
  });

  function handleTab(name: keyof TabProtocol, payload: unknown): ResponseOf<keyof TabProtocol> {
    if (name === 'tab:terms') return running ? running.marks.terms() : [];
    if (!running) return null;
    const id = (payload as TabProtocol['tab:open-sidebar']['req']).id;
    const first: Occurrence | undefined = id
      ? running.marks.painted().find((o) => o.match.id === id)
      : undefined;
    running.ui.openSidebar(first ?? null);
    return null;
  }

  if (isSiteEnabled(settings, location.hostname)) running = start();
}

/**
 * Scans a parsed page. Once the page has painted, layout is fresh: scan at once (viewport
 * first); before that, wait a frame so finding the viewport forces no layout of ours.
 */
function scanNow(marks: PageMarks, later: (work: () => void) => void): void {
  if (performance.getEntriesByType('paint').length > 0) marks.scanAll(document.body);
  else later(() => marks.scanAll(document.body));
}
