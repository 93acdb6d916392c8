/** The terms a page's painted marks add up to, and the figures under each figure term. */
import { describe, expect, it } from 'vitest';
import type { Match } from '../../lib/detect/types';
import type { Occurrence } from '../../lib/page/page-marks';
import { countTerms } from '../../lib/page/term-counts';

function occ(match: Partial<Match> & Pick<Match, 'id' | 'text' | 'kind'>): Occurrence {
  return {
    match: {
      start: 0,
      end: match.text.length,
      label: match.id,
      entityKind: match.kind === 'entity' ? 'organization' : null,
      tier: 'context',
      ...match,
    },
    block: { el: null, nodes: [], text: '' } as never,
    range: {} as StaticRangeInit,
    paintRange: null,
    group: 'figure',
    inLink: false,
  };
}

describe('countTerms', () => {
  it('counts each term and lists the figures a figure term is written as, each once', () => {
    const terms = countTerms([
      occ({ id: 'deepseek', text: 'DeepSeek', kind: 'entity' }),
      occ({ id: 'cost', text: '$5.58 million', kind: 'figure', verdict: 'within' }),
      occ({ id: 'cost', text: '$20 million', kind: 'figure', verdict: 'differs' }),
      occ({ id: 'cost', text: '$5.58 million', kind: 'figure', verdict: 'within' }),
      occ({ id: 'f13', text: '$1 billion', kind: 'figure', verdict: null }),
    ]);
    expect(terms.map((t) => [t.id, t.count, t.figures])).toEqual([
      [
        'cost',
        3,
        [
          { text: '$5.58 million', verdict: 'within' },
          { text: '$20 million', verdict: 'differs' },
        ],
      ],
      ['deepseek', 1, undefined],
      ['f13', 1, [{ text: '$1 billion', verdict: null }]],
    ]);
  });
});
