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

  it.each([
    ['Marina Zhang university', 'marina-zhang-university', 'conflict'],
    ['who bought the A100 chips', 'a100-buyer', 'conflict'],
    ['Sydney University', 'marina-zhang-university', 'conflict'],
    ['Then-President', 'trump-office', 'different-moments'],
    ['H100', 'deepseek-chip-models', 'different-things'],
  ])('finds the question for "%s", with its verdict', (query, id, verdict) => {
    const hit = searchPack(index, query).hits.find((h) => h.id === id);
    expect(hit?.type).toBe('question');
    if (hit?.type !== 'question') return;
    expect(hit.verdict).toBe(verdict);
    expect(hit.answers.length).toBeGreaterThanOrEqual(2);
    for (const a of hit.answers) {
      expect(
        a.quotes.some((q) => q.quote.includes(a.gist)),
        a.gist,
      ).toBe(true);
    }
  });

  it('puts the question first when the query only fits a question', () => {
    expect(first('marina zhang university')?.id).toBe('marina-zhang-university');
    expect(first('who bought the chips')?.id).toBe('a100-buyer');
  });

  it('gives topics their computed verdict', () => {
    const topic = searchPack(index, 'training cost').hits.find(
      (h) => h.id === 'deepseek-training-cost',
    );
    expect(topic?.type === 'topic' && topic.verdict).toBe('compatible');
  });

  it('gives only verbatim quotes, each with its source', () => {
    const hits: SearchHit[] = ['deepseek', 'nvidia', 'chip', 'million', '梁', 'university'].flatMap(
      (q) => searchPack(index, q, { limit: 50 }).hits,
    );
    const quotes = hits.flatMap((h) =>
      h.type === 'entity'
        ? h.quotes
        : h.type === 'topic'
          ? h.figures
          : h.answers.flatMap((a) => a.quotes),
    );
    expect(quotes.length).toBeGreaterThan(20);
    for (const q of quotes) {
      const claim = claims.get(q.claimId);
      expect(claim?.sourceId).toBe(q.sourceId);
      expect(sourceText.get(q.sourceId)?.slice(claim?.start, claim?.end)).toBe(q.quote);
    }
  });
});
