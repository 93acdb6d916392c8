/**
 * How the detector sees single UTF-16 code units. Normalisation and the name matcher share
 * these classes, so the offsets one reports always agree with what the other matched.
 */

/** Dropped entirely: soft hyphen and zero-width characters that pages use for line breaking. */
export const SKIP = 1;
/** Any run of spaces, line breaks and dashes: "DeepSeek - R1", "DeepSeek R1", "DeepSeek–R1". */
export const SEP = 2;
/** Straight or curly apostrophe. */
export const APOS = 3;
/** Straight or curly double quote. */
export const QUOTE = 4;
/** Anything else: the character itself matters. */
export const PLAIN = 0;

const SKIP_CODES = [0x00ad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x180e];
const SPACE_CODES = [
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0x85, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000,
];
const DASH_CODES = [
  0x2d, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xfe58, 0xfe63, 0xff0d,
];
const APOS_CODES = [0x27, 0x2018, 0x2019, 0x201b, 0x02bc, 0x2032, 0xff07];
const QUOTE_CODES = [0x22, 0x201c, 0x201d, 0x201e, 0x201f, 0x2033, 0xff02];

const CLASS = new Uint8Array(0x10000);
for (const c of SKIP_CODES) CLASS[c] = SKIP;
for (const c of SPACE_CODES) CLASS[c] = SEP;
for (let c = 0x2000; c <= 0x200a; c++) CLASS[c] = SEP;
const DASH = new Uint8Array(0x10000);
for (const c of DASH_CODES) {
  CLASS[c] = SEP;
  DASH[c] = 1;
}
for (const c of APOS_CODES) CLASS[c] = APOS;
for (const c of QUOTE_CODES) CLASS[c] = QUOTE;

/** Every code unit whose class is not `PLAIN`, so tables can be built without a full sweep. */
export const CLASSIFIED_CODES: readonly number[] = [
  ...SKIP_CODES,
  ...SPACE_CODES,
  ...Array.from({ length: 0x200b - 0x2000 }, (_, i) => 0x2000 + i),
  ...DASH_CODES,
  ...APOS_CODES,
  ...QUOTE_CODES,
];

/** The class of one UTF-16 code unit. */
export function charClass(code: number): number {
  return CLASS[code] ?? PLAIN;
}

/** True for the dash members of `SEP`; normalisation keeps a dash visible as "-". */
export function isDash(code: number): boolean {
  return DASH[code] === 1;
}

/** Han, kana and Hangul: scripts written without spaces, so they never form a word boundary. */
export function isCjk(code: number): boolean {
  return (
    (code >= 0x3040 && code <= 0x30ff) || // kana
    (code >= 0x3400 && code <= 0x4dbf) || // Han extension A
    (code >= 0x4e00 && code <= 0x9fff) || // Han
    (code >= 0xac00 && code <= 0xd7af) || // Hangul
    (code >= 0xf900 && code <= 0xfaff) || // Han compatibility
    (code >= 0xd800 && code <= 0xdfff) // astral Han arrives as surrogates
  );
}

const WORD = /[\p{L}\p{N}\p{M}]/u;

/** A letter, digit or mark of a spaced script: what makes "R1T" one word. */
export function isWordChar(code: number): boolean {
  if (code < 0x80) {
    return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  }
  if (isCjk(code) || CLASS[code] !== PLAIN) return false;
  return WORD.test(String.fromCharCode(code));
}

/** Single-unit lower case, or the unit itself where lower-casing would change the length. */
export function fold(code: number): number {
  if (code < 0x80) return code >= 65 && code <= 90 ? code + 32 : code;
  const lower = String.fromCharCode(code).toLowerCase();
  return lower.length === 1 ? lower.charCodeAt(0) : code;
}

/** True when the unit is an upper-case letter (it changes under `fold`). */
export function isUpper(code: number): boolean {
  return fold(code) !== code;
}
