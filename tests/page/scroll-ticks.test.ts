/** Scrollbar markers: marks placed on the strip by their place in the document, merged per row. */
import { describe, expect, it } from 'vitest';
import { type MarkSpot, ticksFor } from '../../lib/page/scroll-ticks';

const spot = (y: number, nth = 0, id = 'deepseek'): MarkSpot => ({ id, nth, y });

describe('ticksFor', () => {
  it('places each mark at its share of the document height, in order', () => {
    const ticks = ticksFor([spot(3000, 1), spot(0, 0), spot(1500, 2)], 6000, 600);
    expect(ticks.map((t) => [t.at, t.spot.nth])).toEqual([
      [0, 0],
      [0.25, 2],
      [0.5, 1],
    ]);
  });

  it('merges marks that fall in one row of the strip, keeping the first in the document', () => {
    // 10,000 px of document on a 100 px strip in 4 px rows: 400 px of document per row.
    const ticks = ticksFor([spot(130, 1), spot(100, 0), spot(390, 2), spot(5000, 3)], 10_000, 100);
    expect(ticks.map((t) => t.spot.nth)).toEqual([0, 3]);
  });

  it('keeps a mark below the last row or above the first on the strip', () => {
    const ticks = ticksFor([spot(-20, 0), spot(9999, 1), spot(12_000, 2)], 10_000, 100);
    expect(ticks.map((t) => [t.at, t.spot.nth])).toEqual([
      [0, 0],
      [0.9999, 1],
    ]);
  });

  it('draws nothing on a page or strip with no height', () => {
    expect(ticksFor([spot(10)], 0, 100)).toEqual([]);
    expect(ticksFor([spot(10)], 1000, 0)).toEqual([]);
  });
});
