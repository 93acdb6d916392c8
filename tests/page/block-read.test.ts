/**
 * Reading one block in slices and around the viewport (issue 19): slices must find what
 * one pass over the whole text finds, and a huge or crowded block keeps a bounded run of
 * matches around the reader's place.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDetector } from '../../lib/detect/index';
import type { Match } from '../../lib/detect/types';
import {
  BLOCK_MARKS,
  detectSpan,
  HUGE_CHARS,
  nearest,
  needsRewindow,
  readBlock,
  WINDOW_AFTER,
} from '../../lib/page/block-read';
import { fixturePack } from '../detect/fixtures/pack';

const detector = createDetector(fixturePack, { gating: false });

/** Runs a generator to its end, counting its yields. */
function run<T>(gen: Generator<unknown, T>): { value: T; yields: number } {
  let yields = 0;
  for (;;) {
    const r = gen.next();
    if (r.done) return { value: r.value, yields };
    yields++;
  }
}

const key = (m: Match) => `${m.start}:${m.end}:${m.id}:${m.text}`;

const PIECES = [
  'DeepSeek',
  'Liang Wenfeng',
  'High-Flyer',
  'R1',
  'Nvidia',
  'H800',
  '梁文锋',
  'less than $6 million',
  '$5.6\u00admillion',
  'between 10,000 and 50,000 A100 chips',
  'fewer than 140 people',
  'two months',
  'the',
  'model',
  'said',
  'on',
  'and',
  '.',
  ',',
  '\n',
];

describe('detectSpan', () => {
  it('finds in slices what one pass finds, wherever the slices fall', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 300 }),
        fc.integer({ min: 7, max: 400 }),
        (pieces, slice) => {
          const text = pieces.join(' ');
          const whole = detector.detectAll(text).map(key);
          // A clock that makes every slice look slow, then fast: sizes change all along.
          let t = 0;
          const now = () => (t += t % 2 ? 1 : 7);
          const { value } = run(detectSpan(detector, text, 0, text.length, { slice, now }));
          expect(value.matches.map(key)).toEqual(whole);
          expect(value.over).toBe(false);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('yields between slices and stops past its limit', () => {
    const text = 'DeepSeek and Nvidia. '.repeat(2000);
    const slow = () => {
      let t = 0;
      return () => (t += 100); // every slice over budget: slices shrink to the least
    };
    const { value, yields } = run(
      detectSpan(detector, text, 0, text.length, { slice: 1000, now: slow() }),
    );
    expect(value.matches).toHaveLength(4000);
    expect(yields).toBeGreaterThanOrEqual(Math.floor(text.length / 1000) - 1);
    const capped = run(detectSpan(detector, text, 0, text.length, { limit: 100, slice: 1000 }));
    expect(capped.value.over).toBe(true);
    expect(capped.value.readTo).toBeLessThan(text.length);
  });

  it('gives slow text fewer characters per step', () => {
    const text = '$6 million '.repeat(5000);
    const lengths: number[] = [];
    const counting = {
      detectAll: (t: string) => {
        lengths.push(t.length);
        return detector.detectAll(t);
      },
    };
    let t = 0;
    run(detectSpan(counting, text, 0, text.length, { now: () => (t += 10) }));
    expect(lengths.at(-2)).toBeLessThan(lengths[0] as number);
  });
});

describe('readBlock', () => {
  it('reads an ordinary block whole', () => {
    const text = 'Liang Wenfeng founded DeepSeek. '.repeat(10);
    const { value } = run(readBlock(detector, text, 0));
    expect(value.window).toBeNull();
    expect(value.matches).toHaveLength(20);
  });

  it('reads a huge block only around the center', () => {
    const text = 'Liang Wenfeng founded DeepSeek in Hangzhou. '.repeat(
      Math.ceil((2 * HUGE_CHARS) / 44),
    );
    const center = Math.floor(text.length / 2);
    const { value } = run(readBlock(detector, text, center));
    expect(value.window).not.toBeNull();
    expect(value.matches.length).toBeGreaterThan(0);
    for (const m of value.matches) {
      expect(Math.abs(m.start - center)).toBeLessThanOrEqual(WINDOW_AFTER);
      expect(text.slice(m.start, m.end)).toBe(m.text);
    }
  });

  it('keeps BLOCK_MARKS matches of a crowded block, the run nearest the center', () => {
    const text = `DeepSeek ${'$6 million '.repeat(10_000)}`;
    const center = 55_000;
    const { value } = run(readBlock(detector, text, center));
    expect(value.matches).toHaveLength(BLOCK_MARKS);
    const first = value.matches[0] as Match;
    const last = value.matches.at(-1) as Match;
    expect(first.start).toBeLessThan(center);
    expect(last.end).toBeGreaterThan(center);
    expect(value.window).toMatchObject({ center, from: first.start, to: last.end });
  });
});

describe('nearest and needsRewindow', () => {
  const ms = Array.from({ length: 100 }, (_, i) => ({ start: i * 10, end: i * 10 + 5 }) as Match);

  it('takes the run around the center, clamped at the ends', () => {
    expect(nearest(ms, 500, 4).map((m) => m.start)).toEqual([480, 490, 500, 510]);
    expect(nearest(ms, 0, 3).map((m) => m.start)).toEqual([0, 10, 20]);
    expect(nearest(ms, 5000, 2).map((m) => m.start)).toEqual([980, 990]);
  });

  it('reads again only when the reader nears an edge that is not the block’s own', () => {
    const w = { center: 5000, from: 4000, to: 8000 };
    expect(needsRewindow(w, 6000, 100_000)).toBe(false);
    expect(needsRewindow(w, 4100, 100_000)).toBe(true);
    expect(needsRewindow(w, 7900, 100_000)).toBe(true);
    expect(needsRewindow({ center: 0, from: 0, to: 8000 }, 0, 100_000)).toBe(false);
    expect(needsRewindow({ center: 0, from: 0, to: 8000 }, 7900, 8000)).toBe(false);
  });
});
