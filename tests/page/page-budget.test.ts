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

/** Every text the detector was given: what was read. */
const detected: string[] = [];

const detector = {
  detectAll(text: string): Match[] {
    detected.push(text);
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

function setup(
  limit: number,
  pageText?: number,
  stopAtBudget = false,
  hidden: ReadonlySet<string> = new Set(),
) {
  let report: (entries: NearEntry[]) => void = () => {};
  const observed: Element[] = [];
  const watchNear = (onChange: (entries: NearEntry[]) => void) => {
    report = onChange;
    return { observe: (el: Element) => observed.push(el), disconnect: () => {} };
  };
  // Where a walk stopped at the budget, and how to say the reader got there.
  const stops: { el: Element; reach: () => void; forgotten: boolean }[] = [];
  const watchReached = (onChange: (entries: NearEntry[]) => void) => {
    let stop: (typeof stops)[number] | undefined;
    return {
      observe: (el: Element) => {
        stop = {
          el,
          reach: () => onChange([{ el, near: true, boxless: false }]),
          forgotten: false,
        };
        stops.push(stop);
      },
      disconnect: () => {
        if (stop) stop.forgotten = true;
      },
    };
  };
  const painter: Painter = { paint: () => {}, flash: () => {}, clear: () => {} };
  const scheduler = createScheduler({ yieldToHost: () => Promise.resolve(), sliceMs: 4 });
  const marks = createPageMarks({
    detector,
    painter,
    scheduler,
    settings: () => ({ kinds: [...ALL_MARK_KINDS], gating: true, highlightStyle: 'underline' }),
    inViewport: () => true,
    isVisible: (el) => !hidden.has(el.id),
    makeRange: (init) => init as unknown as AbstractRange,
    onTerms: () => {},
    watchNear,
    pageMarks: limit,
    pageText,
    watchReached: stopAtBudget ? watchReached : null,
  });
  return {
    marks,
    scheduler,
    observed,
    stops,
    near: (els: Element[]) => report(els.map((el) => ({ el, near: true, boxless: false }))),
    boxless: (els: Element[]) => report(els.map((el) => ({ el, near: false, boxless: true }))),
  };
}

beforeEach(() => {
  detected.length = 0;
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

  it('past its characters, reads no more text, and reads what comes near', async () => {
    // Each paragraph is 28 or 29 characters: 100 are spent after the fourth.
    const { marks, scheduler, observed, near } = setup(1000, 100);
    marks.scanAll(document.body);
    await scheduler.idle();
    expect(marks.terms()[0]?.count).toBe(4);
    expect(detected).toHaveLength(4);
    expect(detected.join()).not.toContain('paragraph 4.');
    expect(observed.map((el) => el.id)).toEqual(expect.arrayContaining(['p4', 'p29']));
    near([document.getElementById('p29') as Element]);
    await scheduler.idle();
    expect(marks.terms()[0]?.count).toBe(5);
    expect(detected.at(-1)).toBe('Liang Wenfeng, paragraph 29.');
  });

  it('stops its walk at the budget, and goes on when the reader gets there', async () => {
    const { marks, scheduler, observed, stops, near } = setup(1000, 100, true);
    marks.scanAll(document.body);
    await scheduler.idle();
    expect(marks.terms()[0]?.count).toBe(4);
    // Nothing past the stop is walked yet: not a block watched.
    expect(observed.filter((el) => /^p\d+$/.test(el.id))).toEqual([]);
    expect(stops.map((s) => s.el.id)).toEqual(['p4']);
    expect(marks.partial()).toBe(true);
    stops[0]?.reach();
    await scheduler.idle();
    expect(observed.map((el) => el.id)).toEqual(expect.arrayContaining(['p4', 'p29']));
    expect(detected).toHaveLength(4);
    near([document.getElementById('p4') as Element]);
    await scheduler.idle();
    expect(marks.terms()[0]?.count).toBe(5);
    expect(marks.partial()).toBe(true);
    // Every block the reader comes near is read: then nothing waits.
    near(Array.from({ length: 25 }, (_, i) => document.getElementById(`p${i + 5}`) as Element));
    await scheduler.idle();
    expect(marks.terms()[0]?.count).toBe(30);
    expect(marks.partial()).toBe(false);
  });

  it('searches what it walked for web components when it stops, and the rest later', async () => {
    const hostIn = (id: string, before: Element) => {
      const host = document.createElement('div');
      const inner = document.createElement('p');
      inner.id = id;
      inner.append('Liang Wenfeng, in a web component.');
      host.attachShadow({ mode: 'open' }).append(inner);
      before.before(host);
    };
    hostIn('early', document.getElementById('p1') as Element);
    hostIn('late', document.getElementById('p20') as Element);
    const { marks, scheduler, stops, observed } = setup(1000, 100, true);
    marks.scanAll(document.body);
    await scheduler.idle();
    // The early component's text waits for the reader like the page's (the budget is
    // spent), the late one is not even found until the reader gets to where the walk stopped.
    expect(stops.map((s) => s.el.id)).toEqual(['p4']);
    expect(observed.map((el) => el.id)).toContain('early');
    expect(observed.map((el) => el.id)).not.toContain('late');
    stops[0]?.reach();
    await scheduler.idle();
    expect(observed.map((el) => el.id)).toEqual(expect.arrayContaining(['p29', 'late']));
  });

  it('stops its walk at a block with a box, watching hidden ones before it', async () => {
    const { marks, scheduler, observed, stops } = setup(1000, 100, true, new Set(['p4', 'p5']));
    marks.scanAll(document.body);
    await scheduler.idle();
    expect(stops.map((s) => s.el.id)).toEqual(['p6']);
    expect(observed.map((el) => el.id)).toEqual(expect.arrayContaining(['p4', 'p5']));
  });

  it('stops at a block that is all of its element, never at text between child blocks', async () => {
    const box = document.createElement('div');
    box.id = 'box';
    for (const p of Array.from(document.body.children)) box.append(p, 'Liang Wenfeng, between. ');
    document.body.replaceChildren(box);
    const { marks, scheduler, observed, stops, near } = setup(1000, 100, true);
    marks.scanAll(document.body);
    await scheduler.idle();
    expect(stops.map((s) => s.el.id)).toEqual(['p2']);
    stops[0]?.reach();
    await scheduler.idle();
    // The container is never watched (near, it would be read whole): its runs are read.
    expect(observed.map((el) => el.id)).not.toContain('box');
    near(observed);
    await scheduler.idle();
    expect(marks.partial()).toBe(false);
    expect(marks.terms()[0]?.count).toBe(60);
  });

  it('reads a watched block with no box of its own only when that is display: contents', async () => {
    (document.getElementById('p20') as HTMLElement).style.display = 'none';
    (document.getElementById('p21') as HTMLElement).style.display = 'contents';
    const { marks, scheduler, boxless } = setup(1000, 100);
    marks.scanAll(document.body);
    await scheduler.idle();
    const before = detected.length;
    boxless([document.getElementById('p20') as Element, document.getElementById('p21') as Element]);
    await scheduler.idle();
    expect(detected.slice(before)).toEqual(['Liang Wenfeng, paragraph 21.']);
    expect(marks.partial()).toBe(true);
  });

  it('watches what the page adds past the budget, and stops no second walk', async () => {
    const { marks, scheduler, observed, stops } = setup(1000, 100, true);
    marks.scanAll(document.body);
    await scheduler.idle();
    const added = document.createElement('p');
    added.id = 'added';
    added.append('Liang Wenfeng, added by the page.');
    document.body.append(added);
    marks.rescan([added]);
    await scheduler.idle();
    expect(stops.map((s) => s.el.id)).toEqual(['p4']);
    expect(observed.map((el) => el.id)).toContain('added');
  });

  it('goes on at once when the page removes the block its walk stopped at', async () => {
    // The first 15 paragraphs in a section, the rest after it: a re-scan of the section
    // alone does not reach them.
    const section = document.createElement('section');
    section.append(...Array.from(document.body.children).slice(0, 15));
    document.body.prepend(section);
    const { marks, scheduler, observed, stops, near } = setup(1000, 100, true);
    marks.scanAll(document.body);
    await scheduler.idle();
    expect(stops.map((s) => s.el.id)).toEqual(['p4']);
    document.getElementById('p4')?.remove();
    marks.rescan([section]);
    await scheduler.idle();
    // Walked again from the top, every block watched: the rest waits for the reader no more.
    expect(observed.map((el) => el.id)).toEqual(expect.arrayContaining(['p5', 'p29']));
    expect(stops[0]?.forgotten).toBe(true);
    stops[0]?.reach();
    await scheduler.idle();
    expect(observed.filter((el) => el.id === 'p29')).toHaveLength(1);
    near(observed);
    await scheduler.idle();
    expect(marks.partial()).toBe(false);
  });

  it('goes on inside the web component where its walk stopped, and the ones after it', async () => {
    const para = (id: string) => {
      const p = document.createElement('p');
      p.id = id;
      p.append(`Liang Wenfeng, said ${id}.`);
      return p;
    };
    const host = (prefix: string, n: number) => {
      const el = document.createElement('div');
      el.attachShadow({ mode: 'open' }).append(
        ...Array.from({ length: n }, (_, i) => para(`${prefix}${i}`)),
      );
      return el;
    };
    document.body.replaceChildren(para('b0'), para('b1'), host('a', 10), host('z', 5));
    const { marks, scheduler, observed, stops } = setup(1000, 100, true);
    marks.scanAll(document.body);
    await scheduler.idle();
    expect(stops.map((s) => s.el.id)).toEqual(['a3']);
    stops[0]?.reach();
    await scheduler.idle();
    expect(observed.map((el) => el.id)).toEqual(expect.arrayContaining(['a3', 'a9', 'z0', 'z4']));
  });

  it("spends no budget on a short live page's re-reads", async () => {
    const p = document.getElementById('p0') as Element;
    document.body.replaceChildren(p);
    const { marks, scheduler, observed } = setup(1000, 100, true);
    marks.scanAll(document.body);
    await scheduler.idle();
    for (let tick = 0; tick < 10; tick++) {
      p.replaceChildren(`Liang Wenfeng, tick ${tick}.`);
      marks.rescan([p]);
      await scheduler.idle();
    }
    expect(marks.partial()).toBe(false);
    expect(observed).toEqual([]);
    expect(detected.at(-1)).toBe('Liang Wenfeng, tick 9.');
  });

  it('forgets where it stopped when the page is scanned anew', async () => {
    const { marks, scheduler, observed, stops } = setup(1000, 100, true);
    marks.scanAll(document.body);
    await scheduler.idle();
    marks.scanAll(document.body);
    await scheduler.idle();
    stops[0]?.reach();
    await scheduler.idle();
    expect(observed.filter((el) => /^p\d+$/.test(el.id))).toEqual([]);
    expect(stops).toHaveLength(2);
  });

  it('reads everything when there is no way to watch', async () => {
    const { marks, scheduler } = createPageMarksWithoutWatch();
    marks.scanAll(document.body);
    await scheduler.idle();
    expect(marks.terms()[0]?.count).toBe(30);
    expect(marks.partial()).toBe(false);
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
