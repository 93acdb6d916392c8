// @vitest-environment happy-dom
/**
 * Memory per page (issue 19): past its budget of marks, a page's further blocks are read
 * only when the reader comes near them.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Match } from '../../lib/detect/types';
import { createPageMarks } from '../../lib/page/page-marks';
import type { NearEntry } from '../../lib/page/paint-window';
import type { Painter } from '../../lib/page/painter';
import { createScheduler } from '../../lib/page/scheduler';
import { ALL_MARK_KINDS } from '../../lib/settings';

const detector = {
  detectAll(text: string): Match[] {
    const at = text.indexOf('Liang Wenfeng');
    if (at < 0) return [];
    return [
      {
        start: at,
        end: at + 13,
        text: 'Liang Wenfeng',
        kind: 'entity',
        id: 'liang',
        label: 'Liang Wenfeng',
        entityKind: 'person',
        tier: 'core',
      },
    ];
  },
};

function setup(limit: number) {
  let report: (entries: NearEntry[]) => void = () => {};
  const observed: Element[] = [];
  const watchNear = (onChange: (entries: NearEntry[]) => void) => {
    report = onChange;
    return { observe: (el: Element) => observed.push(el), disconnect: () => {} };
  };
  const painter: Painter = { paint: () => {}, flash: () => {}, clear: () => {} };
  const scheduler = createScheduler({ yieldToHost: () => Promise.resolve(), sliceMs: 4 });
  const marks = createPageMarks({
    detector,
    painter,
    scheduler,
    settings: () => ({ kinds: [...ALL_MARK_KINDS], gating: true, highlightStyle: 'underline' }),
    inViewport: () => true,
    isVisible: () => true,
    makeRange: (init) => init as unknown as AbstractRange,
    onTerms: () => {},
    watchNear,
    pageMarks: limit,
  });
  return {
    marks,
    scheduler,
    observed,
    near: (els: Element[]) => report(els.map((el) => ({ el, near: true, boxless: false }))),
  };
}

beforeEach(() => {
  const ps = Array.from({ length: 30 }, (_, i) => {
    const p = document.createElement('p');
    p.id = `p${i}`;
    p.append(`Liang Wenfeng, paragraph ${i}.`);
    return p;
  });
  document.body.replaceChildren(...ps);
});

describe('the page budget', () => {
  it('reads up to the budget, then watches the rest and reads what comes near', async () => {
    const { marks, scheduler, observed, near } = setup(10);
    marks.scanAll(document.body);
    await scheduler.idle();
    expect(marks.terms()).toEqual([expect.objectContaining({ id: 'liang', count: 10 })]);
    const waiting = observed.filter((el) => /^p\d+$/.test(el.id) && Number(el.id.slice(1)) >= 10);
    expect(waiting.map((el) => el.id)).toContain('p29');
    near([document.getElementById('p20') as Element, document.getElementById('p21') as Element]);
    await scheduler.idle();
    expect(marks.terms()).toEqual([expect.objectContaining({ id: 'liang', count: 12 })]);
  });

  it('reads everything when there is no way to watch', async () => {
    const { marks, scheduler } = createPageMarksWithoutWatch();
    marks.scanAll(document.body);
    await scheduler.idle();
    expect(marks.terms()[0]?.count).toBe(30);
  });
});

function createPageMarksWithoutWatch() {
  const scheduler = createScheduler({ yieldToHost: () => Promise.resolve(), sliceMs: 4 });
  const marks = createPageMarks({
    detector,
    painter: { paint: () => {}, flash: () => {}, clear: () => {} },
    scheduler,
    settings: () => ({ kinds: [...ALL_MARK_KINDS], gating: true, highlightStyle: 'underline' }),
    inViewport: () => true,
    isVisible: () => true,
    makeRange: (init) => init as unknown as AbstractRange,
    onTerms: () => {},
    watchNear: null,
    pageMarks: 10,
  });
  return { marks, scheduler };
}
