/**
 * Topic verdicts, computed from the figures (values, qualifiers, subjects, units, measures
 * and moments) and never typed in. Figures compare only within one subject and one unit
 * (there is no exchange rate in the sources, so yuan and dollars are never compared).
 */
import type { Figure, FigureValue, Topic, Verdict } from './types';

type Interval = [number, number];

// "by 2022", "before", "until" bound a time from above; "since", "after" from below.
const UPPER =
  /^(?:less than|fewer than|under|below|up to|at most|as many as|as much as|by|before|until|不到)$/i;
// "poised to top $1 trillion": a forecast of more than $1 trillion.
const LOWER =
  /^(?:more than|greater than|over|above|at least|upwards of|in excess of|after|since|(?:poised|set|expected|projected|forecast) to (?:top|exceed|surpass)|超过|逾|\+)$/i;
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

/** How serious a verdict is, for summing up many pairs: the most serious pair speaks. */
const SEVERITY: Record<Verdict, number> = {
  agree: 0,
  compatible: 1,
  'different-moments': 2,
  'different-things': 3,
  conflict: 4,
};

export function worstVerdict(verdicts: Iterable<Verdict>): Verdict {
  let worst: Verdict = 'agree';
  for (const v of verdicts) if (SEVERITY[v] > SEVERITY[worst]) worst = v;
  return worst;
}

type Compared = Pick<Figure, 'value' | 'qualifier' | 'unit' | 'measure' | 'when'>;

/**
 * Two figures of one subject and unit, from two sources:
 * - they count different things ("A100" and "H100" chips; "founded" and "starting"):
 *   `different-things`, whatever the values;
 * - the same value: `agree`;
 * - values whose hedges overlap ("less than $6 million", "$5.6 million"): `compatible`;
 * - values that cannot both hold, pinned to different moments ("on Monday", "As of press
 *   time"): `different-moments`; a figure pinned to a moment says nothing of another;
 * - otherwise `conflict`.
 */
export function pairVerdict(
  a: Compared,
  b: Compared,
  spanA: Interval = interval(a.value, a.qualifier, a.unit),
  spanB: Interval = interval(b.value, b.qualifier, b.unit),
): Verdict {
  if ((a.measure ?? '') !== (b.measure ?? '')) return 'different-things';
  if (sameValue(a.value, b.value)) return 'agree';
  const [alo, ahi] = spanA;
  const [blo, bhi] = spanB;
  if (Math.max(alo, blo) <= Math.min(ahi, bhi)) return 'compatible';
  const moment = (f: Compared) => f.when?.toLowerCase().replace(/\s+/g, ' ');
  if ((a.when || b.when) && moment(a) !== moment(b)) return 'different-moments';
  return 'conflict';
}

export interface TopicHead {
  id: string;
  label: string;
  subjectId: string | null;
}

export function computeTopic(head: TopicHead, figures: readonly Figure[]): Topic {
  const mine = figures.filter((f) => f.topicId === head.id);
  // Figures compare only within one subject and unit: OpenAI's price beside DeepSeek's is a
  // comparison the topic makes, not sources disagreeing.
  const groups = new Map<string, Figure[]>();
  for (const f of mine) {
    const key = `${f.subjectId ?? ''}\u0000${f.unit}`;
    const group = groups.get(key);
    if (group) group.push(f);
    else groups.set(key, [f]);
  }
  let varies = false;
  const verdicts: Verdict[] = [];
  for (const group of groups.values()) {
    // Each figure's interval once, not once per pair: a reader's library can put
    // hundreds of figures in one topic.
    const spans = group.map((f) => interval(f.value, f.qualifier, f.unit));
    for (let i = 0; i < group.length; i++) {
      const a = group[i] as Figure;
      for (let j = i + 1; j < group.length; j++) {
        const b = group[j] as Figure;
        // One source giving two values speaks of two moments (assets in 2021 and 2023).
        if (a.sourceId === b.sourceId) {
          if (!sameValue(a.value, b.value)) varies = true;
          continue;
        }
        verdicts.push(pairVerdict(a, b, spans[i], spans[j]));
      }
    }
  }
  const verdict = worstVerdict(verdicts);
  return {
    id: head.id,
    label: head.label,
    subjectId: head.subjectId,
    figureIds: mine.map((f) => f.id),
    disagree: verdict !== 'agree',
    compatible: verdict !== 'conflict',
    varies,
    verdict,
  };
}
