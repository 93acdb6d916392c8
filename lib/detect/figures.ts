/**
 * Finding the pack's figures on a page: a cheap scan (figure-candidates.ts) picks small
 * windows of text; only those are normalised and read by the quantity parser. A quantity
 * is kept when a topic's rule takes it in its sentence (figure-topics.ts), with a verdict
 * against the sources' figures, or else when it states a pack figure's value in the same
 * unit, as it always was.
 */
import type { FigureValue } from '../pack/types';
import type { FigureVerdict } from '../quantity/figure-verdict';
import { parseQuantities, type Quantity } from '../quantity/parse';
import {
  type CandidateFilter,
  candidateWindows,
  findWords,
  plausibleIn,
} from './figure-candidates';
import {
  type Anchors,
  compileFigureTopics,
  type FigureTopics,
  type NamedSpan,
} from './figure-topics';
import { normalizeText, spanMapper } from './normalize';
import type { FigureTables, FigureTarget } from './tables';

export interface FigureHit {
  start: number;
  end: number;
  /** Topic id, or the pack figure's id when it has no topic. */
  id: string;
  label: string;
  value: FigureValue;
  unit: string;
  qualifier: string | null;
  /** The topic the figure measures, or null. */
  topicId: string | null;
  subjectId: string | null;
  /** How it stands against the sources' figures on its topic; null without one. */
  verdict: FigureVerdict | null;
}

/** What the name pass found in the same text: names topics are about, and topic words. */
export interface NameContext {
  names: readonly NamedSpan[];
  topicWords: readonly number[];
}

export interface FigureMatcher {
  /** Number words and phrases the pack's figures need: the name pass finds them. */
  words: readonly string[];
  /**
   * `wordStarts`: where those words start in `text` (searched here when omitted); `named`:
   * the name pass's results, without which no page figure is filed under a topic.
   */
  find(text: string, wordStarts?: readonly number[], named?: NameContext): FigureHit[];
}

/**
 * Units that never say what was measured: a bare count, a year or a percentage on its
 * own could be anything, so they are never marked by their value alone, however well it
 * agrees; only a topic's rule, reading the sentence, marks one.
 */
export const UNMARKED_UNITS: ReadonlySet<string> = new Set([
  'count',
  'year',
  'date',
  'percent',
  'rank',
]);

export function valueKey(unit: string, value: FigureValue): string {
  return typeof value === 'number' ? `${unit}|${value}` : `${unit}|${value.min}|${value.max}`;
}

/** The figure half of a detector, from its tables (see `prepareFigures`). */
export function compileFigures(
  tables: FigureTables,
  entityIds: readonly string[] = [],
): FigureMatcher {
  const byValue = new Map<string, FigureTarget>();
  for (const t of tables.targets) byValue.set(t.key, t);
  const plausible = plausibleIn(tables.values);
  const topics = tables.topics ? compileFigureTopics(tables.topics, entityIds) : null;
  // A page repeats the pack's figures ("$6 million"): each target's verdict, once per hedge.
  const verdicts = new Map<FigureTarget, Map<string | null, FigureVerdict | null>>();
  const verdictOf: VerdictOf = (t, subjectId, q) => {
    if (!topics) return null;
    const byHedge = verdicts.get(t) ?? new Map<string | null, FigureVerdict | null>();
    verdicts.set(t, byHedge);
    let v = byHedge.get(q.qualifier);
    if (v === undefined) {
      v = topics.verdictOf(t.id, subjectId, q);
      byHedge.set(q.qualifier, v);
    }
    return v;
  };
  return {
    words: tables.words,
    find: (text, wordStarts, named) => {
      const anchors = topics && named ? topics.anchorsIn(named.names) : null;
      if (byValue.size === 0 && !anchors) return [];
      const filter: CandidateFilter = { plausible, words: tables.words };
      if (named && named.names.length > 0) filter.inName = insideNames(named.names);
      let starts = wordStarts;
      if (topics && anchors && named) {
        filter.topical = (n, at, end) => topics.numberWorth(anchors, text, at, end, n);
        const extra = named.topicWords.filter((at) => topics.wordWorth(anchors, text, at));
        if (extra.length > 0) {
          starts = (wordStarts ?? findWords(text, tables.words))
            .concat(extra)
            .sort((a, b) => a - b);
        }
        return findFigures(byValue, filter, text, starts, verdictOf, {
          topics,
          anchors,
          words: extra,
        });
      }
      return findFigures(byValue, filter, text, starts, verdictOf, null);
    },
  };
}

