// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { HighlightGroup } from '../../lib/page/highlight-groups';
import {
  createPaintWindow,
  entriesInSteps,
  type NearEntry,
  type WatchNear,
} from '../../lib/page/paint-window';
import type { Painter, PaintSet } from '../../lib/page/painter';

interface Mark {
  el: Element;
  group: HighlightGroup;
  name: string;
  inLink?: boolean;
}

function fakeWatch() {
  const state = {
    observed: [] as Element[],
    disconnected: 0,
    report: (_entries: NearEntry[]) => {},
  };
  const watch: WatchNear = (onChange) => {
    state.observed = [];
    state.report = onChange;
    return {
      observe: (el) => state.observed.push(el),
      disconnect: () => {
        state.disconnected++;
      },
    };
  };
  return { state, watch };
}

function recorder() {
  const paints: PaintSet[] = [];
  const painter: Painter = { paint: (set) => paints.push(set), flash: () => {}, clear: () => {} };
  const names = (set: PaintSet | undefined) =>
    [...(set?.values() ?? [])]
      .flat()
      .map((r) => (r as unknown as { name: string }).name)
      .sort();
  return { paints, painter, names };
}

const made: string[] = [];
const describeMarks = {
  el: (m: Mark) => m.el,
  group: (m: Mark) => m.group,
  inLink: (m: Mark) => m.inLink === true,
  range: (m: Mark) => {
    made.push(m.name);
    return { name: m.name } as unknown as AbstractRange;
  },
};

describe('paint window', () => {
  const a = document.createElement('p');
  const b = document.createElement('p');
  const c = document.createElement('p');
  const marks: Mark[] = [
    { el: a, group: 'person', name: 'a1' },
    { el: a, group: 'figure', name: 'a2' },
    { el: b, group: 'person', name: 'b1' },
    { el: c, group: 'place', name: 'c1' },
  ];
  const near = (el: Element, yes: boolean, boxless = false): NearEntry => ({
    el,
    near: yes,
    boxless,
  });

  it('paints only the marks of blocks near the viewport, as they come and go', () => {
    const { state, watch } = fakeWatch();
    const { paints, painter, names } = recorder();
    made.length = 0;
    const w = createPaintWindow<Mark>(painter, describeMarks, watch);
    for (const _ of w.show(marks, 'underline'));
    expect(state.observed).toEqual([a, b, c]);
    expect(paints).toHaveLength(0); // what was painted stays until the first report
    state.report([near(a, true), near(b, false), near(c, false)]);
    expect(names(paints.at(-1))).toEqual(['a1', 'a2']);
    state.report([near(b, true)]);
    expect(names(paints.at(-1))).toEqual(['a1', 'a2', 'b1']);
    state.report([near(a, false)]);
    expect(names(paints.at(-1))).toEqual(['b1']);
    // A range is asked for only when its block is near: c's never was.
    expect(made).not.toContain('c1');
  });

  it('always paints a block with no box of its own, and repaints nothing when nothing changed', () => {
    const { state, watch } = fakeWatch();
    const { paints, painter, names } = recorder();
    const w = createPaintWindow<Mark>(painter, describeMarks, watch);
    for (const _ of w.show(marks, 'underline'));
    state.report([near(c, false, true)]);
    expect(names(paints.at(-1))).toEqual(['c1']);
    state.report([near(c, false, true), near(a, false)]);
    expect(paints).toHaveLength(1);
  });

  it('paints a mark inside a link under its colour and under the link tint', () => {
    const { state, watch } = fakeWatch();
    const { paints, painter } = recorder();
    const linked: Mark = { el: a, group: 'person', name: 'linked', inLink: true };
    const w = createPaintWindow<Mark>(painter, describeMarks, watch);
    for (const _ of w.show([linked, ...marks.filter((m) => m.el === a)], 'underline'));
    state.report([near(a, true)]);
    const set = paints.at(-1);
    const names = (key: string) =>
      (set?.get(key as never) ?? []).map((r) => (r as unknown as { name: string }).name);
    expect(names('link')).toEqual(['linked']);
    expect(names('person')).toContain('linked');
  });

  it('lets go of the old observer when shown anew or stopped', () => {
    const { state, watch } = fakeWatch();
    const { painter } = recorder();
    const w = createPaintWindow<Mark>(painter, describeMarks, watch);
    for (const _ of w.show(marks, 'underline'));
    for (const _ of w.show(marks.slice(0, 1), 'background'));
    expect(state.disconnected).toBe(1);
    expect(state.observed).toEqual([a]);
    w.stop();
    expect(state.disconnected).toBe(2);
  });
});

describe('entriesInSteps', () => {
  it('hands a big report on a thousand entries per task, in order, and stops when drained', () => {
    const seen: NearEntry[][] = [];
    const later: (() => void)[] = [];
    const take = entriesInSteps<number>(
      (entries) => seen.push(entries),
      (n) => ({ el: { id: n } as unknown as Element, near: n % 2 === 0, boxless: false }),
      (run) => later.push(run),
    );
    take(Array.from({ length: 2500 }, (_, i) => i));
    expect(seen.map((s) => s.length)).toEqual([1000]);
    // More entries while it drains join the queue, after the first ones.
    take([9999]);
    while (later.length > 0) (later.shift() as () => void)();
    expect(seen.map((s) => s.length)).toEqual([1000, 1000, 501]);
    const ids = seen.flat().map((e) => (e.el as unknown as { id: number }).id);
    expect(ids.at(-1)).toBe(9999);
    expect(ids.slice(0, 3)).toEqual([0, 1, 2]);
    // Drained: the next report is handed on at once again.
    take([1]);
    expect(seen).toHaveLength(4);
  });
});
