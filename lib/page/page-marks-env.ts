/**
 * What the page's marks are made with (page-marks.ts), and what they answer. Apart from
 * the code so that each reads on its own.
 */
import type { Detector } from '../detect/types';
import type { TermCount } from '../messages';
import type { MarkSettings, Occurrence } from './occurrences';
import type { WatchNear } from './paint-window';
import type { Painter } from './painter';
import type { Scheduler } from './scheduler';
import type { ScanRoot, TextBlock } from './text-blocks';

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
  /** Where the reader is in a long block (viewport-offset.ts); tests pass their own. */
  viewportOffset?: (block: TextBlock) => number | null;
  /** Calls back as the reader scrolls, until aborted (viewport-offset.ts). */
  watchScroll?: (onScroll: () => void, signal: AbortSignal) => void;
  /** Told of each open shadow root read, so that its changes can be watched too. */
  onShadowRoot?: (root: ShadowRoot) => void;
  /** Marks known, and characters read, at once before the rest waits for the reader (page-budget.ts). */
  pageMarks?: number;
  pageText?: number;
  /**
   * Tells when the reader comes near an element or goes past it: where a scan stopped at
   * the page's budget goes on (page-budget.ts). Default: IntersectionObserver; null goes
   * on at once.
   */
  watchReached?: WatchNear | null;
  /** Stops everything (the marks cleared, observers and jobs dropped) when aborted. */
  signal?: AbortSignal;
}

export interface PageMarks {
  /**
   * Forgets everything and scans `root` again. `beforeLayout`: the page has not been laid
   * out yet (DOMContentLoaded): asking where a block is would force that layout into our
   * task, so the top of the document stands in for the viewport.
   */
  scanAll(root: Element, options?: { beforeLayout?: boolean }): void;
  /** Re-reads the blocks under these roots only (what a MutationObserver reported). */
  rescan(roots: readonly ScanRoot[]): void;
  /** Paints again from what is known (settings changed). */
  repaint(): void;
  /** Occurrences that are painted now, in document scan order. */
  painted(): Occurrence[];
  terms(): TermCount[];
  /**
   * Whether some of the page's text is not read yet (past its budget, page-budget.ts): the
   * terms and counts cover what has been read.
   */
  partial(): boolean;
  /** Painted occurrences touching a text node. */
  at(node: Text): Occurrence[];
}

/** Where a whole-page scan stopped at the page's budget (page-budget.ts). */
export interface Stop {
  at: Element;
  roots: readonly ScanRoot[];
  /** The roots the walk read or queued, shadow roots included. */
  queued: Set<ScanRoot>;
  /** Stops waiting for the reader (the walk went on another way). */
  forget?: () => void;
}
