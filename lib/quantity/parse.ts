/**
 * Reads the quantities people write ("less than $6 million", "10,000 to 50,000 A100 chips",
 * "5.6亿美元", "$0.10 per million tokens") out of free text. Shared by the pack build (the
 * sources' figures) and the detector (figures on web pages), so it is pure and cheap: one
 * linear candidate scan, then small sticky regexes from each candidate; no regex here can
 * backtrack more than a few characters, and nothing is allocated per character.
 */
import type { FigureValue } from '../pack/types';
import {
  CURRENCY_PREFIXES,
  CURRENCY_SUFFIXES,
  LETTER_SCALES,
  LOOKAHEAD_STOP_WORDS,
  NOUN_UNITS,
  NUMBER_WORDS,
  ORDINAL_WORDS,
  SCALE_WORDS,
  TIME_UNITS,
} from './units';

export interface Quantity {
  /** UTF-16 offsets into the input; the span includes the qualifier ("less than $6 million"). */
  start: number;
  end: number;
  /** `input.slice(start, end)`, exactly. */
  text: string;
  value: FigureValue;
  /** One of `QUANTITY_UNITS` (lib/quantity/units.ts). */
  unit: string;
  /** The hedge before the number, verbatim ("less than", "about", "just over"); else null. */
  qualifier: string | null;
}

const WORD_NUMBERS = Object.keys(NUMBER_WORDS).join('|');
const ORDINALS = Object.keys(ORDINAL_WORDS).join('|');
// Candidates: digit runs, number words, ordinals and "No." (as in "No. 2").
const CANDIDATE_RE = new RegExp(`\\d+|\\b(?:${WORD_NUMBERS}|${ORDINALS}|No)\\b`, 'gi');

