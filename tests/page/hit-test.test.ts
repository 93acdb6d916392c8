import { describe, expect, it } from 'vitest';
import { placeCard } from '../../lib/page/card-position';
import { pickOccurrence, rectsContain } from '../../lib/page/hit-test';
import type { Occurrence } from '../../lib/page/page-marks';

const rect = (left: number, top: number, right: number, bottom: number) => ({
  left,
  top,
  right,
  bottom,
});

describe('rectsContain', () => {
  const lines = [rect(100, 10, 300, 30), rect(0, 30, 50, 50)]; // a term wrapped over two lines
  it.each([
    [150, 20, true],
    [25, 40, true],
    [301, 20, true], // within the 1 px slop
    [320, 20, false], // the caret snaps here, beyond the line's end: not a hit
    [75, 40, false],
  ])('(%d, %d) -> %s', (x, y, hit) => {
    expect(rectsContain(lines, x, y)).toBe(hit);
  });
});

describe('pickOccurrence', () => {
  const a = { group: 'person' } as Occurrence;
  const b = { group: 'figure' } as Occurrence;
  const rects = new Map([
    [a, [rect(0, 0, 10, 10)]],
    [b, [rect(20, 0, 30, 10)]],
  ]);
  it('confirms the candidate whose rectangles hold the point', () => {
    expect(pickOccurrence([a, b], 25, 5, (o) => rects.get(o) ?? [])).toBe(b);
    expect(pickOccurrence([a, b], 15, 5, (o) => rects.get(o) ?? [])).toBeNull();
  });
});

describe('placeCard', () => {
  const viewport = { width: 1000, height: 800 };
  const card = { width: 320, height: 200 };

  it('goes below the term when it fits', () => {
    const p = placeCard(rect(100, 100, 200, 120), card, viewport);
    expect(p).toMatchObject({ side: 'below', left: 100 });
    expect(p.top).toBeGreaterThan(120);
  });

  it('flips above near the bottom edge, never covering the term', () => {
    const term = rect(100, 700, 200, 720);
    const p = placeCard(term, card, viewport);
    expect(p.side).toBe('above');
    expect(p.top + Math.min(card.height, p.maxHeight)).toBeLessThan(term.top);
  });

  it('shifts left at the right edge and stays in the viewport', () => {
    const p = placeCard(rect(900, 100, 990, 120), card, viewport);
    expect(p.left + card.width).toBeLessThanOrEqual(viewport.width);
  });

  it('limits its height when neither side has room', () => {
    const term = rect(10, 390, 60, 410);
    const p = placeCard(term, { width: 300, height: 1000 }, viewport);
    if (p.side === 'below') expect(p.top).toBeGreaterThan(term.bottom);
    else expect(p.top + p.maxHeight).toBeLessThan(term.top);
    expect(p.maxHeight).toBeLessThan(400);
  });
});
