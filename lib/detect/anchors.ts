/**
 * The names in one page text that topics are about ("anchors"), and the questions the
 * figure finder asks of them for every number: is one near, is one in the same sentence
 * with ranges that hold this value. Numbers are asked in order, so the search walks on.
 */
import { nextEnd, prevEnd } from './sentence-bounds';

/** How far (UTF-16 units, either side) a figure may stand from the name it is about. */
export const NEAR = 320;
/** Names are short: an anchor starting this much further back cannot reach a point. */
const LONGEST_NAME = 64;

export interface NamedSpan {
  start: number;
  end: number;
  /** Index into the pack's entities. */
  entity: number;
}

/** Names in one text that topics are about, in order of start. */
export interface Anchors {
  starts: number[];
  ends: number[];
  entities: number[];
  /** The last answer of `firstNear` and the point it was asked for: most asks go forward. */
  at: number;
  index: number;
  /**
   * Per anchor, worked out when first asked: where the nearest sentence end after it is
   * (within reach), and the nearest before it; -2 until asked.
   */
  endAfter: Int32Array;
  endBefore: Int32Array;
}

/** Value ranges as flat [lo, hi, lo, hi, ...], per entity index. */
export type Ranges = (number[] | undefined)[];

export function within(list: readonly number[] | undefined, lo: number, hi: number): boolean {
  if (!list) return false;
  for (let i = 0; i < list.length; i += 2) {
    if ((list[i] as number) <= lo && hi <= (list[i + 1] as number)) return true;
  }
  return false;
}

/** Every entity's ranges in one list, overlapping ones merged. */
export function union(ranges: Ranges): number[] {
  const pairs: [number, number][] = [];
  for (const list of ranges) {
    for (let i = 0; list && i < list.length; i += 2)
      pairs.push([list[i] as number, list[i + 1] as number]);
  }
  pairs.sort((x, y) => x[0] - y[0]);
  const out: number[] = [];
  for (const [lo, hi] of pairs) {
    const last = out.length - 1;
    if (last > 0 && lo <= (out[last] as number)) out[last] = Math.max(out[last] as number, hi);
    else out.push(lo, hi);
  }
  return out;
}

export function add(ranges: Ranges, e: number, lo: number, hi: number): void {
  const list = ranges[e];
  if (list) list.push(lo, hi);
  else ranges[e] = [lo, hi];
}

/**
 * The first anchor that may reach `at`. Points are mostly asked in order (numbers, then
 * words, then figures, each in order), so it walks on from the last answer, and searches
 * only when asked for a point behind it.
 */
export function firstNear(a: Anchors, at: number): number {
  const from = at - NEAR - LONGEST_NAME;
  let i = a.index;
  if (at < a.at) {
    let lo = 0;
    let hi = a.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((a.starts[mid] as number) < from) lo = mid + 1;
      else hi = mid;
    }
    i = lo;
  } else {
    while (i < a.starts.length && (a.starts[i] as number) < from) i++;
  }
  a.at = at;
  a.index = i;
  return i;
}

/** Whether any anchor stands within reach of `[at, end)`: the cheapest test, asked first. */
export function anyNear(a: Anchors, at: number, end: number): boolean {
  const i = firstNear(a, at);
  return i < a.starts.length && (a.starts[i] as number) <= end + NEAR;
}

/**
 * Whether an anchor stands in the sentence of `text[at, end)`, within reach, that passes:
 * with `ranges`, one of its ranges holds [lo, hi]; else it has `flag`.
 */
export function inSentence(
  a: Anchors,
  text: string,
  at: number,
  end: number,
  ranges: Ranges | null,
  flags: Uint8Array,
  flag: number,
  lo: number,
  hi: number,
): boolean {
  for (let i = firstNear(a, at); i < a.starts.length; i++) {
    const s = a.starts[i] as number;
    const e = a.ends[i] as number;
    if (s > end + NEAR) break;
    if (e < at - NEAR) continue;
    const entity = a.entities[i] as number;
    const passes = ranges
      ? within(ranges[entity], lo, hi)
      : ((flags[entity] as number) & flag) !== 0;
    if (!passes) continue;
    if (e <= at) {
      if (a.endAfter[i] === -2) a.endAfter[i] = nextEnd(text, e, Math.min(text.length, e + NEAR));
      if ((a.endAfter[i] as number) >= at) return true;
    } else {
      if (a.endBefore[i] === -2) a.endBefore[i] = prevEnd(text, Math.max(0, s - NEAR), s);
      if ((a.endBefore[i] as number) < end) return true;
    }
  }
  return false;
}

export function anchors(starts: number[], ends: number[], entities: number[]): Anchors {
  const endAfter = new Int32Array(starts.length).fill(-2);
  const endBefore = new Int32Array(starts.length).fill(-2);
  return { starts, ends, entities, at: 0, index: 0, endAfter, endBefore };
}
