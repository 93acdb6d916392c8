import { describe, expect, it } from 'vitest';
import { computeTopic, interval } from '../../lib/pack/topics';
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
    expect(t).toMatchObject({ disagree: true, compatible: false });
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
    expect(t).toMatchObject({ disagree: false, varies: true, compatible: true });
  });
  it('takes only the figures of its own topic', () => {
    const t = computeTopic(head, [fig('a', 1, null), fig('b', 2, null, { topicId: 'other' })]);
    expect(t.figureIds).toHaveLength(1);
  });
});
