/**
 * The matches of one block of text, in slices and with a cap. A page can put 10 MB in one
 * text node or 10,000 figures in one paragraph (issue 19): detecting such a block at once
 * was a task of seconds, and registering every mark in it made each later DOM change of
 * the page cost a re-validation of all of them. So a block is detected a slice at a time,
 * and a block past HUGE_CHARS of text or BLOCK_MARKS matches is read only around the part
 * of it the reader sees: a window of text near the viewport, re-read as the reader scrolls
 * (page-marks.ts). Pure: no DOM.
 */
import type { Detector, Match } from '../detect/types';

/**
 * Characters detected in a long block's first step: a fraction of a millisecond of prose,
 * a few of text thick with figures; later steps grow (up to 32 times) while they are quick.
 */
export const SLICE_CHARS = 2048;
/** The time a step aims to stay under, ms; steps of slower text get fewer characters. */
const SLICE_MS = 3;
const MIN_SLICE = 256;
export const MAX_SLICE = SLICE_CHARS * 32;
/**
 * Text read on either side of a slice, so a match near its edge is judged as in the whole
 * text: a `nearCore` alias looks 300 characters away, a figure about 140.
 */
const CONTEXT = 512;
/** Past this many characters, a block is read around the viewport only. */
export const HUGE_CHARS = 131_072;
/** Past this many matches, a block keeps only those nearest the viewport. */
export const BLOCK_MARKS = 1000;
/** How much of a windowed block is read around the viewport: a few screens each way. */
export const WINDOW_BEFORE = 12_000;
export const WINDOW_AFTER = 24_000;

export interface BlockRead {
  matches: Match[];
  /**
   * For a block read around the viewport: the offset it was read around, and the span of
   * its text whose every match is kept. Null: the whole block was read.
   */
  window: { center: number; from: number; to: number } | null;
}

export interface SpanRead {
  matches: Match[];
  /** Where reading stopped: `to`, or sooner when more than the limit were found. */
  readTo: number;
  /** True when it stopped at the limit. */
  over: boolean;
}

export interface SliceOptions {
  /** Most matches wanted: past it, reading stops (`over`). */
  limit?: number;
  /** Characters of the first slice (SLICE_CHARS); later ones follow the time they take. */
  slice?: number;
  now?: () => number;
}

/**
 * Matches of `text` in `[from, to)`, a slice at a time, yielding between slices. Slices
 * follow what they cost: text thick with figures (each one read by the quantity parser)
 * takes far longer per character than prose, so a slice that took over SLICE_MS halves the
 * next one, and a quick one doubles it.
 */
export function* detectSpan(
  detector: Pick<Detector, 'detectAll'>,
  text: string,
  from = 0,
  to = text.length,
  options: SliceOptions = {},
): Generator<void, SpanRead> {
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const now = options.now ?? (() => performance.now());
  let slice = options.slice ?? SLICE_CHARS;
  if (from === 0 && to === text.length && to <= slice) {
    const all = detector.detectAll(text);
    return { matches: all, readTo: to, over: all.length > limit };
  }
  const out: Match[] = [];
  let lastEnd = 0;
  for (let a = from; a < to; ) {
    const b = Math.min(to, a + slice);
    const lo = Math.max(0, a - CONTEXT);
    const t0 = now();
    for (const m of detector.detectAll(text.slice(lo, Math.min(text.length, b + CONTEXT)))) {
      const start = m.start + lo;
      // Each match belongs to the slice it starts in; the context around is read only.
      if (start < a || start >= b || start < lastEnd) continue;
      out.push({ ...m, start, end: m.end + lo });
      lastEnd = m.end + lo;
    }
    if (out.length > limit) return { matches: out, readTo: b, over: true };
    const took = now() - t0;
    if (took > SLICE_MS) slice = Math.max(MIN_SLICE, slice >> 1);
    else if (took < SLICE_MS / 4) slice = Math.min(MAX_SLICE, slice * 2);
    a = b;
    if (a < to) yield;
  }
  return { matches: out, readTo: to, over: false };
}

/** The `limit` matches (in order) nearest to `center`: a run around it. */
export function nearest(matches: readonly Match[], center: number, limit: number): Match[] {
  if (matches.length <= limit) return matches.slice();
  let lo = 0;
  let hi = matches.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((matches[mid] as Match).start < center) lo = mid + 1;
    else hi = mid;
  }
  // Grow [a, b) from the first match at or after the center, toward the nearer side.
  let a = lo;
  let b = lo;
  while (b - a < limit) {
    const left = a > 0 ? center - (matches[a - 1] as Match).end : Infinity;
    const right = b < matches.length ? (matches[b] as Match).start - center : Infinity;
    if (left <= right) a--;
    else b++;
  }
  return matches.slice(a, b);
}

/**
 * A block's matches: all of them for an ordinary block; around `center` (an offset of its
 * text, the part nearest the viewport) for a huge or crowded one.
 */
export function* readBlock(
  detector: Pick<Detector, 'detectAll'>,
  text: string,
  center: number,
): Generator<void, BlockRead> {
  // Room on each side of the center: a few screens of text, or for a crowded block about
  // BLOCK_MARKS matches' worth, as thick as its first stretch showed them to be.
  let before = WINDOW_BEFORE;
  let after = WINDOW_AFTER;
  if (text.length <= HUGE_CHARS) {
    const all = yield* detectSpan(detector, text, 0, text.length, { limit: BLOCK_MARKS });
    if (!all.over) return { matches: all.matches, window: null };
    // `readTo` characters held BLOCK_MARKS matches: as much on each side covers them
    // even at an end of the block.
    before = Math.min(before, all.readTo);
    after = Math.min(after, all.readTo);
  }
  const from = Math.max(0, center - before);
  const to = Math.min(text.length, center + after);
  const found = (yield* detectSpan(detector, text, from, to)).matches;
  if (found.length <= BLOCK_MARKS) return { matches: found, window: { center, from, to } };
  // Crowded: the run nearest the center, which covers less than what was read.
  const matches = nearest(found, center, BLOCK_MARKS);
  const first = matches[0] as Match;
  const last = matches[matches.length - 1] as Match;
  return { matches, window: { center, from: first.start, to: last.end } };
}

/**
 * Whether a windowed block must be read again for the reader's new place in it: the
 * viewport has moved a good part of the way toward an edge of what was read.
 */
export function needsRewindow(
  window: NonNullable<BlockRead['window']>,
  center: number,
  length: number,
): boolean {
  const { from, to } = window;
  const margin = (to - from) / 4;
  // An edge of the block itself has nothing beyond it to read.
  return (from > 0 && center - from < margin) || (to < length && to - center < margin);
}
