/**
 * Word edges read in code, not with `\p{L}` in the regexes (issue 15: each such regex cost
 * V8 0.1 to 3 ms to compile on a page's first figure). What the regexes' lookarounds said
 * must still hold: a month, a year, a chip model, a rank word or "of them" does not run on
 * into a letter, and a bare number after a capitalized word names something.
 */
import { describe, expect, it } from 'vitest';
import { parseQuantities } from '../../lib/quantity/parse';

const read = (text: string) => parseQuantities(text).map((q) => [q.text, q.unit, q.value]);

describe('word edges', () => {
  it('ends a month at a letter after its dot, and reads a year only when it stops', () => {
    expect(read('On 20 Jan.Reuters said')).toEqual([['20 Jan', 'date', 120]]);
    expect(read('On 20 Jan. 2025 it fell')).toEqual([['20 Jan. 2025', 'date', 20250120]]);
    expect(read('On 20 Septx')).toEqual([['20', 'count', 20]]);
    expect(read('On 20 January 2025x')).toEqual([['20 January', 'date', 120]]);
  });

  it('takes a glued chip model as the unit only when it stops there', () => {
    expect(read('5万张A100 chips')).toEqual([['5万张A100', 'chips', 50000]]);
    expect(read('5万张A100x')).toEqual([['5万', 'count', 50000]]);
    expect(read('2,000块GPU')).toEqual([['2,000块GPU', 'chips', 2000]]);
  });

  it('reads a rank word or "of them" only as a whole word', () => {
    expect(read('No. 2 spot')).toEqual([['No. 2', 'rank', 2]]);
    expect(read('sixth rankings')).toEqual([]);
    // Unicode case folding as before: the long s is an s.
    expect(read('came in third ſpot')).toEqual([['third ſpot', 'rank', 3]]);
    expect(read('2,000 of them')).toEqual([['2,000 of them', 'count', 2000]]);
    expect(read('2,000 of themx')).toEqual([['2,000', 'count', 2000]]);
    expect(read('5 Nvidia’s A100 chips')).toEqual([['5 Nvidia’s A100 chips', 'chips', 5]]);
  });

  it('takes a bare number after a capitalized word as part of a name, letters of any script', () => {
    expect(read('Qihoo 360')).toEqual([]);
    expect(read('the 𝐀Bc 360 model')).toEqual([]);
    expect(read('Ünicode 360')).toEqual([['360', 'count', 360]]);
  });
});
