/**
 * What one block of the page holds: its matches (block-read.ts), each placed on the page's
 * text nodes and kept if the text it covers is rendered.
 */
import { passesGate } from '../detect/select';
import type { Detector, Match, ScanOptions } from '../detect/types';
import type { Settings } from '../settings';
import { type BlockRead, readBlock } from './block-read';
import { groupOf, type HighlightGroup, markKindOf } from './highlight-groups';
import { isFurniture } from './main-text';
import { mapBlock, rangeInit, type SkipCache, type TextBlock } from './text-blocks';

export interface Occurrence {
  match: Match;
  block: TextBlock;
  range: StaticRangeInit;
  /** What the painter adds to its highlight: a StaticRange in the browser, made when first painted. */
  paintRange: AbstractRange | null;
  group: HighlightGroup;
  /** Inside a link (`a[href]`): painted with a tint too, not taken for the link's underline. */
  inLink: boolean;
}

export type MarkSettings = Pick<Settings, 'kinds' | 'gating' | 'highlightStyle'> &
  Partial<Pick<Settings, 'firstOccurrenceOnly'>>;

export interface Paintable {
  /** What is painted. */
  painted: Occurrence[];
  /**
   * What the kinds and gating mark, painted or not: with "first occurrence only" the page's
   * counts (popup, sidebar, badge) still say how often a term is there. Else `painted`.
   */
  marked: Occurrence[];
}

export interface ScannedBlock {
  block: TextBlock;
  occurrences: Occurrence[];
  /** Read around the viewport only (block-read.ts); null: read whole. */
  window: BlockRead['window'];
  /** A core term in the page's main text (not its furniture, main-text.ts): the page is about the story. */
  aboutStory: boolean;
}

/**
 * A block's occurrences: all of them, or those around `center` (an offset of its text) for
 * a huge or crowded block. Yields between slices of a long block.
 */
export function* readOccurrences(
  detector: Pick<Detector, 'detectAll'>,
  block: TextBlock,
  skip: SkipCache,
  center = 0,
): Generator<void, ScannedBlock> {
  // Furniture's numbers are not about the story (main-text.ts): names only. Asked only of
  // a block with a digit, where figures could be: most link rows have none.
  let furniture: boolean | undefined;
  const inFurniture = () => (furniture ??= isFurniture(block.el));
  const names = DIGIT.test(block.text) && inFurniture();
  const read = yield* readBlock(names ? namesOnly(detector) : detector, block.text, center);
  const occurrences: Occurrence[] = [];
  // Blocks are asked whether they are rendered only here, where a match falls (issue 15):
  // so are inline elements (a name in a span hidden by a style is not marked).
  if (read.matches.length > 0 && skip.rendered(block.el) && mapBlock(block)) {
    for (const match of read.matches) {
      const range = rangeInit(block, match.start, match.end);
      if (!inlineRendered(block, range, skip)) continue;
      // A slice of the block's text would keep all of it alive, as long as the mark lives.
      match.text = ownCopy(match.text);
      occurrences.push({
        match,
        block,
        range,
        paintRange: null,
        group: groupOf(match),
        inLink: inLink(range),
      });
    }
  }
  // What is kept of a block is its nodes; its text would be a second copy of the page's.
  // A block read around the viewport keeps it, to read the next window from.
  if (read.window === null) block.text = '';
  const aboutStory = occurrences.some((o) => o.match.tier === 'core') && !inFurniture();
  return { block, occurrences, window: read.window, aboutStory };
}

const DIGIT = /\d/;

const inLink = (range: StaticRangeInit): boolean =>
  (range.startContainer as Node).parentElement?.closest('a[href]') != null;
const NO_FIGURES: ScanOptions = { figures: false };
const namesOnly = (d: Pick<Detector, 'detectAll'>): Pick<Detector, 'detectAll'> => ({
  detectAll: (text) => d.detectAll(text, NO_FIGURES),
});

/** Occurrences looked at per step of `paintable`. */
const CHUNK = 2000;

/**
 * What is painted of what is known: the kinds the settings choose, and context terms and
 * figures only on a page whose main text names a core term (`passesGate`; gating is per
 * page: one paragraph may name DeepSeek and the next only Nvidia; a core term in a rail or
 * a footer is marked but does not make the page about the story); with
 * `firstOccurrenceOnly`, only each term's first in document order (blocks are read
 * viewport first, so their order is not the page's). Yields every few thousand occurrences.
 */
export function* paintable(
  blocks: Iterable<ScannedBlock>,
  settings: MarkSettings,
): Generator<void, Paintable> {
  const kinds = new Set(settings.kinds);
  const list = [...blocks];
  const hasCore = list.some((b) => b.aboutStory);
  const out: Occurrence[] = [];
  let n = 0;
  for (const b of list) {
    for (const o of b.occurrences) {
      if (!kinds.has(markKindOf(o.match))) continue;
      if (settings.gating && !passesGate(o.match.tier, hasCore)) continue;
      out.push(o);
    }
    n += b.occurrences.length;
    if (n >= CHUNK) {
      n = 0;
      yield;
    }
  }
  if (!settings.firstOccurrenceOnly) return { painted: out, marked: out };
  return { painted: yield* firstOfEachTerm(out), marked: out };
}

/** An entity and a figure topic may share an id: a term is its kind and its id. */
const termKey = (o: Occurrence) => `${o.match.kind}:${o.match.id}`;

/**
 * Each term's first occurrence in document order, in the order given. Within a block the
 * matches are in text order, so only a candidate from another block is compared.
 */
function* firstOfEachTerm(list: Occurrence[]): Generator<void, Occurrence[]> {
  const first = new Map<string, Occurrence>();
  let n = 0;
  for (const o of list) {
    const key = termKey(o);
    const had = first.get(key);
    if (!had || (had.block !== o.block && before(o.range, had.range))) first.set(key, o);
    if (++n >= CHUNK) {
      n = 0;
      yield;
    }
  }
  const chosen = new Set(first.values());
  return list.filter((o) => chosen.has(o));
}

function before(a: StaticRangeInit, b: StaticRangeInit): boolean {
  const pos = b.startContainer.compareDocumentPosition(a.startContainer);
  return (pos & Node.DOCUMENT_POSITION_PRECEDING) !== 0;
}

/**
 * Whether a match's ends are rendered: each end's parent is the block (asked already), or
 * an inline element that is shown.
 */
export function inlineRendered(block: TextBlock, range: StaticRangeInit, skip: SkipCache): boolean {
  const at = (node: Node) => {
    const parent = node.parentElement;
    return parent === null || parent === block.el || skip.rendered(parent);
  };
  return (
    at(range.startContainer) &&
    (range.endContainer === range.startContainer || at(range.endContainer))
  );
}

/**
 * A copy of a short slice that does not keep its whole source string alive: V8 makes a
 * slice of 13 or more characters a view of its parent (here a block's text, up to a whole
 * page). Concatenating, then slicing, flattens it into a string of its own.
 */
function ownCopy(s: string): string {
  return s.length < 13 ? s : ` ${s}`.slice(1);
}
