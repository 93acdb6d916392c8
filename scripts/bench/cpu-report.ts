/**
 * `npm run bench:cpu`'s figures: medians over loads, the per-page table, and issue 15's
 * targets for the extension's CPU per page load, each marked met or missed.
 */
import type { FunctionCpu } from './cpu-profile';

export interface PageCpu {
  key: string;
  name: string;
  /** Characters in the body's text nodes. */
  textChars: number;
  /** Per load, with the extension: CPU samples whose stack holds an extension frame, ms. */
  extMs: number[];
  /** Per load: the page's main thread busy (every non-idle sample), with / without it, ms. */
  busyWithMs: number[];
  busyWithoutMs: number[];
  /** Per load without the extension: one cold walk over the text nodes (bench.ts's floor). */
  floorMs: number[];
  /** Per load with the extension: highlight ranges registered at the end. */
  highlights: number[];
  /** Mean per load over the loads, top first. */
  self: FunctionCpu[];
  inStack: FunctionCpu[];
}

export interface Stats {
  median: number;
  min: number;
  max: number;
}

export function median(values: readonly number[]): number | null {
  const v = [...values].sort((a, b) => a - b);
  if (v.length === 0) return null;
  const mid = v.length >> 1;
  return v.length % 2 ? (v[mid] as number) : ((v[mid - 1] as number) + (v[mid] as number)) / 2;
}

export function stats(values: readonly number[]): Stats | null {
  const m = median(values);
  if (m === null) return null;
  return { median: m, min: Math.min(...values), max: Math.max(...values) };
}

/** Issue 15: extension CPU per load; the 5 MB page against bench.ts's floor. */
export interface CpuTarget {
  key: string;
  label: string;
  /** 'ms': median extension CPU; 'x floor': that over the median floor. */
  unit: 'ms' | 'x floor';
  limit: number;
  aim: number | null;
}

export const CPU_TARGETS: readonly CpuTarget[] = [
  { key: 'news', label: 'page with no core term', unit: 'ms', limit: 10, aim: 3 },
  { key: 'deepseek-news', label: 'DeepSeek news page', unit: 'ms', limit: 50, aim: 20 },
  { key: '5mb', label: 'generated 5 MB page', unit: 'x floor', limit: 4, aim: null },
];

export type Verdict = 'met' | 'met (must); aim missed' | 'missed' | 'not measured';

export interface TargetResult {
  target: CpuTarget;
  value: number | null;
  verdict: Verdict;
}

export function targetValue(target: CpuTarget, page: PageCpu | undefined): number | null {
  if (!page) return null;
  const ext = median(page.extMs);
  if (ext === null) return null;
  if (target.unit === 'ms') return ext;
  const floor = median(page.floorMs);
  return floor && floor > 0 ? ext / floor : null;
}

export function verdict(value: number | null, limit: number, aim: number | null): Verdict {
  if (value === null) return 'not measured';
  if (value > limit) return 'missed';
  if (aim !== null && value > aim) return 'met (must); aim missed';
  return 'met';
}

export function evaluateTargets(pages: readonly PageCpu[]): TargetResult[] {
  return CPU_TARGETS.map((target) => {
    const value = targetValue(
      target,
      pages.find((p) => p.key === target.key),
    );
    return { target, value, verdict: verdict(value, target.limit, target.aim) };
  });
}

const f1 = (n: number | null | undefined) => (n == null ? 'n/a' : n.toFixed(1));

function statsCell(values: readonly number[]): string {
  const s = stats(values);
  return s ? `${f1(s.median)} (${f1(s.min)}-${f1(s.max)})` : 'n/a';
}

/** "session.ts scanAll" from "scanAll (lib/content/session.ts:42)": short enough for a cell. */
export function shortName(name: string): string {
  const m = /^(.*) \(([^():]*\/)?([^/():]+):\d+\)$/.exec(name);
  return m ? `${m[3]} ${m[1]}` : name;
}

function pad(rows: string[][]): string[] {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  const lines = rows.map((r) =>
    r
      .map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd(),
  );
  lines.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('  '));
  return lines;
}

export function targetLines(results: readonly TargetResult[]): string[] {
  return results.map(({ target, value, verdict: v }) => {
    const unit = target.unit === 'ms' ? ' ms' : 'x the floor';
    const want =
      target.aim === null
        ? `<= ${target.limit}${unit}`
        : `<= ${target.aim}${unit} (must: <= ${target.limit}${unit})`;
    return `${target.label}: ${value === null ? 'n/a' : `${f1(value)}${unit}`}, target ${want}: ${v}`;
  });
}

export interface FileSize {
  file: string;
  loaded: string;
  raw: number;
  gzip: number;
}

/** The per-page table, the targets, the files' sizes and each page's top functions. */
export function cpuTable(
  header: readonly string[],
  pages: readonly PageCpu[],
  sizes: readonly FileSize[],
  top = 8,
): string {
  const rows: string[][] = [
    [
      'page',
      'text KB',
      'ext CPU ms, median (min-max)',
      'page CPU ms with / without',
      'ranges',
      'top functions (self)',
    ],
  ];
  for (const p of pages) {
    rows.push([
      p.name,
      (p.textChars / 1024).toFixed(1),
      statsCell(p.extMs),
      `${f1(median(p.busyWithMs))} / ${f1(median(p.busyWithoutMs))}`,
      String(median(p.highlights) ?? 'n/a'),
      p.self
        .slice(0, 3)
        .map((f) => `${shortName(f.name)} ${f1(f.ms)}`)
        .join(', ') || '-',
    ]);
  }
  const out = [...header, '', ...pad(rows), '', 'Targets (issue 15, extension CPU per load):'];
  out.push(...targetLines(evaluateTargets(pages)).map((l) => `- ${l}`));
  const floors = pages.map((p) => `${p.name} ${f1(median(p.floorMs))}`).join(', ');
  out.push(`Floor ms (cold walk over the text nodes, without the extension): ${floors}`);
  out.push('', 'Files:');
  for (const s of sizes) {
    out.push(
      `- ${s.file} (${s.loaded}): ${(s.raw / 1024).toFixed(1)} KB raw, ${(s.gzip / 1024).toFixed(1)} KB gzip`,
    );
  }
  for (const p of pages) {
    out.push('', `Top extension functions, ${p.name} (ms per load, mean over the loads):`);
    if (p.self.length === 0) {
      out.push('  (no extension samples)');
      continue;
    }
    const list = (fs: readonly FunctionCpu[]) =>
      fs.slice(0, top).map((f) => `    ${f1(f.ms).padStart(6)}  ${f.name}`);
    out.push('  self (innermost extension frame, the built-ins it calls included):');
    out.push(...list(p.self));
    out.push('  stack holds:');
    out.push(...list(p.inStack));
  }
  return out.join('\n');
}