/**
 * `CandidateFilter.inName` over the name pass's hits (in order of their end): whether a
 * run of digits lies inside one. Asked in order, so a pointer moves forward only.
 */
export function insideNames(
  names: readonly { start: number; end: number }[],
): (at: number, end: number) => boolean {
  let k = 0;
  return (at, end) => {
    while (k < names.length && (names[k] as { end: number }).end < end) k++;
    // Hits may overlap ("DeepSeek" in "DeepSeek-R1"): a few after the first that reaches
    // past the digits are looked at too.
    for (let i = k; i < Math.min(names.length, k + 3); i++) {
      if ((names[i] as { start: number }).start <= at) return true;
    }
    return false;
  };
}

interface TopicScope {
  topics: FigureTopics;
  anchors: Anchors;
  /** Where topic words worth a window start, in order: only their windows hold word figures. */
  words: readonly number[];
}

type VerdictOf = (t: FigureTarget, subjectId: string | null, q: Read) => FigureVerdict | null;

type Read = Pick<Quantity, 'start' | 'end' | 'value' | 'unit' | 'qualifier'>;

function findFigures(
  byValue: Map<string, FigureTarget>,
  filter: CandidateFilter,
  text: string,
  wordStarts: readonly number[] | undefined,
  verdictOf: VerdictOf,
  scope: TopicScope | null,
): FigureHit[] {
  const hits: FigureHit[] = [];
  let lastEnd = 0;
  let word = 0;
  for (const [from, to, own] of candidateWindows(text, filter, wordStarts)) {
    const window = text.slice(from, to);
    // One map per window: mapping each hit by walking its window was quadratic (issue 19).
    const toOriginal = spanMapper(window);
    const norm = normalizeText(window);
    let found: Read[] = parseQuantities(norm);
    if (scope) {
      const words = scope.words;
      while (word < words.length && (words[word] as number) < from) word++;
      if (word < words.length && (words[word] as number) < to) {
        found = withWordFigures(found, scope.topics.wordFigures(norm));
      }
    }
    for (const q of found) {
      const target = UNMARKED_UNITS.has(q.unit)
        ? undefined
        : byValue.get(valueKey(q.unit, q.value));
      // A first look with offsets into the window, not mapped: close enough to find a name.
      const topical =
        scope?.topics.mayAssign(
          scope.anchors,
          text,
          from + q.start,
          from + q.end,
          q.unit,
          q.value,
        ) === true;
      if (!target && !topical) continue;
      // Mapped back only for a quantity worth it: rarely.
      const [s, e] = toOriginal(q.start, q.end);
      const start = from + s;
      const end = from + e;
      // Past `own`, the next window reads it with its full context.
      if (start < lastEnd || end <= start || start >= own) continue;
      const topic =
        topical && scope
          ? scope.topics.assign(
              text,
              { start, end, value: q.value, unit: q.unit, qualifier: q.qualifier },
              scope.anchors,
            )
          : null;
      if (topic) {
        hits.push({
          start,
          end,
          id: topic.topicId,
          label: topic.label,
          value: q.value,
          unit: topic.unit,
          qualifier: q.qualifier,
          topicId: topic.topicId,
          subjectId: topic.subjectId,
          verdict: topic.verdict,
        });
      } else if (target) {
        // No rule reads the sentence so, but a pack figure has this value: marked as before.
        const onTopic = target.subjectId !== undefined;
        const subjectId = target.subjectId ?? null;
        hits.push({
          start,
          end,
          id: target.id,
          label: target.label,
          value: q.value,
          unit: q.unit,
          qualifier: q.qualifier,
          topicId: onTopic ? target.id : null,
          subjectId,
          verdict: onTopic ? verdictOf(target, subjectId, q) : null,
        });
      } else continue;
      lastEnd = end;
    }
  }
  return hits;
}

/** The parser's quantities and the word figures, in order, never overlapping. */
function withWordFigures(found: Read[], words: readonly Read[]): Read[] {
  if (words.length === 0) return found;
  const all = [...found];
  for (const w of words) {
    if (!all.some((q) => q.start < w.end && w.start < q.end)) all.push(w);
  }
  return all.sort((a, b) => a.start - b.start);
}
