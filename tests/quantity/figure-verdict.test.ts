/** A page's figure against a source's, in four words; qualifiers read as the pack reads them. */
import { describe, expect, it } from 'vitest';
import {
  bestVerdict,
  compareFigure,
  type FigureVerdict,
  type StatedFigure,
} from '../../lib/quantity/figure-verdict';

const fig = (value: StatedFigure['value'], qualifier: string | null = null, unit = 'USD') => ({
  value,
  unit,
  qualifier,
});

describe('compareFigure', () => {
  it.each<[string, StatedFigure, StatedFigure, FigureVerdict]>([
    ['equal', fig(5.6e6), fig(5.6e6), 'same'],
    ['equal, the source only stressing it', fig(5.6e6), fig(5.6e6, 'only'), 'same'],
    [
      'equal, hedged alike',
      fig(140, 'less than', 'people'),
      fig(140, 'fewer than', 'people'),
      'same',
    ],
    [
      'the same range',
      fig({ min: 1e4, max: 5e4 }, null, 'chips'),
      fig({ min: 1e4, max: 5e4 }, null, 'chips'),
      'same',
    ],
    ['rounded against an "about"', fig(589e9), fig(600e9, 'about'), 'close'],
    ['rounded, within 5%', fig(2030, null, 'chips'), fig(2000, 'just', 'chips'), 'close'],
    ['a shade more precise', fig(5.58e6), fig(5.6e6), 'close'],
    ['an "about" holding the source', fig(6e6, 'about'), fig(5.6e6), 'close'],
    ['inside an "about" but past rounding', fig(650e9), fig(600e9, 'about'), 'close'],
    ['inside a bound', fig(5.5e6), fig(6e6, 'less than'), 'within'],
    ['an "about" inside a bound', fig(5e6, 'about'), fig(6e6, 'less than'), 'within'],
    [
      'inside a range',
      fig(2e4, null, 'chips'),
      fig({ min: 1e4, max: 5e4 }, null, 'chips'),
      'within',
    ],
    ['a page bound holding the source', fig(1e7, 'under'), fig(5.6e6), 'within'],
    ['a page range holding the source', fig({ min: 5e6, max: 6e6 }), fig(5.6e6), 'within'],
    ['over a lower bound', fig(6e9), fig(5e9, 'over'), 'within'],
    ['outside a bound', fig(2e7), fig(6e6, 'less than'), 'differs'],
    ['past rounding', fig(7e6), fig(5.6e6), 'differs'],
    ['outside an "about"', fig(700e9), fig(600e9, 'about'), 'differs'],
    [
      'outside a range',
      fig(2e5, null, 'chips'),
      fig({ min: 1e4, max: 5e4 }, null, 'chips'),
      'differs',
    ],
    ['the same year', fig(2023, null, 'year'), fig(2023, null, 'year'), 'same'],
    [
      'two years apart: no rounding for years',
      fig(2021, null, 'year'),
      fig(2023, null, 'year'),
      'differs',
    ],
    ['"around" a year', fig(2022, 'around', 'year'), fig(2023, null, 'year'), 'close'],
    [
      'a date with its year, one without',
      fig(20250120, null, 'date'),
      fig(120, null, 'date'),
      'same',
    ],
    ['another day', fig(110, null, 'date'), fig(120, null, 'date'), 'differs'],
    ['sixth against the top', fig(6, null, 'rank'), fig(1, null, 'rank'), 'differs'],
  ])('%s', (_why, page, source, expected) => {
    expect(compareFigure(page, source)).toBe(expected);
  });

  it('never compares across units: yuan and dollars have no rate in the sources', () => {
    expect(compareFigure(fig(8e9), fig(8e9, null, 'CNY'))).toBeNull();
  });
});

describe('bestVerdict', () => {
  it('takes the best verdict any source gives, and which sources give it', () => {
    const sources = [fig(6e6, 'less than'), fig(5.6e6, 'only')];
    expect(bestVerdict(fig(5.58e6), sources)).toEqual({ verdict: 'within', indices: [0] });
    expect(bestVerdict(fig(5.6e6), sources)).toEqual({ verdict: 'same', indices: [1] });
    expect(bestVerdict(fig(3e7), sources)).toEqual({ verdict: 'differs', indices: [0, 1] });
  });

  it('is null when no source figure is in the unit', () => {
    expect(bestVerdict(fig(5), [fig(5, null, 'CNY')])).toBeNull();
    expect(bestVerdict(fig(5), [])).toBeNull();
  });
});
