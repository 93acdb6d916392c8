/** The topic rules engine the pack build and the detector share. */
import { describe, expect, it } from 'vitest';
import {
  createTopicMatcher,
  flattenTopicRules,
  patternFlags,
  type RuleInput,
} from '../../lib/quantity/topic-rules';

const rows = flattenTopicRules([
  {
    id: 'cost',
    subjectId: 'deepseek',
    rules: [{ units: ['USD'], entities: ['deepseek'], words: ['\\bcost\\b'], max: 1e8 }],
  },
  {
    id: 'assets',
    subjectId: 'high-flyer',
    rules: [{ units: ['USD'], words: ['\\bassets\\b'], min: 1e9 }],
  },
  {
    id: 'chips',
    subjectId: 'deepseek',
    rules: [
      { units: ['count'], before: 'with (?:just )?', asUnit: 'chips' },
      { units: ['chips'], words: ['leading AI models'], subjectId: null },
    ],
  },
  {
    id: 'price',
    subjectId: 'deepseek',
    rules: [
      { units: ['USD/1M tokens'], after: '\\s*for OpenAI\\b', subjectId: 'openai' },
      { units: ['USD/1M tokens'] },
    ],
  },
]);

function input(sentence: string, figure: string, value: number, unit: string, ids: string[]) {
  const at = sentence.indexOf(figure);
  return {
    value,
    unit,
    before: sentence.slice(0, at),
    after: sentence.slice(at + figure.length),
    sentence,
    entityIds: ids,
  } satisfies RuleInput;
}

describe('flattenTopicRules', () => {
  it('keeps file order and gives each rule its subject', () => {
    expect(rows.map((r) => [r.topicId, r.subjectId])).toEqual([
      ['cost', 'deepseek'],
      ['assets', 'high-flyer'],
      ['chips', 'deepseek'],
      ['chips', null],
      ['price', 'openai'],
      ['price', 'deepseek'],
    ]);
  });
});

describe('createTopicMatcher', () => {
  const matcher = createTopicMatcher(rows);

  it.each<[string, RuleInput, string | null]>([
    [
      'units, entities, words, bounds',
      input('DeepSeek said the run cost $5.6 million.', '$5.6 million', 5.6e6, 'USD', ['deepseek']),
      'cost',
    ],
    [
      'words in any case',
      input('DEEPSEEK: THE RUN COST $5.6 MILLION', '$5.6 MILLION', 5.6e6, 'USD', ['deepseek']),
      'cost',
    ],
    [
      'above the bound',
      input('DeepSeek said the run cost $500 million.', '$500 million', 5e8, 'USD', ['deepseek']),
      null,
    ],
    [
      'without the entity',
      input('The run cost $5.6 million.', '$5.6 million', 5.6e6, 'USD', []),
      null,
    ],
    [
      'a word rule',
      input('The fund has $8 billion in assets.', '$8 billion', 8e9, 'USD', []),
      'assets',
    ],
    [
      'text right before',
      input('It was trained with just 2,000 of them.', '2,000 of them', 2000, 'count', []),
      'chips',
    ],
    [
      'text right after',
      input(
        '$4.40 per million tokens for OpenAI',
        '$4.40 per million tokens',
        4.4,
        'USD/1M tokens',
        [],
      ),
      'price',
    ],
  ])('%s', (_why, given, topic) => {
    expect(matcher.choose(given)?.topicId ?? null).toBe(topic);
  });

  it('gives the rule subject and the unit the words say', () => {
    expect(matcher.choose(input('with just 2,000', '2,000', 2000, 'count', []))).toEqual({
      topicId: 'chips',
      subjectId: 'deepseek',
      unit: 'chips',
    });
    expect(
      matcher.choose(
        input(
          '$4.40 per million tokens for OpenAI',
          '$4.40 per million tokens',
          4.4,
          'USD/1M tokens',
          [],
        ),
      )?.subjectId,
    ).toBe('openai');
  });

  it('on a page, needs whom the figure is about named in the sentence', () => {
    const assets = input('The fund has $8 billion in assets.', '$8 billion', 8e9, 'USD', []);
    expect(matcher.choose(assets, { named: true })).toBeNull();
    expect(matcher.choose({ ...assets, entityIds: ['high-flyer'] }, { named: true })?.topicId).toBe(
      'assets',
    );
    // A rule with neither entities nor a subject never applies to a page.
    const leading = input('leading AI models used 16,000 chips', '16,000 chips', 16000, 'chips', [
      'deepseek',
    ]);
    expect(matcher.choose(leading)?.subjectId).toBeNull();
    expect(matcher.choose(leading, { named: true })).toBeNull();
  });
});

describe('patternFlags', () => {
  it('runs a plain ASCII pattern with i alone, and any other with iu', () => {
    expect(patternFlags(String.raw`\b(?:cost|spend)\b`)).toBe('i');
    expect(patternFlags(String.raw`\btrain\b`, 'g')).toBe('gi');
    expect(patternFlags(String.raw`\p{Lu}\w+`)).toBe('iu');
    expect(patternFlags(String.raw`caf\u00e9`)).toBe('iu');
    expect(patternFlags('训练')).toBe('iu');
    expect(patternFlags('a.b')).toBe('iu');
    expect(patternFlags('[^x]+')).toBe('iu');
    expect(patternFlags(String.raw`\S+ chips`)).toBe('iu');
    expect(patternFlags(String.raw`\bthe top(?= of\b|\.)`)).toBe('i');
  });

  it('still ignores case in a plain ASCII pattern', () => {
    const re = new RegExp(
      String.raw`\b(?:cost|spend)\b`,
      patternFlags(String.raw`\b(?:cost|spend)\b`),
    );
    expect(re.test('It COST them little')).toBe(true);
    expect(re.test('the costume')).toBe(false);
  });
});
