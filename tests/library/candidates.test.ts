/**
 * Candidate new names: capitalised phrases the pack does not know, from texts written for
 * these tests in news, wire and forum styles (and sloppy casing, and Chinese).
 */
import { describe, expect, it } from 'vitest';
import { findCandidates } from '../../lib/library/candidates';
import { pack } from '../../lib/pack/bundled';
import { createMentionFinder } from '../../lib/pack/mentions';

const known = createMentionFinder(pack.entities);
const phrases = (text: string) => findCandidates(text, known(text)).map((c) => c.phrase);

describe('findCandidates', () => {
  it.each([
    [
      "names in a wire story, the pack's own names left out",
      'SINGAPORE (Harbour Wire) – Moonshot AI released an update to its Kimi assistant, and Zhipu AI cut prices. OpenAI chief executive Sam Altman called DeepSeek "impressive".',
      ['Harbour Wire', 'Moonshot AI', 'Kimi', 'Zhipu AI', 'Sam Altman'],
    ],
    [
      'a lone capital at the start of a sentence is grammar, not a name',
      'Rivals did not wait. Analysts were surprised. Investors sold.',
      [],
    ],
    [
      '...unless the word is capitalised elsewhere too',
      'Fernhill said nothing. Analysts at Fernhill were not surprised.',
      ['Fernhill'],
    ],
    [
      'joiners inside a name; "and" between two names splits them',
      'The Bank of Lanzhou and Kestrel Advisory both declined to comment.',
      ['Bank of Lanzhou', 'Kestrel Advisory'],
    ],
    [
      'possessives are stripped, counts add up',
      "Kestrel Advisory's analysts agree. A note from Kestrel Advisory said so.",
      ['Kestrel Advisory'],
    ],
    [
      'months, days, demonyms and pronouns are not names',
      'On Monday in January the Chinese and American markets fell. He said They would wait.',
      [],
    ],
    [
      'a shouted headline line says nothing about case',
      'NVIDIA SHARES PLUNGE AS CHEAP MODEL SHAKES MARKETS\nShares of chip designers fell on Monday.',
      [],
    ],
    [
      'forum lower case: no capitals, no candidates (nothing is guessed)',
      'ok so i tried r1 from deepseek with my team at fernhill labs and it was fine lol',
      [],
    ],
    ['Chinese has no capitals to read', '杭州的月之暗面公司发布了新模型。', []],
    [
      'mixed-case brands count',
      'Orders for the chatbot go through eBay and servers rented from Northwind Cloud.',
      ['eBay', 'Northwind Cloud'],
    ],
  ])('%s', (_why, text, expected) => {
    expect(phrases(text)).toEqual(expected);
  });

  it('counts each phrase and puts the most written first', () => {
    const text =
      'Zhipu AI spoke first. Later, Moonshot AI answered. Then Moonshot AI spoke again, and Moonshot AI won.';
    expect(findCandidates(text).map((c) => [c.phrase, c.count])).toEqual([
      ['Moonshot AI', 3],
      ['Zhipu AI', 1],
    ]);
  });

  it('leaves out a phrase that touches a name the pack knows', () => {
    // "Peking University" is new; "Tsinghua University" is in the pack.
    expect(phrases('Graduates of Peking University and Tsinghua University joined.')).toEqual([
      'Peking University',
    ]);
  });
});
