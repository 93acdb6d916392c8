/**
 * Long runs of figures (issue 19): "$6 million " repeated 10,000 times merged into one
 * window of 110 KB, and each hit was mapped back by walking that window again. Windows are
 * now capped, split windows overlap without reading anything twice, and a window's offset
 * map is built once.
 */
import { describe, expect, it } from 'vitest';
import { candidateFilter, candidateWindows, MAX_WINDOW } from '../../lib/detect/figure-candidates';
import { insideNames } from '../../lib/detect/figures';
import { createDetector } from '../../lib/detect/index';
import { normalize, spanMapper, toOriginal } from '../../lib/detect/normalize';
import { fixturePack } from './fixtures/pack';

const detector = createDetector(fixturePack, { gating: false });
const figures = (text: string) => detector.detect(text).filter((m) => m.kind === 'figure');

/** The most a window may reach past MAX_WINDOW: one candidate's context and a snap to a space. */
const SLACK = 42 + 72 + 2 * 24;

describe('candidate windows on a long run of figures', () => {
  const text = '$6 million '.repeat(10_000);
  const windows = candidateWindows(text, candidateFilter([6e6]));

  it('caps every window', () => {
    expect(windows.length).toBeGreaterThan((10_000 * 11) / (MAX_WINDOW + SLACK));
    for (const [from, to] of windows) expect(to - from).toBeLessThanOrEqual(MAX_WINDOW + SLACK);
  });

  it('covers the text: each window starts before the one before it ends, and owns up to the next', () => {
    for (let i = 1; i < windows.length; i++) {
      const [prevFrom, prevTo, prevOwn] = windows[i - 1] as [number, number, number];
      const [from] = windows[i] as [number, number, number];
      expect(from).toBeLessThan(prevTo);
      expect(from).toBeGreaterThan(prevFrom);
      expect(prevOwn).toBeGreaterThanOrEqual(from);
    }
    expect(windows.at(-1)?.[2]).toBe(Number.POSITIVE_INFINITY);
  });

  it('keeps apart windows apart, owning all they read', () => {
    const pad = ' words'.repeat(100);
    const apart = candidateWindows(`$6 million${pad} $6 million`, candidateFilter([6e6]));
    expect(apart.map((w) => w[2])).toEqual([Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY]);
  });
});

describe('figures in a long run', () => {
  it('finds every one of 10,000, once, at its place', () => {
    const text = `DeepSeek ${'$6 million '.repeat(10_000)}`;
    const found = figures(text);
    expect(found).toHaveLength(10_000);
    found.forEach((m, i) => {
      expect(m.start).toBe(9 + i * 11);
      expect(m.text).toBe('$6 million');
    });
  });

  it('reads the same figures in every copy of a sentence, wherever a window splits', () => {
    // Qualifiers, ranges and soft hyphens: the parts a split could cut off.
    const sentence =
      'It cost less than $6\u00admillion, on between 10,000 and 50,000 A100 chips; fewer than 140 people. ';
    const one = figures(sentence).map((m) => [m.start, m.text, m.id]);
    expect(one).toHaveLength(3);
    const copies = 400;
    const all = figures(sentence.repeat(copies));
    expect(all).toHaveLength(3 * copies);
    all.forEach((m, i) => {
      const [start, text, id] = one[i % 3] as [number, string, string];
      expect([m.start - Math.floor(i / 3) * sentence.length, m.text, m.id]).toEqual([
        start,
        text,
        id,
      ]);
    });
  });
});

describe('spanMapper', () => {
  it('maps as toOriginal(normalize(...)) does, text normal or not', () => {
    for (const text of [
      'plain text here',
      'soft\u00adhyphen and  two spaces and \u201cquotes\u201d',
    ]) {
      const map = spanMapper(text);
      const norm = normalize(text);
      for (let a = 0; a <= norm.text.length; a++) {
        for (let b = a; b <= Math.min(norm.text.length, a + 6); b++) {
          expect(map(a, b)).toEqual(toOriginal(norm, a, b));
        }
      }
    }
  });
});

describe('digits inside a name (issue 15)', () => {
  const pad = ' and then some more words'.repeat(8);
  const text = `Nvidia's H800 chips${pad}, while DeepSeek-R1 cost $6 million.`;
  const h800 = text.indexOf('H800');
  const r1 = text.indexOf('DeepSeek-R1');
  const names = [
    { start: h800, end: h800 + 4 },
    { start: r1, end: r1 + 11 },
  ];

  it('make no window of their own', () => {
    // 800 and 1 are scales of pack values (800 x 1e4, 1 x 1e6): candidates, but for the names.
    const filter = { ...candidateFilter([6e6, 8e6, 1e6]), inName: insideNames(names) };
    const windows = candidateWindows(text, filter).map(([a, b]) => text.slice(a, b));
    expect(windows).toHaveLength(1);
    expect(windows[0]).toContain('$6 million');
    expect(windows[0]).not.toContain('H800');
    const without = candidateWindows(text, candidateFilter([6e6, 8e6, 1e6]));
    expect(without.length).toBeGreaterThan(1);
  });

  it('leave the figures beside them found as before', () => {
    expect(figures('Liang Wenfeng said the H800 cluster cost $6 million.')).toEqual(
      figures('Liang Wenfeng said the cluster cost $6 million.').map((f) => ({
        ...f,
        start: f.start + 5,
        end: f.end + 5,
      })),
    );
  });
});
