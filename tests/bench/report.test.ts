import { describe, expect, it } from 'vitest';
import { misses, type PageFigures, table } from '../../scripts/bench/report';

function page(over: Partial<PageFigures> = {}): PageFigures {
  return {
    name: 'generated 5mb',
    textChars: 5_300_000,
    textNodes: 47_000,
    highlightRanges: 20_000,
    extMs: 60,
    floorMs: 30,
    unsampledMs: 0,
    ratio: 2,
    longestTaskMs: 12,
    firstHighlightAfterDclMs: 40,
    pageFirstPaintAfterDclMs: 10,
    pageFirstPaintWithoutAfterDclMs: 10,
    firstHighlightAfterFrameMs: 30,
    firstFrameAfterDclMs: 10,
    firstFrameWithoutAfterDclMs: 10,
    firstHighlightAfterNavMs: 900,
    markedAfterNavMs: 1500,
    injectedAfterDclMs: 20,
    extBeforeFirstHighlightMs: 8,
    topBeforeFirstHighlight: [],
    heapAddedMb: 3,
    embedderAddedMb: 1,
    busyWithMs: 900,
    busyWithoutMs: 800,
    renderWithMs: 300,
    renderWithoutMs: 250,
    styleWithMs: 150,
    styleWithoutMs: 90,
    hoverCardMs: 380,
    hoverDomMs: 370,
    hoverAny: '12.0 (Paint 4)',
    hoverAnyMs: 12,
    hoverAnyWithoutMs: 3,
    hoverDelayMs: 350,
    hoverLongestMs: 4,
    hoverNote: '',
    burstMarkedMs: 90,
    burstLongestMs: 9,
    burstRanges: 2_000,
    burstPainted: { ranges: 120, paragraphs: 40 },
    idleExtMs: 0,
    idleExtTasks: 0,
    topLoad: [{ name: 'scanBlock', where: '/content-scripts/content.js:1', selfMs: 20 }],
    topBurst: [],
    topHover: [],
    longestTop: { load: [], burst: [], hover: [] },
    longestParts: { load: [{ name: 'v8.compile', ms: 30 }], burst: [], hover: [] },
    ...over,
  };
}

describe('bench report', () => {
  it('has no notes when every target is met', () => {
    expect(misses([page()], { gzipKb: 20 })).toEqual([]);
  });

  it('says by how much a target is missed and where the time went', () => {
    const notes = misses([page({ ratio: 5, extMs: 150 })], { gzipKb: 20 });
    expect(notes).toHaveLength(1);
    expect(notes[0]).toContain('main-thread time / floor = 5.0 x, target 4 x: over by 1.25x');
    expect(notes[0]).toContain('scanBlock (/content-scripts/content.js:1) 20 ms');
  });

  it('says what the longest task was made of', () => {
    const notes = misses([page({ longestTaskMs: 70 })], { gzipKb: 20 });
    expect(notes[0]).toContain("The whole task's trace events: v8.compile 30 ms.");
  });

  it('counts any CPU while idle as a miss, and an oversized script', () => {
    const notes = misses([page({ idleExtMs: 0.4, idleExtTasks: 2 })], { gzipKb: 70 });
    expect(notes.some((n) => n.includes('extension CPU while idle'))).toBe(true);
    expect(notes.some((n) => n.includes('over 60 KB by 10.0 KB'))).toBe(true);
  });

  it('never passes a page where nothing was marked in silence', () => {
    const notes = misses([page({ highlightRanges: 0 })], { gzipKb: 20 });
    expect(notes[0]).toContain('marked nothing');
  });

  it('never passes a burst whose paragraphs were not marked', () => {
    const notes = misses([page({ burstPainted: { ranges: 0, paragraphs: 0 } })], { gzipKb: 20 });
    expect(notes).toEqual([
      "generated 5mb: none of the burst's paragraphs was marked once scrolled to, so the burst figures measure no marking.",
    ]);
    const text = table(['header'], [page()], { rawKb: 80, gzipKb: 24 });
    expect(text).toMatch(/burst: scrolled to, ranges \/ paragraphs marked\s+120 \/ 40/);
  });

  it('prints targets and verdicts beside the figures', () => {
    const text = table(['header'], [page({ longestTaskMs: 70 })], { rawKb: 80, gzipKb: 24 });
    expect(text).toMatch(/longest ext task ms\s+70\.0 MISS\s+<= 50 \(16\)/);
    expect(text).toMatch(/ratio to floor\s+2\.0x ok\*/);
    expect(text).toContain('24.0 KB gzip ok*');
    expect(text).toMatch(/ {2}of which style recalc\s+150 \/ 90/);
    expect(text).not.toContain('page-ui.js');
  });

  it('gives each file loaded later its own size line, outside the content script target', () => {
    const lazy = [
      {
        file: 'page-session.js',
        loaded: 'loaded on a page about the story',
        rawKb: 91.4,
        gzipKb: 30.2,
      },
      { file: 'page-ui.js', loaded: 'loaded on first hover', rawKb: 24.4, gzipKb: 9.6 },
    ];
    const text = table(['header'], [page()], { rawKb: 65.2, gzipKb: 23.7 }, lazy);
    const lines = text.split('\n');
    expect(lines).toContain(
      'page-session.js, loaded on a page about the story: 91.4 KB raw, 30.2 KB gzip',
    );
    expect(lines).toContain('page-ui.js, loaded on first hover: 24.4 KB raw, 9.6 KB gzip');
    expect(text).toMatch(/^content script: 65\.2 KB raw, 23\.7 KB gzip ok\* /m);
  });
});
