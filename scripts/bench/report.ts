/**
 * The results as a table with the targets beside each figure, and the notes for every
 * missed target: by how much, and where the time went (top self-time functions from the
 * V8 samples in the trace).
 */
import type { FunctionTime } from './trace-analysis';

export interface PageFigures {
  name: string;
  textChars: number;
  textNodes: number;
  highlightRanges: number;
  extMs: number;
  floorMs: number;
  /** Load-window task time with no CPU samples (busy machine): attribution uncertainty. */
  unsampledMs: number;
  ratio: number | null;
  longestTaskMs: number;
  firstHighlightAfterDclMs: number | null;
  /** The page's own first paint after DOMContentLoaded, with the extension / without. */
  pageFirstPaintAfterDclMs: number | null;
  pageFirstPaintWithoutAfterDclMs: number | null;
  /** The first animation frame after DOMContentLoaded, with the extension / without. */
  firstFrameAfterDclMs: number | null;
  firstFrameWithoutAfterDclMs: number | null;
  /** First highlight after the page's first frame after DOMContentLoaded (0: in it). */
  firstHighlightAfterFrameMs: number | null;
  firstHighlightAfterNavMs: number | null;
  markedAfterNavMs: number | null;
  injectedAfterDclMs: number | null;
  extBeforeFirstHighlightMs: number | null;
  topBeforeFirstHighlight: FunctionTime[];
  heapAddedMb: number;
  /** Blink's own (C++) heap: DOM wrappers' backing objects, StaticRanges, Highlights. */
  embedderAddedMb: number;
  busyWithMs: number;
  busyWithoutMs: number;
  renderWithMs: number;
  renderWithoutMs: number;
  /** Style recalculation during the load (part of rendering), with and without. */
  styleWithMs: number;
  styleWithoutMs: number;
  hoverCardMs: number | null;
  hoverDomMs: number | null;
  /** Longest task of any kind after the pointer arrived, with and without the extension. */
  hoverAny: string;
  hoverAnyMs: number | null;
  hoverAnyWithoutMs: number | null;
  hoverDelayMs: number | null;
  hoverLongestMs: number;
  hoverNote: string;
  burstMarkedMs: number | null;
  burstLongestMs: number;
  burstRanges: number;
  /** Ranges painted in the added paragraphs once scrolled to, and paragraphs holding one. */
  burstPainted: { ranges: number; paragraphs: number };
  idleExtMs: number;
  idleExtTasks: number;
  topLoad: FunctionTime[];
  topBurst: FunctionTime[];
  topHover: FunctionTime[];
  /** Top self time inside the longest task of load, burst, hover. */
  longestTop: { load: FunctionTime[]; burst: FunctionTime[]; hover: FunctionTime[] };
  /** The trace events that made up those tasks (compile, layout, ...). */
  longestParts: Record<'load' | 'burst' | 'hover', { name: string; ms: number }[]>;
}

export interface Target {
  metric: string;
  /** Which figure of a page it reads. */
  value: (p: PageFigures) => number | null;
  limit: number;
  aim: number | null;
  unit: string;
}

export const TARGETS: Target[] = [
  {
    metric: 'main-thread time / floor',
    value: (p) => p.ratio,
    limit: 4,
    aim: 2,
    unit: 'x',
  },
  {
    metric: 'longest extension task (load)',
    value: (p) => p.longestTaskMs,
    limit: 50,
    aim: 16,
    unit: 'ms',
  },
  {
    metric: 'longest extension task (burst)',
    value: (p) => p.burstLongestMs,
    limit: 50,
    aim: 16,
    unit: 'ms',
  },
  {
    metric: 'longest extension task (hover)',
    value: (p) => p.hoverLongestMs,
    limit: 50,
    aim: 16,
    unit: 'ms',
  },
  {
    metric: 'first highlight after DOMContentLoaded',
    value: (p) => p.firstHighlightAfterDclMs,
    limit: 100,
    aim: null,
    unit: 'ms',
  },
  { metric: 'JS heap added', value: (p) => p.heapAddedMb, limit: 10, aim: null, unit: 'MB' },
  {
    metric: 'extension CPU while idle',
    value: (p) => p.idleExtMs,
    limit: 0,
    aim: null,
    unit: 'ms',
  },
];

/** A file the content script imports from the package when a page needs it. */
export interface LazyFile {
  file: string;
  /** When a page loads it, e.g. "loaded on first hover". */
  loaded: string;
  rawKb: number;
  gzipKb: number;
}

export const SIZE_TARGET = { limitKb: 60, aimKb: 25 };

const f1 = (n: number | null, unit = '') => (n === null ? 'n/a' : `${n.toFixed(1)}${unit}`);
const f0 = (n: number | null, unit = '') => (n === null ? 'n/a' : `${Math.round(n)}${unit}`);

