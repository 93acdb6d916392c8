import { describe, expect, it } from 'vitest';
import { pack } from '../../lib/pack/bundled';
import type { Figure } from '../../lib/pack/types';

const figure = (sourceId: string, text: string): Figure | undefined =>
  pack.figures.find((f) => f.sourceId === sourceId && f.text === text);

// Figures the sources state, and how the pack must read them.
const REQUIRED: [
  source: string,
  text: string,
  value: Figure['value'],
  unit: string,
  qualifier: string | null,
][] = [
  ['s004', 'only $5.6 million', 5_600_000, 'USD', 'only'],
  ['s000', 'less than $6 million', 6_000_000, 'USD', 'less than'],
  ['s002', '10,000 to 50,000', { min: 10_000, max: 50_000 }, 'chips', null],
  ['s001', 'between 10,000 and 50,000 A100 chips', { min: 10_000, max: 50_000 }, 'chips', null],
  ['s004', 'over 100 billion yuan', 1e11, 'CNY', 'over'],
  ['s004', 'around 40 billion yuan', 4e10, 'CNY', 'around'],
  ['s004', 'around $8 billion', 8e9, 'USD', 'around'],
  ['s004', 'just $0.10 per million tokens', 0.1, 'USD/1M tokens', 'just'],
  ['s004', '$4.40 per million tokens', 4.4, 'USD/1M tokens', null],
  ['s001', 'fewer than 140 people', 140, 'people', 'fewer than'],
  ['s002', 'less than 140 people', 140, 'people', 'less than'],
  ['s001', 'just 2,000 of them', 2000, 'chips', 'just'],
  ['s002', '2,000 such chips', 2000, 'chips', null],
  ['s004', 'about 50,000 H100 computing cards', 50_000, 'chips', 'about'],
  [
    's000',
    '10,000 of Nvidia’s high-performance A100 graphics processor chips',
    10_000,
    'chips',
    null,
  ],
  ['s000', 'about $600 billion', 6e11, 'USD', 'about'],
  ['s004', 'sixth spot', 6, 'rank', null],
  ['s000', 'the top', 1, 'rank', null],
  ['s000', '2023', 2023, 'year', null],
  ['s004', '2021', 2021, 'year', null],
  // Month precision: "May 2023" is that month (day 00), not the year.
  ['s000', 'May 2023', 20230500, 'date', null],
  ['s004', 'December 2024', 20241200, 'date', null],
  // A bound on a year, and a forecast's hedge, kept as the source's own qualifier.
  ['s000', 'by 2022', 2022, 'year', 'by'],
  ['s004', 'By 2021', 2021, 'year', 'By'],
  ['s004', 'poised to top $1 trillion', 1e12, 'USD', 'poised to top'],
];

describe('figures in the sources', () => {
  it.each(REQUIRED)('%s reads "%s"', (source, text, value, unit, qualifier) => {
    expect(figure(source, text)).toMatchObject({ value, unit, qualifier });
  });

  it.each(['thousands of GPUs', '01.AI', 'Qihoo 360', 'RTX 4090', '36K', 'H800', 'GPT-3.5'])(
    'reads no figure inside "%s"',
    (phrase) => {
      let seen = 0;
      for (const s of pack.sources) {
        for (let at = s.text.indexOf(phrase); at !== -1; at = s.text.indexOf(phrase, at + 1)) {
          seen++;
          const end = at + phrase.length;
          const inside = pack.figures.filter(
            (f) => f.sourceId === s.id && f.start < end && at < f.end,
          );
          expect(inside.map((f) => f.text)).toEqual([]);
        }
      }
      expect(seen).toBeGreaterThan(0);
    },
  );
});

const topic = (id: string) => {
  const t = pack.topics.find((x) => x.id === id);
  if (!t) throw new Error(`no topic ${id}`);
  const figs = t.figureIds.map((fid) => pack.figures.find((f) => f.id === fid) as Figure);
  return { ...t, figs, texts: figs.map((f) => `${f.sourceId} ${f.text}`) };
};

