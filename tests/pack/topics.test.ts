import { describe, expect, it } from 'vitest';
import { computeTopic, interval, pairVerdict, worstVerdict } from '../../lib/pack/topics';
import type { Figure, FigureValue } from '../../lib/pack/types';

const INF = Number.POSITIVE_INFINITY;

describe('interval reads a qualifier as what the figure allows', () => {
  it.each([
    [6e6, null, [6e6, 6e6]],
    [6e6, 'less than', [0, 6e6]],
    [140, 'fewer than', [0, 140]],
    [5e9, 'over', [5e9, INF]],
    [5e9, 'just over', [5e9, 5.5e9]],
    [50_000, 'about', [45_000, 55_000]],
    [5.6e6, 'only', [5.6e6, 5.6e6]],
    [{ min: 10_000, max: 50_000 }, null, [10_000, 50_000]],
    [2021, 'around', [2020, 2022], 'year'],
    [6, 'about', [5, 7], 'rank'],
    [2022, 'by', [0, 2022], 'year'],
    [2021, 'since', [2021, INF], 'year'],
    [1e12, 'poised to top', [1e12, INF]],
  ] as [FigureValue, string | null, [number, number], string?][])(
    '%j %s',
    (value, q, expected, unit) => {
      const [lo, hi] = interval(value, q, unit);
      expect(lo).toBeCloseTo(expected[0]);
      if (expected[1] === INF) expect(hi).toBe(INF);
      else expect(hi).toBeCloseTo(expected[1]);
    },
  );
});

let n = 0;
function fig(
  sourceId: string,
  value: FigureValue,
  qualifier: string | null,
  extra: Partial<Figure> = {},
): Figure {
  n++;
  return {
    id: `f${n}`,
    sourceId,
    start: 0,
    end: 1,
    text: 'x',
    value,
    unit: 'USD',
    qualifier,
    claimId: 'c',
    topicId: 't',
    subjectId: 'deepseek',
    ...extra,
  };
}
const head = { id: 't', label: 'T', subjectId: 'deepseek' };

describe('computeTopic', () => {
  it('finds no disagreement when sources agree', () => {
    const t = computeTopic(head, [fig('a', 5, null), fig('b', 5, 'about')]);
    expect(t).toMatchObject({ disagree: false, compatible: true, varies: false });
  });
  it('flags different values from different sources, compatible when the hedges overlap', () => {
    const t = computeTopic(head, [fig('a', 6e6, 'less than'), fig('b', 5.6e6, null)]);
    expect(t).toMatchObject({ disagree: true, compatible: true });
  });
  it('flags incompatible values', () => {
    const t = computeTopic(head, [fig('a', 2023, null), fig('b', 2021, null)]);
    expect(t).toMatchObject({ verdict: 'conflict', disagree: true, compatible: false });
  });
  it('sums pairs up by the most serious one', () => {
    const t = computeTopic(head, [
      fig('a', 6e6, 'less than'),
      fig('b', 5.6e6, null),
      fig('c', 9e6, null),
    ]);
    expect(t.verdict).toBe('conflict'); // $9 million cannot be "less than $6 million"
  });
  it('never compares different subjects or units', () => {
    const t = computeTopic(head, [
      fig('a', 0.1, null),
      fig('b', 4.4, null, { subjectId: 'openai' }),
      fig('c', 7, null, { unit: 'CNY' }),
    ]);
    expect(t.disagree).toBe(false);
  });
  it('calls one source with two values "varies", not a disagreement', () => {
    const t = computeTopic(head, [fig('a', 1e11, null), fig('a', 4e10, null)]);
    expect(t).toMatchObject({ verdict: 'agree', disagree: false, varies: true, compatible: true });
  });
  it('takes only the figures of its own topic', () => {
    const t = computeTopic(head, [fig('a', 1, null), fig('b', 2, null, { topicId: 'other' })]);
    expect(t.figureIds).toHaveLength(1);
  });
});

type Side = Parameters<typeof pairVerdict>[0];
const side = (value: FigureValue, extra: Partial<Side> = {}): Side => ({
  value,
  qualifier: null,
  unit: 'chips',
  ...extra,
});

describe('pairVerdict: two sources on one subject', () => {
  it.each([
    ['same value', side(140), side(140, { qualifier: 'about' }), 'agree'],
    [
      'hedges overlap',
      side(6e6, { qualifier: 'less than', unit: 'USD' }),
      side(5.6e6, { unit: 'USD' }),
      'compatible',
    ],
    ['a range holds the value', side({ min: 1e4, max: 5e4 }), side(1e4), 'compatible'],
    [
      'different chip models',
      side(1e4, { measure: 'A100' }),
      side(5e4, { measure: 'H100' }),
      'different-things',
    ],
    [
      'same value, different things',
      side(1e4, { measure: 'A100' }),
      side(1e4, { measure: 'H100' }),
      'different-things',
    ],
    [
      'a moment against none',
      side(1, { unit: 'rank', when: 'on Monday' }),
      side(6, { unit: 'rank' }),
      'different-moments',
    ],
    [
      'two moments',
      side(1, { unit: 'rank', when: 'on Monday' }),
      side(6, { unit: 'rank', when: 'As of press time' }),
      'different-moments',
    ],
    [
      'one moment, two values',
      side(1, { unit: 'rank', when: 'on Monday' }),
      side(6, { unit: 'rank', when: 'On  monday' }),
      'conflict',
    ],
    [
      'no moments, no overlap',
      side(2023, { unit: 'year' }),
      side(2021, { unit: 'year' }),
      'conflict',
    ],
  ] as [string, Side, Side, string][])('%s', (_why, a, b, expected) => {
    expect(pairVerdict(a, b)).toBe(expected);
    expect(pairVerdict(b, a)).toBe(expected);
  });
});

describe('worstVerdict', () => {
  it('is agree for no pairs and the most serious otherwise', () => {
    expect(worstVerdict([])).toBe('agree');
    expect(worstVerdict(['compatible', 'different-moments', 'agree'])).toBe('different-moments');
    expect(worstVerdict(['different-things', 'conflict', 'compatible'])).toBe('conflict');
  });
});
