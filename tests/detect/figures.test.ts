/** Figures: page quantities that state a pack figure's value and unit, and nothing else. */
import { describe, expect, it } from 'vitest';
import { candidateFilter, candidateWindows } from '../../lib/detect/figure-candidates';
import { createDetector } from '../../lib/detect/index';
import { fixturePack } from './fixtures/pack';

const detector = createDetector(fixturePack, { gating: false });

function figures(text: string): string[] {
  return detector
    .detect(text)
    .filter((m) => m.kind === 'figure')
    .map((m) => `${m.id}:${m.text}`);
}

describe('figures', () => {
  it.each<[string, string[]]>([
    ['It cost $6 million to train.', ['training-cost:$6 million']],
    ['It cost $6M to train.', ['training-cost:$6M']],
    ['It cost US$6 million to train.', ['training-cost:US$6 million']],
    ['It cost 6 million dollars to train.', ['training-cost:6 million dollars']],
    ['It cost $5.6m to train.', ['training-cost:$5.6m']],
    ['It cost $5.6 million.', ['training-cost:$5.6 million']],
    ['It cost less than $6 million.', ['training-cost:less than $6 million']],
    ['It cost $6\u00a0million.', ['training-cost:$6\u00a0million']],
    ['It cost $6\u00admillion.', ['training-cost:$6\u00admillion']],
    ['It had 50,000 H100s.', ['nvidia-chips:50,000 H100s']],
    ['between 10,000 and 50,000 A100 chips', ['nvidia-chips:between 10,000 and 50,000 A100 chips']],
    ['trained on 2,000 chips', ['training-chips:2,000 chips']],
    ['Nvidia lost $600 billion.', ['nvidia-loss:$600 billion']],
    ['fewer than 140 people work there', ['team-size:fewer than 140 people']],
    ['just $0.10 per million tokens', ['token-price:just $0.10 per million tokens']],
    ['built in two months', ['training-time:two months']],
    ['a $1 billion fund', ['f13:$1 billion']],
  ])('marks %j', (text, expected) => {
    expect(figures(text)).toEqual(expected);
  });

  it.each<[string, string]>([
    ['$7 million', 'a value no pack figure has'],
    ['6 million people', 'the right value in the wrong unit'],
    ['2,000 people', 'a chip count as people'],
    ['¥6 million', 'the right number in another currency'],
    ['It fell 17% on Monday.', 'a percentage, though the pack has 17%'],
    ['17 percent', 'a percentage in words'],
    ['Founded in 2023.', 'a year, though the pack has 2023'],
    ['There were 140 of them.', 'a bare number'],
    ['2000', 'a bare number equal to a chip count'],
    ['page 600', 'a bare number'],
    ['10,000 to 50,000', 'a bare range'],
    ['for four years', 'a duration the pack has only without a topic'],
    ['on January 20', 'a date, though the pack has it under a topic'],
  ])('leaves %j alone (%s)', (text) => {
    expect(figures(text)).toEqual([]);
  });

  it('reads figures far apart in one long text', () => {
    const text = `It cost $6 million. ${'Nothing here 12 34. '.repeat(200)} It had 50,000 H100s.`;
    const found = detector.detect(text).filter((m) => m.kind === 'figure');
    expect(found.map((m) => m.text)).toEqual(['$6 million', '50,000 H100s']);
    for (const m of found) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  it('labels a figure without a topic by its value', () => {
    const [m] = detector.detect('a $1 billion fund');
    expect(m).toMatchObject({ id: 'f13', label: '1,000,000,000 USD' });
  });

  it('gives a figure its value, unit and topic', () => {
    const [m] = detector.detect('It cost $5.6 million.');
    expect(m).toMatchObject({
      kind: 'figure',
      id: 'training-cost',
      label: 'DeepSeek training cost',
      value: 5.6e6,
      unit: 'USD',
      tier: 'context',
      entityKind: null,
    });
  });

  it('parses only around numbers that could be a pack value', () => {
    const filter = candidateFilter([6e6, 5.6e6, 2000, 2]);
    const pad = ' Nothing to see in this sentence at all.'.repeat(6);
    const text = `In 2024, 17 of 40 firms paid $7 million.${pad} It cost $5.6 million, in two months.`;
    const windows = candidateWindows(text, filter).map(([a, b]) => text.slice(a, b));
    expect(windows).toHaveLength(1);
    expect(windows[0]).toContain('$5.6 million');
    expect(windows[0]).toContain('two months');
    expect(windows[0]).not.toContain('2024');
    // 2 is a pack value, so "two" is a candidate; "three" (no pack value) is not.
    expect(candidateWindows('three weeks', filter)).toEqual([]);
    expect(candidateWindows('took 2 weeks', filter)).toHaveLength(1);
    expect(candidateWindows('a billion people', candidateFilter([1e9]))).toHaveLength(1);
    expect(candidateWindows('a million people', candidateFilter([1e9]))).toEqual([]);
  });

  it('scans only around digits and number words', () => {
    const text = 'No numbers here at all. A lot of words. Then $6 million, and more words.';
    const windows = candidateWindows(text);
    expect(windows).toHaveLength(1);
    const [from, to] = windows[0] as [number, number, number];
    expect(text.slice(from, to)).toContain('$6 million');
    expect(candidateWindows('words only, no figures')).toEqual([]);
  });

  it('prefers the figure over a chip name inside it', () => {
    const found = detector.detect('It had 50,000 H100s and one H100.');
    expect(found.map((m) => `${m.kind}:${m.text}`)).toEqual(['figure:50,000 H100s', 'entity:H100']);
  });
});
