/**
 * Whether a figure read on a page agrees with a source's figure. A source's own hedge
 * ("less than $6 million", "about $600 billion") widens what counts as agreeing.
 */
import type { FigureValue } from '../pack/types';

/** Plain figures agree within this relative difference (rounding: "$5.6m" vs "$5.58m"). */
const EXACT = 0.01;
/** "about", "around", "nearly": within this relative difference. */
const APPROX = 0.1;

const AT_MOST = /\b(less than|fewer than|under|below|up to|at most|no more than)\b/i;
const AT_LEAST = /\b(more than|over|above|at least|upwards of|in excess of)\b/i;
const ABOUT = /\b(about|around|approximately|nearly|roughly|almost|some|close to)\b/i;

function bounds(v: FigureValue): [number, number] {
  return typeof v === 'number' ? [v, v] : [v.min, v.max];
}

function near(a: number, b: number, rel: number): boolean {
  return Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b));
}

export function figureAgrees(
  page: FigureValue,
  source: { value: FigureValue; qualifier: string | null; unit: string },
  pageUnit?: string,
): boolean {
  if (pageUnit !== undefined && pageUnit !== source.unit) return false;
  const [pLo, pHi] = bounds(page);
  const [sLo, sHi] = bounds(source.value);
  const q = source.qualifier ?? '';
  if (AT_MOST.test(q)) return pHi <= sHi * (1 + EXACT);
  if (AT_LEAST.test(q)) return pLo >= sLo * (1 - EXACT);
  const rel = ABOUT.test(q) ? APPROX : EXACT;
  // Ranges agree when they overlap; a single value is a range of one point.
  return (pLo <= sHi && sLo <= pHi) || near(pLo, sHi, rel) || near(pHi, sLo, rel);
}
