/**
 * What stands right around a number on a page, read with a few character tests and no
 * allocation: its scale word, a currency sign before it, a percent sign after it, "No."
 * before it. The figure finder asks this of numbers no pack figure has the value of, to
 * decide whether a topic might still take them (figure-topics.ts).
 */

function isSpace(c: number): boolean {
  return c === 32 || c === 160;
}

/** Whether the letters of `text` from `p` are `word` (lower case), then a non-letter. */
function wordAt(text: string, p: number, word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    if ((text.charCodeAt(p + i) | 32) !== word.charCodeAt(i)) return false;
  }
  return !isLetter(text.charCodeAt(p + word.length));
}

function isLetter(c: number): boolean {
  return ((c | 32) - 97) >>> 0 < 26;
}

/**
 * The scale word right after a number ending at `end` ("5.6 million", "$8bn", "6m",
 * "5.6亿"), else 1. By character codes: it runs for most numbers on a page about the story.
 */
export function scaleAfter(text: string, end: number): number {
  let p = end;
  if (isSpace(text.charCodeAt(p))) p++;
  const c = text.charCodeAt(p);
  if (c === 0x4e07) return 1e4; // 万
  if (c === 0x4ebf) return 1e8; // 亿
  switch (c | 32) {
    case 109: // m
      return wordAt(text, p, 'million') || wordAt(text, p, 'mn') || wordAt(text, p, 'm') ? 1e6 : 1;
    case 98: // b
      return wordAt(text, p, 'billion') || wordAt(text, p, 'bn') || wordAt(text, p, 'b') ? 1e9 : 1;
    case 116: // t
      if (wordAt(text, p, 'thousand')) return 1e3;
      return wordAt(text, p, 'trillion') || wordAt(text, p, 'tn') ? 1e12 : 1;
    case 107: // k
      return wordAt(text, p, 'k') ? 1e3 : 1;
    default:
      return 1;
  }
}

/** A currency sign right before the number at `at` ("$5.6", "US$ 6", "¥5", "€5", "£5"). */
export function isMoneyAt(text: string, at: number): boolean {
  let p = at - 1;
  if (isSpace(text.charCodeAt(p))) p--;
  const c = text.charCodeAt(p);
  return c === 36 || c === 0xa5 || c === 0xffe5 || c === 0x20ac || c === 0xa3;
}

/** "17%", "17 percent", "17 per cent" after the number ending at `end`. */
export function isPercentAt(text: string, end: number): boolean {
  const p = isSpace(text.charCodeAt(end)) ? end + 1 : end;
  const c = text.charCodeAt(p);
  if (c === 37 || c === 0xff05) return true;
  return (c | 32) === 112 && /^per ?cent/i.test(text.slice(p, p + 8));
}

/** "No. 2", "No.2" right before the number at `at`: a place in a ranking. */
export function isNoRankAt(text: string, at: number): boolean {
  let dot = at - 1;
  if (isSpace(text.charCodeAt(dot))) dot--;
  return (
    text.charCodeAt(dot) === 46 &&
    text.charCodeAt(dot - 1) === 111 &&
    text.charCodeAt(dot - 2) === 78
  );
}
