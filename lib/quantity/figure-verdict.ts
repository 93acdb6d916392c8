/**
 * How a figure read on a page stands against a source's figure on the same topic, in four
 * words: `same` (the value the source states, hedged alike), `within` (inside a source's
 * bound or range: "$5.5 million" against "less than $6 million", or the reverse), `close`
 * (within rounding, about 5%, or inside an "about": "$589 billion" against "about $600
 * billion"), `differs` (none of these). Qualifiers are read by `interval()`
 * (lib/pack/topics.ts), the same reading the pack's topic verdicts use. Shared by the
 * detector (a page's marks) and the card and sidebar, so both always say the same word.
 */
import { interval } from '../pack/topics';
import type { FigureValue } from '../pack/types';

export const FIGURE_VERDICTS = ['same', 'within', 'close', 'differs'] as const;
export type FigureVerdict = (typeof FIGURE_VERDICTS)[number];

/** A figure as stated: value, unit and the writer's own hedge. */
export interface StatedFigure {
  value: FigureValue;
  unit: string;
  qualifier: string | null;
}

/** Rounding: "$589 billion" and "$600 billion", "2,030" and "2,000". */
export const ROUNDING = 0.05;

/** Units that count steps, where a share of the value means nothing (2023 is not "close" to 2021). */
const ORDINAL = new Set(['year', 'date', 'rank']);

/**
 * A hedge's shape: what it allows of a figure of 1 ("less than" [0, 1], "about" [0.9, 1.1]),
 * read by `interval` itself, so the verdict never keeps a second list of qualifiers.
 */
function hedge(qualifier: string | null): [number, number] {
  return interval(1, qualifier);
}

/** A bound ("less than", "over") allows a side without limit; "about", "nearly" do not. */
function isBound([lo, hi]: [number, number]): boolean {
  return lo === 0 || hi === Number.POSITIVE_INFINITY;
}

function nominal(v: FigureValue): [number, number] {
  return typeof v === 'number' ? [v, v] : [v.min, v.max];
}

/** A date printed without its year (MMDD) compares with one printed with it on month and day. */
function dayOfYear(v: FigureValue, other: FigureValue): FigureValue {
  const short = (x: FigureValue) => typeof x === 'number' && x < 10000;
  if (typeof v !== 'number' || !(short(v) || short(other))) return v;
  return v % 10000;
}

/** Whether one interval holds the other. */
function holds(outer: [number, number], inner: [number, number]): boolean {
  return outer[0] <= inner[0] && inner[1] <= outer[1];
}

/** The verdict for one pair; null when the units differ (yuan and dollars never compare). */
export function compareFigure(page: StatedFigure, source: StatedFigure): FigureVerdict | null {
  if (page.unit !== source.unit) return null;
  const unit = page.unit;
  const pv = unit === 'date' ? dayOfYear(page.value, source.value) : page.value;
  const sv = unit === 'date' ? dayOfYear(source.value, page.value) : source.value;
  const [pl, ph] = nominal(pv);
  const [sl, sh] = nominal(sv);
  const pHedge = hedge(page.qualifier);
  const sHedge = hedge(source.qualifier);
  if (pl === sl && ph === sh && pHedge[0] === sHedge[0] && pHedge[1] === sHedge[1]) return 'same';
  const P = interval(pv, page.qualifier, unit);
  const S = interval(sv, source.qualifier, unit);
  // A range or a bound holding the other side's figure: both can be true as stated. An
  // "about" is no bound: a figure inside it is only close.
  const sWide = isBound(sHedge) || (sl !== sh && sHedge[0] === 1 && sHedge[1] === 1);
  const pWide = isBound(pHedge) || (pl !== ph && pHedge[0] === 1 && pHedge[1] === 1);
  if ((sWide && holds(S, P)) || (pWide && holds(P, S))) return 'within';
  if (Math.max(P[0], S[0]) <= Math.min(P[1], S[1])) return 'close';
  if (!ORDINAL.has(unit)) {
    const a = (pl + ph) / 2;
    const b = (sl + sh) / 2;
    if (Math.abs(a - b) <= ROUNDING * Math.max(Math.abs(a), Math.abs(b))) return 'close';
  }
  return 'differs';
}

const RANK: Record<FigureVerdict, number> = { same: 0, within: 1, close: 2, differs: 3 };

/**
 * The page figure's verdict against a topic's source figures (already the ones that speak
 * of the same subject): the best any of them gives, and which of them give it. Null when
 * none compares (no figure in the same unit).
 */
export function bestVerdict(
  page: StatedFigure,
  sources: readonly StatedFigure[],
): { verdict: FigureVerdict; indices: number[] } | null {
  let best: FigureVerdict | null = null;
  let indices: number[] = [];
  sources.forEach((s, i) => {
    const v = compareFigure(page, s);
    if (v === null) return;
    if (best === null || RANK[v] < RANK[best]) {
      best = v;
      indices = [i];
    } else if (v === best) indices.push(i);
  });
  return best === null ? null : { verdict: best, indices };
}
