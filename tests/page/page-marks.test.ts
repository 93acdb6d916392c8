// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import type { Match, ScanOptions } from '../../lib/detect/types';
import type { TermCount } from '../../lib/messages';
import { createPageMarks, type MarkSettings, type PageMarksEnv } from '../../lib/page/page-marks';
import type { NearEntry } from '../../lib/page/paint-window';
import type { Painter, PaintSet } from '../../lib/page/painter';
import { createScheduler } from '../../lib/page/scheduler';
import { ALL_MARK_KINDS } from '../../lib/settings';

/** A stand-in detector with the contract's shape: two names and one figure. */
const NAMES: [RegExp, Omit<Match, 'start' | 'end' | 'text'>][] = [
  [
    /Liang Wenfeng/g,
    { kind: 'entity', id: 'liang', label: 'Liang Wenfeng', entityKind: 'person', tier: 'core' },
  ],
  [
    /Nvidia/g,
    { kind: 'entity', id: 'nvidia', label: 'Nvidia', entityKind: 'organization', tier: 'context' },
  ],
  [
    /\$5\.6 million/g,
    { kind: 'figure', id: 'cost', label: 'Training cost', entityKind: null, tier: 'context' },
  ],
];
const detector = {
  detectAll(text: string, options: ScanOptions = {}): Match[] {
    const out: Match[] = [];
    for (const [re, m] of NAMES)
      if (m.kind !== 'figure' || options.figures !== false)
        for (const x of text.matchAll(re))
          out.push({ ...m, start: x.index, end: x.index + x[0].length, text: x[0] });
    return out.sort((a, b) => a.start - b.start);
  },
};

function recorder() {
  const calls: { set: PaintSet; style: string }[] = [];
  const painter: Painter = {
    paint: (set, style) => calls.push({ set, style }),
    flash: () => {},
    clear: () => calls.push({ set: new Map(), style: 'cleared' }),
  };
  return { calls, painter, last: () => calls[calls.length - 1] };
}

function text(r: StaticRangeInit): string {
  const range = document.createRange();
  range.setStart(r.startContainer, r.startOffset);
  range.setEnd(r.endContainer, r.endOffset);
  return range.toString();
}

function setup(
  settings: MarkSettings,
  inViewport = (_el: Element) => true,
  sliceMs = 4,
  isVisible = (_el: Element) => true,
  extra: Partial<PageMarksEnv> = {},
) {
  const rec = recorder();
  const reports: TermCount[][] = [];
  const scheduler = createScheduler({ yieldToHost: () => Promise.resolve(), sliceMs });
  const marks = createPageMarks({
    detector,
    painter: rec.painter,
    scheduler,
    settings: () => settings,
    inViewport,
    isVisible,
    // happy-dom has no StaticRange: the plain init carries the same four fields.
    makeRange: (init) => init as unknown as AbstractRange,
    onTerms: (t) => reports.push(t),
    ...extra,
  });
  return { rec, reports, scheduler, marks };
}

function html(markup: string) {
  const doc = new DOMParser().parseFromString(`<body>${markup}</body>`, 'text/html');
  document.body.replaceChildren(
    ...Array.from(doc.body.childNodes).map((n) => document.importNode(n, true)),
  );
}

const base: MarkSettings = {
  kinds: [...ALL_MARK_KINDS],
  gating: true,
  highlightStyle: 'underline',
};

beforeEach(() => document.body.replaceChildren());

