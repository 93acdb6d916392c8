/**
 * What is marked on the page: blocks of text, the matches in each, and which of them are
 * painted (kinds and gating from the settings). Scanning is a job for the scheduler, so it
 * runs in slices: visible blocks first, then the rest, then open shadow roots. A huge or
 * crowded block is read around the viewport only, and again as the reader scrolls
 * (block-read.ts).
 */
import type { TermCount } from '../messages';
import { HUGE_CHARS } from './block-read';
import { createFollower } from './follow-windows';
import {
  inlineRendered,
  type Occurrence,
  paintable,
  readOccurrences,
  type ScannedBlock,
} from './occurrences';
import { createPageBudget } from './page-budget';
import type { PageMarks, PageMarksEnv, Stop } from './page-marks-env';
import {
  createPaintWindow,
  paintMarks,
  type WindowMarks,
  watchNearViewport,
  watchReachedViewport,
} from './paint-window';
import { FRAME, runNowThenSlice } from './scheduler';
import { countTerms, indexByNode } from './term-counts';
import { outermost, type ScanRoot, SkipCache, type TextBlock } from './text-blocks';
import { viewportOffset, watchScroll } from './viewport-offset';
import { type RootWalk, shadowRootsUnder, walkRoots } from './walk-roots';

export type { MarkSettings, Occurrence } from './occurrences';
export type { PageMarks, PageMarksEnv } from './page-marks-env';

/**
 * Before layout, this much text from the top of the document is read (and painted) first:
 * more than a screen of article text, with a site's header and menus above it.
 */
const TOP_CHARS = 6000;
/** The top pass's most time in the DOMContentLoaded task; the rest goes on in slices. */
const TOP_BUDGET_MS = 8;
/** Past this many roots, a re-scan reads the whole page instead. */
const RESCAN_ROOTS = 64;

/** Which blocks are read first: those in the viewport, the document's top, or none. */
type FirstPass = 'viewport' | 'top' | 'none';

