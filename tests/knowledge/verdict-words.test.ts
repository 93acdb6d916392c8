import { describe, expect, it } from 'vitest';
import { VERDICT_ORDER, verdictWords } from '../../lib/knowledge/verdict-words';
import { VERDICTS } from '../../lib/pack/types';

describe('verdict words', () => {
  it.each([
    ['agree', 2, 'Sources agree'],
    ['compatible', 2, 'Sources differ, but both can be true'],
    ['compatible', 4, 'Sources differ, but all can be true'],
    ['different-moments', 2, 'Sources speak of different moments'],
    ['different-things', 3, 'Sources speak of different things'],
    ['conflict', 2, 'Sources conflict'],
  ] as const)('%s with %i answers: %s', (verdict, answers, headline) => {
    expect(verdictWords(verdict, answers).headline).toBe(headline);
  });

  it('gives every verdict words, none of them the bare "disagree", and an order', () => {
    const seen = new Set<string>();
    for (const v of VERDICTS) {
      const w = verdictWords(v);
      for (const text of [w.headline, w.explain, w.short]) {
        expect(text.length, v).toBeGreaterThan(5);
        expect(text).not.toMatch(/disagree/i);
      }
      seen.add(w.headline);
      expect(VERDICT_ORDER[v]).toBeTypeOf('number');
    }
    expect(seen.size).toBe(VERDICTS.length);
    expect(VERDICT_ORDER.conflict).toBeLessThan(VERDICT_ORDER.compatible);
  });
});
