import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseQuantities } from '../../lib/quantity/parse';
import { QUANTITY_UNITS } from '../../lib/quantity/units';

type Row = [input: string, text: string, value: unknown, unit: string, qualifier: string | null];

// What people write, and what it must read as. `text` is the marked span.
const READS: Row[] = [
  ['It cost $5.6 million.', '$5.6 million', 5_600_000, 'USD', null],
  ['only $6M', 'only $6M', 6_000_000, 'USD', 'only'],
  ['US$6 million', 'US$6 million', 6_000_000, 'USD', null],
  ['6 million dollars', '6 million dollars', 6_000_000, 'USD', null],
  ['a mere $5.6m spent', '$5.6m', 5_600_000, 'USD', null],
  ['wiping away about $600 billion in', 'about $600 billion', 600e9, 'USD', 'about'],
  ['manages $8bn', '$8bn', 8e9, 'USD', null],
  ['over 100 billion yuan in assets', 'over 100 billion yuan', 1e11, 'CNY', 'over'],
  ['¥5 billion', '¥5 billion', 5e9, 'CNY', null],
  ['RMB 5 billion', 'RMB 5 billion', 5e9, 'CNY', null],
  ['融资5.6亿美元', '5.6亿美元', 5.6e8, 'USD', null],
  ['资产约40亿元', '约40亿元', 4e9, 'CNY', '约'],
  [
    'ranging from 10,000 to 50,000 –',
    '10,000 to 50,000',
    { min: 10_000, max: 50_000 },
    'count',
    null,
  ],
  [
    'between 10,000 and 50,000 A100 chips',
    'between 10,000 and 50,000 A100 chips',
    { min: 10_000, max: 50_000 },
    'chips',
    null,
  ],
  ['$5-6 million', '$5-6 million', { min: 5e6, max: 6e6 }, 'USD', null],
  ['2-3 years behind', '2-3 years', { min: 2, max: 3 }, 'years', null],
  [
    'just $0.10 per million tokens compared',
    'just $0.10 per million tokens',
    0.1,
    'USD/1M tokens',
    'just',
  ],
  ['$4.40 per million tokens for OpenAI', '$4.40 per million tokens', 4.4, 'USD/1M tokens', null],
  ['comprises fewer than 140 people, many', 'fewer than 140 people', 140, 'people', 'fewer than'],
  ['say that less than 140 people', 'less than 140 people', 140, 'people', 'less than'],
  [
    'about 50,000 H100 computing cards',
    'about 50,000 H100 computing cards',
    50_000,
    'chips',
    'about',
  ],
  ['has 50,000 H100, which', '50,000 H100', 50_000, 'chips', null],
  ['50,000 H100s.', '50,000 H100s', 50_000, 'chips', null],
  ['using 2,000 chips', '2,000 chips', 2_000, 'chips', null],
  ['bought 10,000 A100s', '10,000 A100s', 10_000, 'chips', null],
  [
    'use about 16,000 specialized chips.',
    'about 16,000 specialized chips',
    16_000,
    'chips',
    'about',
  ],
  ['using 2,000 such chips and', '2,000 such chips', 2_000, 'chips', null],
  [
    'bought 10,000 of Nvidia’s high-performance A100 graphics processor chips by 2022',
    '10,000 of Nvidia’s high-performance A100 graphics processor chips',
    10_000,
    'chips',
    null,
  ],
  ['trained with just 2,000 of them.', 'just 2,000 of them', 2_000, 'count', 'just'],
  ['an example of this-40-year-old studied AI', '40-year-old', 40, 'years', null],
  ['up 17% today', '17%', 17, 'percent', null],
  ['roughly 17 percent', 'roughly 17 percent', 17, 'percent', 'roughly'],
  ['Founded in 2023 by', '2023', 2023, 'year', null],
  ['climbed to the sixth spot in', 'sixth spot', 6, 'rank', null],
  ['China’s No. 2 official', 'No. 2', 2, 'rank', null],
  ['is ranked second only behind', 'second', 2, 'rank', null],
  ['the app fell to sixth, behind', 'sixth', 6, 'rank', null],
  ['its app sat sixth on the App Store', 'sixth', 6, 'rank', null],
  ['third on Apple’s charts', 'third', 3, 'rank', null],
  ['cost less than $6 million, in', 'less than $6 million', 6e6, 'USD', 'less than'],
  ['built in just two months', 'just two months', 2, 'months', 'just'],
  ['reportedly around 40 years old', 'around 40 years', 40, 'years', 'around'],
  ['DeepSeek’s 40-year-old founder', '40-year-old', 40, 'years', null],
  ['a 40-minute video', '40-minute', 40, 'minutes', null],
  ['more than a billion people.', 'more than a billion people', 1e9, 'people', 'more than'],
  ['reach a trillion dollars', 'a trillion dollars', 1e12, 'USD', null],
  ['nearly 30 engineers', 'nearly 30 engineers', 30, 'people', 'nearly'],
  ['up to $3 million', 'up to $3 million', 3e6, 'USD', 'up to'],
  ['just over $5 billion', 'just over $5 billion', 5e9, 'USD', 'just over'],
  ['raised RMB5 billion', 'RMB5 billion', 5e9, 'CNY', null],
  ['a $5.6-million model', '$5.6-million', 5.6e6, 'USD', null],
  ['about 50k GPUs', 'about 50k GPUs', 50_000, 'chips', 'about'],
  ['a 671B parameters model', '671B parameters', 671e9, 'parameters', null],
  ['10,000+ GPUs', '10,000+ GPUs', 10_000, 'chips', '+'],
  ['囤积了1万张A100', '1万张A100', 10_000, 'chips', null],
  ['团队不到140人', '不到140人', 140, 'people', '不到'],
  ['成立于2023年', '2023年', 2023, 'year', null],
  ['released R1 on January 20, which', 'January 20', 120, 'date', null],
  ['Wednesday, January 29, 2025', 'January 29, 2025', 20250129, 'date', null],
  ['on 20 January 2025 it', '20 January 2025', 20250120, 'date', null],
  ['in May 2023 that', '2023', 2023, 'year', null],
];

