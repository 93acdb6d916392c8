/**
 * Topic verdicts, computed from the figures' values and never typed in. Figures compare
 * only within one subject and one unit (there is no exchange rate in the sources, so yuan
 * and dollars are never compared).
 */
import type { Figure, FigureValue, Topic } from './types';

type Interval = [number, number];

const UPPER = /^(?:less than|fewer than|under|below|up to|at most|as many as|as much as|不到)$/i;
const LOWER =
  /^(?:more than|greater than|over|above|at least|upwards of|in excess of|超过|逾|\+)$/i;
const NEAR =
  /^(?:about|around|roughly|approximately|some|an estimated|estimated|close to|约|大约)$/i;
const JUST_BELOW = /^(?:nearly|almost|近)$/i;

// Units where "about" means a step either side, not a share of the value ("around 2021").
const ORDINAL_UNITS = new Set(['year', 'date', 'rank']);

/** What a stated figure allows, reading its qualifier ("about" as ±10%, or ±1 year). */
export function interval(value: FigureValue, qualifier: string | null, unit = 'count'): Interval {
  const [lo, hi] = typeof value === 'number' ? [value, value] : [value.min, value.max];
  if (!qualifier) return [lo, hi];
  const q = qualifier.replace(/^(?:just|only|well|slightly)\s+/i, '').trim();
  const slight = /^(?:just|slightly)\s/i.test(qualifier);
  if (UPPER.test(q)) return [slight ? lo * 0.9 : 0, hi];
  if (LOWER.test(q)) return [lo, slight ? hi * 1.1 : Number.POSITIVE_INFINITY];
  const step = ORDINAL_UNITS.has(unit);
  if (NEAR.test(q)) return step ? [lo - 1, hi + 1] : [lo * 0.9, hi * 1.1];
  if (JUST_BELOW.test(q)) return step ? [lo - 1, hi] : [lo * 0.9, hi];
  return [lo, hi]; // "just", "only" stress a figure, they do not hedge it
}

function sameValue(a: FigureValue, b: FigureValue): boolean {
  if (typeof a === 'number' || typeof b === 'number') return a === b;
  return a.min === b.min && a.max === b.max;
}

export interface TopicHead {
  id: string;
  label: string;
  subjectId: string | null;
}

export function computeTopic(head: TopicHead, figures: readonly Figure[]): Topic {
  const mine = figures.filter((f) => f.topicId === head.id);
  const groups = new Map<string, Figure[]>();
  for (const f of mine) {
    const key = `${f.subjectId ?? ''}\u0000${f.unit}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  let disagree = false;
  let varies = false;
  let compatible = true;
  for (const group of groups.values()) {
    // Each figure's interval once, not once per pair: a reader's library can put
    // hundreds of figures in one topic.
    const spans = group.map((f) => interval(f.value, f.qualifier, f.unit));
    for (let i = 0; i < group.length; i++) {
      const a = group[i] as Figure;
      for (let j = i + 1; j < group.length; j++) {
        const b = group[j] as Figure;
        if (sameValue(a.value, b.value)) continue;
        // One source giving two values speaks of two moments (assets in 2021 and 2023).
        if (a.sourceId === b.sourceId) {
          varies = true;
          continue;
        }
        disagree = true;
        const [alo, ahi] = spans[i] as Interval;
        const [blo, bhi] = spans[j] as Interval;
        if (Math.max(alo, blo) > Math.min(ahi, bhi)) compatible = false;
      }
    }
  }
  return {
    id: head.id,
    label: head.label,
    subjectId: head.subjectId,
    figureIds: mine.map((f) => f.id),
    disagree,
    compatible,
    varies,
  };
}
