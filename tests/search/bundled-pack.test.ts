/** Search over the real, committed pack: the cases a reader will try first. */
import { describe, expect, it } from 'vitest';
import { pack } from '../../lib/pack/bundled';
import { buildSearchIndex, searchPack } from '../../lib/search/pack-search';
import type { SearchHit } from '../../lib/search/types';

const index = buildSearchIndex(pack);
const first = (query: string) => searchPack(index, query).hits[0];
const sourceText = new Map(pack.sources.map((s) => [s.id, s.text]));
const claims = new Map(pack.claims.map((c) => [c.id, c]));

describe('search over the bundled pack', () => {
  it.each([
    ['Liang Wenfeng', 'liang-wenfeng'],
    ['梁文锋', 'liang-wenfeng'],
    ['梁文鋒', 'liang-wenfeng'],
    ['Liang Weenfeng', 'liang-wenfeng'],
    ['深度求索', 'deepseek'],
    ['Depseek', 'deepseek'],
    ['幻方', 'high-flyer'],
    ['high flyer', 'high-flyer'],
    ['DeepSeek R1', 'deepseek-r1'],
    ['deepseek-v3', 'deepseek-v3'],
  ])('%s finds %s first', (query, id) => {
    expect(first(query)?.id).toBe(id);
  });

  it('finds the training-cost topic from a figure, with both sides', () => {
    const hits = searchPack(index, '$5.6 million').hits;
    const topic = hits.find((h) => h.id === 'deepseek-training-cost');
    expect(topic?.type).toBe('topic');
    if (topic?.type !== 'topic') return;
    expect(topic.disagree).toBe(true);
    // Figure texts are verbatim and carry the source's own hedge ("only", "less than").
    const texts = topic.figures.map((f) => f.text);
    expect(texts).toEqual(expect.arrayContaining(['only $5.6 million', 'less than $6 million']));
  });

  it.each([
    ['app store', 'app-store-rank'],
    ['training cost', 'deepseek-training-cost'],
    ['team size', 'deepseek-team-size'],
    ['price per million tokens', 'price-per-million-tokens'],
  ])('finds a topic by what it measures: %s', (query, id) => {
    expect(searchPack(index, query).hits.map((h) => h.id)).toContain(id);
  });

  it('gives only verbatim quotes, each with its source', () => {
    const hits: SearchHit[] = ['deepseek', 'nvidia', 'chip', 'million', '梁'].flatMap(
      (q) => searchPack(index, q, { limit: 50 }).hits,
    );
    const quotes = hits.flatMap((h) => (h.type === 'entity' ? h.quotes : h.figures));
    expect(quotes.length).toBeGreaterThan(20);
    for (const q of quotes) {
      const claim = claims.get(q.claimId);
      expect(claim?.sourceId).toBe(q.sourceId);
      expect(sourceText.get(q.sourceId)?.slice(claim?.start, claim?.end)).toBe(q.quote);
    }
  });
});
