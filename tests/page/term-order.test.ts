// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { Occurrence } from '../../lib/page/page-marks';
import {
  compareStarts,
  createReadingOrder,
  stepTerm,
  termAtSelection,
} from '../../lib/page/term-order';

/** Two paragraphs with three terms: "Liang" and "DeepSeek" in the first, "Nvidia" in the second. */
function page() {
  document.body.replaceChildren();
  const p1 = document.createElement('p');
  p1.append('Liang founded DeepSeek.');
  const p2 = document.createElement('p');
  p2.append('Then Nvidia fell.');
  document.body.append(p1, p2);
  const t1 = p1.firstChild as Text;
  const t2 = p2.firstChild as Text;
  const occ = (node: Text, start: number, end: number, id: string) =>
    ({
      match: { id },
      range: { startContainer: node, startOffset: start, endContainer: node, endOffset: end },
    }) as unknown as Occurrence;
  const liang = occ(t1, 0, 5, 'liang');
  const deepseek = occ(t1, 14, 22, 'deepseek');
  const nvidia = occ(t2, 5, 11, 'nvidia');
  const at = (node: Text) =>
    node === t1 ? [liang, deepseek] : node === t2 ? [nvidia] : ([] as Occurrence[]);
  return { t1, t2, liang, deepseek, nvidia, at };
}

describe('reading order', () => {
  it('sorts scan order (viewport first) into document order, once per painted list', () => {
    const { liang, deepseek, nvidia } = page();
    expect(compareStarts(liang.range, deepseek.range)).toBeLessThan(0);
    expect(compareStarts(nvidia.range, liang.range)).toBeGreaterThan(0);
    const order = createReadingOrder();
    const painted = [nvidia, deepseek, liang];
    const sorted = order(painted);
    expect(sorted.map((o) => o.match.id)).toEqual(['liang', 'deepseek', 'nvidia']);
    expect(order(painted)).toBe(sorted);
    expect(painted.map((o) => o.match.id)).toEqual(['nvidia', 'deepseek', 'liang']);
  });
});

describe('stepTerm', () => {
  const noLayout = () => {
    throw new Error('no layout read when there is a term to start from');
  };

  it('steps from the open card to the next and previous term, wrapping round', () => {
    const { liang, deepseek, nvidia } = page();
    const sorted = [liang, deepseek, nvidia];
    expect(stepTerm(sorted, liang, 1, noLayout)).toBe(deepseek);
    expect(stepTerm(sorted, deepseek, -1, noLayout)).toBe(liang);
    expect(stepTerm(sorted, nvidia, 1, noLayout)).toBe(liang);
    expect(stepTerm(sorted, liang, -1, noLayout)).toBe(nvidia);
  });

  it('places a term painted since the list was sorted among the others', () => {
    const { liang, deepseek, nvidia } = page();
    expect(stepTerm([liang, nvidia], deepseek, 1, noLayout)).toBe(nvidia);
    expect(stepTerm([liang, nvidia], deepseek, -1, noLayout)).toBe(liang);
  });

  it('without an open card, starts from the viewport: first term in view, last one above', () => {
    const { liang, deepseek, nvidia } = page();
    const sorted = [liang, deepseek, nvidia];
    // The page is scrolled so that the first paragraph is above the viewport.
    const tops = new Map([
      [liang, -300],
      [deepseek, -300],
      [nvidia, 120],
    ]);
    const asked: Occurrence[] = [];
    const top = (o: Occurrence) => {
      asked.push(o);
      return tops.get(o) as number;
    };
    expect(stepTerm(sorted, null, 1, top)).toBe(nvidia);
    expect(stepTerm(sorted, null, -1, top)).toBe(deepseek);
    expect(asked.length).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(sorted.length + 1)));
    // Scrolled past every term: next wraps round to the first.
    expect(stepTerm(sorted, null, 1, () => -1)).toBe(liang);
    expect(stepTerm([], null, 1, top)).toBeNull();
  });
});

describe('termAtSelection', () => {
  function select(node: Node, start: number, endNode: Node = node, end = start) {
    const sel = document.getSelection() as Selection;
    sel.removeAllRanges();
    const r = document.createRange();
    r.setStart(node, start);
    r.setEnd(endNode, end);
    sel.addRange(r);
    return sel;
  }

  it('finds the term the caret stands in or right after', () => {
    const { t1, t2, liang, deepseek, nvidia, at } = page();
    expect(termAtSelection(select(t1, 2), at)).toBe(liang);
    expect(termAtSelection(select(t1, 22), at)).toBe(deepseek);
    expect(termAtSelection(select(t2, 5), at)).toBe(nvidia);
    expect(termAtSelection(select(t1, 9), at)).toBeNull(); // in "founded"
  });

  it('finds the first term a selection overlaps', () => {
    const { t1, t2, deepseek, nvidia, at } = page();
    expect(termAtSelection(select(t1, 8, t1, 17), at)).toBe(deepseek);
    expect(termAtSelection(select(t1, 23, t2, 8), at)).toBe(nvidia);
    expect(termAtSelection(select(t1, 6, t1, 13), at)).toBeNull();
  });

  it('gives nothing without a selection', () => {
    const { at } = page();
    document.getSelection()?.removeAllRanges();
    expect(termAtSelection(document.getSelection(), at)).toBeNull();
    expect(termAtSelection(null, at)).toBeNull();
  });
});