function verdict(value: number | null, limit: number, aim: number | null): string {
  if (value === null) return '';
  if (value > limit) return ' MISS';
  if (aim !== null && value > aim) return ' ok';
  return ' ok*';
}

function pad(cells: string[], widths: number[]): string {
  return cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
}

export function table(
  header: string[],
  pages: PageFigures[],
  size: { rawKb: number; gzipKb: number },
  lazy: readonly LazyFile[] = [],
): string {
  const rows: string[][] = [['figure', ...pages.map((p) => p.name), 'target (aim)']];
  const add = (label: string, cell: (p: PageFigures) => string, target = '') =>
    rows.push([label, ...pages.map(cell), target]);
  const chars = (n: number) =>
    n >= 100_000 ? `${(n / 1e6).toFixed(2)}M` : `${(n / 1e3).toFixed(1)}K`;
  add('text (chars / text nodes)', (p) => `${chars(p.textChars)} / ${p.textNodes}`);
  add('highlight ranges painted', (p) => String(p.highlightRanges));
  add('ext main-thread ms to marked', (p) => f1(p.extMs));
  add('  unsampled ms (uncertainty)', (p) => f1(p.unsampledMs));
  add('floor ms (walk + toLowerCase)', (p) => f1(p.floorMs));
  add('ratio to floor', (p) => `${f1(p.ratio, 'x')}${verdict(p.ratio, 4, 2)}`, '<= 4x (2x)');
  add(
    'longest ext task ms',
    (p) => `${f1(p.longestTaskMs)}${verdict(p.longestTaskMs, 50, 16)}`,
    '<= 50 (16)',
  );
  add('marked after navigation ms', (p) => f0(p.markedAfterNavMs));
  add(
    'first highlight after DCL ms',
    (p) => `${f0(p.firstHighlightAfterDclMs)}${verdict(p.firstHighlightAfterDclMs, 100, null)}`,
    '<= 100',
  );
  add(
    "page's own first paint after DCL ms, with / without ext",
    (p) => `${f0(p.pageFirstPaintAfterDclMs)} / ${f0(p.pageFirstPaintWithoutAfterDclMs)}`,
  );
  add(
    "page's first frame after DCL ms, with / without ext",
    (p) => `${f0(p.firstFrameAfterDclMs)} / ${f0(p.firstFrameWithoutAfterDclMs)}`,
  );
  add('first highlight after that frame ms', (p) => f0(p.firstHighlightAfterFrameMs));
  add('first highlight after nav ms', (p) => f0(p.firstHighlightAfterNavMs));
  add('script injected after DCL ms', (p) => f0(p.injectedAfterDclMs));
  add('ext ms before first highlight', (p) => f1(p.extBeforeFirstHighlightMs));
  add(
    'JS heap added MB',
    (p) => `${p.heapAddedMb.toFixed(2)}${verdict(p.heapAddedMb, 10, null)}`,
    '<= 10',
  );
  add('Blink heap added MB (info)', (p) => p.embedderAddedMb.toFixed(2));
  add('page busy ms with / without', (p) => `${f0(p.busyWithMs)} / ${f0(p.busyWithoutMs)}`);
  add('rendering ms with / without', (p) => `${f0(p.renderWithMs)} / ${f0(p.renderWithoutMs)}`);
  add('  of which style recalc', (p) => `${f0(p.styleWithMs)} / ${f0(p.styleWithoutMs)}`);
  add('hover to card ms (delay)', (p) =>
    p.hoverCardMs === null ? 'none' : `${f0(p.hoverCardMs)} (${f0(p.hoverDelayMs)})`,
  );
  add('hover: card in DOM ms', (p) => f0(p.hoverDomMs));
  add(
    'hover: longest ext task ms',
    (p) => `${f1(p.hoverLongestMs)}${verdict(p.hoverLongestMs, 50, 16)}`,
    '<= 50 (16)',
  );
  add(
    'hover: longest task, any kind',
    (p) => `${p.hoverAny}${verdict(p.hoverAnyMs, 50, 16)}`,
    '<= 50 (16)',
  );
  add('  same pointer, no extension', (p) => f1(p.hoverAnyWithoutMs));
  add('burst 1000 p: marked after ms', (p) => f0(p.burstMarkedMs));
  add(
    'burst: longest ext task ms',
    (p) => `${f1(p.burstLongestMs)}${verdict(p.burstLongestMs, 50, 16)}`,
    '<= 50 (16)',
  );
  add('burst: ranges painted, in place', (p) => String(p.burstRanges));
  add(
    'burst: scrolled to, ranges / paragraphs marked',
    (p) => `${p.burstPainted.ranges} / ${p.burstPainted.paragraphs}`,
  );
  add(
    'idle 3 s: ext ms / tasks',
    (p) => `${f1(p.idleExtMs)} / ${p.idleExtTasks}${verdict(p.idleExtMs, 0, null)}`,
    '0',
  );
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  const lines = rows.map((r) => pad(r, widths));
  lines.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('  '));
  const sizeLine = `content script: ${size.rawKb.toFixed(1)} KB raw, ${size.gzipKb.toFixed(1)} KB gzip${verdict(
    size.gzipKb,
    SIZE_TARGET.limitKb,
    SIZE_TARGET.aimKb,
  )} (target <= ${SIZE_TARGET.limitKb} KB gzip, aim ${SIZE_TARGET.aimKb} KB)`;
  // Outside the content script's target: only some pages load these.
  const lazyLines = lazy.map(
    (f) => `${f.file}, ${f.loaded}: ${f.rawKb.toFixed(1)} KB raw, ${f.gzipKb.toFixed(1)} KB gzip`,
  );
  return [
    ...header,
    '',
    ...lines,
    '',
    sizeLine,
    ...lazyLines,
    'ok* = meets the aim; ok = meets the target; MISS = misses the target',
  ].join('\n');
}