describe('page marks', () => {
  it('paints each kind in its group, across element boundaries', async () => {
    html(
      '<p>Founder Liang <b>Wenfeng</b> bought <a href="#">Nvidia</a> chips for $5.6 million.</p>',
    );
    const { rec, reports, scheduler, marks } = setup(base);
    marks.scanAll(document.body);
    await scheduler.idle();
    const set = rec.last()?.set as PaintSet;
    expect([...set.keys()].sort()).toEqual(['figure', 'link', 'organization', 'person']);
    expect(text(set.get('person')?.[0] as StaticRangeInit)).toBe('Liang Wenfeng');
    // A mark inside a link is tinted as well, so it is not taken for the link's underline.
    expect(set.get('link')?.map((r) => text(r as StaticRangeInit))).toEqual(['Nvidia']);
    expect(text(set.get('figure')?.[0] as StaticRangeInit)).toBe('$5.6 million');
    // Equal counts sort by label.
    expect(reports.at(-1)?.map((t) => [t.id, t.count])).toEqual([
      ['liang', 1],
      ['nvidia', 1],
      ['cost', 1],
    ]);
  });

  it('tints only marks inside a link with an address', async () => {
    html(
      '<p><a name="x">Nvidia</a> and <a href="/a"><span>Liang Wenfeng</span></a>, DeepSeek.</p>',
    );
    const { rec, scheduler, marks } = setup(base);
    marks.scanAll(document.body);
    await scheduler.idle();
    const set = rec.last()?.set as PaintSet;
    expect(set.get('link')?.map((r) => text(r as StaticRangeInit))).toEqual(['Liang Wenfeng']);
  });

  it('reads the furniture for names only: a rail is not about the story, nor are its figures', async () => {
    html(
      '<article><p>Liang Wenfeng bought Nvidia chips for $5.6 million.</p></article>' +
        '<aside><p>Trending: Liang Wenfeng spent $5.6 million</p></aside>' +
        '<nav><p>Nvidia shares</p></nav>',
    );
    const { rec, scheduler, marks } = setup(base);
    marks.scanAll(document.body);
    await scheduler.idle();
    const set = rec.last()?.set as PaintSet;
    expect((set.get('figure') ?? []).map((r) => text(r))).toEqual(['$5.6 million']);
    // The article is about the story, so the rail's and the nav's names are marked.
    expect((set.get('person') ?? []).length).toBe(2);
    expect((set.get('organization') ?? []).length).toBe(2);
  });

  it('marks no context term when only the furniture names a core term', async () => {
    html(
      '<article><p>Nvidia bought chips for $5.6 million.</p></article>' +
        '<aside><p>Trending: Liang Wenfeng</p></aside>',
    );
    const { rec, scheduler, marks } = setup(base);
    marks.scanAll(document.body);
    await scheduler.idle();
    const set = rec.last()?.set as PaintSet;
    expect([...set.keys()]).toEqual(['person']);
  });

  it('does not mark a name in an inline element hidden by a style', async () => {
    html(
      '<p>Liang Wenfeng and <span class="gone">Nvidia</span>, <b>Nvidia</b>, Liang <i class="gone">Wenfeng</i>.</p>',
    );
    const visible = (el: Element) => !el.classList.contains('gone');
    const { rec, scheduler, marks } = setup(base, undefined, undefined, visible);
    marks.scanAll(document.body);
    await scheduler.idle();
    const set = rec.last()?.set as PaintSet;
    const painted = [...set.values()].flat().map((r) => text(r as unknown as StaticRangeInit));
    expect(painted.sort()).toEqual(['Liang Wenfeng', 'Nvidia']);
    const nvidia = set.get('organization')?.[0] as unknown as StaticRangeInit;
    expect((nvidia.startContainer.parentElement as Element).tagName).toBe('B');
  });

  it('gates context terms and figures on a page without a core term', async () => {
    html('<p>Nvidia lost value.</p><p>It cost $5.6 million.</p>');
    const { rec, scheduler, marks } = setup(base);
    marks.scanAll(document.body);
    await scheduler.idle();
    expect(rec.last()?.set.size).toBe(0);
  });

  it('gates once per page: a core term in another paragraph unlocks the rest', async () => {
    html('<p>Nvidia lost value.</p><div><p>Liang Wenfeng spoke.</p></div>');
    const { rec, scheduler, marks } = setup(base);
    marks.scanAll(document.body);
    await scheduler.idle();
    expect(rec.last()?.set.get('organization')).toHaveLength(1);
  });

  it('paints context terms anywhere with gating off, and only the chosen kinds', async () => {
    html('<p>Nvidia lost value; it cost $5.6 million.</p>');
    const { rec, scheduler, marks } = setup({ ...base, gating: false, kinds: ['figure'] });
    marks.scanAll(document.body);
    await scheduler.idle();
    expect([...(rec.last()?.set.keys() ?? [])]).toEqual(['figure']);
  });

  it('paints visible blocks before the rest', async () => {
    html('<p id="top">Liang Wenfeng</p><p id="low">Nvidia</p>');
    const { rec, scheduler, marks } = setup(base, (el) => el.id === 'top');
    marks.scanAll(document.body);
    await scheduler.idle();
    expect(rec.calls[0]?.set.get('person')).toHaveLength(1);
    expect(rec.calls[0]?.set.has('organization')).toBe(false);
    expect(rec.last()?.set.get('organization')).toHaveLength(1);
  });

  it('before layout, paints the top of the document first and asks no layout', async () => {
    const filler = `<p>${'Plain words here. '.repeat(400)}</p>`;
    html(`<p>Liang Wenfeng</p>${filler}<p>Nvidia</p>`);
    const asked: Element[] = [];
    const { rec, scheduler, marks } = setup(base, (el) => {
      asked.push(el);
      return true;
    });
    marks.scanAll(document.body, { beforeLayout: true });
    // Painted in the same task: a long page's next frame may be hundreds of ms away.
    expect(rec.calls).toHaveLength(1);
    await scheduler.idle();
    expect(asked).toEqual([]);
    expect(rec.calls[0]?.set.get('person')).toHaveLength(1);
    expect(rec.calls[0]?.set.has('organization')).toBe(false);
    expect(rec.last()?.set.get('organization')).toHaveLength(1);
  });

  it('before layout, asks no style until the top is painted, then drops what is hidden', async () => {
    const filler = `<p>${'Plain words here. '.repeat(400)}</p>`;
    html(`<p>Liang Wenfeng</p><p class="gone">Nvidia</p>${filler}<p>Liang Wenfeng</p>`);
    const paintsWhenAsked: number[] = [];
    const visible = (el: Element) => {
      paintsWhenAsked.push(rec.calls.length);
      return !el.classList.contains('gone');
    };
    const { rec, scheduler, marks } = setup(base, undefined, undefined, visible);
    marks.scanAll(document.body, { beforeLayout: true });
    await scheduler.idle();
    // The top pass painted first (the hidden block taken as rendered), style came after.
    expect(Math.min(...paintsWhenAsked)).toBeGreaterThanOrEqual(1);
    expect(rec.calls[0]?.set.get('organization')).toHaveLength(1);
    expect(rec.last()?.set.has('organization')).toBe(false);
    expect(rec.last()?.set.get('person')).toHaveLength(2);
    expect(marks.terms().map((t) => t.id)).toEqual(['liang']);
  });

  it('past a thousand marks, registers only those of blocks near the viewport', async () => {
    html(Array.from({ length: 1200 }, (_, i) => `<p id="p${i}">Liang Wenfeng</p>`).join(''));
    let report: (entries: NearEntry[]) => void = () => {};
    const observed: Element[] = [];
    const watchNear = (onChange: (entries: NearEntry[]) => void) => {
      report = onChange;
      return { observe: (el: Element) => observed.push(el), disconnect: () => {} };
    };
    const { rec, scheduler, marks } = setup(base, (el) => el.id === 'p0', 4, undefined, {
      watchNear,
    });
    marks.scanAll(document.body);
    await scheduler.idle();
    expect(observed).toHaveLength(1200);
    const painted = rec.calls.length;
    const near = ['p5', 'p6'].map((id) => document.getElementById(id) as Element);
    report(near.map((el) => ({ el, near: true, boxless: false })));
    expect(rec.calls).toHaveLength(painted + 1);
    expect(rec.last()?.set.get('person')).toHaveLength(2);
    // Every mark is still known: counts, hover and the sidebar see all of them.
    expect(marks.terms()).toEqual([expect.objectContaining({ id: 'liang', count: 1200 })]);
  });

  it('re-reads only the changed block and drops marks of removed text', async () => {
    html('<p id="a">Liang Wenfeng</p><p id="b">Nvidia</p>');
    const { rec, scheduler, marks } = setup(base);
    marks.scanAll(document.body);
    await scheduler.idle();
    const b = document.getElementById('b') as HTMLElement;
    b.replaceChildren('Nvidia and Nvidia');
    marks.rescan([b]);
    await scheduler.idle();
    expect(rec.last()?.set.get('organization')).toHaveLength(2);
    expect(rec.last()?.set.get('person')).toHaveLength(1);
    document.getElementById('a')?.remove();
    marks.rescan([document.body]);
    await scheduler.idle();
    expect(rec.last()?.set.has('person')).toBe(false);
  });

  it('counts a block once when overlapping re-scans are in flight', async () => {
    html('<div id="d"><p>Liang Wenfeng</p></div>');
    // One unit of work per slice, so the three re-scans below overlap.
    const { rec, scheduler, marks } = setup(base, () => true, 0);
    marks.scanAll(document.body);
    await scheduler.idle();
    const d = document.getElementById('d') as HTMLElement;
    marks.rescan([d]);
    marks.rescan([d.firstElementChild as Element]);
    marks.rescan([document.body]);
    await scheduler.idle();
    expect(rec.last()?.set.get('person')).toHaveLength(1);
    expect(marks.terms()).toEqual([expect.objectContaining({ id: 'liang', count: 1 })]);
  });

  it('finds the occurrences in a text node for hover', async () => {
    html('<p>Founder Liang <b>Wenfeng</b> said</p>');
    const { scheduler, marks } = setup(base);
    marks.scanAll(document.body);
    await scheduler.idle();
    const bold = document.querySelector('b')?.firstChild as Text;
    expect(marks.at(bold).map((o) => o.match.id)).toEqual(['liang']);
  });

  it('clears everything when its signal aborts', async () => {
    html('<p>Liang Wenfeng</p>');
    const abort = new AbortController();
    const { rec, scheduler, marks } = setup(base, undefined, undefined, undefined, {
      signal: abort.signal,
    });
    marks.scanAll(document.body);
    await scheduler.idle();
    abort.abort();
    expect(rec.last()?.style).toBe('cleared');
    expect(marks.terms()).toEqual([]);
  });

  it('drops every mark, and reports none, once the pointer finds the page in designMode', async () => {
    html('<p>Founder Liang Wenfeng said</p>');
    const { rec, reports, scheduler, marks } = setup(base);
    marks.scanAll(document.body);
    await scheduler.idle();
    const node = document.querySelector('p')?.firstChild as Text;
    expect(marks.at(node)).toHaveLength(1);
    document.designMode = 'on';
    try {
      expect(marks.at(node)).toEqual([]);
      expect(rec.last()?.style).toBe('cleared');
      expect(reports[reports.length - 1]).toEqual([]);
      expect(marks.painted()).toEqual([]);
    } finally {
      document.designMode = 'off';
    }
  });
});

