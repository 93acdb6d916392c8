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

/** Characters detected per step: about a millisecond of work. */
export const SLICE_CHARS = 16_384;
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

/**
 * Matches of `text` in `[from, to)`, `slice` characters at a time; yields between slices.
 * Null as soon as there are more than `limit`: the caller reads such a block differently.
 */
export function* detectSpan(
  detector: Pick<Detector, 'detectAll'>,
  text: string,
  from = 0,
  to = text.length,
  limit = Number.POSITIVE_INFINITY,
  slice = SLICE_CHARS,
): Generator<void, Match[] | null> {
  if (from === 0 && to === text.length && to <= slice) {
    const all = detector.detectAll(text);
    return all.length > limit ? null : all;
  }
  const out: Match[] = [];
  let lastEnd = 0;
  for (let a = from; a < to; a += slice) {
    const b = Math.min(to, a + slice);
    const lo = Math.max(0, a - CONTEXT);
    for (const m of detector.detectAll(text.slice(lo, Math.min(text.length, b + CONTEXT)))) {
      const start = m.start + lo;
      // Each match belongs to the slice it starts in; the context around is read only.
      if (start < a || start >= b || start < lastEnd) continue;
      out.push({ ...m, start, end: m.end + lo });
      lastEnd = m.end + lo;
    }
    if (out.length > limit) return null;
    if (b < to) yield;
  }
  return out;
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
  if (text.length <= HUGE_CHARS) {
    const all = yield* detectSpan(detector, text, 0, text.length, BLOCK_MARKS);
    if (all !== null) return { matches: all, window: null };
  }
  const from = Math.max(0, center - WINDOW_BEFORE);
  const to = Math.min(text.length, center + WINDOW_AFTER);
  const found = (yield* detectSpan(detector, text, from, to)) ?? [];
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