export function createPageMarks(env: PageMarksEnv): PageMarks {
  // Keyed by a block's first text node: a block read twice (two overlapping re-scans in
  // flight) replaces itself instead of being counted twice.
  let blocks = new Map<Text, ScannedBlock>();
  /** Keys of the blocks read around the viewport: asked again as the reader scrolls. */
  const windowed = new Set<Text>();
  let shown: Occurrence[] = [];
  /** What is marked, painted or not ("first occurrence only" paints fewer): what is counted. */
  let marked: Occurrence[] = [];
  let byNode: Map<Text, Occurrence[]> | null = null;
  let cache = new SkipCache(env.isVisible);
  /** Where the last whole-page scan stopped at the budget, until the walk goes on. */
  let waitingStop: Stop | null = null;
  const makeRange = env.makeRange ?? ((init: StaticRangeInit) => new StaticRange(init));
  const rangeOf = (o: Occurrence): AbstractRange => {
    o.paintRange ??= makeRange(o.range);
    return o.paintRange;
  };
  const onPage: WindowMarks<Occurrence> = {
    el: (o) => o.block.el,
    group: (o) => o.group,
    inLink: (o) => o.inLink,
    range: rangeOf,
  };
  const watchNear =
    env.watchNear !== undefined
      ? env.watchNear
      : typeof IntersectionObserver === 'function'
        ? watchNearViewport
        : null;
  const paintWindow = watchNear
    ? createPaintWindow<Occurrence>(env.painter, onPage, watchNear)
    : null;

  const scanBlock = (block: TextBlock, skip: SkipCache, center = 0) =>
    readOccurrences(env.detector, block, skip, center);

  /**
   * After the top pass's frame: style exists now, so visibility is asked again, and what
   * was read before it and turns out not to be rendered is dropped.
   */
  function settleTop(skip: SkipCache): void {
    skip.settle();
    for (const [key, b] of blocks) {
      if (b.occurrences.length > 0 && !skip.rendered(b.block.el)) {
        b.occurrences = [];
        if (b.window === null) drop(key);
        continue;
      }
      b.occurrences = b.occurrences.filter((o) => inlineRendered(b.block, o.range, skip));
    }
  }

  const follower = createFollower({
    windowed: () => [...windowed].flatMap((key) => blocks.get(key) ?? []),
    *reread(b, center) {
      add(yield* scanBlock(b.block, cache, center));
    },
    *done() {
      yield* commit();
      report();
    },
    scheduler: env.scheduler,
    offsetOf: env.viewportOffset ?? viewportOffset,
    watchScroll: env.watchScroll ?? watchScroll,
  });

  // Read when near the viewport, however many marks the page holds by then.
  const budget = createPageBudget(
    watchNear,
    (els) => env.scheduler.push(scanJob(els, report, 'none', false), true),
    env.pageMarks,
    env.pageText,
    // With a near-watch of its own (tests), the caller passes this one too, or none.
    env.watchReached ?? (watchNear === watchNearViewport ? watchReachedViewport : null),
  );

  function drop(key: Text): void {
    budget.count(-(blocks.get(key)?.occurrences.length ?? 0));
    blocks.delete(key);
    windowed.delete(key);
  }

  function add(scanned: ScannedBlock): void {
    const key = scanned.block.first;
    drop(key);
    budget.count(scanned.occurrences.length);
    // A block with nothing in it is not kept (most of a long page, and its nodes), unless
    // it is read around the viewport: the reader may scroll to a part with marks.
    if (scanned.window !== null) {
      windowed.add(key);
      blocks.set(key, scanned);
    } else if (scanned.occurrences.length > 0) blocks.set(key, scanned);
  }

  /**
   * Recomputes what is painted (kinds, page-level gating) and paints it, in steps
   * (paint-window.ts).
   */
  function* commit(): Generator<void> {
    const s = env.settings();
    const { painted: next, marked: known } = yield* paintable(blocks.values(), s);
    yield* paintMarks(next, s.highlightStyle, env.painter, paintWindow, onPage);
    // Hover and the sidebar see what is painted, from the step that swaps it in.
    shown = next;
    marked = known;
    byNode = null;
  }

  /**
   * Reads a block, or past the page's budget leaves it to be read when the reader comes
   * near it (a block the walk passed unread always).
   */
  function* readOrDefer(
    block: TextBlock,
    walkCache: SkipCache,
    capped: boolean,
    counts = false,
  ): Generator<void> {
    // Only a block that is all of its element's text can wait for it (TextBlock.whole).
    if (block.unread || (capped && budget.full && block.whole)) {
      budget.defer(block.el);
      return;
    }
    // Only what a whole-page scan reads counts (a huge block: around the viewport only).
    if (counts) budget.read(Math.min(block.text.length, HUGE_CHARS));
    add(yield* scanBlock(block, walkCache));
  }

  /**
   * Reads and detects blocks in document order. With `first` = 'viewport', each block is
   * checked against the viewport (one layout read) only until the first block below it:
   * the viewport's marks are painted then, blocks above it wait until the end, and the
   * rest of the page is read with no layout reads at all. 'top' does the same for the
   * document's first TOP_CHARS of text, with no layout read. Open shadow roots under each
   * root are read after it, as roots of their own. Past the page's budget (`capped`), a
   * whole-page scan stops its walk until the reader gets there (`resumeStop`); a re-scan
   * of what the page changed watches each further block instead.
   */
  function* scanJob(
    roots: readonly ScanRoot[],
    onDone: () => void,
    first: FirstPass,
    capped = true,
  ): Generator<unknown> {
    const walkCache = cache;
    // Before layout, style is not asked either: what the top pass took as rendered is
    // checked once a frame has been rendered.
    if (first === 'top') walkCache.deferVisibility();
    const above: TextBlock[] = [];
    let looking = first !== 'none';
    const whole = first !== 'none';
    let seen = false;
    let topChars = 0;
    const rootWalk: RootWalk = {
      queued: new Set(),
      onShadowRoot: env.onShadowRoot,
      unread: capped ? () => budget.full : undefined,
    };
    const walk = walkRoots(roots, walkCache, rootWalk);
    let stopped: TextBlock | null = null;
    for (let r = walk.next(); !r.done; r = walk.next()) {
      const block = r.value;
      if (block === undefined) {
        yield;
        continue;
      }
      if (looking) {
        const inView = first === 'top' ? topChars < TOP_CHARS : env.inViewport(block.el);
        topChars += block.text.length;
        if (inView) {
          seen = true;
        } else if (!seen) {
          above.push(block);
          yield;
          continue;
        } else {
          looking = false;
          yield* commit();
          // Let the viewport's marks reach the screen before reading the rest.
          yield FRAME;
          if (first === 'top') settleTop(walkCache);
        }
      }
      if (capped && whole && budget.full) {
        // The walk stops at a block with a box (a hidden one would be "reached" at once)
        // that is all of its element (the walk goes on from that element).
        stopped = block.whole && walkCache.rendered(block.el) ? block : null;
        if (stopped) break;
      }
      yield* readOrDefer(block, walkCache, capped, whole);
      yield;
    }
    // A page shorter than the top pass never reached the frame above.
    if (first === 'top' && looking) {
      yield* commit();
      yield FRAME;
      settleTop(walkCache);
    }
    for (const block of above) {
      yield* readOrDefer(block, walkCache, capped, whole);
      yield;
    }
    if (stopped) {
      const at = stopped.el;
      // The root being walked (the document, or a web component's shadow root) and those
      // queued after it are where the walk goes on.
      const rest = rootWalk.queue?.slice(rootWalk.index) ?? [];
      // Web components in what was walked of that root are searched now, not when the
      // reader gets to where the walk stopped; their blocks are watched like the rest.
      const shadows = rest[0] ? yield* shadowRootsUnder(rest[0], rootWalk, at) : [];
      if (shadows.length > 0) env.scheduler.push(scanJob(shadows, report, 'none'));
      const stop: Stop = { at, roots: rest, queued: rootWalk.queued };
      waitingStop = stop;
      stop.forget = budget.whenReached(at, () => resumeStop(stop));
    }
    yield* commit();
    // The per-element answers are only good until the page changes; drop them with the walk.
    if (cache === walkCache) cache = new SkipCache(env.isVisible);
    yield; // counting the terms is a step of its own
    onDone();
    if (windowed.size > 0) {
      // Blocks read around the top of their text, before the reader's place was known.
      yield FRAME;
      yield* follower.follow();
      follower.start();
    }
  }

  /**
   * The rest of a walk stopped at the page's budget, once the reader has come to where it
   * stopped (or the page has removed that block): every further block is watched, and read
   * as it comes near the viewport. The walk starts again at the stop with a new walker: the
   * page may have changed anything meanwhile. Without the stop's block, from the top.
   */
  function resumeStop(stop: Stop): void {
    if (waitingStop !== stop) return;
    waitingStop = null;
    stop.forget?.();
    const from = stop.at.isConnected ? stop.at : null;
    const walkCache = cache;
    const rootWalk: RootWalk = {
      queued: stop.queued,
      onShadowRoot: env.onShadowRoot,
      unread: () => true,
    };
    env.scheduler.push(
      (function* () {
        const walk = walkRoots(stop.roots, walkCache, rootWalk, from);
        for (let r = walk.next(); !r.done; r = walk.next()) {
          if (r.value !== undefined) yield* readOrDefer(r.value, walkCache, true);
          yield;
        }
        yield* commit();
        report();
      })(),
    );
  }

  // Counted once per painted set, however often the list is asked for.
  let counted: { of: Occurrence[]; terms: TermCount[] } | null = null;
  function terms(): TermCount[] {
    if (counted?.of !== marked) counted = { of: marked, terms: countTerms(marked) };
    return counted.terms;
  }

  function report(): void {
    env.onTerms(terms());
  }

  function reset(): void {
    env.scheduler.cancel();
    blocks = new Map();
    windowed.clear();
    budget.reset();
    waitingStop = null;
    follower.stop();
    cache = new SkipCache(env.isVisible);
  }

  function clear(andReport = false): void {
    reset();
    shown = [];
    marked = [];
    byNode = null;
    paintWindow?.stop();
    env.painter.clear();
    if (andReport) report();
  }

  function scanAll(root: Element, options?: { beforeLayout?: boolean }): void {
    reset();
    if (!options?.beforeLayout) {
      env.scheduler.push(scanJob([root], report, 'viewport'), true);
      return;
    }
    // The top pass runs in this task (DOMContentLoaded), not in slices: its marks must be
    // in the page's next frame, which a long page may only render hundreds of ms later.
    // TOP_CHARS bounds it to a few ms, and TOP_BUDGET_MS a page whose top is one huge
    // block. The rest waits for that frame.
    runNowThenSlice(env.scheduler, scanJob([root], report, 'top'), TOP_BUDGET_MS);
  }

  env.signal?.addEventListener('abort', () => clear(), { once: true });

  return {
    scanAll,
    rescan(roots) {
      const body = roots[0]?.ownerDocument?.body;
      if (roots.length > RESCAN_ROOTS && body) {
        scanAll(body);
        return;
      }
      const top = outermost(roots.map((r) => ('tagName' in r ? cache.blockOf(r) : r)));
      for (const [key, b] of blocks) {
        const { el, first } = b.block;
        if (
          !el.isConnected ||
          !first.isConnected ||
          top.some((r) => r.contains(el) || r.contains(first))
        )
          drop(key);
      }
      // Attributes such as `hidden` or `contenteditable` may have changed under these roots.
      cache = new SkipCache(env.isVisible);
      // The page removed the block the walk stopped at: the rest cannot wait for the reader.
      if (waitingStop && !waitingStop.at.isConnected) resumeStop(waitingStop);
      // Added content is read in document order, with no layout reads: those would force
      // the page's own layout into our task.
      env.scheduler.push(scanJob(top, report, 'none'), true);
    },
    repaint() {
      env.scheduler.push(
        (function* () {
          yield* commit();
          report();
        })(),
        true,
      );
    },
    painted: () => shown,
    terms,
    partial: () => budget.readsLater(),
    at(node) {
      // designMode has no event: the pointer finds it, and the marks go (issue 19).
      if (shown.length > 0 && node.ownerDocument?.designMode === 'on') clear(true);
      if (byNode === null) byNode = indexByNode(shown);
      return byNode.get(node) ?? [];
    },
  };
}
