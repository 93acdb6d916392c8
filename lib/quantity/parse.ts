/**
 * Reads the quantities people write ("less than $6 million", "10,000 to 50,000 A100 chips",
 * "5.6亿美元", "$0.10 per million tokens") out of free text. Shared by the pack build (the
 * sources' figures) and the detector (figures on web pages), so it is pure and cheap: one
 * linear candidate scan, then small sticky regexes from each candidate; no regex here can
 * backtrack more than a few characters, and nothing is allocated per character.
 */
import type { FigureValue } from '../pack/types';
import { CJK_TIME_UNITS, cjkUnitAt } from './cjk-units';
import { readDate } from './dates';
import { capitalizedBefore, letterAt, letterBefore, letterOrDigitAt } from './letters';
import {
  currencyBefore,
  execAt,
  gluesToNumber,
  isDigit,
  isLetterOrDigit,
  type NumberRead,
  nounAhead,
  readNumber,
  scaleAt,
  toValue,
} from './scan';
import { CURRENCY_SUFFIXES, NUMBER_WORDS, ORDINAL_WORDS, SCALE_WORDS, TIME_UNITS } from './units';

export { QUANTITY_UNITS } from './units';

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

const RANGE_SEP_RE = /[ \u00a0]+to[ \u00a0]+|[ \u00a0]?[-–—~][ \u00a0]?/y;
const AND_SEP_RE = /[ \u00a0]+and[ \u00a0]+/y;
// Words that may not run on into a letter are checked after the match (`wordAt`): a
// `\p{L}` lookahead made each of these regexes a millisecond's compile (letters.ts).
// Without `\p{L}` they need no `u` flag either, and `i` alone is the cheaper case folding:
// the one difference, that "ſ" and the Kelvin sign no longer read as "s" and "k", is not
// how anyone writes "percent" or "thousand".
const PERCENT_RE = /[ \u00a0]?(?:%|percent|per cent)/iy;
const CURRENCY_SUFFIX_RE =
  /[ \u00a0]?(us dollars|u\.s\. dollars|dollars|dollar|usd|yuan|rmb|renminbi|euros|euro)|(元人民币|美元|人民币|元)/iy;
const PER_TOKENS_RE =
  /(?:[ \u00a0]+per[ \u00a0]+(?:(?:1|one|a)[ \u00a0]+)?|[ \u00a0]?\/[ \u00a0]?1?)(million|thousand|billion|[MKB])[ \u00a0]+tokens/y;
const TIME_RE = /(?:[ \u00a0]|-)(years?|months?|weeks?|days?|hours?|minutes?|decades?)(-old)?/iy;
const HYPHEN_AGE_RE = /^\d{1,3}-(?:year|month|week|day|hour|minute)s?-?/;
// The longest word first, so that `wordAt` turning one down leaves no shorter one to try.
const OF_THEM_RE = /[ \u00a0]+of[ \u00a0]+(?:them|these|those)/y;
// `iu` as they were: the Unicode case folding keeps "ſpot" a spot (cheap without `\p{L}`).
const RANK_NOUN_RE = /[ \u00a0-](spot|place|position|ranking|rank)/iuy;
const RANK_VERB_TAIL_RE =
  /(?:ranked|ranks|ranking|placed|came in|finished|(?:fell|dropped|slipped|slid|rose|climbed|jumped) to)(?: at)?[ \u00a0]+$/i;
