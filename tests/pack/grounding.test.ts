import { describe, expect, it } from 'vitest';
import { pack } from '../../lib/pack/bundled';
import {
  groundEntities,
  lowercaseWords,
  statedWords,
  ungroundedWords,
} from '../../lib/pack/grounding';

// Each case: a description, the texts that ground it, the words that must be reported. The
// descriptions open in lowercase: how the first word is read has its own test below.
const CASES: [what: string, description: string, grounds: string[], missing: string[]][] = [
  ['a grounded name', 'maker of the A100 chips', ['Nvidia’s A100 chips'], []],
  [
    'a name the sources never print',
    'a firm in Washington where Gregory C. Allen works.',
    ['Gregory C. Allen of the Center for Strategic and International Studies'],
    ['Washington'],
  ],
  ['a possessive is its name', "DeepSeek's model", ['DeepSeek’s newly published software'], []],
  ['a curly possessive too', 'DeepSeek’s model', ['said DeepSeek'], []],
  ['hyphenated names, part by part', 'the U.S.-China race', ['the U.S. and China'], []],
  ['one part missing', 'the U.S.-Japan race', ['the U.S.-China race'], ['Japan']],
  ['a hyphenated adjective', 'a Hangzhou-based startup', ['headquartered in Hangzhou'], []],
  ['a number as printed', 'spent only $5.6 million', ['spending only $5.6 million'], []],
  ['a currency the source does not give', 'cost $5.6 million', ['5.6 million yuan'], ['$5.6']],
  ['part of a longer number', 'cost 5 million', ['cost $5.6 million'], ['5']],
  ['a thousands separator', 'bought 2000 chips', ['with just 2,000 of them'], ['2000']],
  ['a hyphenated number stays whole', 'its 40-year-old founder', ['the 40-year-old founder'], []],
  [
    'a year no source prints',
    'released on January 20, 2025',
    ['released R1 on January 20'],
    ['2025'],
  ],
  ['a model code', 'DeepSeek-R1 and R2', ['called DeepSeek-R1'], ['R2']],
  ['an acronym in its own case', 'US limits', ['let us see'], ['US']],
  ['IT is not it', 'the IT sector', ['it said'], ['IT']],
  ['AI is not Ai', 'an AI analyst', ['the main Ai analyst'], ['AI']],
  ['other names ignore case', 'stunned Silicon Valley', ['amazed the silicon valley'], []],
  ['whole words only', 'owned by Meta', ['its metadata'], ['Meta']],
  ['a lowercase-first name', "Apple's iPhone", ['Apple software Store'], ['iPhone']],
  ['quotes and brackets are not the name', "(printed 'Weib' once)", ['the top Weib comment'], []],
  ['an abbreviation with its period', "China's No. 2 official", ['China’s No. 2 official'], []],
  ['Chinese script is a name', 'known as 深度求索', ['DeepSeek'], ['深度求索']],
  ['Chinese script needs no word boundary', 'known as 深度求索', ['深度求索公司'], []],
  ['lowercase words are not checked', 'a reasoning model in a Swiss town', [], ['Swiss']],
];

describe('grounding: the names and numbers a description states', () => {
  it.each(CASES)('%s', (_what, description, grounds, missing) => {
    expect(ungroundedWords(description, grounds)).toEqual(missing);
  });

  it('lets the first word through when the sources write it in lowercase', () => {
    const common = lowercaseWords(['DeepSeek founder Liang Wenfeng', 'a Swiss-made town']);
    expect(common.has('founder')).toBe(true);
    expect(ungroundedWords('Founder of DeepSeek', ['DeepSeek'], common)).toEqual([]);
    // "Swiss" opens the sentence, but the sources never write it in lowercase: a name.
    expect(ungroundedWords('Swiss town of the Forum', ['the Forum'], common)).toEqual(['Swiss']);
    expect(ungroundedWords('Founder of DeepSeek', ['DeepSeek'])).toEqual(['Founder']);
    // Only the first word: the same word later is a name.
    expect(ungroundedWords('Founder and Founder', [], common)).toEqual(['Founder']);
  });

  it('lists each stated word once, in order', () => {
    expect(statedWords('R1 beat o1; R1 is DeepSeek’s, not OpenAI’s (U.S.-China).')).toEqual([
      'R1',
      'o1',
      'DeepSeek',
      'OpenAI',
      'U.S',
      'China',
    ]);
  });
});

describe('grounding of the committed pack', () => {
  const claims = new Map(pack.claims.map((c) => [c.id, c]));
  const common = lowercaseWords(pack.claims.map((c) => c.quote));

  it.each(pack.entities.map((e) => [e.id, e] as const))('%s cites its basis', (_id, e) => {
    expect(e.basis.length).toBeGreaterThan(0);
    // A claim id, or a line a source prints as its metadata ("s002#byline").
    const printed = (ref: string) => {
      const [sourceId, field] = ref.split('#');
      const source = pack.sources.find((s) => s.id === sourceId);
      return field === 'byline' || field === 'outlet' ? (source?.[field] ?? null) : null;
    };
    for (const id of e.basis) expect(claims.has(id) || printed(id) !== null, id).toBe(true);
    const grounds = [
      ...e.basis.map((id) => claims.get(id)?.quote ?? printed(id) ?? ''),
      ...pack.claims.filter((c) => c.entityIds.includes(e.id)).map((c) => c.quote),
      ...e.aliases,
    ];
    expect(ungroundedWords(e.description, grounds, common)).toEqual([]);
  });

  it('keeps every description to one short line', () => {
    for (const e of pack.entities) {
      expect(e.description, e.id).not.toMatch(/\n/);
      expect(e.description.length, e.id).toBeLessThanOrEqual(160);
    }
  });
});

describe('grounding in what a source prints as its metadata', () => {
  const loaded = [
    {
      file: 'catalog/people.json',
      entity: {
        id: 'fan-wang',
        label: 'Fan Wang',
        kind: 'person' as const,
        tier: 'context' as const,
        aliases: [],
        description: 'Named with João da Silva on one source’s byline.',
        basis: ['s002#byline'],
        related: [],
      },
    },
  ];
  const entity = {
    id: 'fan-wang',
    label: 'Fan Wang',
    kind: 'person' as const,
    tier: 'context' as const,
    aliases: ['Fan Wang'],
    aliasRules: {},
    description: 'Named with João da Silva on one source’s byline.',
    related: [],
  };
  const sources = [{ id: 's002', byline: 'Fan Wang and João da Silva', outlet: 'BBC News' }];
  // Some source writes "named" and "one" in lower case, so a description may begin with them.
  const claims = [
    {
      id: 's001-c001',
      sourceId: 's001',
      start: 0,
      end: 30,
      quote: 'It named one rival.',
      entityIds: [],
    },
  ];

  it('accepts a description grounded in a byline, and keeps the reference', () => {
    const [grounded] = groundEntities(loaded as never, [entity], claims, sources);
    expect(grounded?.basis).toEqual(['s002#byline']);
  });

  it('fails on a byline the source does not print', () => {
    expect(() =>
      groundEntities(loaded as never, [entity], claims, [
        { id: 's002', byline: null, outlet: null },
      ]),
    ).toThrow(/basis\[0\].*s002#byline: that source prints no such line/);
  });

  it('still checks the words against it', () => {
    const wrong = { ...entity, description: 'Named with Lyse Doucet on one source’s byline.' };
    expect(() => groundEntities(loaded as never, [wrong], claims, sources)).toThrow(
      /"Lyse", "Doucet"/,
    );
  });
});
