import { describe, expect, it } from 'vitest';
import { knowledgeHandlers } from '../../lib/knowledge/handlers';
import { createKnowledge, findAliases } from '../../lib/knowledge/term-detail';
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

  it('flags an entity whose topics the sources disagree on', () => {
    const ds = knowledge.detail({ id: 'deepseek', kind: 'entity' });
    expect(ds?.disagree).toBe(true);
    expect(ds?.disputed.map((t) => t.id)).toEqual(['training-cost']);
    expect(d?.disagree).toBe(false);
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
  it('rejects a malformed request with a clear error', () => {
    expect(() =>
      handlers['term:detail'](
        { id: 5, kind: 'x' } as unknown as { id: string; kind: 'entity' },
        {},
      ),
    ).toThrow(/term:detail needs/);
  });
});
