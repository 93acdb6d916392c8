/**
 * What a source's sentence says around a figure that the shared quantity parser leaves
 * alone on purpose (it also reads web pages, where these words would only add noise):
 * - a month before a year is the figure's precision: "May 2023" is a month, not 2023
 *   (unit `date`, value YYYYMM00: day 00 means "that month");
 * - "by", "before", "after", "since", "until" before a year or month bound it: "by 2022";
 * - a forecast's hedge: "poised to top $1 trillion" is more than $1 trillion, some day;
 * - the moment the sentence gives a figure ("by 2022", "As of press time", "on Monday",
 *   "before restrictions"), which topic verdicts use to tell moments apart.
 * Pure; offsets stay offsets into the source text, and every text stays a verbatim slice.
 */
import type { SentenceFigure } from './figures';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const MONTH_BEFORE = new RegExp(`(?:^|[^\\p{L}])(${MONTHS.join('|')})[ \\u00a0]$`, 'u');
const BOUND_BEFORE =
  /(?:^|[^\p{L}])((?:by|By|before|Before|after|After|since|Since|until|Until))[ \u00a0]$/u;
const FORECAST_BEFORE =
  /(?:^|[^\p{L}])((?:poised|set|expected|projected|forecast) to (?:top|exceed|surpass))[ \u00a0]$/u;
const TIME_UNITS = new Set(['year', 'date']);
// A duration runs from a moment rather than standing at one ("in just four years" since 2021).
const DURATION_UNITS = new Set(['years', 'months', 'weeks', 'days', 'hours', 'minutes']);

/** Widens a figure over the words before it that the parser does not read. */
export function refineFigure(
  text: string,
  sentenceStart: number,
  f: SentenceFigure,
): SentenceFigure {
  let out = f;
  const before = () => text.slice(Math.max(sentenceStart, out.start - 40), out.start);
  if (out.unit === 'year' && typeof out.value === 'number' && out.qualifier === null) {
    const m = MONTH_BEFORE.exec(before());
    if (m) {
      const month = MONTHS.indexOf(m[1] as string) + 1;
      const start = out.start - (m[1] as string).length - 1;
      out = { ...out, start, unit: 'date', value: out.value * 10000 + month * 100 };
    }
  }
  if (TIME_UNITS.has(out.unit) && out.qualifier === null) {
    const m = BOUND_BEFORE.exec(before());
    if (m) {
      const q = m[1] as string;
      out = { ...out, start: out.start - q.length - 1, qualifier: q };
    }
  } else if (out.qualifier === null) {
    const m = FORECAST_BEFORE.exec(before());
    if (m) {
      const q = m[1] as string;
      out = { ...out, start: out.start - q.length - 1, qualifier: q };
    }
  }
  return out === f ? f : { ...out, text: text.slice(out.start, out.end) };
}

const MONTH_ALT = MONTHS.join('|');
// Moments a sentence can pin a figure to; each match is a verbatim slice of the sentence.
const ANCHORS: readonly RegExp[] = [
  new RegExp(
    `\\b(?:[Bb]y|[Ii]n|[Ss]ince|[Bb]efore|[Aa]fter|[Uu]ntil|[Aa]s of)[ \\u00a0](?:(?:${MONTH_ALT})[ \\u00a0])?(?:19|20)\\d\\d\\b`,
    'gu',
  ),
  /\b[Aa]s of (?:press time|now|today|this writing)\b/gu,
  /\b[Oo]n (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/gu,
  /\b(?:[Ll]ong )?(?:[Bb]efore|[Pp]rior to) (?:the )?(?:U\.S\. )?(?:restrictions|ban)\b/gu,
  /\b(?:[Ll]ast week|[Tt]his weekend|[Yy]esterday|[Cc]urrently)\b/gu,
];

/**
 * The moment a sentence gives a figure that is not itself a time or a duration: the anchor nearest to
 * it in the sentence, verbatim; undefined when the sentence gives none.
 */
export function anchorOf(
  text: string,
  sentence: { start: number; end: number },
  f: { start: number; end: number; unit: string },
): string | undefined {
  if (TIME_UNITS.has(f.unit) || DURATION_UNITS.has(f.unit)) return undefined;
  const body = text.slice(sentence.start, sentence.end);
  let best: { text: string; distance: number } | undefined;
  for (const re of ANCHORS) {
    re.lastIndex = 0;
    for (let m = re.exec(body); m !== null; m = re.exec(body)) {
      const start = sentence.start + m.index;
      const end = start + m[0].length;
      if (start < f.end && f.start < end) continue; // inside the figure itself
      const distance = end <= f.start ? f.start - end : start - f.end;
      if (!best || distance < best.distance) best = { text: m[0], distance };
    }
  }
  return best?.text;
}
