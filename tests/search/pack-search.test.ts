import { describe, expect, it } from 'vitest';
import { fold } from '../../lib/search/normalize';
import { buildSearchIndex, searchPack } from '../../lib/search/pack-search';
import type { EntityHit, TopicHit } from '../../lib/search/types';
import { fixturePack } from '../fixtures/pack';

const index = buildSearchIndex(fixturePack);
const ids = (query: string) => searchPack(index, query).hits.map((h) => h.id);

describe('fold', () => {
  it.each([
    ['DeepSeek-R1', 'deepseek r1'],
    ['DeepSeek\u00a0\u2013 R1', 'deepseek r1'],
    ['Ｄｅｅｐｓｅｅｋ', 'deepseek'],
    ['Jo\u00e3o', 'joao'],
    ['Deep\u00adSeek', 'deepseek'],
    ['  梁文锋 ', '梁文锋'],
  ])('%s -> %s', (input, expected) => {
    expect(fold(input)).toBe(expected);
  });
});

describe('searchPack', () => {
  it.each([
    ['liang', ['liang-wenfeng']],
    ['Liang Weenfeng', ['liang-wenfeng']],
    ['梁文锋', ['liang-wenfeng']],
    ['梁文鋒', ['liang-wenfeng']],
    ['深度求索', ['deepseek']],
    ['deepsek', ['deepseek']],
    ['h800', ['h800']],
    ['training cost', ['training-cost']],
    ['$5.6 million', ['training-cost']],
    ['less than', ['training-cost']],
    ['nothing like this', []],
    ['', []],
    ['   ', []],
  ])('%j finds %j', (query, expected) => {
    expect(ids(query)).toEqual(expected);
  });

  it('ranks a whole-name match above a match inside a word', () => {
    // "deepseek" is DeepSeek's name and sits inside the topic label "DeepSeek's training cost".
    expect(ids('deepseek')).toEqual(['deepseek', 'training-cost']);
  });

  it('says which alias matched when it is not the label', () => {
    const hit = searchPack(index, '梁文鋒').hits[0] as EntityHit;
    expect(hit.matched).toBe('梁文鋒');
    const byLabel = searchPack(index, 'Liang Wenfeng').hits[0] as EntityHit;
    expect(byLabel.matched).toBeNull();
  });

  it('expands an entity to verbatim quotes with their source', () => {
    const hit = searchPack(index, 'Liang Wenfeng').hits[0] as EntityHit;
    expect(hit.quoteCount).toBe(2);
    // Named by their labels; the garbled one carries its caveat.
    expect(hit.quotes.map((q) => [q.sourceId, q.source.label, q.source.caveat])).toEqual([
      ['s000', 'China heralds DeepSeek', undefined],
      ['s001', 'BBC News', 'Machine-garbled English credited to BBC News.'],
    ]);
    for (const q of hit.quotes) {
      const claim = fixturePack.claims.find((c) => c.id === q.claimId);
      const source = fixturePack.sources.find((s) => s.id === q.sourceId);
      expect(q.quote).toBe(source?.text.slice(claim?.start, claim?.end));
    }
  });

  it('caps quotes per hit but keeps the count', () => {
    const hit = searchPack(index, 'DeepSeek', { quotesPerHit: 1 }).hits[0] as EntityHit;
    expect(hit.quotes).toHaveLength(1);
    expect(hit.quoteCount).toBe(4);
  });

  it('expands a topic to each figure with its sentence and source', () => {
    const hit = searchPack(index, 'training cost').hits[0] as TopicHit;
    expect(hit.disagree).toBe(true);
    expect(hit.figures.map((f) => [f.qualifier, f.text, f.sourceId])).toEqual([
      ['less than', 'less than $6 million', 's000'],
      [null, '$5.6 million', 's001'],
    ]);
    expect(hit.figures[1]?.quote).toBe('Training cost $5.6 million on H800 chips.');
  });

  it('respects the limit', () => {
    expect(searchPack(index, 'e', { limit: 2 }).hits).toHaveLength(2);
  });

  it('cuts an over-long query instead of failing', () => {
    expect(searchPack(index, 'x'.repeat(10_000)).hits).toEqual([]);
  });
});