/** One line per missed (or unmeasured) target, with where the time went. */
export function misses(pages: PageFigures[], size: { gzipKb: number }): string[] {
  const out: string[] = [];
  for (const p of pages) {
    if (p.highlightRanges === 0) {
      out.push(
        `${p.name}: the extension marked nothing, so the marking, first-highlight, hover and burst figures measure no work (a placeholder content script, or marking failed).`,
      );
    } else if (p.hoverCardMs === null) {
      out.push(`${p.name}: no hover card measured (${p.hoverNote}).`);
    }
    if (p.highlightRanges > 0 && p.burstPainted.ranges === 0) {
      out.push(
        `${p.name}: none of the burst's paragraphs was marked once scrolled to, so the burst figures measure no marking.`,
      );
    }
    for (const t of TARGETS) {
      const v = t.value(p);
      if (v === null || v <= t.limit) continue;
      const by = t.limit === 0 ? `${v.toFixed(1)} ${t.unit}` : `${(v / t.limit).toFixed(2)}x`;
      const phase = t.metric.includes('burst')
        ? 'burst'
        : t.metric.includes('hover')
          ? 'hover'
          : 'load';
      const top = t.metric.startsWith('longest')
        ? p.longestTop[phase]
        : t.metric.includes('first highlight')
          ? p.topBeforeFirstHighlight
          : p.topLoad;
      const where = top.length
        ? top.map((f) => `${f.name} (${f.where}) ${f.selfMs} ms`).join('; ')
        : 'no extension samples';
      const scope = t.metric.startsWith('longest') ? ' in that task' : '';
      const parts = t.metric.startsWith('longest') ? p.longestParts[phase] : [];
      const made = parts.length
        ? ` The whole task's trace events: ${parts.map((x) => `${x.name} ${x.ms} ms`).join(', ')}.`
        : '';
      const why = t.metric.includes('first highlight')
        ? ` The page's first frame after DOMContentLoaded came ${f0(p.firstFrameAfterDclMs)} ms after it (${f0(p.firstFrameWithoutAfterDclMs)} ms without the extension). The first highlight came ${f0(p.firstHighlightAfterFrameMs)} ms after that frame (0: in it). The page's own first paint was ${f0(p.pageFirstPaintAfterDclMs)} ms after DOMContentLoaded (${f0(p.pageFirstPaintWithoutAfterDclMs)} ms without the extension). The content script started ${f0(p.injectedAfterDclMs)} ms after DOMContentLoaded and ran ${f1(p.extBeforeFirstHighlightMs)} ms before that frame.`
        : '';
      out.push(
        `${p.name}: ${t.metric} = ${v.toFixed(1)} ${t.unit}, target ${t.limit} ${t.unit}: over by ${by}.${why}${made} Top self time${scope}: ${where}`,
      );
    }
  }
  if (size.gzipKb > SIZE_TARGET.limitKb) {
    out.push(
      `content script ${size.gzipKb.toFixed(1)} KB gzip, over ${SIZE_TARGET.limitKb} KB by ${(
        size.gzipKb - SIZE_TARGET.limitKb
      ).toFixed(1)} KB`,
    );
  }
  return out;
}

/** Where the extension's load time went on each page: top self time from the V8 samples. */
export function profiles(pages: PageFigures[]): string[] {
  return pages.map((p) => {
    const top = p.topLoad.slice(0, 6);
    const list = top.length
      ? top.map((f) => `${f.name} (${f.where}) ${f.selfMs} ms`).join('; ')
      : 'no extension samples';
    return `${p.name}: ${list}`;
  });
}