// "sixth on the App Store": an ordinal followed by where the ranking is
const RANK_ON_RE =
  /[ \u00a0]+(?:on|in)[ \u00a0]+(?:the|Apple's|Apple’s)[ \u00a0]+(?:App Store|charts?|rankings?|leaderboard)/iuy;
const NO_RANK_RE = /No\.[ \u00a0]?(\d{1,4})/y;
// Not after a letter: checked by `betweenBefore` and `qualifierBefore`.
const BETWEEN_TAIL_RE = /between[ \u00a0]+$/i;
const QUALIFIER_TAIL_RE =
  /((?:(?:just|only|well|slightly)[ \u00a0]+)?(?:less than|fewer than|more than|greater than|upwards of|in excess of|as many as|as much as|as few as|as little as|close to|at least|at most|up to|an estimated|estimated|approximately|about|around|roughly|nearly|almost|over|under|above|below|some|just|only))[ \u00a0]+$/iy;
const CJK_QUALIFIER_TAIL_RE = /(大约|约|超过|不到|近|逾)$/;
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

/**
 * `re` (sticky) at `at`, unless the word it ends on runs on into a letter: what a
 * `(?![\p{L}])` after its words said. Its alternatives are ordered longest first and none
 * is the start of another but for a letter ("dollars", "dollar"), so when the longest runs
 * on, so would any other. Group 2, where a regex has one, is its Chinese alternative,
 * which had no such edge ("5元钱").
 */
function wordAt(re: RegExp, text: string, at: number): RegExpExecArray | null {
  const m = execAt(re, text, at);
  if (!m || m[2] !== undefined) return m;
  const end = at + m[0].length;
  return letterBefore(text, end) && letterAt(text, end) ? null : m;
}

/**
 * A unit of time at `at` (" years", "-month", " years-old"): the length read and the
 * word. "-old" counts only when it does not run on ("years-older" reads " years").
 */
function timeAt(text: string, at: number): { length: number; word: string } | null {
  const m = execAt(TIME_RE, text, at);
  if (!m) return null;
  let length = m[0].length;
  if (m[2] !== undefined) {
    if (!letterAt(text, at + length)) return { length, word: m[1] as string };
    length -= m[2].length;
  }
  // "yearsx": no shorter form ("year") helps, a letter follows it too.
  return letterAt(text, at + length) ? null : { length, word: m[1] as string };
}

/** "between " ending at `start` (within 12 characters), not after a letter; else null. */
function betweenBefore(text: string, start: number): string | null {
  const before = text.slice(Math.max(0, start - 12), start);
  const m = BETWEEN_TAIL_RE.exec(before);
  return m && !letterBefore(before, m.index) ? m[0] : null;
}

interface Read {
  start: number;
  end: number;
  value: FigureValue;
  unit: string;
  /** A hedge written after the number ("10,000+"). */
  qualifier?: string;
}

function readNumeric(text: string, at: number): Read | null {
  const prev = at > 0 ? text.charCodeAt(at - 1) : 32;
  const cur = currencyBefore(text, at);
  if (gluesToNumber(prev) && !cur) return null; // "A100", "COP29", "o1"; but "RMB5"
  if (at > 1 && (prev === 45 || prev === 46 || prev === 44)) {
    // "GPT-3.5", "1.5", "10,000" are inside something else; a glued "this-40-year-old" is not
    const glued = isLetterOrDigit(text.charCodeAt(at - 2));
    if (glued && !(prev === 45 && HYPHEN_AGE_RE.test(text.slice(at, at + 24)))) return null;
  }
  const first = readNumber(text, at, cur !== null);
  if (!first) return null;
  let start = cur ? cur.start : at;
  let end = first.end;
  let second: NumberRead | null = null;
  const between = betweenBefore(text, start);
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
      if (between) start -= between.length;
    } else second = null;
  }
  if (!second && between) return null;
  const next = text.charCodeAt(end);
  if (end < text.length && isLetterOrDigit(next) && !/[\u4e00-\u9fff]/.test(text[end] ?? '')) {
    return null; // "36Kr", "5G", "3D": letters glued to the number make it a name
  }
  if (next === 46 && isLetterOrDigit(text.charCodeAt(end + 1))) return null; // "2.AI"
  // "10,000+ GPUs": a trailing plus is the writer's "more than"
  let suffix: string | undefined;
  if (next === 43 && !isLetterOrDigit(text.charCodeAt(end + 1))) {
    suffix = '+';
    end++;
  }
  const read = readUnit(text, start, end, value, first, second, cur?.code ?? null);
  if (read && suffix) read.qualifier = suffix;
  return read;
}

function readUnit(
  text: string,
  start: number,
  end: number,
  value: FigureValue,
  first: NumberRead,
  second: NumberRead | null,
  prefixCode: string | null,
): Read | null {
  let m = wordAt(PERCENT_RE, text, end);
  if (m) return { start, end: end + m[0].length, value, unit: 'percent' };
  let code = prefixCode;
  if (!code) {
    m = wordAt(CURRENCY_SUFFIX_RE, text, end);
    if (m) {
      code = CURRENCY_SUFFIXES[(m[1] ?? m[2] ?? '').toLowerCase()] ?? null;
      end += m[0].length;
    }
  }
  if (code) {
    m = wordAt(PER_TOKENS_RE, text, end);
    if (m) {
      const per = (m[1] as string).toLowerCase();
      const tag = per.startsWith('b') ? '1B' : per.startsWith('t') || per === 'k' ? '1K' : '1M';
      return { start, end: end + m[0].length, value, unit: `${code}/${tag} tokens` };
    }
    return { start, end, value, unit: code };
  }
  const yearLike = (r: NumberRead) =>
    r.int.length === 4 && !r.frac && r.scale === null && +r.int >= 1900 && +r.int <= 2099;
  m = cjkUnitAt(text, end);
  if (m) {
    const e = end + m[0].length;
    if (m[1]) return { start, end: e, value, unit: 'chips' };
    if (m[2]) return { start, end: e, value, unit: 'people' };
    if (m[3] === '年' && yearLike(first)) return { start, end: e, value, unit: 'year' };
    return { start, end: e, value, unit: CJK_TIME_UNITS[m[3] as string] ?? 'years' };
  }
  const time = timeAt(text, end);
  if (time) {
    return {
      start,
      end: end + time.length,
      value,
      unit: TIME_UNITS[time.word.toLowerCase()] ?? 'years',
    };
  }
  const noun = nounAhead(text, end);
  if (noun) return { start, end: noun.end, value, unit: noun.unit };
  const plain = !first.frac && first.scale === null && !first.int.includes(',');
  if (yearLike(first) && (!second || yearLike(second))) return { start, end, value, unit: 'year' };
  if (plain && !second && !prefixCode && first.int.length <= 2) {
    const date = readDate(text, start, end, Number(first.int));
    if (date) return { ...date, unit: 'date' };
  }
  if (plain && !second) {
    // "Qihoo 360", "RTX 4090": a bare number after a capitalized word names something
    const before = capitalizedBefore(text, start);
    if (before !== null && !CAPITALIZED_OK.has(before)) return null;
  }
  // "2,000 of them": the count reaches over the pronoun, which names what is counted
  const ofThem = wordAt(OF_THEM_RE, text, end);
  return { start, end: ofThem ? end + ofThem[0].length : end, value, unit: 'count' };
}

