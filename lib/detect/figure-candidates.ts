/**
 * The cheap first pass of figure finding: where in a text might a pack figure be written?
 * Only numbers that could scale to a pack figure's value ("5.6" -> 5.6 million) and the
 * number words the pack needs ("two months") are candidates; the quantity parser then
 * reads a small window around each. Most numbers on most pages never reach the parser.
 */
import { NUMBER_WORDS } from '../quantity/units';
import { charClass, SEP } from './chars';

/** Characters of context the parser needs before a number (qualifiers, "between", "US$"). */
const BEFORE = 42;
/** Characters after a number where its scale and unit noun may be ("2,000 such chips"). */
const AFTER = 72;
/** How far a window edge may move to reach a space, so no word or number is cut. */
const SNAP = 24;
/** Scales a written number may carry ("6 million", "5.6亿", "$8bn", "50k", "5万"). */
const SCALES = [1, 1e3, 1e4, 1e6, 1e8, 1e9, 1e12];
const SCALE_WORDS: Record<string, number> = {
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
};

export interface CandidateFilter {
  /** Whether `n`, times some scale, is a pack figure's value. */
  plausible(n: number): boolean;
  /** The number words and phrases worth a window ("two", "a billion"); often none. */
  words: string[];
  /**
   * Whether the number `n` at `[at, end)` is worth a window although no pack figure has its
   * value: a topic may take it (figure-topics.ts). Asked only of numbers `plausible` turned down.
   */
  topical?: (n: number, at: number, end: number) => boolean;
  /**
   * Whether the digits at `[at, end)` are part of a name the name pass found ("H800",
   * "DeepSeek-R1", "Qihoo 360"): those are no figure, and on a page about the story they
   * were half of all candidates. Asked in order of `at`.
   */
  inName?: (at: number, end: number) => boolean;
}

/** Hundredths, so 5.6 × 1e6 and 5600000 agree despite float drift. */
function key(v: number): number {
  return Math.round(v * 100);
}

/** A filter for the values of the pack's markable figures (range ends included). */
export function candidateFilter(values: readonly number[]): CandidateFilter {
  const set = new Set(values.map(key));
  const plausible = plausibleIn(values);
  const words: string[] = [];
  for (const [word, n] of Object.entries(NUMBER_WORDS)) {
    // "a", "an", "one" are numbers only with a scale word after them.
    if (n !== 1 && plausible(n)) words.push(word);
  }
  for (const [scale, n] of Object.entries(SCALE_WORDS)) {
    if (set.has(key(n))) words.push(`a ${scale}`, `an ${scale}`, `one ${scale}`);
  }
  return { plausible, words };
}

/** `candidateFilter(values).plausible` alone: all a page needs once the words are known. */
export function plausibleIn(values: readonly number[]): (n: number) => boolean {
  const set = new Set(values.map(key));
  return (n: number) => SCALES.some((s) => set.has(key(n * s)));
}

const ANY: CandidateFilter = { plausible: () => true, words: [] };

/** Where the filter's words start, whole words, any case (the detector finds them in its name pass). */
export function findWords(text: string, words: readonly string[]): number[] {
  if (words.length === 0) return [];
  const source = words.map((w) => w.replace(/ /g, '[ \\u00a0]+')).join('|');
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${source})(?![\\p{L}\\p{N}])`, 'giu');
  const out: number[] = [];
  for (let m = re.exec(text); m !== null; m = re.exec(text)) out.push(m.index);
  return out;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Start offsets of candidates, in order. */
function candidates(
  text: string,
  filter: CandidateFilter,
  wordStarts: readonly number[],
): number[] {
  const at: number[] = [];
  const digits = /[0-9]/g;
  for (let m = digits.exec(text); m !== null; m = digits.exec(text)) {
    const p = m.index;
    let j = p;
    let num = '';
    for (; j < text.length; j++) {
      const c = text.charCodeAt(j);
      if (isDigit(c)) num += text[j];
      else if ((c === 44 || c === 46) && isDigit(text.charCodeAt(j + 1))) {
        if (c === 46) num += '.';
      } else break;
    }
    digits.lastIndex = j;
    if (filter.inName?.(p, j)) continue;
    const n = Number(num);
    if (filter.plausible(n) || filter.topical?.(n, p, j)) at.push(p);
  }
  return wordStarts.length > 0 ? at.concat(wordStarts).sort((a, b) => a - b) : at;
}

function snapStart(text: string, at: number): number {
  if (at <= 0) return 0;
  for (let p = at; p > Math.max(0, at - SNAP); p--) {
    if (charClass(text.charCodeAt(p - 1)) === SEP) return p;
  }
  return at;
}

function snapEnd(text: string, at: number): number {
  if (at >= text.length) return text.length;
  for (let p = at; p < Math.min(text.length, at + SNAP); p++) {
    if (charClass(text.charCodeAt(p)) === SEP) return p;
  }
  return at;
}

/**
 * Most characters one window spans before it is split: merging without a cap made one
 * window of a block like "$6 million " x 10,000 (issue 19), so the work per window grew
 * with the block. A split window's neighbour starts `BEFORE` ahead of its first
 * candidate, so the two overlap; `own` says which of them reads what lies in between.
 */
export const MAX_WINDOW = 2048;

/**
 * A window of text `[from, to)` to parse, and `own`: quantities that start at or past it
 * belong to the next window (which reads them with their full context), so a caller
 * keeps only those that start before it. Infinity for a window with no split after it.
 */
export type CandidateWindow = [from: number, to: number, own: number];

/**
 * Windows of text around the candidates, merged, in order, edges on spaces, none much
 * longer than MAX_WINDOW. `wordStarts` are where the filter's number words start; without
 * it they are searched here.
 */
export function candidateWindows(
  text: string,
  filter: CandidateFilter = ANY,
  wordStarts: readonly number[] = findWords(text, filter.words),
): CandidateWindow[] {
  const windows: CandidateWindow[] = [];
  let from = -1;
  let to = -1;
  for (const p of candidates(text, filter, wordStarts)) {
    const start = Math.max(0, p - BEFORE);
    if (from >= 0 && start <= to && to - from < MAX_WINDOW) {
      to = Math.min(text.length, p + AFTER);
      continue;
    }
    // Split (the next window overlaps this one) or a gap (they are apart).
    if (from >= 0)
      windows.push([snapStart(text, from), snapEnd(text, to), start <= to ? start : Infinity]);
    from = start;
    to = Math.min(text.length, p + AFTER);
  }
  if (from >= 0) windows.push([snapStart(text, from), snapEnd(text, to), Infinity]);
  return windows;
}
