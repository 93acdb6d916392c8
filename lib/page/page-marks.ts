/**
 * What is marked on the page: blocks of text, the matches in each, and which of them are
 * painted (kinds and gating from the settings). Scanning is a job for the scheduler, so it
 * runs in slices: visible blocks first, then the rest.
 */
import type { Detector, Match } from '../detect/types';
import type { TermCount } from '../messages';
import type { Settings } from '../settings';
import { groupOf, type HighlightGroup, markKindOf } from './highlight-groups';
import { createPaintWindow, type WatchNear, WINDOW_FROM, watchNearViewport } from './paint-window';
import { addToPaintSet, type Painter, type PaintSet } from './painter';
import { FRAME, type Scheduler } from './scheduler';
import { countTerms, indexByNode } from './term-counts';
import { rangeInit, SkipCache, type TextBlock, walkBlocks } from './text-blocks';

export interface Occurrence {
  match: Match;
  block: TextBlock;
  range: StaticRangeInit;
  /** What the painter adds to its highlight: a StaticRange in the browser, made when first painted. */
  paintRange: AbstractRange | null;
  group: HighlightGroup;
}

interface ScannedBlock {
  block: TextBlock;
  occurrences: Occurrence[];
}

export type MarkSettings = Pick<Settings, 'kinds' | 'gating' | 'highlightStyle'>;

export interface PageMarksEnv {
  detector: Pick<Detector, 'detectAll'>;
  painter: Painter;
  scheduler: Scheduler;
  settings: () => MarkSettings;
  /**
   * Whether an element is in (or near) the viewport; decides what is scanned first. Asked
   * in document order, only until the first block below the viewport.
   */
  inViewport: (el: Element) => boolean;
  /** Called after each finished scan with the terms now painted. */
  onTerms: (terms: TermCount[]) => void;
  isVisible?: (el: Element) => boolean;
  /** Makes the painted range; tests without StaticRange pass their own. */
  makeRange?: (init: StaticRangeInit) => AbstractRange;
  /**
   * Watches blocks near the viewport, for pages with more marks than are worth registering
   * at once (paint-window.ts); null registers every mark. Default: IntersectionObserver.
   */
  watchNear?: WatchNear | null;
}

export interface PageMarks {
  /**
   * Forgets everything and scans `root` again. `beforeLayout`: the page has not been laid
   * out yet (DOMContentLoaded): asking where a block is would force that layout into our
   * task, so the top of the document stands in for the viewport.
   */
  scanAll(root: Element, options?: { beforeLayout?: boolean }): void;
  /** Re-reads the blocks under these elements only (what a MutationObserver reported). */
  rescan(roots: readonly Element[]): void;
  /** Paints again from what is known (settings changed). */
  repaint(): void;
  /** Occurrences that are painted now, in document scan order. */
  painted(): Occurrence[];
  terms(): TermCount[];
  /** Painted occurrences touching a text node. */
  at(node: Text): Occurrence[];
  stop(): void;
}

/** Occurrences handled per unit of work when repainting. */
const COMMIT_CHUNK = 2000;
/**
 * Before layout, this much text from the top of the document is read (and painted) first:
 * more than a screen of article text, with a site's header and menus above it.
 */
const TOP_CHARS = 6000;

/** Which blocks are read first: those in the viewport, the document's top, or none. */
type FirstPass = 'viewport' | 'top' | 'none';

