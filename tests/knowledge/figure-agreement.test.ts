/** The card and sidebar's figure verdicts: the detector's words, per source figure and in one line. */
import { describe, expect, it } from 'vitest';
import {
  comparisonLine,
  pageVerdict,
  rowVerdict,
  statedText,
} from '../../lib/knowledge/figure-agreement';
import type { FigureRow, TermDetailRequest, TopicView } from '../../lib/knowledge/types';
import type { Figure } from '../../lib/pack/types';

type Stated = Pick<Figure, 'value' | 'unit' | 'qualifier' | 'subjectId'>;
const src = (
  value: Figure['value'],
  qualifier: string | null = null,
  subjectId = 'deepseek',
): Stated => ({
  value,
  unit: 'USD',
  qualifier,
  subjectId,
});
const page = (
  pageValue: Figure['value'],
  rest: Partial<TermDetailRequest> = {},
): TermDetailRequest => ({
  id: 'deepseek-training-cost',
  kind: 'figure',
  pageValue,
  pageUnit: 'USD',
  ...rest,
});

describe('rowVerdict', () => {
  it.each<[string, TermDetailRequest, Stated, string | null]>([
    ['inside a bound', page(5.5e6), src(6e6, 'less than'), 'within'],
    ['rounded', page(5.58e6), src(5.6e6, 'only'), 'close'],
    ['the page hedging', page(6e6, { pageQualifier: 'about' }), src(5.6e6), 'close'],
    ['equal', page(5.6e6), src(5.6e6), 'same'],
    ['outside', page(2e7), src(6e6, 'less than'), 'differs'],
    ['no page figure', { id: 'x', kind: 'figure' }, src(6e6), null],
    ['another subject', page(4.4, { pageSubjectId: 'deepseek' }), src(4.4, null, 'openai'), null],
    ['another unit', page(8e9, { pageUnit: 'CNY' }), src(8e9), null],
  ])('%s', (_why, req, figure, expected) => {
    expect(rowVerdict(req, figure)).toBe(expected);
  });
});

function row(text: string, qualifier: string | null, verdict: FigureRow['verdict']): FigureRow {
  return {
    source: { id: 's000', label: 'T', title: 'T', outlet: null, date: null },
    figureId: text,
    text,
    value: 0,
    unit: 'USD',
    qualifier,
    verdict,
    quote: null,
  };
}

function topic(rows: FigureRow[]): TopicView {
  return {
    id: 't',
    label: 'T',
    disagree: false,
    compatible: true,
    verdict: 'agree',
    rows,
    pageVerdict: pageVerdict(rows),
  };
}

describe('comparisonLine', () => {
  it('names the source figures that give the verdict', () => {
    const t = topic([row('about $600 billion', 'about', 'close')]);
    expect(comparisonLine('$589 billion', t)).toBe(
      'This page: $589 billion. Sources: about $600 billion (close)',
    );
  });

  it('takes the best verdict, and each source figure once', () => {
    const t = topic([
      row('less than $6 million', 'less than', 'within'),
      row('only $5.6 million', 'only', 'close'),
      row('less than $6 million', 'less than', 'within'),
    ]);
    expect(t.pageVerdict).toBe('within');
    expect(comparisonLine('$5.58 million', t)).toBe(
      'This page: $5.58 million. Sources: less than $6 million (within)',
    );
  });

  it('for a figure that differs, names every figure it was set against, not other subjects', () => {
    const t = topic([
      row('$5.6 million', null, 'differs'),
      row('$6 million', 'less than', 'differs'),
      row('$4.40', null, null),
    ]);
    expect(comparisonLine('$20 million', t)).toBe(
      'This page: $20 million. Sources: $5.6 million, less than $6 million (differs)',
    );
  });

  it('is null with nothing compared', () => {
    expect(comparisonLine('$5 million', topic([row('$5.6 million', null, null)]))).toBeNull();
  });
});

describe('statedText', () => {
  it('keeps the hedge with the figure, once', () => {
    expect(statedText({ text: 'less than $6 million', qualifier: 'less than' })).toBe(
      'less than $6 million',
    );
    expect(statedText({ text: '$6 million', qualifier: 'less than' })).toBe('less than $6 million');
    expect(statedText({ text: '$6 million', qualifier: null })).toBe('$6 million');
  });
});
