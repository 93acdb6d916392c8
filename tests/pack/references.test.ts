import { describe, expect, it } from 'vitest';
import { pack } from '../../lib/pack/bundled';
import { findReferrer, resolveReference } from '../../lib/pack/references';
import type { EntityKind } from '../../lib/pack/types';

const KINDS: Record<string, EntityKind> = {
  liang: 'person',
  wang: 'person',
  deepseek: 'organization',
  nvidia: 'organization',
  cnbc: 'publication',
  r1: 'model',
};
const kindOf = (id: string) => KINDS[id];
const named = (...ids: string[]) => ({
  mentions: ids.map((entityId, i) => ({ start: 100 + i, entityId })),
});
const none = { mentions: [] };

describe('findReferrer', () => {
  it.each([
    ['He told the Chinese media site 36Kr in May 2023 that…', 'He', 'person'],
    ['In 2015, he co-founded High-Flyer Quant.', 'he', 'person'],
    ['In a post on the Chinese social media site Weibo, he said that DeepSeek…', 'he', 'person'],
    ['“DeepSeek will undoubtedly be a key member,” he stated in a Weibo video.', 'he', 'person'],
    ['The company claims its powerful AI model is cheaper.', 'The company', 'organization'],
    [
      "The company's CEO, Liang Wenfeng, has a background in trading.",
      "The company's",
      'organization',
    ],
    [
      'Later, the business announced that it was restricting user registrations.',
      'the business',
      'organization',
    ],
    ['It said that "a little-known AI lab out of China has ignited panic."', 'It', 'publication'],
  ])('%s', (sentence, words, kind) => {
    const r = findReferrer(sentence);
    expect(r && sentence.slice(r.start, r.end)).toBe(words);
    expect(r?.kind).toBe(kind);
  });

  it.each([
    'Its performance on some tasks is on par with o1.', // "its" is too loose to follow
    'It is not necessary to spend a billion dollars.', // "it" as a dummy subject
    'They know that Chinese companies use open-source technology.',
    'Some, including Elon Musk, claim that the company cannot reveal how many chips it has.',
    'Hewlett Packard said nothing.', // a name, not "He"
    'The companys rose.', // not the word "company"
  ])('no referrer in: %s', (sentence) => {
    expect(findReferrer(sentence)).toBeNull();
  });
});

describe('resolveReference', () => {
  const s = 'He told 36Kr that it was hiring.';
  it('finds the one person the sentence before names', () => {
    expect(resolveReference(s, none, named('liang', 'deepseek'), kindOf)).toEqual({
      entityId: 'liang',
      start: 0,
      end: 2,
    });
  });
  it('leaves "He" alone when the sentence before names two people, or none', () => {
    expect(resolveReference(s, none, named('liang', 'wang'), kindOf)).toBeNull();
    expect(resolveReference(s, none, named('deepseek'), kindOf)).toBeNull();
    expect(resolveReference(s, none, null, kindOf)).toBeNull();
  });
  it('adds nothing when the sentence names the entity itself', () => {
    const own = { mentions: [{ start: 20, entityId: 'liang' }] };
    expect(resolveReference(s, own, named('liang'), kindOf)).toBeNull();
  });
  it('leaves ", he said" alone when the sentence names a person anywhere', () => {
    const quote = '“We will win,” he said, and Wang agreed.';
    const own = { mentions: [{ start: 28, entityId: 'wang' }] };
    expect(resolveReference(quote, own, named('liang'), kindOf)).toBeNull();
    expect(resolveReference(quote, none, named('liang'), kindOf)?.entityId).toBe('liang');
  });
  it('needs exactly one organization for "The company"', () => {
    const c = 'The company says its model is cheaper.';
    expect(resolveReference(c, none, named('deepseek', 'r1'), kindOf)?.entityId).toBe('deepseek');
    expect(resolveReference(c, none, named('deepseek', 'nvidia'), kindOf)).toBeNull();
  });
});

describe('references in the pack', () => {
  const text = (sourceId: string) => pack.sources.find((x) => x.id === sourceId)?.text ?? '';
  const refs = pack.claims.flatMap((c) =>
    (c.references ?? []).map((r) => ({ c, r, words: text(c.sourceId).slice(r.start, r.end) })),
  );
  const claims = new Map(pack.claims.map((c) => [c.id, c]));

  it('are exactly these sentences, each continuing from the sentence that names the entity', () => {
    expect(refs.map(({ c, r, words }) => `${c.sourceId} ${words} → ${r.entityId}`)).toEqual([
      's000 he → feng-ji',
      's000 he → zhou-hongyi',
      's000 He → liang-wenfeng',
      's001 The company → deepseek',
      's002 The company → deepseek',
      "s003 The company's → deepseek",
      's003 He → donald-trump',
      's004 It → cnbc',
      's004 He → liang-wenfeng',
      's004 he → liang-wenfeng',
      's004 It → new-york-times',
      's004 He → alexandr-wang',
    ]);
    for (const { c, r } of refs) {
      expect(r.via).toBe('reference');
      expect(c.entityIds).not.toContain(r.entityId);
      const before = claims.get(r.antecedentClaimId);
      expect(before?.entityIds).toContain(r.entityId);
      expect(before?.sourceId).toBe(c.sourceId);
      expect(before && before.end <= c.start).toBe(true);
    }
  });

  it("keeps the founder's own words to 36Kr as a claim of Liang Wenfeng", () => {
    const told = refs.find(({ c }) => c.quote.startsWith('He told the Chinese media site 36Kr'));
    expect(told?.r.entityId).toBe('liang-wenfeng');
  });

  it('makes a sentence that names nothing a claim when it refers back', () => {
    const framed = pack.claims.find((c) => c.quote.startsWith('He framed the development'));
    expect(framed?.entityIds).toEqual([]);
    expect(framed?.references?.[0]?.entityId).toBe('donald-trump');
  });
});
