/**
 * The sentence around a figure in a page's block of text, found cheaply: a walk back and
 * forward from the figure to the nearest sentence ends, within the line and a reach
 * either side (a block may be a whole article). A mark ends a sentence when a new one
 * visibly starts after it (space, then no lower-case letter), and a period does not end
 * a short capitalised abbreviation or an initial ("Mr.", "No.", "Jan.", "C.", "U.S.").
 * Where that misreads, the sentence comes out longer, never cut inside a figure.
 */

/** How far either side of a figure its sentence is looked for. */
const REACH = 480;
/** Abbreviations longer than the short capitalised words the rule above covers. */
const LONG_ABBREVIATIONS = new Set(['Corp', 'Prof', 'Sept', 'Gov', 'Rep', 'Sen']);
const LOWER = /\p{Ll}/u;
const UPPER = /\p{Lu}/u;
const LETTER = /\p{L}/u;

/**
 * A capitalised word of up to three letters ("Mr", "No", "Jan", "Inc"), or dotted letters
 * ("U.S"): what /^(?:\p{Lu}\p{Ll}{0,2}|(?:\p{L}\.)+\p{L})$/u said, by code point, with
 * one-class regexes (that one regex was a millisecond's compile on a page's first figure).
 */
function isAbbreviation(word: string): boolean {
  const ascii = asciiAbbreviation(word);
  if (ascii !== null) return ascii;
  const cps = Array.from(word);
  const n = cps.length;
  if (n === 0) return false;
  if (n <= 3 && UPPER.test(cps[0] as string) && cps.every((c, i) => i === 0 || LOWER.test(c))) {
    return true;
  }
  return n >= 3 && n % 2 === 1 && cps.every((c, i) => (i % 2 === 1 ? c === '.' : LETTER.test(c)));
}

/**
 * `isAbbreviation` for a word of ASCII only, by char code: English pages then never compile
 * the `\p{…}` regexes (a few tenths of a ms each on a page's first figure). Null for a
 * word with anything else in it.
 */
function asciiAbbreviation(word: string): boolean | null {
  const n = word.length;
  let caps = n > 0 && n <= 3;
  let dotted = n >= 3 && n % 2 === 1;
  for (let i = 0; i < n; i++) {
    const c = word.charCodeAt(i);
    if (c > 127) return null;
    const upper = c >= 65 && c <= 90;
    const letter = upper || (c >= 97 && c <= 122);
    if (i === 0 ? !upper : !(c >= 97 && c <= 122)) caps = false;
    if (i % 2 === 1 ? c !== 46 : !letter) dotted = false;
  }
  return caps || dotted;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 160 || (c >= 9 && c <= 13) || c === 0x3000;
}

function isMark(c: number): boolean {
  return c === 46 || c === 33 || c === 63 || c === 0x3002 || c === 0xff01 || c === 0xff1f;
}

function isLetterOrDot(c: number): boolean {
  return c === 46 || ((c | 32) - 97) >>> 0 < 26 || (c > 127 && LETTER.test(String.fromCharCode(c)));
}

/** Whether the word before the period at `dot` is an abbreviation or an initial. */
function abbreviated(text: string, dot: number): boolean {
  let w = dot;
  while (w > 0 && dot - w < 8 && isLetterOrDot(text.charCodeAt(w - 1))) w--;
  // Most sentences end on a word longer than any abbreviation: no regex for those.
  if (dot - w > 4 && text.indexOf('.', w) === dot) return false;
  const word = text.slice(w, dot);
  return isAbbreviation(word) || LONG_ABBREVIATIONS.has(word);
}

/** Where the sentence ends if the mark at `i` ends it: after its closing quotes; else -1. */
function endAt(text: string, i: number, limit: number): number {
  const c = text.charCodeAt(i);
  if (c > 0x3000) return i + 1; // 。！？ need no space after them
  let end = i + 1;
  while (end < limit && '"”’\')]'.includes(text[end] as string)) end++;
  if (end >= limit) return end;
  if (!isSpace(text.charCodeAt(end))) return -1; // "$5.6", "01.AI"
  let next = end;
  while (next < limit && isSpace(text.charCodeAt(next))) next++;
  const n = text.charCodeAt(next);
  if (next < limit && ((n >= 97 && n <= 122) || (n > 127 && LOWER.test(text[next] as string)))) {
    return -1;
  }
  return c === 46 && abbreviated(text, i) ? -1 : end;
}

/** Where the first sentence end (or line break) in `text[from, to)` is, else `to`. */
export function nextEnd(text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (isMark(c) && endAt(text, i, text.length) !== -1)) return i;
  }
  return to;
}

/** Where the last sentence end (or line break) in `text[from, to)` is, else `from - 1`. */
export function prevEnd(text: string, from: number, to: number): number {
  for (let i = to - 1; i >= from; i--) {
    const c = text.charCodeAt(i);
    if (c === 10 || (isMark(c) && endAt(text, i, text.length) !== -1)) return i;
  }
  return from - 1;
}

/** The sentence holding `text[start, end)`, trimmed, as offsets into `text`. */
export function sentenceAround(
  text: string,
  start: number,
  end: number,
): { start: number; end: number } {
  const lo = Math.max(0, start - REACH);
  const hi = Math.min(text.length, end + REACH);
  const before = prevEnd(text, lo, start);
  const after = nextEnd(text, end, hi);
  // A sentence starts after the last one's end (its closing quotes included) or a line break.
  let from =
    before < lo
      ? lo
      : text.charCodeAt(before) === 10
        ? before + 1
        : endAt(text, before, text.length);
  let to = after >= hi || text.charCodeAt(after) === 10 ? after : endAt(text, after, text.length);
  while (from < start && isSpace(text.charCodeAt(from))) from++;
  while (to > end && isSpace(text.charCodeAt(to - 1))) to--;
  return { start: from, end: to };
}
