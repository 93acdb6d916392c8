/** Choosing matches: leftmost, then longest, then the figure; never overlapping. */
import { describe, expect, it } from 'vitest';
import { gateMatches, mergeMatches, selectMatches } from '../../lib/detect/select';
import type { Match } from '../../lib/detect/types';

function m(
  start: number,
  end: number,
  kind: Match['kind'] = 'entity',
  tier: Match['tier'] = 'context',
): Match {
  return {
    start,
    end,
    text: 'x'.repeat(end - start),
    kind,
    id: `${kind}${start}-${end}`,
    label: '',
    entityKind: kind === 'entity' ? 'organization' : null,
    tier,
  };
}
const spans = (ms: Match[]) => ms.map((x) => `${x.kind[0]}${x.start}-${x.end}`);

describe('selectMatches', () => {
  it.each<[string, Match[], string[]]>([
    ['in order and apart: kept as they are', [m(0, 2), m(3, 5)], ['e0-2', 'e3-5']],
    ['longest of two starting together', [m(0, 2), m(0, 8)], ['e0-8']],
    ['leftmost of two overlapping', [m(2, 9), m(0, 4)], ['e0-4']],
    ['out of order', [m(5, 6), m(0, 1)], ['e0-1', 'e5-6']],
    ['a figure over an entity of the same span', [m(0, 4), m(0, 4, 'figure')], ['f0-4']],
    ['inner matches of a longer one dropped', [m(0, 3), m(4, 6), m(0, 11)], ['e0-11']],
  ])('%s', (_name, input, expected) => {
    expect(spans(selectMatches(input))).toEqual(expected);
  });
});

describe('mergeMatches', () => {
  it.each<[string, Match[], Match[], string[]]>([
    ['interleaves', [m(0, 2), m(10, 12)], [m(4, 8, 'figure')], ['e0-2', 'f4-8', 'e10-12']],
    ['a figure that contains an entity wins', [m(7, 11)], [m(0, 12, 'figure')], ['f0-12']],
    ['an entity that starts first wins', [m(0, 5)], [m(3, 9, 'figure')], ['e0-5']],
    ['the figure on a tie', [m(0, 4)], [m(0, 4, 'figure')], ['f0-4']],
    ['no figures', [m(0, 1)], [], ['e0-1']],
  ])('%s', (_name, a, b, expected) => {
    expect(spans(mergeMatches(a, b))).toEqual(expected);
  });
});

describe('gateMatches', () => {
  it('keeps everything when one match is core, nothing otherwise', () => {
    expect(gateMatches([m(0, 1), m(2, 3, 'figure')])).toEqual([]);
    expect(spans(gateMatches([m(0, 1), m(2, 3, 'entity', 'core')]))).toEqual(['e0-1', 'e2-3']);
  });
});
