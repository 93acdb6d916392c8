/**
 * The sentence around a figure in a page's block of text, found cheaply: a walk back and
 * forward from the figure to the nearest sentence ends, within the line and a reach
 * either side (a block may be a whole article). A period ends a sentence when a new one
 * visibly starts after it and it does not end an abbreviation or initial, the rule the
 * pack's splitter (lib/pack/sentences.ts) applies to the sources; where the two could
 * differ ("U.S." before a sentence-starting word), this one keeps the longer sentence.
 */

/** How far either side of a figure its sentence is looked for. */
const REACH = 480;

const ABBREVIATIONS = new Set([
  'Mr',
  'Mrs',
  'Ms',
  'Dr',
  'Prof',
  'Sr',
  'Jr',
  'St',
  'No',
  'Nos',
  'vs',
  'etc',
  'Inc',
  'Corp',
  'Co',
  'Ltd',
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Sept',
  'Oct',
  'Nov',
  'Dec',
  'approx',
]);

const CLOSERS = '"”’\')]';
const OPENERS = '"“‘\'(';
const STARTS = /[\p{Lu}\p{Lo}\d]/u;
const WORD = /[\p{L}.]/u;

function isWordOrDot(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c === 46 || ((c | 32) - 97) >>> 0 < 26) return true;
  return c > 127 && WORD.test(text[i] as string);
}

function isSpace(c: number): boolean {
  return c === 32 || c === 160 || (c >= 9 && c <= 13) || c === 0x3000 || c === 0x2009;
}

/** Whether the mark at `i` (one of . ! ? 。 ！ ？) ends a sentence; the end's offset, or -1. */
function endAt(text: string, i: number, limit: number): number {
  const c = text.charCodeAt(i);
  if (c === 0x3002 || c === 0xff01 || c === 0xff1f) return i + 1;
  if (c !== 46 && c !== 33 && c !== 63) return -1;
  let end = i + 1;
  while (end < limit && CLOSERS.includes(text[end] as string)) end++;
  if (end >= limit) return end;
  if (!isSpace(text.charCodeAt(end))) return -1;
  let next = end;
  while (next < limit && isSpace(text.charCodeAt(next))) next++;
  if (next >= limit) return end;
  const n = text.charCodeAt(next);
  // ASCII capitals and digits by code; anything else by its Unicode class
  const starts =
    (n >= 65 && n <= 90) ||
    (n >= 48 && n <= 57) ||
    (n > 127 && STARTS.test(text[next] as string)) ||
    OPENERS.includes(text[next] as string);
  if (!starts) return -1;
  if (c === 46) {
    let w = i;
    while (w > 0 && i - w < 12 && isWordOrDot(text, w - 1)) w--;
    const word = text.slice(w, i);
    // "Mr.", "No." ; an initial ("Gregory C. Allen"); "U.S." and other dotted capitals
    if (ABBREVIATIONS.has(word) || /^\p{Lu}$/u.test(word) || /^(?:\p{Lu}\.)+\p{Lu}$/u.test(word)) {
      return -1;
    }
  }
  return end;
}

function isMark(c: number): boolean {
  return c === 46 || c === 33 || c === 63 || c === 0x3002 || c === 0xff01 || c === 0xff1f;
}

/** The sentence holding `text[start, end)`, trimmed, as offsets into `text`. */
export function sentenceAround(
  text: string,
  start: number,
  end: number,
): { start: number; end: number } {
  let from = Math.max(0, start - REACH);
  let to = Math.min(text.length, end + REACH);
  const lineStart = text.lastIndexOf('\n', start - 1);
  if (lineStart >= from) from = lineStart + 1;
  const lineEnd = text.indexOf('\n', end);
  if (lineEnd !== -1 && lineEnd < to) to = lineEnd;
  for (let i = start - 1; i >= from; i--) {
    if (!isMark(text.charCodeAt(i))) continue;
    const e = endAt(text, i, to);
    if (e !== -1 && e <= start) {
      from = e;
      break;
    }
  }
  for (let i = end; i < to; i++) {
    if (!isMark(text.charCodeAt(i))) continue;
    const e = endAt(text, i, to);
    if (e !== -1) {
      to = e;
      break;
    }
  }
  while (from < start && isSpace(text.charCodeAt(from))) from++;
  while (to > end && isSpace(text.charCodeAt(to - 1))) to--;
  return { start: from, end: to };
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
