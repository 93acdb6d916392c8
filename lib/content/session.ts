/**
 * The second stage: everything the page side does on a page about the story, for one tab.
 * Detector, scanning, painting, hover, the card and sidebar. It is loaded (page-session.js)
 * by the first stage (first-stage.ts) only once a page holds a core name, which owns
 * settings, the site switch and the tab's messages and hands them on; everything here stops
 * on one abort (site turned off, the reader's library rebuilt, extension gone).
 */

import { backgroundSender, type SendToBackground } from '../background-sender';
import { compileTables } from '../detect/compile';
import type { DetectorTables } from '../detect/tables';
import type { Detector } from '../detect/types';
import { addThisPage, importExtractor } from '../library/page-extract';
import { readPublishedTables } from '../library/published';
import type { TermCount } from '../messages';
import { detectorTables } from '../pack/bundled';
import { rangeBox } from '../page/hit-test';
import { trackHover } from '../page/hover';
import { createPageMarks, type Occurrence } from '../page/page-marks';
import { canPaintHighlights, createHighlightPainter } from '../page/painter';
import { afterFrame, createScheduler, defaultYield } from '../page/scheduler';
import { createReadingOrder, stepTerm, termAtSelection } from '../page/term-order';
import { watchPage } from '../page/watch-page';
import type { Settings } from '../settings-defaults';
import type { ExtensionApi } from './extension-api';
import { createLazyPageUi, importPageUi } from './lazy-ui';
import { markSpots, showOccurrence, stopFlash } from './show-occurrence';
import { bringIntoView, listenTermKeys } from './term-keys';

export interface SessionOptions {
  /** The first stage's extension APIs, with no polyfill (extension-api.ts). */
  api: ExtensionApi;
  settings: Settings;
  signal: AbortSignal;
  /** The detector's tables; default: the reader's merged tables if published, else the bundled ones. */
  tables?: DetectorTables;
}

/** What the first stage asks of a running session. */
export interface PageSession {
  terms(): TermCount[];
  /**
   * The sidebar on a term: the one named, else the one whose card is open, under the
   * pointer, or at the caret or selection; else on the page's list of terms.
   */
  openSidebar(id?: string): void;
  settingsChanged(next: Settings): void;
}

/** How long an address reached within the page must hold before it is reported, ms. */
const SETTLE_MS = 1000;

/** Within this many px of the viewport counts as visible: scanned first. */
const NEAR_VIEWPORT = 400;

const nextTask = defaultYield();
const afterRender = afterFrame(nextTask);

/** Null when the browser cannot paint highlights (mark nothing rather than edit the page) or on abort. */
export async function startPageSession(options: SessionOptions): Promise<PageSession | null> {
  const { signal } = options;
  if (!canPaintHighlights()) return null;
  const tables =
    options.tables ??
    (await readPublishedTables(options.api.local).catch(() => null)) ??
    detectorTables;
  // In tasks of its own: each step stays short.
  const steps = compileTables(tables);
  let step: IteratorResult<void, Detector>;
  do {
    await nextTask();
    if (signal.aborted) return null;
    step = steps.next();
  } while (!step.done);
  const detector = step.value;
  if (document.readyState === 'loading') {
    await new Promise<void>((resolve) =>
      document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }),
    );
  }
  if (signal.aborted || !document.body) return null;
  // The session also stops itself once the extension's context is gone (an update or a
  // reload): the old script must not go on marking and answering hovers (issue 19).
  const own = new AbortController();
  signal.addEventListener('abort', () => own.abort(), { once: true });
  return run(detector, options.api, options.settings, own);
}

