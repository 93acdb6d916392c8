/** Context gating: pages that are not about DeepSeek stay unmarked by default. */
import { describe, expect, it } from 'vitest';
import { createDetector, gateMatches } from '../../lib/detect/index';
import { fixturePack } from './fixtures/pack';

const gated = createDetector(fixturePack);
const ungated = createDetector(fixturePack, { gating: false });

const offTopic: [string, string][] = [
  [
    'car review',
    'The Rivian R1T pickup and the R1S SUV share a platform. The R1T tows 11,000 pounds.',
  ],
  [
    'graphics-card review',
    'Nvidia’s RTX 4090 is the fastest card we have tested; Nvidia asks $1,599 for it.',
  ],
  [
    'budget story',
    'Joe Biden signed a $600 billion budget. One senator called him a high flyer in spending.',
  ],
];

describe('gating', () => {
  it.each(offTopic)('marks nothing in a %s by default', (_name, text) => {
    expect(gated.detect(text)).toEqual([]);
  });

  it('would mark context terms in those texts with gating off', () => {
    const texts = offTopic.map(([, t]) => t);
    expect(ungated.detect(texts[1] as string).map((m) => m.text)).toEqual([
      'Nvidia',
      'RTX 4090',
      'Nvidia',
    ]);
    expect(ungated.detect(texts[2] as string).map((m) => m.text)).toEqual([
      'Joe Biden',
      '$600 billion',
    ]);
    // R1T and R1S stay unmarked even ungated: they fail R1's own boundary rule.
    expect(ungated.detect(texts[0] as string)).toEqual([]);
  });

  it('marks context terms and figures in a text about DeepSeek', () => {
    const text = 'DeepSeek trained on Nvidia H800 chips; Nvidia lost $600 billion.';
    expect(gated.detect(text).map((m) => `${m.kind}:${m.text}`)).toEqual([
      'entity:DeepSeek',
      'entity:Nvidia',
      'entity:H800',
      'entity:Nvidia',
      'figure:$600 billion',
    ]);
  });

  it('does not count a weak alias of a core entity as a mention of DeepSeek', () => {
    // The pack marks "R1" needsContext: alone it could be any R1.
    expect(ungated.detect('The R1 beat Nvidia.').map((m) => [m.text, m.tier])).toEqual([
      ['R1', 'context'],
      ['Nvidia', 'context'],
    ]);
    expect(gated.detect('The R1 beat Nvidia.')).toEqual([]);
    expect(gated.detect('DeepSeek-R1 beat Nvidia.').map((m) => m.tier)).toEqual([
      'core',
      'context',
    ]);
  });

  it('marks core entities anywhere', () => {
    expect(gated.detect('A note on Liang Wenfeng.').map((m) => m.id)).toEqual(['liang-wenfeng']);
  });

  it('detectAll is ungated; gateMatches gates a whole page at once', () => {
    const blocks = ['Nvidia fell.', 'DeepSeek rose.'];
    const first = gated.detectAll(blocks[0] as string);
    expect(first.map((m) => m.id)).toEqual(['nvidia']);
    expect(gateMatches(first)).toEqual([]);
    const page = blocks.flatMap((b) => gated.detectAll(b));
    expect(gateMatches(page).map((m) => m.id)).toEqual(['nvidia', 'deepseek']);
  });
});