describe('topics', () => {
  it('training cost: "less than $6 million" vs "$5.6 million" differ but both can be true', () => {
    const t = topic('deepseek-training-cost');
    expect(t.texts).toEqual(['s000 less than $6 million', 's004 only $5.6 million']);
    expect(t).toMatchObject({ verdict: 'compatible', disagree: true, compatible: true });
  });

  it("chip stock: High-Flyer's A100s by 2022, DeepSeek's A100s, Wang's H100s: different things", () => {
    const t = topic('deepseek-chip-stock');
    expect(t.figs.map((f) => [f.sourceId, f.subjectId, f.measure, f.when ?? null])).toEqual([
      ['s000', 'high-flyer', 'A100', 'by 2022'], // "High-Flyer had purchased 10,000 … by 2022"
      ['s001', 'deepseek', 'A100', 'before restrictions'],
      ['s002', 'deepseek', 'A100', 'Long before the ban'],
      ['s004', 'deepseek', 'H100', null],
    ]);
    // They differ in chip model, holder and moment: never "cannot all be true".
    expect(t).toMatchObject({ verdict: 'different-things', disagree: true, compatible: true });
  });

  it('chips used to train: DeepSeek 2,000 (twice), leading Western models about 16,000', () => {
    const t = topic('training-chips');
    const deepseek = t.figs.filter((f) => f.subjectId === 'deepseek');
    expect(deepseek.map((f) => f.value)).toEqual([2000, 2000]);
    expect(t.figs.find((f) => f.subjectId === null)?.value).toBe(16_000);
    expect(t.disagree).toBe(false);
  });

  it('team size: fewer than 140 and less than 140 agree', () => {
    const t = topic('deepseek-team-size');
    expect(t.texts).toEqual(['s001 fewer than 140 people', 's002 less than 140 people']);
    expect(t.disagree).toBe(false);
  });

  it('start year: founded in 2023 vs starting in 2021 are different things', () => {
    const t = topic('deepseek-start-year');
    expect(t.figs.map((f) => [f.value, f.measure])).toEqual([
      [2023, 'founded'],
      [2023, 'founded'],
      [2021, 'starting'],
    ]);
    expect(t).toMatchObject({ verdict: 'different-things', disagree: true, compatible: true });
  });

  it('App Store rank: the top on Monday vs sixth as of press time are different moments', () => {
    const t = topic('app-store-rank');
    const app = t.figs.filter((f) => f.subjectId === 'deepseek-app');
    expect(app.map((f) => [f.value, f.when ?? null])).toEqual([
      [1, 'on Monday'],
      [1, null],
      [6, 'As of press time'],
    ]);
    expect(t.figs.find((f) => f.subjectId === 'chatgpt')?.value).toBe(1);
    expect(t).toMatchObject({ verdict: 'different-moments', disagree: true });
  });

  it('every topic has a verdict, and disagree and compatible follow from it', () => {
    for (const t of pack.topics) {
      expect(t.disagree, t.id).toBe(t.verdict !== 'agree');
      expect(t.compatible, t.id).toBe(t.verdict !== 'conflict');
    }
    expect(
      Object.fromEntries(
        pack.topics.filter((t) => t.verdict !== 'agree').map((t) => [t.id, t.verdict]),
      ),
    ).toEqual({
      'deepseek-training-cost': 'compatible',
      'deepseek-chip-stock': 'different-things',
      'deepseek-start-year': 'different-things',
      'app-store-rank': 'different-moments',
    });
  });

  it("High-Flyer's assets: one source, three values over time, so it varies but does not disagree", () => {
    const t = topic('high-flyer-assets');
    expect(t.figs.map((f) => [f.value, f.unit])).toEqual([
      [8e9, 'USD'],
      [1e11, 'CNY'],
      [4e10, 'CNY'],
    ]);
    expect(t).toMatchObject({ verdict: 'agree', disagree: false, varies: true });
    expect(t.figs.map((f) => f.when ?? null)).toEqual([null, 'By 2021', 'by 2023']);
  });

  it('price per million tokens: DeepSeek and OpenAI are different subjects, no disagreement', () => {
    const t = topic('price-per-million-tokens');
    expect(t.figs.map((f) => [f.subjectId, f.value])).toEqual([
      ['deepseek', 0.1],
      ['openai', 4.4],
    ]);
    expect(t.disagree).toBe(false);
  });

  it('R1 release date: three sources agree on January 20', () => {
    const t = topic('r1-release-date');
    expect(t.texts).toEqual(['s000 January 20', 's002 January 20', 's004 January 20']);
    expect(t.disagree).toBe(false);
  });

  it("Nvidia's lost market value is about $600 billion", () => {
    expect(topic('nvidia-market-value-loss').figs.map((f) => f.value)).toEqual([6e11]);
  });

  it('every topic has figures, and each figure points back to its topic', () => {
    for (const t of pack.topics) {
      expect(t.figureIds.length, t.id).toBeGreaterThan(0);
      for (const id of t.figureIds) {
        expect(pack.figures.find((f) => f.id === id)?.topicId).toBe(t.id);
      }
    }
  });
});
