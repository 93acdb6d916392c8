/**
 * The low-level readers behind parseQuantities: a number with its scale, the currency
 * written before it, the noun a few words after it. Each starts at a known offset and uses
 * sticky regexes, so nothing rescans the text.
 */

import { letterAt, letterOrDigitAt } from './letters';
import {
  CURRENCY_PREFIXES,
  LETTER_SCALES,
  LOOKAHEAD_STOP_WORDS,
  NOUN_UNITS,
  SCALE_WORDS,
} from './units';

const NUM_RE = /(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?/y;
// A scale word may not run on into a letter or digit: checked by `scaleAt` (letters.ts says why).
// `i` without `u`, as the unit regexes in parse.ts.
const SCALE_RE = /[ \u00a0-]?(thousand|million|billion|trillion|mn|bn|tn)|(万亿|万|亿|千)/iy;
const LETTER_SCALES_AT = 'kKmMbBtT';
const CHIP_MODEL_RE = /^[A-Z]{1,3}\d{2,4}[A-Z]?s?$/;

export function isLetterOrDigit(code: number): boolean {
  return (
    (code >= 48 && code <= 57) ||
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    (code > 127 && /[\p{L}\p{N}]/u.test(String.fromCharCode(code)))
  );
}

/** Letters and digits glue to a number ("A100"); CJK text has no spaces, so it does not. */
export function gluesToNumber(code: number): boolean {
  return isLetterOrDigit(code) && !(code >= 0x3000 && code <= 0x9fff);
}

export function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

export function execAt(re: RegExp, text: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(text);
}

/**
 * A scale written at `at` ("million", " bn", "-billion", "亿"): [whole match, word, CJK
 * scale], as `/[ \u00a0-]?(thousand|…|tn)(?![\p{L}\d])|(万亿|万|亿|千)/iuy` read it. A
 * word that runs on ("millions", "bn2") is none: no shorter alternative can match there.
 */
export function scaleAt(text: string, at: number): RegExpExecArray | null {
  const m = execAt(SCALE_RE, text, at);
  return m && m[1] !== undefined && letterOrDigitAt(text, at + m[0].length) ? null : m;
}

/** Exact decimal value of `digits[.frac] × 10^exp`, without float drift (5.6 × 1e6 = 5600000). */
export function toValue(intPart: string, frac: string | undefined, scale: number): number {
  const exp = Math.round(Math.log10(scale));
  return Number(`${intPart.replace(/,/g, '')}${frac ? `.${frac}` : ''}e${exp}`);
}

export interface NumberRead {
  end: number;
  int: string;
  frac: string | undefined;
  scale: number | null;
}

export function readNumber(text: string, at: number, letterScales: boolean): NumberRead | null {
  const m = execAt(NUM_RE, text, at);
  if (!m) return null;
  const int = m[1] as string;
  if (int.length > 1 && int[0] === '0') return null; // "01.AI", "007"
  let end = at + m[0].length;
  let scale: number | null = null;
  const s = scaleAt(text, end);
  if (s) {
    scale = SCALE_WORDS[(s[1] ?? s[2] ?? '').toLowerCase()] ?? null;
    end += s[0].length;
  } else {
    // One of k, m, b, t in either case, not running on into a letter or digit.
    const l = end < text.length && LETTER_SCALES_AT.includes(text[end] as string);
    const letter = l && !letterOrDigitAt(text, end + 1) ? (text[end] as string).toLowerCase() : '';
    // After a currency sign any letter scales ("$6M"); otherwise "50k" does, and "671B" only
    // when a counted noun follows ("671B parameters"), since "5m" may be metres.
    if (letter && (letterScales || letter === 'k' || nounAhead(text, end + 1))) {
      scale = LETTER_SCALES[letter] ?? null;
      end += 1;
    }
  }
  return { end, int, frac: m[2], scale };
}

/** The currency sign or code written just before `at` ("$", "US$", "RMB "), if any. */
export function currencyBefore(text: string, at: number): { start: number; code: string } | null {
  let p = at;
  if (p > 0 && (text[p - 1] === ' ' || text[p - 1] === '\u00a0')) p--;
  for (const [mark, code] of CURRENCY_PREFIXES) {
    const s = p - mark.length;
    if (s < 0 || !text.startsWith(mark, s)) continue;
    const isSign = !/^[A-Z]+$/.test(mark);
    if (p !== at && isSign && mark.length === 1 && mark !== '¥') continue; // "$ 5" is fine only for ¥
    if (s > 0 && gluesToNumber(text.charCodeAt(s - 1))) continue;
    return { start: s, code };
  }
  return null;
}

/**
 * The next word after spaces at `at` (" such", " Nvidia’s", " A100"): [spaces and word,
 * word], as `/[ \u00a0]+([\p{L}\d][\p{L}\d'’.-]*)/uy` read it, by code point (letters.ts).
 */
function lookWordAt(text: string, at: number): [string, string] | null {
  let p = at;
  while (p < text.length && (text.charCodeAt(p) === 32 || text.charCodeAt(p) === 0xa0)) p++;
  if (p === at || !letterOrDigitAt(text, p)) return null;
  const from = p;
  while (p < text.length) {
    const c = text.charCodeAt(p);
    if (c === 39 || c === 0x2019 || c === 46 || c === 45 || (c >= 48 && c <= 57)) p++;
    else if (letterAt(text, p)) p += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
    else break;
  }
  return [text.slice(at, p), text.slice(from, p)];
}

/** A noun unit up to four words ahead ("2,000 such chips", "10,000 of Nvidia's A100 chips"). */
export function nounAhead(text: string, at: number): { end: number; unit: string } | null {
  let p = at;
  let modelEnd = -1;
  let afterModel = 0;
  for (let i = 0; i < 8; i++) {
    const w = lookWordAt(text, p);
    if (!w) break;
    const word = (w[1] as string).replace(/[.]+$/, '');
    const lower = word.toLowerCase();
    const wordEnd = p + w[0].length - ((w[1] as string).length - word.length);
    const unit = NOUN_UNITS[lower];
    if (unit) return { end: wordEnd, unit };
    if (modelEnd >= 0 && ++afterModel > 3) break;
    if (CHIP_MODEL_RE.test(word)) modelEnd = wordEnd;
    if (LOOKAHEAD_STOP_WORDS.has(lower) || /^\d/.test(word)) break;
    if (lower === 'of' && i !== 0) break;
    if (word.length !== (w[1] as string).length) break; // the word ended a sentence
    p += w[0].length;
  }
  return modelEnd >= 0 ? { end: modelEnd, unit: 'chips' } : null;
}
