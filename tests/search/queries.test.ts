/**
 * What a reader types into the popup's search and the result that must come first, over the
 * real pack (issue 18.7): figures by value however written, questions in plain words.
 */
import { describe, expect, it } from 'vitest';
import { pack } from '../../lib/pack/bundled';
import { readFigureQuery } from '../../lib/search/figure-query';
import { buildSearchIndex, searchPack } from '../../lib/search/pack-search';

const index = buildSearchIndex(pack);
const ids = (query: string) => searchPack(index, query).hits.map((h) => h.id);

describe('the top result for a query', () => {
  it.each([
    // figures by value: suffixes, number words, the source's own wording
    ['$6m', 'deepseek-training-cost'],
    ['5.6m', 'deepseek-training-cost'],
    ['$5.6M', 'deepseek-training-cost'],
    ['six million', 'deepseek-training-cost'],
    ['6 million dollars', 'deepseek-training-cost'],
    ['$5.6 million', 'deepseek-training-cost'],
    ['$8bn', 'high-flyer-assets'],
    ['$500 billion', 'stargate-investment'],
    ['2,000 chips', 'training-chips'],
    ['50k H100', 'deepseek-chip-stock'],
    ['2023', 'deepseek-start-year'],
    // what a figure counts, and questions with their question words ignored
    ['founded', 'deepseek-start-year'],
    ['when was DeepSeek founded', 'deepseek-start-year'],
    ['When was DeepSeek founded?', 'deepseek-start-year'],
    ['how many people work at DeepSeek', 'deepseek-team-size'],
    ['who is Liang Wenfeng', 'liang-wenfeng'],
    ['who bought the chips', 'a100-buyer'],
    // DeepSeek's own figure before another company's of the same kind
    ['training cost', 'deepseek-training-cost'],
    ['Liang Wenfeng', 'liang-wenfeng'],
    ['DeepSeek', 'deepseek'],
  ])('%s → %s', (query, id) => {
    expect(ids(query)[0]).toBe(id);
  });

  it('still lists the other company’s training cost, after DeepSeek’s', () => {
    const found = ids('training cost');
    expect(found.indexOf('01-ai-training-cost')).toBeGreaterThan(
      found.indexOf('deepseek-training-cost'),
    );
  });

  it('brings the founding sentences with the founding figure', () => {
    const hit = searchPack(index, 'when was DeepSeek founded').hits[0];
    expect(hit?.type).toBe('topic');
    if (hit?.type !== 'topic') return;
    expect(hit.figures.some((f) => f.quote.startsWith('Founded in 2023'))).toBe(true);
  });

  it.each([
    ['$60m'], // no figure of that value
    ['40'], // inside "140 people", not a figure of 40 people
    ['six'], // a number word alone is a word
    ['when was'], // only question words
  ])('%s does not find the training cost or the team size', (query) => {
    expect(ids(query)).not.toContain('deepseek-training-cost');
    expect(ids(query)).not.toContain('deepseek-team-size');
  });

  it('needs the query’s other words to fit a topic found by value', () => {
    expect(ids('01.AI $6m')).not.toContain('deepseek-training-cost');
    expect(ids('DeepSeek $6m')[0]).toBe('deepseek-training-cost');
  });
});

describe('readFigureQuery', () => {
  it.each([
    ['$6m', [{ value: 6e6, unit: 'USD' }], ''],
    ['5.6m', [{ value: 5.6e6, unit: null }], ''],
    ['six million', [{ value: 6e6, unit: null }], ''],
    ['a billion dollars', [{ value: 1e9, unit: 'USD' }], ''],
    ['10,000 to 50,000 chips', [{ value: { min: 1e4, max: 5e4 }, unit: 'chips' }], ''],
    ['DeepSeek 50k', [{ value: 5e4, unit: null }], 'DeepSeek'],
    ['H800 chips', [], 'H800 chips'],
    ['six', [], 'six'],
  ])('%s', (query, figures, rest) => {
    expect(readFigureQuery(query)).toEqual({ figures, rest });
  });
});