const NUM_RE = /(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?/y;
const SCALE_RE =
  /[ \u00a0]?(thousand|million|billion|trillion|mn|bn|tn)(?![\p{L}\d])|(万亿|万|亿|千)/iuy;
const LETTER_SCALE_RE = /([kKmMbBtT])(?![p{L}\d])/y;
const RANGE_SEP_RE = /[ \u00a0]+to[ \u00a0]+|[ \u00a0]?[-–—~][ \u00a0]?/y;
const AND_SEP_RE = /[ \u00a0]+and[ \u00a0]+/y;
const PERCENT_RE = /[ \u00a0]?(?:%|percent(?![\p{L}])|per cent(?![\p{L}]))/iuy;
const CURRENCY_SUFFIX_RE =
  /[ \u00a0]?(us dollars|u\.s\. dollars|dollars|dollar|usd|yuan|rmb|renminbi|euros|euro)(?![\p{L}])|(元人民币|美元|人民币|元)/iuy;
const PER_TOKENS_RE =
  /(?:[ \u00a0]+per[ \u00a0]+(?:(?:1|one|a)[ \u00a0]+)?|[ \u00a0]?\/[ \u00a0]?1?)(million|thousand|billion|[MKB])[ \u00a0]+tokens(?![\p{L}])/uy;
const TIME_RE =
  /(?:[ \u00a0]|-)(years?|months?|weeks?|days?|hours?|minutes?|decades?)(?![\p{L}])(?:-old(?![\p{L}]))?/iuy;
const HYPHEN_AGE_RE = /^\d{1,3}-(?:year|month|week|day|hour|minute)s?-?/;
const OF_THEM_RE = /[ \u00a0]+of[ \u00a0]+(?:them|these|those)(?![\p{L}])/uy;
const LOOK_WORD_RE = /[ \u00a0]+([\p{L}\d][\p{L}\d'’.-]*)/uy;
const CHIP_MODEL_RE = /^[A-Z]{1,3}\d{2,4}[A-Z]?s?$/;
const RANK_NOUN_RE = /[ \u00a0-](spot|place|position|rank|ranking)(?![\p{L}])/iuy;
const RANK_VERB_TAIL_RE = /(?:ranked|ranks|ranking|placed|came in|finished)(?: at)?[ \u00a0]+$/i;
const NO_RANK_RE = /No\.[ \u00a0]?(\d{1,4})(?![\d\p{L}])/uy;
const BETWEEN_TAIL_RE = /(?:^|[^\p{L}])(between[ \u00a0]+)$/iu;
const QUALIFIER_TAIL_RE =
  /(^|[^\p{L}])((?:(?:just|only|well|slightly)[ \u00a0]+)?(?:less than|fewer than|more than|greater than|upwards of|in excess of|as many as|as much as|as few as|as little as|close to|at least|at most|up to|an estimated|estimated|approximately|about|around|roughly|nearly|almost|over|under|above|below|some|just|only))[ \u00a0]+$/iu;
const CJK_QUALIFIER_TAIL_RE = /(大约|约|超过|不到|近|逾)$/u;
// Capitalized words that may stand before a bare count without making it part of a name.
const CAPITALIZED_OK = new Set([
  'In',
  'By',
  'On',
  'Of',
  'About',
  'Over',
  'Around',
  'Some',
  'Only',
  'Just',
  'And',
  'The',
  'With',
  'For',
  'From',
  'To',
  'At',
  'Nearly',
  'Almost',
  'Roughly',
  'Under',
  'Up',
  'Than',
  'Between',
]);

function isLetterOrDigit(code: number): boolean {
  return (
    (code >= 48 && code <= 57) ||
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    (code > 127 && /[\p{L}\p{N}]/u.test(String.fromCharCode(code)))
  );
}

/** Letters and digits glue to a number ("A100"); CJK text has no spaces, so it does not. */
function gluesToNumber(code: number): boolean {
  return isLetterOrDigit(code) && !(code >= 0x3000 && code <= 0x9fff);
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function execAt(re: RegExp, text: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(text);
}

/** Exact decimal value of `digits[.frac] × 10^exp`, without float drift (5.6 × 1e6 = 5600000). */
function toValue(intPart: string, frac: string | undefined, scale: number): number {
  const exp = Math.round(Math.log10(scale));
  return Number(`${intPart.replace(/,/g, '')}${frac ? `.${frac}` : ''}e${exp}`);
}

interface NumberRead {
  end: number;
  int: string;
  frac: string | undefined;
  scale: number | null;
}

function readNumber(text: string, at: number, letterScales: boolean): NumberRead | null {
  const m = execAt(NUM_RE, text, at);
  if (!m) return null;
  const int = m[1] as string;
  if (int.length > 1 && int[0] === '0') return null; // "01.AI", "007"
  let end = at + m[0].length;
  let scale: number | null = null;
  const s = execAt(SCALE_RE, text, end);
  if (s) {
    scale = SCALE_WORDS[(s[1] ?? s[2] ?? '').toLowerCase()] ?? null;
    end += s[0].length;
  } else if (letterScales) {
    const l = execAt(LETTER_SCALE_RE, text, end);
    if (l) {
      scale = LETTER_SCALES[(l[1] as string).toLowerCase()] ?? null;
      end += 1;
    }
  }
  return { end, int, frac: m[2], scale };
}

/** The currency sign or code written just before `at` ("$", "US$", "RMB "), if any. */
function currencyBefore(text: string, at: number): { start: number; code: string } | null {
  let p = at;
  if (p > 0 && (text[p - 1] === ' ' || text[p - 1] === '\u00a0')) p--;
  for (const [mark, code] of CURRENCY_PREFIXES) {
    const s = p - mark.length;
    if (s < 0 || !text.startsWith(mark, s)) continue;
    const isSign = !/^[A-Z]+$/.test(mark);
    if (p !== at && isSign && mark.length === 1 && mark !== '¥') continue; // "$ 5" is fine only for ¥
    if (!isSign && p === at) continue; // "USD5" reads as a code glued to digits
    if (s > 0 && gluesToNumber(text.charCodeAt(s - 1))) continue;
    return { start: s, code };
  }
  return null;
}

/** A noun unit up to four words ahead ("2,000 such chips", "10,000 of Nvidia's A100 chips"). */
function nounAhead(text: string, at: number): { end: number; unit: string } | null {
  let p = at;
  let modelEnd = -1;
  let afterModel = 0;
  for (let i = 0; i < 8; i++) {
    const w = execAt(LOOK_WORD_RE, text, p);
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

interface Read {
  start: number;
  end: number;
  value: FigureValue;
  unit: string;
}

function readNumeric(text: string, at: number): Read | null {
  const prev = at > 0 ? text.charCodeAt(at - 1) : 32;
  if (gluesToNumber(prev)) return null; // "A100", "COP29", "o1"
  if (at > 1 && (prev === 45 || prev === 46 || prev === 44)) {
    // "GPT-3.5", "1.5", "10,000" are inside something else; a glued "this-40-year-old" is not
    const glued = isLetterOrDigit(text.charCodeAt(at - 2));
    if (glued && !(prev === 45 && HYPHEN_AGE_RE.test(text.slice(at, at + 24)))) return null;
  }
  const cur = currencyBefore(text, at);
  const first = readNumber(text, at, cur !== null);
  if (!first) return null;
  let start = cur ? cur.start : at;
  let end = first.end;
  let second: NumberRead | null = null;
  const between = BETWEEN_TAIL_RE.exec(text.slice(Math.max(0, start - 12), start));
  const sep = execAt(between ? AND_SEP_RE : RANGE_SEP_RE, text, end);
  if (sep) {
    let p = end + sep[0].length;
    if (cur && text.startsWith(text.slice(cur.start, at).trim(), p)) {
      p += text.slice(cur.start, at).trim().length;
    }
    const n = isDigit(text.charCodeAt(p)) ? readNumber(text, p, cur !== null) : null;
    if (n) second = n;
  }
  const scale1 = first.scale ?? second?.scale ?? 1;
  let value: FigureValue = toValue(first.int, first.frac, scale1);
  if (second) {
    const max = toValue(second.int, second.frac, second.scale ?? 1);
    if (max > value) {
      value = { min: value, max };
      end = second.end;
      if (between) start -= (between[1] as string).length;
    } else second = null;
  }
  if (!second && between) return null;
  const next = text.charCodeAt(end);
  if (end < text.length && isLetterOrDigit(next) && !/[\u4e00-\u9fff]/.test(text[end] ?? '')) {
    return null; // "36Kr", "5G", "3D": letters glued to the number make it a name
  }
  if (next === 46 && isLetterOrDigit(text.charCodeAt(end + 1))) return null; // "2.AI"

  let m = execAt(PERCENT_RE, text, end);
  if (m) return { start, end: end + m[0].length, value, unit: 'percent' };
  let code = cur?.code ?? null;
  if (!code) {
    m = execAt(CURRENCY_SUFFIX_RE, text, end);
    if (m) {
      code = CURRENCY_SUFFIXES[(m[1] ?? m[2] ?? '').toLowerCase()] ?? null;
      end += m[0].length;
    }
  }
  if (code) {
    m = execAt(PER_TOKENS_RE, text, end);
    if (m) {
      const per = (m[1] as string).toLowerCase();
      const tag = per.startsWith('b') ? '1B' : per.startsWith('t') || per === 'k' ? '1K' : '1M';
      return { start, end: end + m[0].length, value, unit: `${code}/${tag} tokens` };
    }
    return { start, end, value, unit: code };
  }
  m = execAt(TIME_RE, text, end);
  if (m) {
    return {
      start,
      end: end + m[0].length,
      value,
      unit: TIME_UNITS[(m[1] as string).toLowerCase()] ?? 'years',
    };
  }
  const noun = nounAhead(text, end);
  if (noun) return { start, end: noun.end, value, unit: noun.unit };
  const plain = !first.frac && first.scale === null && !first.int.includes(',');
  const yearLike = (r: NumberRead) =>
    r.int.length === 4 && !r.frac && r.scale === null && +r.int >= 1900 && +r.int <= 2099;
  if (yearLike(first) && (!second || yearLike(second))) return { start, end, value, unit: 'year' };
  if (plain && !second) {
    // "Qihoo 360", "RTX 4090", "January 20": a bare number after a capitalized word names it
    const before = /([A-Z][\p{L}]*)[ \u00a0]$/u.exec(text.slice(Math.max(0, start - 24), start));
    if (before && !CAPITALIZED_OK.has(before[1] as string)) return null;
  }
  // "2,000 of them": the count reaches over the pronoun, which names what is counted
  const ofThem = execAt(OF_THEM_RE, text, end);
  return { start, end: ofThem ? end + ofThem[0].length : end, value, unit: 'count' };
}

function readWordNumber(text: string, at: number, word: string): Read | null {
  const n = NUMBER_WORDS[word.toLowerCase()];
  if (n === undefined) return null;
  let end = at + word.length;
  // "two million" needs the space: "twomillion" is no number
  const scaled = execAt(SCALE_RE, text, end);
  const s = scaled?.[0].startsWith(' ') ? scaled : null;
  let value = n;
  if (s) {
    value = n * (SCALE_WORDS[(s[1] ?? '').toLowerCase()] ?? 1);
    end += s[0].length;
  } else if (n === 1 || word.toLowerCase() === 'hundred') {
    return null; // "a", "an", "one" alone are words, not figures
  }
  let m = execAt(CURRENCY_SUFFIX_RE, text, end);
  if (m?.[1]) {
    const code = CURRENCY_SUFFIXES[m[1].toLowerCase()];
    if (code) return { start: at, end: end + m[0].length, value, unit: code };
  }
  m = execAt(PERCENT_RE, text, end);
  if (m) return { start: at, end: end + m[0].length, value, unit: 'percent' };
  m = execAt(TIME_RE, text, end);
  if (m) {
    return {
      start: at,
      end: end + m[0].length,
      value,
      unit: TIME_UNITS[(m[1] as string).toLowerCase()] ?? 'years',
    };
  }
  const noun = nounAhead(text, end);
  if (noun) return { start: at, end: noun.end, value, unit: noun.unit };
  return null;
}

function readOrdinal(text: string, at: number, word: string): Read | null {
  const n = ORDINAL_WORDS[word.toLowerCase()];
  if (n === undefined) return null;
  const end = at + word.length;
  const m = execAt(RANK_NOUN_RE, text, end);
  if (m) return { start: at, end: end + m[0].length, value: n, unit: 'rank' };
  if (RANK_VERB_TAIL_RE.test(text.slice(Math.max(0, at - 20), at))) {
    return { start: at, end, value: n, unit: 'rank' };
  }
  return null;
}

function qualifierBefore(text: string, start: number): { start: number; text: string } | null {
  const from = Math.max(0, start - 40);
  const before = text.slice(from, start);
  const m = QUALIFIER_TAIL_RE.exec(before);
  if (m) {
    const at = from + m.index + (m[1] as string).length;
    return { start: at, text: m[2] as string };
  }
  const c = CJK_QUALIFIER_TAIL_RE.exec(before);
  return c ? { start: from + c.index, text: c[1] as string } : null;
}

function readAt(text: string, at: number, token: string): Read | null {
  if (isDigit(token.charCodeAt(0))) return readNumeric(text, at);
  if (token === 'No') {
    const m = execAt(NO_RANK_RE, text, at);
    if (!m || (at > 0 && isLetterOrDigit(text.charCodeAt(at - 1)))) return null;
    return { start: at, end: at + m[0].length, value: Number(m[1]), unit: 'rank' };
  }
  return readWordNumber(text, at, token) ?? readOrdinal(text, at, token);
}

/** Every quantity in `text`, in order, never overlapping. Never throws. */
export function parseQuantities(text: string): Quantity[] {
  const out: Quantity[] = [];
  if (typeof text !== 'string' || text.length === 0) return out;
  try {
    const re = new RegExp(CANDIDATE_RE.source, CANDIDATE_RE.flags);
    let lastEnd = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const read = readAt(text, m.index, m[0]);
      if (!read || read.start < lastEnd) continue;
      const found = qualifierBefore(text, read.start);
      const qualifier = found && found.start >= lastEnd ? found : null;
      const start = qualifier ? qualifier.start : read.start;
      const q = qualifier ? qualifier.text : null;
      out.push({
        start,
        end: read.end,
        text: text.slice(start, read.end),
        value: read.value,
        unit: read.unit,
        qualifier: q,
      });
      lastEnd = read.end;
      re.lastIndex = read.end;
    }
  } catch {
    // A parser bug must never break the page or the pack build: return what was read.
  }
  return out;
}
