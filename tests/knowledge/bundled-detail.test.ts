/** The card and sidebar data for every term of the real pack. */
import { describe, expect, it } from 'vitest';
import { createKnowledge } from '../../lib/knowledge/term-detail';
import type { TermDetail } from '../../lib/knowledge/types';
import { pack } from '../../lib/pack/bundled';

const knowledge = createKnowledge(pack);
const details: [string, TermDetail][] = [
  ...pack.entities.map((e) => [e.id, knowledge.detail({ id: e.id, kind: 'entity' })] as const),
  ...pack.topics.map((t) => [t.id, knowledge.detail({ id: t.id, kind: 'figure' })] as const),
].map(([id, d]) => {
  if (!d) throw new Error(`no detail for ${id}`);
  return [id, d];
});

/** Every claim a detail quotes in full (a `repeat` only points back to one quoted above). */
function quoted(d: TermDetail): string[] {
  return [
    ...d.questions.flatMap((q) =>
      q.answers.flatMap((a) => a.quotes.filter((x) => !x.repeat).map((x) => x.claimId)),
    ),
    ...d.sources.flatMap((s) => s.quotes.map((q) => q.claimId)),
  ];
}

describe('term details of the real pack', () => {
  it.each(details)('%s quotes each sentence at most once', (_id, d) => {
    const ids = quoted(d);
    expect(ids.length - new Set(ids).size).toBe(0);
    // A pointer back always has its sentence quoted above it.
    const above = new Set<string>();
    for (const q of d.questions) {
      for (const x of q.answers.flatMap((a) => a.quotes)) {
        if (x.repeat) expect(above.has(x.claimId), x.claimId).toBe(true);
        above.add(x.claimId);
      }
    }
  });

  it('DeepSeek: the training cost is "compatible", never a conflict; conflicts come first', () => {
    const d = details.find(([id]) => id === 'deepseek')?.[1] as TermDetail;
    const cost = d.disputed.find((x) => x.id === 'deepseek-training-cost');
    expect(cost?.verdict).toBe('compatible');
    expect(d.disputed[0]?.verdict).toBe('conflict');
    expect(d.disputed.slice(0, 2).map((x) => x.id)).not.toContain('deepseek-training-cost');
  });

  it('Liang Wenfeng: his own words to 36Kr are his, by reference', () => {
    const d = details.find(([id]) => id === 'liang-wenfeng')?.[1] as TermDetail;
    const told = d.sources
      .flatMap((s) => s.quotes)
      .find((q) => q.quote.startsWith('He told the Chinese media site 36Kr'));
    expect(told?.reference).toEqual({ words: 'He', label: 'Liang Wenfeng' });
  });

  it('High-Flyer: its 10,000 A100s by 2022 are shown as its own figure', () => {
    const d = details.find(([id]) => id === 'high-flyer')?.[1] as TermDetail;
    const stock = d.topics.find((t) => t.id === 'deepseek-chip-stock');
    expect(stock?.values[0]).toMatchObject({
      text: '10,000 of Nvidia’s high-performance A100 graphics processor chips',
      subject: 'High-Flyer',
    });
  });
});