describe('first occurrence only', () => {
  const firstOnly: MarkSettings = { ...base, firstOccurrenceOnly: true };
  const page =
    '<p id="a">Liang Wenfeng, at the top.</p>' +
    '<p id="b">Liang Wenfeng and Nvidia; Liang Wenfeng again.</p>' +
    '<p id="c">Nvidia and <b>Liang Wenfeng</b>.</p>';
  // #a is above the viewport: read after #b and #c, yet first in the document.
  const belowTop = (el: Element) => el.id !== 'a';
  const paintedIn = (set: PaintSet, group: 'person' | 'organization') =>
    (set.get(group) ?? []).map((r) => {
      const init = r as unknown as StaticRangeInit;
      return init.startContainer.parentElement?.closest('p')?.id;
    });

  it("paints each term's first in document order, and counts them all", async () => {
    html(page);
    const { rec, scheduler, marks } = setup(firstOnly, belowTop);
    marks.scanAll(document.body);
    await scheduler.idle();
    const set = rec.last()?.set as PaintSet;
    expect(paintedIn(set, 'person')).toEqual(['a']);
    expect(paintedIn(set, 'organization')).toEqual(['b']);
    expect(marks.terms().map((t) => [t.id, t.count])).toEqual([
      ['liang', 4],
      ['nvidia', 2],
    ]);
    // Hover finds only what is painted.
    const bold = document.querySelector('b')?.firstChild as Text;
    expect(marks.at(bold)).toEqual([]);
  });

  it('paints every occurrence again when the option is turned off', async () => {
    html(page);
    let settings = firstOnly;
    const { rec, scheduler, marks } = setup(base, belowTop, undefined, undefined, {
      settings: () => settings,
    });
    marks.scanAll(document.body);
    await scheduler.idle();
    expect(rec.last()?.set.get('person')).toHaveLength(1);
    settings = base;
    marks.repaint();
    await scheduler.idle();
    expect(paintedIn(rec.last()?.set as PaintSet, 'person').sort()).toEqual(['a', 'b', 'b', 'c']);
    expect(paintedIn(rec.last()?.set as PaintSet, 'organization')).toHaveLength(2);
  });
});
