import { describe, expect, it } from 'vitest';
import { pack } from '../../lib/pack/bundled';
import { firstWords, MAX_LABEL_CHARS, sourceLabel } from '../../lib/pack/source-label';

describe('source labels', () => {
  // What each bundled source is called everywhere: its outlet as printed, else its
  // headline's first words, else its lede's. None of them "Source s003" or "Untitled".
  it.each([
    ['s000', 'China heralds DeepSeek as a symbol of AI advancements…'],
    ['s001', 'DeepSeek: China’s AI Breakthrough Stuns Silicon Valley'],
    ['s002', 'BBC News'],
    ['s003', 'A new player has entered the artificial intelligence…'],
    ['s004', 'AsianFin'],
  ])('%s is "%s"', (id, label) => {
    expect(pack.sources.find((s) => s.id === id)?.label).toBe(label);
  });

  it('builds every label from words the source prints, outlet or headline or body', () => {
    for (const s of pack.sources) {
      const words = s.label.replace(/…$/, '');
      const printed = [s.outlet, s.title, s.text].some((t) => t?.includes(words));
      expect(printed, s.id).toBe(true);
      expect(s.label.length).toBeLessThanOrEqual(MAX_LABEL_CHARS + 1);
    }
    expect(new Set(pack.sources.map((s) => s.label)).size).toBe(pack.sources.length);
  });

  it('flags only the machine-garbled BBC rewrite, in the pack', () => {
    const flagged = pack.sources.filter((s) => s.caveat).map((s) => [s.id, s.caveat]);
    expect(flagged).toEqual([
      [
        's002',
        "Machine-garbled English credited to BBC News: its wording may not be the original report's.",
      ],
    ]);
    expect(pack.sources.find((s) => s.id === 's002')?.text).toContain('bidet administration');
  });

  it.each([
    [{ outlet: ' Harbour  Wire ', title: 'A headline' }, 'Harbour Wire'],
    [{ outlet: null, title: 'Short headline' }, 'Short headline'],
    [{ outlet: null, title: null, lede: 'One line.' }, 'One line.'],
    [{ outlet: null, title: null, lede: '   ' }, 'Source s009'],
    [{ outlet: null, title: null }, 'Source s009'],
  ])('a bundled source %o is "%s"', (meta, label) => {
    expect(sourceLabel({ id: 's009', ...meta })).toBe(label);
  });

  it('names a reader’s own source as the library lists it: headline whole, else address', () => {
    const added = { url: 'https://news.example/2025/02/03/chips' };
    const long = 'A headline far longer than any bundled label, kept whole as the library shows it';
    expect(sourceLabel({ id: 'u1', title: long, outlet: 'Harbour Wire', added })).toBe(long);
    expect(sourceLabel({ id: 'u1', title: null, outlet: 'Harbour Wire', added })).toBe(
      'news.example/2025/02/03/chips',
    );
    expect(
      sourceLabel({
        id: 'u2',
        title: null,
        outlet: null,
        added: { url: 'file:///my%20notes.txt' },
      }),
    ).toBe('my notes.txt');
  });

  it('cuts at a word, never inside one, and drops a dangling comma', () => {
    const cut = firstWords(
      'Tokyo traders, Hong Kong analysts and Seoul engineers watched, waited, and then sold',
    );
    expect(cut).toBe('Tokyo traders, Hong Kong analysts and Seoul engineers…');
    expect(firstWords(`${'x'.repeat(80)} tail`)).toBe(`${'x'.repeat(MAX_LABEL_CHARS)}…`);
  });
});
