/**
 * Finding the pack's figures on a page: a cheap scan (figure-candidates.ts) picks small
 * windows of text; only those are normalised and read by the quantity parser, and a
 * quantity is kept when it states a pack figure's value in the same unit.
 */
import type { FigureValue } from '../pack/types';
import { parseQuantities } from '../quantity/parse';
import { type CandidateFilter, candidateWindows, plausibleIn } from './figure-candidates';
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

export function valueKey(unit: string, value: FigureValue): string {
  return typeof value === 'number' ? `${unit}|${value}` : `${unit}|${value.min}|${value.max}`;
}

/** The figure half of a detector, from its tables (see `prepareFigures`). */
export function compileFigures(tables: FigureTables): FigureMatcher {
  const byValue = new Map<string, FigureTarget>();
  for (const t of tables.targets) byValue.set(t.key, t);
  const filter: CandidateFilter = { plausible: plausibleIn(tables.values), words: tables.words };
  return {
    words: tables.words,
    find: (text, wordStarts) =>
      byValue.size === 0 ? [] : findFigures(byValue, filter, text, wordStarts),
  };
}

function findFigures(
  byValue: Map<string, FigureTarget>,
  filter: CandidateFilter,
  text: string,
  wordStarts: readonly number[] | undefined,
): FigureHit[] {
  const hits: FigureHit[] = [];
  let lastEnd = 0;
  for (const [from, to, own] of candidateWindows(text, filter, wordStarts)) {
    const window = text.slice(from, to);
    // One map per window: mapping each hit by walking its window was quadratic (issue 19).
    const toOriginal = spanMapper(window);
    for (const q of parseQuantities(normalizeText(window))) {
      if (UNMARKED_UNITS.has(q.unit)) continue;
      const target = byValue.get(valueKey(q.unit, q.value));
      if (!target) continue;
      // Mapped back only for a quantity that matches: rarely.
      const [s, e] = toOriginal(q.start, q.end);
      const start = from + s;
      const end = from + e;
      // Past `own`, the next window reads it with its full context.
      if (start < lastEnd || end <= start || start >= own) continue;
      hits.push({ start, end, id: target.id, label: target.label, value: q.value, unit: q.unit });
      lastEnd = end;
    }
  }
  return hits;
}
