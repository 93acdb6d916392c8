import { describe, expect, it } from 'vitest';
import { figureAgrees } from '../../lib/knowledge/figure-agreement';
import type { FigureValue } from '../../lib/pack/types';

const src = (value: FigureValue, qualifier: string | null = null, unit = 'USD') => ({
  value,
  qualifier,
  unit,
});

describe('figureAgrees', () => {
  it.each([
    [5_600_000, src(5_600_000), true],
    [5_580_000, src(5_600_000), true],
    [3_000_000, src(5_600_000), false],
    [5_600_000, src(6_000_000, 'less than'), true],
    [7_000_000, src(6_000_000, 'less than'), false],
    [150, src(140, 'fewer than'), false],
    [620e9, src(600e9, 'about'), true],
    [700e9, src(600e9, 'about'), false],
    [20_000, src({ min: 10_000, max: 50_000 }), true],
    [{ min: 10_000, max: 50_000 }, src(50_000), true],
    [6e9, src(5e9, 'over'), true],
  ] as [FigureValue, ReturnType<typeof src>, boolean][])('%j vs %j', (page, source, expected) => {
    expect(figureAgrees(page, source)).toBe(expected);
  });

  it('never agrees across units', () => {
    expect(figureAgrees(5_600_000, src(5_600_000, null, 'CNY'), 'USD')).toBe(false);
  });
});