function readWordNumber(text: string, at: number, word: string): Read | null {
  const n = NUMBER_WORDS[word.toLowerCase()];
  if (n === undefined) return null;
  let end = at + word.length;
  // "two million" needs the space: "twomillion" is no number
  const scaled = scaleAt(text, end);
  const s = scaled?.[0].startsWith(' ') ? scaled : null;
  let value = n;
  if (s) {
    value = n * (SCALE_WORDS[(s[1] ?? '').toLowerCase()] ?? 1);
    end += s[0].length;
  } else if (n === 1 || word.toLowerCase() === 'hundred') {
    return null; // "a", "an", "one" alone are words, not figures
  }
  let m = wordAt(CURRENCY_SUFFIX_RE, text, end);
  if (m?.[1]) {
    const code = CURRENCY_SUFFIXES[m[1].toLowerCase()];
    if (code) return { start: at, end: end + m[0].length, value, unit: code };
  }
  m = wordAt(PERCENT_RE, text, end);
  if (m) return { start: at, end: end + m[0].length, value, unit: 'percent' };
  const time = timeAt(text, end);
  if (time) {
    return {
      start: at,
      end: end + time.length,
      value,
      unit: TIME_UNITS[time.word.toLowerCase()] ?? 'years',
    };
  }
  const noun = nounAhead(text, end);
  if (noun) return { start: at, end: noun.end, value, unit: noun.unit };
  return null;
}

/** Whether the ordinal `word` at `at` is a place in a ranking ("sixth spot", "ranked second"). */
export function isRankAt(text: string, at: number, word: string): boolean {
  return readOrdinal(text, at, word) !== null;
}

function readOrdinal(text: string, at: number, word: string): Read | null {
  const n = ORDINAL_WORDS[word.toLowerCase()];
  if (n === undefined) return null;
  const end = at + word.length;
  const m = wordAt(RANK_NOUN_RE, text, end);
  if (m) return { start: at, end: end + m[0].length, value: n, unit: 'rank' };
  // "second-guessing", "third-party": the ordinal is part of another word
  if (text.charCodeAt(end) === 45 && isLetterOrDigit(text.charCodeAt(end + 1))) return null;
  if (
    RANK_VERB_TAIL_RE.test(text.slice(Math.max(0, at - 20), at)) ||
    wordAt(RANK_ON_RE, text, end)
  ) {
    return { start: at, end, value: n, unit: 'rank' };
  }
  return null;
}

function qualifierBefore(text: string, start: number): { start: number; text: string } | null {
  const from = Math.max(0, start - 40);
  const before = text.slice(from, start);
  // The leftmost place not after a letter where a hedge runs to the end, as a search
  // for /(^|[^\p{L}])(hedge)[ ]+$/ finds it.
  for (let p = 0; p < before.length; p++) {
    if (letterBefore(before, p)) continue;
    const m = execAt(QUALIFIER_TAIL_RE, before, p);
    if (m) return { start: from + p, text: m[1] as string };
  }
  const c = CJK_QUALIFIER_TAIL_RE.exec(before);
  return c ? { start: from + c.index, text: c[1] as string } : null;
}

function readAt(text: string, at: number, token: string): Read | null {
  if (isDigit(token.charCodeAt(0))) return readNumeric(text, at);
  if (token === 'No') {
    const m = execAt(NO_RANK_RE, text, at);
    if (!m || letterOrDigitAt(text, at + m[0].length)) return null;
    if (at > 0 && isLetterOrDigit(text.charCodeAt(at - 1))) return null;
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
      const q = qualifier ? qualifier.text : (read.qualifier ?? null);
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
