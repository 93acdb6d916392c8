import { describe, expect, it } from 'vitest';
import { knowledgeHandlers } from '../../lib/knowledge/handlers';
import { createKnowledge, findAliases } from '../../lib/knowledge/term-detail';
import { checkBackgroundRequest } from '../../lib/messages';
import { pack } from './fixture';

const knowledge = createKnowledge(pack);

describe('term detail for an entity', () => {
  const d = knowledge.detail({ id: 'liang-wenfeng', kind: 'entity' });

  it('gives label, kind, description and the other aliases', () => {
    expect(d?.label).toBe('Liang Wenfeng');
    expect(d?.entityKind).toBe('person');
    expect(d?.description).toMatch(/Founder of DeepSeek/);
    expect(d?.aliases).toEqual(['梁文锋', 'Liang']);
  });

  it('groups verbatim quotes by source, in source order, with source metadata', () => {
    expect(d?.questions).toEqual([]);
    expect(d?.sources.map((s) => s.source.id)).toEqual(['s000', 's001']);
    const first = d?.sources[0];
    expect(first?.source.title).toMatch(/China heralds DeepSeek/);
    expect(first?.source.date).toBe('Friday, January 31');
    for (const group of d?.sources ?? []) {
      const text = pack.sources.find((s) => s.id === group.source.id)?.text ?? '';
      for (const q of group.quotes) expect(text.slice(q.start, q.end)).toBe(q.quote);
    }
  });

  it('emphasises where the term is written in each quote', () => {
    const q = d?.sources[0]?.quotes[0];
    const spans = q?.emphasis.map((e) => q.quote.slice(e.start, e.end));
    expect(spans).toEqual(['Liang Wenfeng']);
  });

  it('lists known related terms and drops unknown ids', () => {
    expect(d?.related.map((r) => r.id)).toEqual(['deepseek', 'high-flyer']);
  });

  it('names what the sources answer differently, the most serious verdict first', () => {
    const ds = knowledge.detail({ id: 'deepseek', kind: 'entity' });
    expect(ds?.disagree).toBe(true);
    expect(ds?.disputed.map((t) => [t.kind, t.id, t.verdict])).toEqual([
      ['question', 'chip-buyer', 'conflict'],
      ['topic', 'training-cost', 'compatible'],
    ]);
    expect(d?.disagree).toBe(false);
  });

  it('lists the questions about the term with each answer, its quotes and their sources', () => {
    const ds = knowledge.detail({ id: 'deepseek', kind: 'entity' });
    expect(ds?.questions.map((q) => [q.id, q.verdict])).toEqual([
      ['chip-buyer', 'conflict'],
      ['founder', 'agree'],
    ]);
    const [first, second] = ds?.questions[0]?.answers ?? [];
    expect(first?.quotes.map((q) => [q.claimId, q.source.id])).toEqual([['c2', 's001']]);
    expect(second?.quotes.map((q) => [q.claimId, q.source.id, q.source.date])).toEqual([
      ['c6', 's000', 'Friday, January 31'],
    ]);
    // The gist is emphasised where the quote says it.
    const q = second?.quotes[0];
    expect(q?.quote.slice(q.emphasis[0]?.start, q.emphasis[0]?.end)).toBe(
      'High-Flyer had purchased',
    );
  });

  it('shows every sentence at most once: quoted in a question, never again below', () => {
    const ds = knowledge.detail({ id: 'deepseek', kind: 'entity' });
    const founder = ds?.questions.find((q) => q.id === 'founder');
    // c2 already answers the chip question above: here only a pointer to it.
    expect(founder?.answers[0]?.quotes.map((q) => [q.claimId, q.repeat ?? false])).toEqual([
      ['c1', false],
      ['c2', true],
    ]);
    const inSources = ds?.sources.flatMap((s) => s.quotes.map((q) => q.claimId)) ?? [];
    expect(inSources).toEqual(['c4', 'c3']);
    const everywhere = [
      ...inSources,
      ...(ds?.questions ?? []).flatMap((x) =>
        x.answers.flatMap((a) => a.quotes.filter((q) => !q.repeat).map((q) => q.claimId)),
      ),
    ];
    expect(new Set(everywhere).size).toBe(everywhere.length);
  });

  it('gives an entity its numeric topics, with every value and the verdict', () => {
    const ds = knowledge.detail({ id: 'deepseek', kind: 'entity' });
    expect(ds?.topics).toEqual([
      {
        id: 'training-cost',
        label: "DeepSeek's training cost",
        verdict: 'compatible',
        values: [
          { figureId: 'f2', text: '$6 million', source: expect.objectContaining({ id: 's000' }) },
          { figureId: 'f1', text: '$5.6 million', source: expect.objectContaining({ id: 's004' }) },
        ],
      },
    ]);
  });

  it('quotes a sentence that refers back to the term, marked as a reference', () => {
    const told = d?.sources
      .flatMap((s) => s.quotes)
      .find((q) => q.quote.startsWith('He told the Chinese media site 36Kr'));
    expect(told?.reference).toEqual({ words: 'He', label: 'Liang Wenfeng' });
    expect(told?.quote.slice(told.emphasis[0]?.start, told.emphasis[0]?.end)).toBe('He');
    // A sentence naming the term is no reference.
    expect(d?.sources[0]?.quotes[0]?.reference).toBeUndefined();
  });

  it('returns null for an unknown id', () => {
    expect(knowledge.detail({ id: 'nobody', kind: 'entity' })).toBeNull();
    expect(knowledge.detail({ id: 'nothing', kind: 'figure' })).toBeNull();
  });
});

