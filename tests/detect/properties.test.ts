/** Property tests: the detector's promises hold for generated texts, not just chosen ones. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildAutomaton, scanAll, WORD_END, WORD_START } from '../../lib/detect/automaton';
import { createDetector } from '../../lib/detect/index';
import { normalize, normalizeText, spanToOriginal, toOriginal } from '../../lib/detect/normalize';
import { fixturePack } from './fixtures/pack';

const ungated = createDetector(fixturePack, { gating: false });
const gated = createDetector(fixturePack);

/** Aliases to plant, and whether their rules allow the letters to change case. */
const PLANTS: { alias: string; id: string; caseFree: boolean }[] = [
  { alias: 'DeepSeek', id: 'deepseek', caseFree: true },
  { alias: 'Liang Wenfeng', id: 'liang-wenfeng', caseFree: true },
  { alias: 'High-Flyer', id: 'high-flyer', caseFree: true },
  { alias: 'DeepSeek-V3', id: 'deepseek-v3', caseFree: false },
  { alias: 'R1', id: 'deepseek-r1', caseFree: false },
  { alias: 'Nvidia', id: 'nvidia', caseFree: true },
  { alias: 'H800', id: 'h800', caseFree: false },
  { alias: '梁文锋', id: 'liang-wenfeng', caseFree: false },
  { alias: '深度求索', id: 'deepseek', caseFree: false },
];
const FILLER = ['the', 'model', 'said', 'on', 'with', 'market', 'week', 'report', 'and', '.', ','];

/** One alias with noise the rules must see through. */
const noisyAlias = fc
  .record({
    plant: fc.constantFrom(...PLANTS),
    seed: fc.array(fc.nat(99), { minLength: 32, maxLength: 32 }),
  })
  .map(({ plant, seed }) => {
    const chars = [...plant.alias];
    let out = '';
    chars.forEach((ch, i) => {
      const r = seed[i % seed.length] as number;
      let c = ch;
      if (c === ' ' || c === '-') c = [' ', '\u00a0', '\n', ' - ', '\u2013', c][r % 6] as string;
      else if (plant.caseFree && /[A-Z]/.test(c) === false && r % 3 === 0) c = c.toUpperCase();
      if (i > 0 && r % 4 === 0) out += ['\u00ad', '\u200b', '\u2060'][r % 3];
      out += c;
    });
    return { text: out, id: plant.id };
  });

// Hundreds of generated cases: generous time for a busy machine, no timing asserted.
describe('detector properties', { timeout: 60_000 }, () => {
  it('finds planted aliases at their offsets, through noise', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.array(fc.constantFrom(...FILLER), { minLength: 1, maxLength: 4 }),
            noisyAlias,
          ),
          {
            maxLength: 8,
          },
        ),
        (parts) => {
          let text = '';
          const expected: string[] = [];
          for (const [filler, plant] of parts) {
            text += `${filler.join(' ')} `;
            expected.push(`${plant.id}@${text.length}-${text.length + plant.text.length}`);
            text += `${plant.text} `;
          }
          const found = ungated.detect(text).map((m) => `${m.id}@${m.start}-${m.end}`);
          expect(found).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('returns ordered, disjoint matches whose text is their slice, and never throws', () => {
    const pieces = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 20 }),
      fc.constantFrom(
        'DeepSeek',
        'R1',
        '$6 million',
        '50,000 H100s',
        '梁文锋',
        'Nature',
        '\u00ad',
        '\ud800',
        ' - ',
      ),
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }), fc.boolean(), (arr, gate) => {
        const text = arr.join('');
        const detector = gate ? gated : ungated;
        const matches = detector.detect(text);
        let last = 0;
        for (const m of matches) {
          expect(m.start).toBeGreaterThanOrEqual(last);
          expect(m.end).toBeGreaterThan(m.start);
          expect(m.text).toBe(text.slice(m.start, m.end));
          last = m.end;
        }
      }),
      { numRuns: 500 },
    );
  });

  it('normalizeText and spanToOriginal agree with normalize and its map', () => {
    const unit = fc.constantFrom(
      'a',
      'B',
      ' ',
      '  ',
      '-',
      ' - ',
      '\u00ad',
      '\u00a0',
      '\n',
      '\u2019',
      '\u201c',
      '\u2014',
      '\u200b',
      '5',
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 40 }), (units) => {
        const text = units.join('');
        const norm = normalize(text);
        expect(normalizeText(text)).toBe(norm.text);
        for (let a = 0; a <= norm.text.length; a++) {
          for (let b = a; b <= Math.min(norm.text.length, a + 4); b++) {
            expect(spanToOriginal(text, a, b)).toEqual(toOriginal(norm, a, b));
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on anything at all', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        expect(() => ungated.detect(value as string)).not.toThrow();
      }),
      { numRuns: 200 },
    );
  });

  it('agrees with a brute-force search over the normalised text, word edges included', () => {
    const letter = fc.constantFrom('a', 'b', 'A', 'B');
    const key = fc
      .array(fc.oneof(letter, letter, fc.constant(' ')), { minLength: 1, maxLength: 5 })
      .map((cs) => cs.join('').replace(/ +/g, ' ').trim().toLowerCase())
      .filter((k) => k.length > 0);
    const unit = fc.constantFrom('a', 'b', 'A', 'B', ' ', '-', '\u00ad', '\u00a0', 'x', ' - ');
    fc.assert(
      fc.property(
        fc.uniqueArray(key, { minLength: 1, maxLength: 6 }),
        fc.array(unit, { maxLength: 40 }),
        fc.array(fc.constantFrom(0, WORD_START, WORD_END, WORD_START | WORD_END), {
          minLength: 6,
          maxLength: 6,
        }),
        (keys, units, edges) => {
          const text = units.join('');
          const a = buildAutomaton(keys, edges);
          const glued = (i: number) =>
            i >= 0 && i < text.length && /[a-z]/i.test(text[i] as string);
          const got: string[] = [];
          const raw = scanAll(a, text);
          for (let k = 0; k < raw.length; k += 3) got.push(`${raw[k + 2]}@${raw[k]}-${raw[k + 1]}`);
          // Brute force: the folded normalised text, dashes read as spaces.
          const norm = normalize(text, { fold: true });
          const flat = norm.text.replace(/-/g, ' ');
          const want: string[] = [];
          for (let end = 1; end <= flat.length; end++) {
            keys.forEach((k, id) => {
              const start = end - k.length;
              if (start >= 0 && flat.slice(start, end) === k) {
                const [s, e] = toOriginal(norm, start, end);
                const edge = edges[id] as number;
                if ((edge & WORD_START) !== 0 && glued(s - 1)) return;
                if ((edge & WORD_END) !== 0 && glued(e)) return;
                want.push(`${id}@${s}-${e}`);
              }
            });
          }
          expect(got.sort()).toEqual(want.sort());
        },
      ),
      { numRuns: 500 },
    );
  });
});
