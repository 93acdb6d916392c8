import { describe, expect, it } from 'vitest';
import { pack } from '../../lib/pack/bundled';
import { VERDICTS } from '../../lib/pack/types';

const claims = new Map(pack.claims.map((c) => [c.id, c]));
const question = (id: string) => {
  const q = pack.questions.find((x) => x.id === id);
  if (!q) throw new Error(`no question ${id}`);
  return q;
};
/** Each answer as "gist: source ids". */
const answers = (id: string) =>
  question(id).answers.map(
    (a) => `${a.gist}: ${a.claimIds.map((c) => claims.get(c)?.sourceId).join(' ')}`,
  );

describe('questions in the pack', () => {
  it('each cite claims that exist, with a gist verbatim from one of them', () => {
    const entities = new Set(pack.entities.map((e) => e.id));
    expect(pack.questions.length).toBeGreaterThanOrEqual(12);
    for (const q of pack.questions) {
      expect(VERDICTS).toContain(q.verdict);
      expect(q.question.endsWith('?'), q.id).toBe(true);
      for (const id of q.entityIds) expect(entities.has(id), `${q.id}: ${id}`).toBe(true);
      for (const a of q.answers) {
        const quotes = a.claimIds.map((id) => claims.get(id)?.quote ?? '');
        expect(
          quotes.every((x) => x.length > 0),
          q.id,
        ).toBe(true);
        expect(
          quotes.some((x) => x.includes(a.gist)),
          `${q.id}: ${a.gist}`,
        ).toBe(true);
      }
    }
  });

  it('at least twelve questions and topics say the sources do not simply agree', () => {
    const differ = [
      ...pack.questions.filter((q) => q.verdict !== 'agree').map((q) => q.id),
      ...pack.topics.filter((t) => t.verdict !== 'agree').map((t) => t.id),
    ];
    expect(differ.length).toBeGreaterThanOrEqual(12);
  });

  it('which chips: A100s in two sources, H100s in another are different things', () => {
    expect(answers('deepseek-chip-models')).toEqual([
      'A100 chips: s001 s002',
      'about 50,000 H100 computing cards: s004',
    ]);
    expect(question('deepseek-chip-models').verdict).toBe('different-things');
  });

  it("Marina Zhang's university: two sources name two universities", () => {
    expect(answers('marina-zhang-university')).toEqual([
      'University of Technology Sydney: s001',
      'Sydney University: s002',
    ]);
    expect(question('marina-zhang-university').verdict).toBe('conflict');
  });

  it('who bought the A100s: DeepSeek, High-Flyer, or Liang himself', () => {
    expect(answers('a100-buyer')).toEqual([
      'DeepSeek acquired: s001 s001 s002',
      'High-Flyer had purchased: s000 s003',
      'he purchased the chips: s000 s004',
    ]);
    expect(question('a100-buyer').verdict).toBe('conflict');
  });

  it('President and Then-President Trump speak of different moments', () => {
    expect(answers('trump-office')).toEqual([
      'U.S. President Donald Trump: s004 s000',
      'Then-President Donald Trump: s003',
    ]);
    expect(question('trump-office').verdict).toBe('different-moments');
  });
});
