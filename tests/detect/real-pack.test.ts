/**
 * The detector with the real generated pack (lib/pack/generated/detect.json): the issue's
 * examples, every alias the pack holds, and the five source articles themselves.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDetector } from '../../lib/detect/index';
import { detectorPack } from '../../lib/pack/bundled';

const gated = createDetector(detectorPack);
const ungated = createDetector(detectorPack, { gating: false });
const show = (text: string, d = gated) => d.detect(text).map((m) => `${m.id}:${m.text}`);

describe('detector with the real pack', () => {
  it.each<[string, string[]]>([
    // A forum post: coined names and the founder in lower case; ordinary words stay words.
    [
      'ngl deepseek is wild. liang wenfeng built it on nvidia chips, a real high flyer',
      ['deepseek:deepseek', 'liang-wenfeng:liang wenfeng', 'nvidia:nvidia'],
    ],
    [
      'LIANG Wenfeng and Liang Wenfeng of DeepSeek',
      ['liang-wenfeng:LIANG Wenfeng', 'liang-wenfeng:Liang Wenfeng', 'deepseek:DeepSeek'],
    ],
    [
      'DeepSeek released R1 and V3, not V3.5 or r1.',
      ['deepseek:DeepSeek', 'deepseek-r1:R1', 'deepseek-v3:V3'],
    ],
    [
      '由梁文锋创立的深度求索公司与幻方量化',
      ['liang-wenfeng:梁文锋', 'deepseek:深度求索公司', 'high-flyer:幻方量化'],
    ],
    [
      'Highflyer, High-Flyer and High Flyer Quant',
      ['high-flyer:Highflyer', 'high-flyer:High-Flyer', 'high-flyer:High Flyer Quant'],
    ],
    [
      'Deep\u00adSeek \u2013 R1 and DeepSeek\u2019s app',
      ['deepseek-r1:Deep\u00adSeek \u2013 R1', 'deepseek:DeepSeek'],
    ],
    [
      'DeepSeek posted on X; the Apple App Store; Nature; Bernstein analysts; Ernie Bot; Meta; Google',
      [
        'deepseek:DeepSeek',
        'x:X',
        'app-store:Apple App Store',
        'nature:Nature',
        'bernstein:Bernstein',
        'ernie:Ernie Bot',
        'meta:Meta',
        'google:Google',
      ],
    ],
  ])('names in %j', (text, expected) => {
    expect(show(text)).toEqual(expected);
  });

  it.each<[string, string]>([
    ['$6 million', 'deepseek-training-cost'],
    ['$6M', 'deepseek-training-cost'],
    ['US$6 million', 'deepseek-training-cost'],
    ['6 million dollars', 'deepseek-training-cost'],
    ['$5.6m', 'deepseek-training-cost'],
    ['50,000 H100s', 'deepseek-chip-stock'],
    ['2,000 chips', 'training-chips'],
    ['$600 billion', 'nvidia-market-value-loss'],
    ['fewer than 140 people', 'deepseek-team-size'],
  ])('marks the figure %j on a page about DeepSeek', (figure, topic) => {
    const text = `DeepSeek: ${figure}, they say.`;
    expect(show(text)).toEqual(['deepseek:DeepSeek', `${topic}:${figure}`]);
  });

  it.each([
    'DeepSeek: prices rose 17% in 2023.',
    'DeepSeek: page 600, item 140, on January 20.',
    'DeepSeek: $7 million and 3,000 chips.',
  ])('leaves figures alone that state no pack value: %j', (text) => {
    expect(show(text)).toEqual(['deepseek:DeepSeek']);
  });

  it.each([
    'The Rivian R1T pickup and the R1S SUV share a platform; the R1T tows 11,000 pounds.',
    "Nvidia's RTX 4090 is the fastest card we have tested; Nvidia asks $1,599 for it.",
    'Joe Biden signed a $600 billion budget. One senator called him a high flyer in spending.',
    'Press X to win an Apple, read Nature, hear Bernstein; a Meta-analysis; Li and Lee.',
  ])('marks nothing by default in %j', (text) => {
    expect(gated.detect(text)).toEqual([]);
  });

  // Every written form in the pack is found, next to a core mention.
  const aliases = detectorPack.entities.flatMap((e) => e.aliases.map((a) => [a, e.id] as const));
  it.each(aliases)('finds the alias %j (%s)', (alias) => {
    const text = `DeepSeek said ${alias} today.`;
    const at = text.indexOf(alias);
    const found = ungated.detect(text).filter((m) => m.start === at && m.end === at + alias.length);
    expect(found).toHaveLength(1);
  });

  const sources = [
    '000_bd6d019c7dd83926',
    '001_26f2138eca27c278',
    '002_f95a344c84f3eb53',
    '003_1d89c171633679ce',
    '004_78f1340a6b633b16',
  ];
  it.each(sources)('marks the source %s, every match a slice, in order', (name) => {
    const text = readFileSync(
      join(import.meta.dirname, '../../data/sources', `${name}.txt`),
      'utf8',
    );
    const matches = gated.detect(text);
    expect(matches.some((m) => m.id === 'deepseek')).toBe(true);
    expect(matches.length).toBeGreaterThan(40);
    let last = 0;
    for (const m of matches) {
      expect(m.text).toBe(text.slice(m.start, m.end));
      expect(m.start).toBeGreaterThanOrEqual(last);
      last = m.end;
    }
  });
});

describe('detectAll for names only', () => {
  it('reads no figure with figures: false, and the same names', () => {
    const text = 'DeepSeek trained V3 for $5.6 million on 2,000 Nvidia H800 chips.';
    const all = ungated.detectAll(text);
    const names = ungated.detectAll(text, { figures: false });
    expect(all.some((m) => m.kind === 'figure')).toBe(true);
    expect(names.some((m) => m.kind === 'figure')).toBe(false);
    // The names a figure had taken in ("2,000 Nvidia H800 chips") are names again.
    expect(names.map((m) => m.text)).toEqual(['DeepSeek', 'V3', 'Nvidia H800']);
  });
});
