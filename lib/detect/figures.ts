/**
 * Finding the pack's figures on a page: a cheap scan (figure-candidates.ts) picks small
 * windows of text; only those are normalised and read by the quantity parser, and a
 * quantity is kept when it states a pack figure's value in the same unit.
 */
import type { DetectorPack, FigureValue } from '../pack/types';
import { parseQuantities } from '../quantity/parse';
import { type CandidateFilter, candidateFilter, candidateWindows } from './figure-candidates';
import { normalizeText, spanToOriginal } from './normalize';

export interface FigureHit {
  start: number;
  end: number;
  /** Topic id, or the pack figure's id when it has no topic. */
  id: string;
  label: string;
  value: FigureValue;
  unit: string;
}

export interface FigureMatcher {
  /** Number words and phrases the pack's figures need: the name pass finds them. */
  words: readonly string[];
  /** `wordStarts`: where those words start in `text` (searched here when omitted). */
  find(text: string, wordStarts?: readonly number[]): FigureHit[];
}

/**
 * Units that never say what was measured: a bare count, a year or a percentage on its
 * own could be anything, so they are never marked however well the value agrees.
 */
export const UNMARKED_UNITS: ReadonlySet<string> = new Set([
  'count',
  'year',
  'date',
  'percent',
  'rank',
]);

/**
 * Durations ("two years", "40 minutes") are common on any page; one is marked only when
 * the pack files it under a topic (DeepSeek's training time, Liang Wenfeng's age).
 */
const DURATIONS: ReadonlySet<string> = new Set([
  'years',
  'months',
  'weeks',
  'days',
  'hours',
  'minutes',
  'decades',
]);

function valueKey(unit: string, value: FigureValue): string {
  return typeof value === 'number' ? `${unit}|${value}` : `${unit}|${value.min}|${value.max}`;
}

/** "1,000,000,000": thousands separators without Intl, which costs milliseconds to wake. */
function grouped(v: number): string {
  const [int = '', frac] = String(v).split('.');
  const digits = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac ? `${digits}.${frac}` : digits;
}

function describe(value: FigureValue, unit: string): string {
  const n = grouped;
  return typeof value === 'number'
    ? `${n(value)} ${unit}`
    : `${n(value.min)}-${n(value.max)} ${unit}`;
}

export function compileFigures(pack: Pick<DetectorPack, 'figures' | 'topics'>): FigureMatcher {
  const topics = new Map(pack.topics.map((t) => [t.id, t.label]));
  const byValue = new Map<string, { id: string; label: string }>();
  const markable = pack.figures.filter(
    (f) => !UNMARKED_UNITS.has(f.unit) && (f.topicId !== null || !DURATIONS.has(f.unit)),
  );
  for (const f of markable) {
    const key = valueKey(f.unit, f.value);
    const topicLabel = f.topicId ? topics.get(f.topicId) : undefined;
    const target =
      f.topicId && topicLabel !== undefined
        ? { id: f.topicId, label: topicLabel }
        : { id: f.id, label: describe(f.value, f.unit) };
    // A figure with a topic says more than one without: it wins the key.
    const had = byValue.get(key);
    if (!had || (had.id === f.id && target.id !== f.id)) byValue.set(key, target);
  }
  // Every value a markable figure has; numbers on a page that cannot scale to one of
  // them are not worth parsing (most numbers on most pages).
  const values: number[] = [];
  for (const f of markable) {
    if (typeof f.value === 'number') values.push(f.value);
    else values.push(f.value.min, f.value.max);
  }
  const filter = candidateFilter(values);
  return {
    words: byValue.size === 0 ? [] : filter.words,
    find: (text, wordStarts) =>
      byValue.size === 0 ? [] : findFigures(byValue, filter, text, wordStarts),
  };
}

function findFigures(
  byValue: Map<string, { id: string; label: string }>,
  filter: CandidateFilter,
  text: string,
  wordStarts: readonly number[] | undefined,
): FigureHit[] {
  const hits: FigureHit[] = [];
  let lastEnd = 0;
  for (const [from, to] of candidateWindows(text, filter, wordStarts)) {
    const window = text.slice(from, to);
    for (const q of parseQuantities(normalizeText(window))) {
      if (UNMARKED_UNITS.has(q.unit)) continue;
      const target = byValue.get(valueKey(q.unit, q.value));
      if (!target) continue;
      // Mapped back only for a quantity that matches: rarely.
      const [s, e] = spanToOriginal(window, q.start, q.end);
      const start = from + s;
      const end = from + e;
      if (start < lastEnd || end <= start) continue;
      hits.push({ start, end, id: target.id, label: target.label, value: q.value, unit: q.unit });
      lastEnd = end;
    }
  }
  return hits;
}
