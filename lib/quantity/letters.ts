/**
 * Letter tests by code point, for the quantity parser's word edges. A `\p{L}` class in a
 * regex with the `i` and `u` flags costs V8 0.3 to 3 ms to compile on first use (the case
 * closure of every letter), and each page paid that for a dozen such regexes the first
 * time it read a figure (issue 15); without `i`, 0.1 to 0.5 ms each still (the dates, the
 * word after a number, ranks, glued chip models). The regexes now match their words, and
 * these say whether a letter comes right after or before: what `(?![\p{L}])` and
 * `[^\p{L}]` said.
 */
const LETTER = /\p{L}/u;

function isLetterCode(cp: number): boolean {
  if (cp < 0x80) return ((cp | 32) - 97) >>> 0 < 26;
  return LETTER.test(String.fromCodePoint(cp));
}

/** Whether the code point that starts at `at` is a letter; false past the end. */
export function letterAt(text: string, at: number): boolean {
  return at < text.length && isLetterCode(text.codePointAt(at) as number);
}

/** Whether the code point that ends just before `at` is a letter; false at the start. */
export function letterBefore(text: string, at: number): boolean {
  if (at <= 0) return false;
  let p = at - 1;
  const c = text.charCodeAt(p);
  if (c >= 0xdc00 && c <= 0xdfff && p > 0) {
    const h = text.charCodeAt(p - 1);
    if (h >= 0xd800 && h <= 0xdbff) p--;
  }
  return isLetterCode(text.codePointAt(p) as number);
}

/** `letterAt`, or an ASCII digit there: what `(?![\p{L}\d])` said. */
export function letterOrDigitAt(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  return (c >= 48 && c <= 57) || letterAt(text, at);
}

/**
 * The capitalized word just before the space before `start` ("Qihoo 360"), as
 * `/([A-Z][\p{L}]*)[ \u00a0]$/u` found it in the 24 characters before: from the first
 * capital A to Z of the letters that end there. Null without one.
 */
export function capitalizedBefore(text: string, start: number): string | null {
  const from = Math.max(0, start - 24);
  const space = start - 1;
  if (space < from) return null;
  const c = text.charCodeAt(space);
  if (c !== 32 && c !== 0xa0) return null;
  let p = space;
  while (p > from && letterBefore(text, p))
    p -= isLowSurrogate(text.charCodeAt(p - 1)) && p - 2 >= from ? 2 : 1;
  for (let q = p; q < space; q++) {
    const k = text.charCodeAt(q);
    if (k >= 65 && k <= 90) return text.slice(q, space);
  }
  return null;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