describe('parseQuantities reads what people write', () => {
  it.each(READS)('%s', (input, text, value, unit, qualifier) => {
    const found = parseQuantities(input);
    const q = found.find((f) => f.text === text);
    expect(q, JSON.stringify(found)).toBeDefined();
    expect(q).toMatchObject({ value, unit, qualifier });
    expect(input.slice(q?.start, q?.end)).toBe(text);
  });
});

// Numbers inside names, codes and vague words are not figures.
const NOT_FIGURES = [
  'thousands of GPUs',
  'hundreds of engineers',
  'Qihoo 360.',
  'the RTX 4090, A100, and L40',
  'Kai-Fu Lee, the creator of 01.AI',
  'GPT-3.5 APIs',
  'the site 36Kr said',
  '$6Mbps',
  'a 5m tall wall',
  'COP29 talks',
  'o1 and R1 and V3',
  'a tenth of the price',
  'the second on the list of demands',
  'fell to second-guessing',
  'one of the best',
  'a third-tier city',
  'billions spent',
];

describe('parseQuantities leaves alone', () => {
  it.each(NOT_FIGURES)('%s', (input) => {
    expect(parseQuantities(input)).toEqual([]);
  });
});

describe('parseQuantities on whole texts', () => {
  it('finds figures in order, without overlap, each a verbatim slice', () => {
    const text =
      'DeepSeek claims it trained R1 in just two months for less than $6 million; others say it has about 50,000 H100s, and High-Flyer managed over 100 billion yuan by 2021.';
    const found = parseQuantities(text);
    expect(found.map((q) => q.text)).toEqual([
      'just two months',
      'less than $6 million',
      'about 50,000 H100s',
      'over 100 billion yuan',
      '2021',
    ]);
    for (let i = 1; i < found.length; i++) {
      expect(found[i]?.start).toBeGreaterThanOrEqual(found[i - 1]?.end ?? 0);
    }
  });

  it('only returns documented units', () => {
    const units = new Set(Object.keys(QUANTITY_UNITS));
    const text = READS.map((r) => r[0]).join('\n');
    for (const q of parseQuantities(text)) expect(units.has(q.unit), q.unit).toBe(true);
  });

  it('returns nothing, without throwing, for empty or non-string input', () => {
    for (const bad of ['', null, undefined, 42, {}]) {
      expect(parseQuantities(bad as unknown as string)).toEqual([]);
    }
  });

  it('never throws and always returns verbatim, ordered, non-overlapping spans', () => {
    const alphabet = fc.constantFrom(
      ...'0123456789 ,.-–$¥%亿万元美 aboutlessthanmillionbillionyuanchipsH100AspotsixthNo.between and to '.split(
        '',
      ),
    );
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 80 }), (chars) => {
        const text = chars.join('');
        const found = parseQuantities(text);
        let last = 0;
        for (const q of found) {
          expect(text.slice(q.start, q.end)).toBe(q.text);
          expect(q.start).toBeGreaterThanOrEqual(last);
          last = q.end;
        }
      }),
      { numRuns: 300 },
    );
  });
});