function run(
  detector: Detector,
  api: ExtensionApi,
  initial: Settings,
  own: AbortController,
): PageSession {
  const signal = own.signal;
  const send: SendToBackground = backgroundSender(api.sendMessage);
  /** Runs `work` while the context lives; stops the session for good once it is gone. */
  const alive =
    <A extends unknown[]>(work: (...args: A) => void) =>
    (...args: A): void => {
      if (signal.aborted) return;
      if (!api.alive()) own.abort();
      else work(...args);
    };
  let settings = initial;
  let lastReport = '';
  const firstUrl = location.href;
  let pending: ReturnType<typeof setTimeout> | undefined;
  signal.addEventListener('abort', () => clearTimeout(pending), { once: true });
  const painter = createHighlightPainter();
  signal.addEventListener('abort', () => stopFlash(painter), { once: true });
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
    // An open shadow root's changes reach no observer of the document: watch it too.
    onShadowRoot: (root) => watch.observe(root),
    signal,
  });
  const cycle = new Map<string, number>();
  const ui = createLazyPageUi(
    {
      detail: (req) => send('term:detail', req),
      seen: (id) => send('history:seen', { id, url: location.href }).catch(() => null),
      readSource: (sourceId, claimId) => {
        send('reader:open', { sourceId, claimId }).catch(() => {});
      },
      terms: () => marks.terms(),
      partial: () => marks.partial(),
      showOnPage: (id, nth) => showOccurrence(marks, painter, cycle, id, nth),
      markSpots: (id) => markSpots(marks, id),
      onCardClosed: () => hover.reset(),
      onAddPage: () =>
        addThisPage(
          document,
          () => importExtractor(api.getURL),
          (page) => send('library:stage', { page }),
        ),
      signal,
    },
    () => importPageUi(api.getURL),
  );

  // What was painted at the last report: the markers measure again only when it changed.
  let lastPainted: readonly Occurrence[] = [];
  function report(terms: TermCount[]): void {
    const painted = marks.painted();
    ui.refresh(!samePlaces(painted, lastPainted));
    lastPainted = painted;
    const key = JSON.stringify([location.href, terms]);
    if (key === lastReport) return;
    lastReport = key;
    // A page the reader stays on is reported at once. After an address change within the
    // page (an SPA route, or a page calling pushState a hundred times to write the reader's
    // history), only an address that has held for SETTLE_MS is: one entry per real
    // navigation, not one per pushState (issue 19).
    clearTimeout(pending);
    const deliver = () => {
      send('page:terms', { url: location.href, title: document.title, terms }).catch(() => {});
    };
    if (location.href === firstUrl) deliver();
    else pending = setTimeout(deliver, SETTLE_MS);
  }

  const later = (work: () => void) =>
    afterRender().then(() => {
      if (!signal.aborted) work();
    });
  const watch = watchPage({
    onChange: alive((roots: Parameters<typeof marks.rescan>[0] | 'all') =>
      later(() => (roots === 'all' ? marks.scanAll(document.body) : marks.rescan(roots))),
    ),
    onUrlChange: alive(() => {
      // The sidebar stays open on an SPA route change (it used to close silently).
      ui.pageChanged();
      scanNow(marks, later);
    }),
    signal,
  });
  scanNow(marks, later);
  const hover = trackHover({
    at: (node) => marks.at(node),
    delayMs: () => settings.hoverDelayMs,
    isOurs: (event) => ui.isOurs(event.target),
    // The hover delay hides the first card's import of page-ui.js.
    onArm: alive(() => ui.prepare()),
    onEnter: alive((o: Occurrence) => ui.showCard(o)),
    onLeave: () => ui.leaveTerm(),
    onTap: (o) => (o ? ui.showCard(o, 'tap') : ui.dismissCard()),
    signal,
  });
  const readingOrder = createReadingOrder();
  listenTermKeys({
    step(dir) {
      const sorted = readingOrder(marks.painted());
      const o = stepTerm(sorted, ui.cardTerm(), dir, (x) => rangeBox(x.range).top);
      if (!o) return false;
      bringIntoView(o);
      ui.showCard(o, 'key');
      return true;
    },
    signal,
  });

  return {
    terms: () => marks.terms(),
    openSidebar(id) {
      const chosen = id
        ? marks.painted().find((o) => o.match.id === id)
        : (ui.cardTerm() ??
          hover.current() ??
          termAtSelection(document.getSelection(), (node) => marks.at(node)));
      ui.openSidebar(chosen ?? null);
    },
    settingsChanged(next) {
      const prev = settings;
      settings = next;
      if (
        prev.gating !== next.gating ||
        prev.highlightStyle !== next.highlightStyle ||
        prev.firstOccurrenceOnly !== next.firstOccurrenceOnly ||
        prev.kinds.join() !== next.kinds.join()
      )
        marks.repaint();
    },
  };
}

/**
 * Scans a parsed page. Once the page has painted, layout is fresh: scan at once (viewport
 * first); before that, wait a frame so finding the viewport forces no layout of ours.
 */
function scanNow(
  marks: ReturnType<typeof createPageMarks>,
  later: (work: () => void) => void,
): void {
  if (performance.getEntriesByType('paint').length > 0) marks.scanAll(document.body);
  else later(() => marks.scanAll(document.body));
}

/** The same marks at the same places (a re-scan that found what was there). */
function samePlaces(a: readonly Occurrence[], b: readonly Occurrence[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as Occurrence;
    const y = b[i] as Occurrence;
    if (
      x.match.id !== y.match.id ||
      x.range.startContainer !== y.range.startContainer ||
      x.range.startOffset !== y.range.startOffset
    ) {
      return false;
    }
  }
  return true;
}
