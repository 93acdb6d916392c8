import { describe, expect, it } from 'vitest';
import { anchorOf, refineFigure } from '../../lib/pack/figure-context';
import { figuresInSentence } from '../../lib/pack/figures';

/** The figures of a one-sentence text, as "text (unit value qualifier) @when". */
function read(sentence: string): string[] {
  return figuresInSentence(sentence, { start: 0, end: sentence.length }, [], []).map(
    (f) =>
      `${f.text} (${f.unit} ${JSON.stringify(f.value)} ${f.qualifier ?? '-'})${f.when ? ` @${f.when}` : ''}`,
  );
}

describe('what a sentence says around its figures', () => {
  it.each([
    ['He told 36Kr in May 2023 that it was hiring.', ['May 2023 (date 20230500 -)']],
    ['Attention began in December 2024.', ['December 2024 (date 20241200 -)']],
    ['It was founded in 2023.', ['2023 (year 2023 -)']],
    [
      'High-Flyer had purchased 10,000 chips by 2022.',
      ['10,000 chips (chips 10000 -) @by 2022', 'by 2022 (year 2022 by)'],
    ],
    [
      'By 2021, it managed over 100 billion yuan.',
      ['By 2021 (year 2021 By)', 'over 100 billion yuan (CNY 100000000000 over) @By 2021'],
    ],
    [
      'The market is poised to top $1 trillion in revenue.',
      ['poised to top $1 trillion (USD 1000000000000 poised to top)'],
    ],
    ['The market will top $1 trillion.', ['$1 trillion (USD 1000000000000 -)']],
    [
      'As of press time, it has climbed to the sixth spot.',
      ['sixth spot (rank 6 -) @As of press time'],
    ],
    [
      'It made remarkable progress in just four years since 2021.',
      ['just four years (years 4 just)', 'since 2021 (year 2021 since)'],
    ],
  ])('%s', (sentence, expected) => {
    expect(read(sentence)).toEqual(expected);
  });

  it('keeps every widened text a verbatim slice', () => {
    const text = 'Intro. The fund had 40 staff by May 2023 in all.';
    const sentence = { start: 7, end: text.length };
    for (const f of figuresInSentence(text, sentence, [], [])) {
      expect(text.slice(f.start, f.end)).toBe(f.text);
    }
    const f = refineFigure(text, 7, {
      start: text.indexOf('2023'),
      end: text.indexOf('2023') + 4,
      text: '2023',
      value: 2023,
      unit: 'year',
      qualifier: null,
    });
    expect(f).toMatchObject({ text: 'by May 2023', qualifier: 'by', value: 20230500 });
  });

  it('gives the nearest moment, never one inside the figure', () => {
    const text = 'On Monday it was top; as of press time it is sixth.';
    const sixth = text.indexOf('sixth');
    expect(
      anchorOf(
        text,
        { start: 0, end: text.length },
        { start: sixth, end: sixth + 5, unit: 'rank' },
      ),
    ).toBe('as of press time');
    expect(anchorOf(text, { start: 0, end: text.length }, { start: 0, end: 9, unit: 'rank' })).toBe(
      'as of press time',
    );
  });
});