describe('term detail for a figure', () => {
  it('compares the page figure with each source figure', () => {
    const d = knowledge.detail({ id: 'training-cost', kind: 'figure', pageValue: 3_000_000 });
    expect(d?.kind).toBe('figure');
    expect(d?.disagree).toBe(true);
    expect(d?.topic?.verdict).toBe('compatible');
    expect(d?.disputed.map((x) => [x.id, x.verdict])).toEqual([['training-cost', 'compatible']]);
    const rows = d?.topic?.rows ?? [];
    expect(rows.map((r) => [r.text, r.verdict])).toEqual([
      ['$6 million', 'within'], // "less than $6 million" holds for $3 million
      ['$5.6 million', 'differs'],
    ]);
    expect(d?.topic?.pageVerdict).toBe('within');
    const q = rows[1]?.quote;
    expect(q?.quote.slice(q.emphasis[0]?.start, q.emphasis[0]?.end)).toBe('$5.6 million');
    expect(d?.related.map((r) => r.id)).toEqual(['deepseek']);
  });

  it('resolves a figure id to its topic and leaves the verdict open without a page value', () => {
    const d = knowledge.detail({ id: 'f1', kind: 'figure' });
    expect(d?.id).toBe('training-cost');
    expect(d?.topic?.rows.every((r) => r.verdict === null)).toBe(true);
    expect(d?.topic?.pageVerdict).toBeNull();
  });

  it("reads the page's hedge, and sets it only against figures of the same subject", () => {
    const about = knowledge.detail({
      id: 'training-cost',
      kind: 'figure',
      pageValue: 6_000_000,
      pageQualifier: 'about',
      pageSubjectId: 'deepseek',
    });
    expect(about?.topic?.rows.map((r) => r.verdict)).toEqual(['close', 'close']);
    const other = knowledge.detail({
      id: 'training-cost',
      kind: 'figure',
      pageValue: 6_000_000,
      pageSubjectId: '01-ai',
    });
    expect(other?.topic?.rows.map((r) => r.verdict)).toEqual([null, null]);
    expect(other?.topic?.pageVerdict).toBeNull();
  });
});

describe('findAliases', () => {
  it.each([
    ['Liang Wenfeng met Liang', ['Liang Wenfeng', 'Liang'], ['Liang Wenfeng', 'Liang']],
    ['Liangzhu is a place', ['Liang'], []],
    ['梁文锋创立了深度求索', ['梁文锋', '深度求索'], ['梁文锋', '深度求索']],
    ['DEEPSEEK and deepseek', ['DeepSeek'], ['DEEPSEEK', 'deepseek']],
  ])('%s', (quote, aliases, expected) => {
    expect(findAliases(quote, aliases).map((s) => quote.slice(s.start, s.end))).toEqual(expected);
  });
});

describe('term:detail handler', () => {
  const handlers = knowledgeHandlers(pack);
  it('answers a well-formed request', async () => {
    const d = await handlers['term:detail']({ id: 'deepseek', kind: 'entity' }, {});
    expect(d?.label).toBe('DeepSeek');
  });
  // The check is the contract's schema, which the background's router applies first.
  it('rejects a malformed request with a clear error', () => {
    expect(() => checkBackgroundRequest('term:detail', { id: 5, kind: 'x' })).toThrow(
      /term:detail: id: /,
    );
    expect(() => checkBackgroundRequest('term:detail', { id: 'x', kind: 'x' })).toThrow(
      /term:detail: kind: /,
    );
  });
});
