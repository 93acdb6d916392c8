// @vitest-environment happy-dom
/** "On this page" and the scrollbar markers: which occurrence each shows and measures. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { markSpots, showOccurrence } from '../../lib/content/show-occurrence';
import type { Occurrence, PageMarks } from '../../lib/page/page-marks';
import type { Painter } from '../../lib/page/painter';

function page(counts: Record<string, number>) {
  document.body.replaceChildren();
  const painted: Occurrence[] = [];
  let line = 0;
  for (const [id, n] of Object.entries(counts)) {
    for (let i = 0; i < n; i++) {
      const p = document.createElement('p');
      p.append(`${id} ${i}`);
      p.dataset.line = String(line++);
      document.body.append(p);
      const node = p.firstChild as Text;
      painted.push({
        match: { id, text: id },
        range: { startContainer: node, startOffset: 0, endContainer: node, endOffset: id.length },
      } as unknown as Occurrence);
    }
  }
  // happy-dom lays nothing out: each paragraph stands 20 px below the one before.
  vi.spyOn(Range.prototype, 'getBoundingClientRect').mockImplementation(function (this: Range) {
    const line = Number((this.startContainer.parentElement as HTMLElement).dataset.line);
    return new DOMRect(0, line * 20, 50, 18);
  });
  const marks = { painted: () => painted } as unknown as PageMarks;
  return { marks, painted };
}

afterEach(() => vi.restoreAllMocks());

describe('markSpots', () => {
  it("measures every one of a rare term's marks on a page crowded with another's", () => {
    const { marks } = page({ often: 2000, rare: 4 });
    const spots = markSpots(marks, 'rare');
    expect(spots.map((s) => s.nth)).toEqual([0, 1, 2, 3]);
    expect(spots.map((s) => s.y)).toEqual([40000, 40020, 40040, 40060]);
  });

  it('thins a crowded term to at most a thousand spots, numbering each by its place', () => {
    const { marks } = page({ often: 2500 });
    const spots = markSpots(marks, 'often');
    expect(spots.length).toBeLessThanOrEqual(1000);
    expect(spots[1]?.nth).toBe(3); // every third mark
  });

  it("keeps a rare term's mark among every term's, however crowded another is", () => {
    const { marks } = page({ often: 2500, rare: 1 });
    const spots = markSpots(marks, null);
    expect(spots.filter((s) => s.id === 'rare')).toHaveLength(1);
    expect(spots.length).toBeLessThanOrEqual(1001);
  });

  it("gives every term's marks for null, each numbered within its own term", () => {
    const { marks } = page({ a: 2, b: 1 });
    expect(markSpots(marks, null).map((s) => [s.id, s.nth])).toEqual([
      ['a', 0],
      ['a', 1],
      ['b', 0],
    ]);
  });
});

describe('showOccurrence', () => {
  const painter = (): Painter & { flashed: unknown[] } => {
    const flashed: unknown[] = [];
    return { flashed, paint: () => {}, clear: () => {}, flash: (r) => flashed.push(r) };
  };

  it('shows the nth occurrence a marker names, and none once that one is gone', () => {
    const { marks, painted } = page({ a: 3 });
    Element.prototype.scrollIntoView = vi.fn();
    const p = painter();
    showOccurrence(marks, p, new Map(), 'a', 2);
    expect(p.flashed).toEqual([painted[2]?.range]);
    showOccurrence(marks, p, new Map(), 'a', 3);
    expect(p.flashed).toHaveLength(1);
  });
});
