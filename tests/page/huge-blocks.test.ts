// @vitest-environment happy-dom
/**
 * Page marks on the pages of issue 19: a huge text node is detected a slice at a time and
 * marked around the reader's place only (following the reader's scrolling), a crowded
 * block keeps a bounded run of marks, and visibility is asked only where a match falls.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { createDetector } from '../../lib/detect/index';
import { BLOCK_MARKS, MAX_SLICE, WINDOW_AFTER } from '../../lib/page/block-read';
import { createPageMarks, type MarkSettings, type PageMarksEnv } from '../../lib/page/page-marks';
import type { Painter, PaintSet } from '../../lib/page/painter';
import { createScheduler } from '../../lib/page/scheduler';
import { ALL_MARK_KINDS } from '../../lib/settings';
import { fixturePack } from '../detect/fixtures/pack';

const real = createDetector(fixturePack, { gating: false });
const base: MarkSettings = {
  kinds: [...ALL_MARK_KINDS],
  gating: true,
  highlightStyle: 'underline',
};

function setup(extra: Partial<PageMarksEnv> = {}) {
  const lengths: number[] = [];
  const detector = {
    detectAll(text: string) {
      lengths.push(text.length);
      return real.detectAll(text);
    },
  };
  let last: PaintSet = new Map();
  const painter: Painter = {
    paint: (set) => {
      last = set;
    },
    flash: () => {},
    clear: () => {},
  };
  const scheduler = createScheduler({ yieldToHost: () => Promise.resolve(), sliceMs: 4 });
  const marks = createPageMarks({
    detector,
    painter,
    scheduler,
    settings: () => base,
    inViewport: () => true,
    isVisible: () => true,
    makeRange: (init) => init as unknown as AbstractRange,
    watchNear: null,
    onTerms: () => {},
    ...extra,
  });
  const painted = () => [...last.values()].flat() as unknown as StaticRangeInit[];
  return { lengths, marks, scheduler, painted };
}

/** One <p> holding one text node of about `chars` characters. */
function hugeParagraph(sentence: string, chars: number): Text {
  const p = document.createElement('p');
  const node = document.createTextNode(sentence.repeat(Math.ceil(chars / sentence.length)));
  p.append(node);
  document.body.replaceChildren(p);
  return node;
}

beforeEach(() => document.body.replaceChildren());

describe('a huge text node', () => {
  const SENTENCE = 'Liang Wenfeng founded DeepSeek in Hangzhou, and Nvidia sold it chips. ';

  it('is detected a slice at a time, and marked around the reader only', async () => {
    const node = hugeParagraph(SENTENCE, 2_000_000);
    const { lengths, marks, scheduler, painted } = setup({ viewportOffset: () => 0 });
    marks.scanAll(document.body);
    await scheduler.idle();
    // No detector call sees more than a slice and its context: no long task.
    expect(Math.max(...lengths)).toBeLessThanOrEqual(MAX_SLICE + 1024);
    // What was read is a window at the top, not 2 MB.
    expect(lengths.reduce((a, b) => a + b, 0)).toBeLessThan(4 * WINDOW_AFTER);
    const ranges = painted();
    expect(ranges.length).toBeGreaterThan(100);
    for (const r of ranges) {
      expect(r.startContainer).toBe(node);
      expect(r.startOffset).toBeLessThan(2 * WINDOW_AFTER);
    }
  });

  it('follows the reader: a scroll to the middle marks the middle', async () => {
    const node = hugeParagraph(SENTENCE, 2_000_000);
    let at = 0;
    let scrolled = () => {};
    const { marks, scheduler, painted } = setup({
      viewportOffset: () => at,
      watchScroll: (onScroll) => {
        scrolled = onScroll;
      },
    });
    marks.scanAll(document.body);
    await scheduler.idle();
    at = 1_000_000;
    scrolled();
    await scheduler.idle();
    const ranges = painted();
    expect(ranges.length).toBeGreaterThan(100);
    for (const r of ranges) {
      expect(r.startContainer).toBe(node);
      expect(Math.abs(r.startOffset - at)).toBeLessThanOrEqual(2 * WINDOW_AFTER);
    }
    // Counts (the badge, the sidebar) say what is marked: the window's terms.
    const named = ranges.filter((r) => node.data.slice(r.startOffset, r.endOffset) === 'DeepSeek');
    expect(marks.terms().find((t) => t.id === 'deepseek')?.count).toBe(named.length);
  });
});

describe('a crowded block', () => {
  it('keeps at most BLOCK_MARKS marks, around the reader', async () => {
    const p = document.createElement('p');
    p.append(`DeepSeek ${'$6 million '.repeat(10_000)}`);
    document.body.replaceChildren(p);
    const { marks, scheduler, painted } = setup({ viewportOffset: () => 0 });
    marks.scanAll(document.body);
    await scheduler.idle();
    expect(painted()).toHaveLength(BLOCK_MARKS);
  });
});

describe('visibility', () => {
  it('is asked only of blocks that hold a match, and a hidden one is not marked', async () => {
    const make = (cls: string, text: string) => {
      const p = document.createElement('p');
      p.className = cls;
      p.append(text);
      return p;
    };
    document.body.replaceChildren(
      make('plain', 'Words with nothing to mark.'),
      make('gone', 'DeepSeek, hidden by a style.'),
      make('shown', 'Liang Wenfeng, shown.'),
    );
    const asked: string[] = [];
    const { marks, scheduler, painted } = setup({
      isVisible: (el) => {
        asked.push(el.className);
        return el.className !== 'gone';
      },
    });
    marks.scanAll(document.body);
    await scheduler.idle();
    expect(asked.sort()).toEqual(['gone', 'shown']);
    expect(painted().map((r) => (r.startContainer.parentElement as Element).className)).toEqual([
      'shown',
    ]);
  });
});
