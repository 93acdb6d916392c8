/**
 * A page's figures filed under the pack's topics by the catalog's rules, with a verdict
 * against the sources' figures; and the figures no topic takes, left unmarked. The
 * sentences are written for these tests, in the styles of wire copy, forum posts and
 * sloppy casing; the pack is the real one (the rules and the sources' figures are data).
 */
import { describe, expect, it } from 'vitest';
import { compileTables } from '../../lib/detect/compile';
import type { Detector } from '../../lib/detect/types';
import { detectorTables } from '../../lib/pack/bundled';

function fromTables(): Detector {
  const steps = compileTables(detectorTables, { gating: false });
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

const detector = fromTables();

/** Each figure match as [text, topic, verdict]. */
function figures(text: string): [string, string | null, string | null][] {
  return detector
    .detectAll(text)
    .filter((m) => m.kind === 'figure')
    .map((m) => [m.text, m.topicId ?? null, m.verdict ?? null]);
}

describe('page figures get a topic and a verdict', () => {
  it.each<[string, string, [string, string, string]]>([
    [
      'equal (wire copy)',
      'SHANGHAI (Wire) - DeepSeek said it spent $5.6 million on computing power for the final training run.',
      ['$5.6 million', 'deepseek-training-cost', 'same'],
    ],
    [
      'rounded (wire copy)',
      'Nvidia shares slid on Monday, erasing about $589 billion of market value, the largest one-day loss for any U.S. company.',
      ['about $589 billion', 'nvidia-market-value-loss', 'close'],
    ],
    [
      'rounded chip count (forum post, shouting)',
      'DEEPSEEK trained R1 on 2,030 H800 chips lol, and nvidia still tanked',
      ['2,030 H800 chips', 'training-chips', 'close'],
    ],
    [
      'rounded (sloppy casing)',
      'NVIDIA LOST $589 BILLION IN MARKET VALUE AFTER DEEPSEEK DROPPED R1',
      ['$589 BILLION', 'nvidia-market-value-loss', 'close'],
    ],
    [
      'inside a bound ("less than $6 million")',
      'DeepSeek says the model cost $5.5 million to train.',
      ['$5.5 million', 'deepseek-training-cost', 'within'],
    ],
    [
      'inside a bound, the page hedging too (forum post)',
      'Deepseek team is like under 200 people?? wild',
      ['under 200 people', 'deepseek-team-size', 'within'],
    ],
    [
      'inside a range ("between 10,000 and 50,000")',
      'The Hangzhou firm DeepSeek had stockpiled 20,000 A100 chips before the export curbs, one analyst estimated.',
      ['20,000 A100 chips', 'deepseek-chip-stock', 'within'],
    ],
    [
      'outside',
      "DeepSeek's R1 cost $12 million to train, a rival lab claimed.",
      ['$12 million', 'deepseek-training-cost', 'differs'],
    ],
    [
      'a year the sentence says is a founding',
      'DeepSeek was founded in 2023 by Liang Wenfeng.',
      ['2023', 'deepseek-start-year', 'same'],
    ],
    [
      'a founding year the sources do not give',
      'deepseek? DeepSeek was founded in 2015, per one forum post.',
      ['2015', 'deepseek-start-year', 'differs'],
    ],
    [
      'a release date, printed with its year',
      'DeepSeek released R1 on January 20, 2025.',
      ['January 20, 2025', 'r1-release-date', 'same'],
    ],
    [
      'a rank, as "No. 1"',
      "DeepSeek's app climbed to No. 1 on the App Store.",
      ['No. 1', 'app-store-rank', 'same'],
    ],
    [
      'a rank, as an ordinal',
      "DeepSeek's assistant fell to sixth on the App Store.",
      ['sixth', 'app-store-rank', 'same'],
    ],
  ])('%s', (_why, sentence, expected) => {
    expect(figures(sentence)).toEqual([expected]);
  });

  it('gives the match its value, unit, hedge and the subject of the sources it was set against', () => {
    const [m] = detector
      .detectAll('Nvidia lost about $589 billion in market value.')
      .filter((x) => x.kind === 'figure');
    expect(m).toMatchObject({
      id: 'nvidia-market-value-loss',
      label: "Nvidia's lost market value",
      value: 589e9,
      unit: 'USD',
      qualifier: 'about',
      subjectId: 'nvidia',
      tier: 'context',
    });
  });
});

describe('figures no topic takes stay unmarked', () => {
  it.each<[string, string]>([
    [
      'a stock price',
      'Nvidia stock closed at $118.42, down from $142.62, as DeepSeek rattled markets.',
    ],
    ['a percentage', "DeepSeek's app downloads jumped 300% as Nvidia lost 17% in market value."],
    [
      'a hardware budget the sources never measure',
      'DeepSeek plans to spend $1.6 billion on servers next year.',
    ],
    ['a figure with no sentence context', '$589 billion'],
    [
      'a figure whose name is in another sentence',
      'DeepSeek rattled markets. Analysts put the loss at $589 billion.',
    ],
    ['a bare year elsewhere', 'DeepSeek released an update in 2024.'],
    [
      'assets of someone else',
      "Nvidia's assets are worth $100 billion, DeepSeek's rise notwithstanding.",
    ],
    ['an ordinal that is no rank', 'DeepSeek is the second Chinese lab to try this.'],
  ])('%s', (_why, sentence) => {
    expect(figures(sentence)).toEqual([]);
  });
});

describe('figures the pack states, read by value as before', () => {
  it('keeps the topic a pack figure with that value has when no rule reads the sentence', () => {
    // No name in the sentence for a rule, but "fewer than 140 people" is a pack figure.
    expect(
      figures('The team is small: fewer than 140 people, many of them recent graduates.'),
    ).toEqual([['fewer than 140 people', 'deepseek-team-size', 'same']]);
  });

  it('files a pack value under the topic its sentence says, when that differs', () => {
    // "$3 million" is 01.AI's training cost in the sources; here it is said of DeepSeek,
    // and sits inside "less than $6 million".
    expect(figures('DeepSeek said training its model cost $3 million.')).toEqual([
      ['$3 million', 'deepseek-training-cost', 'within'],
    ]);
    expect(figures('01.AI said training its model cost $3 million.')).toEqual([
      ['$3 million', '01-ai-training-cost', 'same'],
    ]);
  });
});