export function createPageMarks(env: PageMarksEnv): PageMarks {
  // Keyed by a block's first text node: a block read twice (two overlapping re-scans in
  // flight) replaces itself instead of being counted twice.
  let blocks = new Map<Text, ScannedBlock>();
  let shown: Occurrence[] = [];
  let byNode: Map<Text, Occurrence[]> | null = null;
  let cache = new SkipCache(env.isVisible);
  const makeRange = env.makeRange ?? ((init: StaticRangeInit) => new StaticRange(init));
  const rangeOf = (o: Occurrence): AbstractRange => {
    o.paintRange ??= makeRange(o.range);
    return o.paintRange;
  };
  const watchNear =
    env.watchNear !== undefined
      ? env.watchNear
      : typeof IntersectionObserver === 'function'
        ? watchNearViewport
        : null;
  const paintWindow = watchNear
    ? createPaintWindow<Occurrence>(
        env.painter,
        { el: (o) => o.block.el, group: (o) => o.group, range: rangeOf },
        watchNear,
      )
    : null;

  function scanBlock(block: TextBlock, skip: SkipCache): ScannedBlock {
    const occurrences: Occurrence[] = [];
    const text = block.text;
    // What is kept of a block is its nodes; its text would be a second copy of the page's.
    block.text = '';
    for (const match of env.detector.detectAll(text)) {
      const range = rangeInit(block, match.start, match.end);
      // The walk asks blocks whether they are rendered; inline elements only here, where
      // a match falls (a name in a span hidden by a style is not marked).
      if (!rangeRendered(block, range, skip)) continue;
      occurrences.push({
        match,
        block,
        range,
        paintRange: null,
        group: groupOf(match),
      });
    }
    return { block, occurrences };
  }

  /**
   * After the top pass's frame: style exists now, so visibility is asked again, and what
   * was read before it and turns out not to be rendered is dropped.
   */
  function settleTop(skip: SkipCache): void {
    skip.settle();
    for (const [key, b] of blocks) {
      if (!skip.rendered(b.block.el)) {
        blocks.delete(key);
        continue;
      }
      b.occurrences = b.occurrences.filter((o) => rangeRendered(b.block, o.range, skip));
    }
  }

  function add(scanned: ScannedBlock): void {
    const key = scanned.block.nodes[0] as Text;
    blocks.delete(key);
    // A block with nothing in it is not kept: most of a long page, and its nodes.
    if (scanned.occurrences.length > 0) blocks.set(key, scanned);
  }

  /**
   * Recomputes what is painted (kinds, page-level gating) and paints it. A generator that
   * yields every few thousand occurrences, so a page with tens of thousands of marks does
   * not make one long task of it; the highlights are swapped in one step at the end.
   */
  function* commit(): Generator<void> {
    const s = env.settings();
    const kinds = new Set(s.kinds);
    let hasCore = false;
    for (const b of blocks.values()) {
      if (b.occurrences.some((o) => o.match.tier === 'core')) {
        hasCore = true;
        break;
      }
    }
    const next: Occurrence[] = [];
    let n = 0;
    for (const b of blocks.values()) {
      for (const o of b.occurrences) {
        if (!kinds.has(markKindOf(o.match))) continue;
        if (o.match.tier !== 'core' && s.gating && !hasCore) continue;
        next.push(o);
      }
      n += b.occurrences.length;
      if (n >= COMMIT_CHUNK) {
        n = 0;
        yield;
      }
    }
    if (paintWindow && next.length >= WINDOW_FROM) {
      yield* paintWindow.show(next, s.highlightStyle);
    } else {
      paintWindow?.stop();
      const set: PaintSet = new Map();
      for (const o of next) {
        addToPaintSet(set, o.group, rangeOf(o));
        if (++n >= COMMIT_CHUNK) {
          n = 0;
          yield;
        }
      }
      if (env.painter.paintInSteps) yield* env.painter.paintInSteps(set, s.highlightStyle);
      else env.painter.paint(set, s.highlightStyle);
    }
    // Hover and the sidebar see what is painted, from the step that swaps it in.
    shown = next;
    byNode = null;
  }

  /**
   * Reads and detects blocks in document order. With `first` = 'viewport', each block is
   * checked against the viewport (one layout read) only until the first block below it:
   * the viewport's marks are painted then, blocks above it wait until the end, and the
   * rest of the page is read with no layout reads at all. 'top' does the same for the
   * document's first TOP_CHARS of text, with no layout read.
   */
  function* scanJob(
    roots: readonly Element[],
    onDone: () => void,
    first: FirstPass,
  ): Generator<unknown> {
    const walkCache = cache;
    // Before layout, style is not asked either: what the top pass took as rendered is
    // checked once a frame has been rendered.
    if (first === 'top') walkCache.deferVisibility();
    const above: TextBlock[] = [];
    let looking = first !== 'none';
    let seen = false;
    let topChars = 0;
    for (const root of roots) {
      if (!root.isConnected) continue;
      for (const block of walkBlocks(root, walkCache)) {
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
        add(scanBlock(block, walkCache));
        yield;
      }
    }
    // A page shorter than the top pass never reached the frame above.
    if (first === 'top' && looking) {
      yield* commit();
      yield FRAME;
      settleTop(walkCache);
    }
    for (const block of above) {
      add(scanBlock(block, walkCache));
      yield;
    }
    yield* commit();
    // The per-element answers are only good until the page changes; drop them with the walk.
    if (cache === walkCache) cache = new SkipCache(env.isVisible);
    yield; // counting the terms is a step of its own
    onDone();
  }

  // Counted once per painted set, however often the list is asked for.
  let counted: { of: Occurrence[]; terms: TermCount[] } | null = null;
  function terms(): TermCount[] {
    if (counted?.of !== shown) counted = { of: shown, terms: countTerms(shown) };
    return counted.terms;
  }

  function report(): void {
    env.onTerms(terms());
  }

  return {
    scanAll(root, options) {
      env.scheduler.cancel();
      blocks = new Map();
      cache = new SkipCache(env.isVisible);
      if (!options?.beforeLayout) {
        env.scheduler.push(scanJob([root], report, 'viewport'), true);
        return;
      }
      // The top pass runs whole in this task (DOMContentLoaded), not in slices: its marks
      // must be in the page's next frame, which a long page may only render hundreds of ms
      // later. TOP_CHARS bounds it to a few ms. The rest waits for that frame.
      const job = scanJob([root], report, 'top');
      for (let r = job.next(); !r.done; r = job.next()) {
        if (r.value !== FRAME) continue;
        env.scheduler.push(
          (function* () {
            yield FRAME;
            yield* job;
          })(),
          true,
        );
        return;
      }
    },
    rescan(roots) {
      const top = outermost(roots.map((r) => cache.blockOf(r)));
      for (const [key, b] of blocks) {
        if (!b.block.el.isConnected || top.some((r) => r.contains(b.block.el))) blocks.delete(key);
      }
      // Attributes such as `hidden` or `contenteditable` may have changed under these roots.
      cache = new SkipCache(env.isVisible);
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
    at(node) {
      if (byNode === null) byNode = indexByNode(shown);
      return byNode.get(node) ?? [];
    },
    stop() {
      env.scheduler.cancel();
      blocks = new Map();
      shown = [];
      byNode = null;
      paintWindow?.stop();
      env.painter.clear();
    },
  };
}

/** Whether a match's text is rendered: each end's parent is the block, or is shown. */
function rangeRendered(block: TextBlock, range: StaticRangeInit, skip: SkipCache): boolean {
  const at = (node: Node) => {
    const parent = node.parentElement;
    return parent === null || parent === block.el || skip.rendered(parent);
  };
  return (
    at(range.startContainer) &&
    (range.endContainer === range.startContainer || at(range.endContainer))
  );
}

/** Drops roots that sit inside another root, so nothing is scanned twice. */
export function outermost(roots: readonly Element[]): Element[] {
  const unique = [...new Set(roots)];
  return unique.filter((r) => !unique.some((o) => o !== r && o.contains(r)));
}
