/**
 * `npm run bench:huge`: pages built to freeze a tab (scripts/bench/huge-pages.ts), each
 * loaded in Chromium with the extension and in a second Chromium without it. Prints, per
 * page, the longest extension task (the limit is 50 ms), the tasks over 50 ms, the
 * extension's main-thread time, the marks painted and how many are in the viewport, and
 * the page's own longest task and heap without the extension; writes
 * bench/huge-results.json.
 *
 * Options: --no-build (use .output/chrome-mv3 as it is), --pages text-10mb,deep-50k,storm,
 * six-million,page-20mb (a subset), --runs N (loads per page with the extension, default
 * 2; the longest task is the worst run), --no-without (skip the baseline browser).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launch } from './bench/browser';
import { hugePages } from './bench/huge-pages';
import {
  type HugeLoad,
  type HugeWithout,
  measureHugeWith,
  measureHugeWithout,
} from './bench/measure-huge';
import { startServer } from './bench/server';
import { buildWithSourceMaps, contentScriptSymbols } from './bench/symbols';

const ROOT = resolve(import.meta.dirname, '..');
const LIMIT_MS = 50;

function args() {
  const a = process.argv.slice(2);
  const get = (flag: string) => {
    const i = a.indexOf(flag);
    return i >= 0 ? a[i + 1] : undefined;
  };
  return {
    build: !a.includes('--no-build'),
    pages: get('--pages')?.split(','),
    runs: Math.max(1, Number(get('--runs') ?? 2)),
    without: !a.includes('--no-without'),
  };
}

const f1 = (n: number | null | undefined) => (n == null ? 'n/a' : n.toFixed(1));

function row(key: string, loads: HugeLoad[], wo: HugeWithout | null): string[] {
  const worst = Math.max(...loads.map((l) => l.ext.longestExtMs));
  const over = Math.max(...loads.map((l) => l.ext.tasksOver50));
  const last = loads[loads.length - 1] as HugeLoad;
  const any = last.longestAny;
  const cpu = loads.find((l) => l.ext.longestExtMs === worst)?.longestCpuMs;
  return [
    key,
    `${f1(worst)} ${worst <= LIMIT_MS ? 'ok' : 'MISS'}`,
    f1(cpu),
    String(over),
    loads.map((l) => f1(l.ext.extMs)).join(' / '),
    `${last.ranges} / ${last.inViewport}`,
    f1(last.firstMarkAfterDclMs),
    any ? `${f1(any.ms)} (${any.parts[0]?.name ?? '?'})` : 'n/a',
    wo?.longestAny ? `${f1(wo.longestAny.ms)} (${wo.longestAny.parts[0]?.name ?? '?'})` : 'n/a',
    wo ? `${f1(last.heapMb - wo.heapMb)}` : 'n/a',
  ];
}

function table(rows: string[][]): string {
  const head = [
    'page',
    'longest ext task ms',
    '(as CPU ms)',
    'ext tasks > 50 ms',
    'ext main-thread ms (runs)',
    'ranges / in viewport',
    'first mark after DCL ms',
    'longest task, any',
    'same, no extension',
    'JS heap added MB',
  ];
  const all = [head, ...rows];
  const widths = head.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  return all
    .map((r, j) =>
      [
        r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  '),
        j === 0 ? widths.map((w) => '-'.repeat(w)).join('  ') : null,
      ]
        .filter((x) => x !== null)
        .join('\n'),
    )
    .join('\n');
}

async function main() {
  const opts = args();
  if (opts.build) execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'inherit' });
  const ext = join(ROOT, '.output/chrome-mv3');
  const mapsDir = opts.build ? await buildWithSourceMaps(ROOT) : null;
  const symbols = mapsDir ? contentScriptSymbols(ext, mapsDir) : { symbolize: null, note: '' };
  const pages = hugePages().filter((p) => !opts.pages || opts.pages.includes(p.key));
  const served = new Map(pages.map((p) => [`/huge/${p.key}.html`, p.html]));
  const server = await startServer(served, new Map());
  const withExt = await launch(ext);
  const without = opts.without ? await launch(null) : null;
  const rows: string[][] = [];
  const results: Record<string, unknown>[] = [];
  const tops: string[] = [];
  try {
    for (const p of pages) {
      const url = `${server.origin}/huge/${p.key}.html`;
      process.stdout.write(`measuring ${p.key}: ${p.what} ...\n`);
      const wo = without ? await measureHugeWithout(without, url, p.busyMs) : null;
      const loads: HugeLoad[] = [];
      for (let i = 0; i < opts.runs; i++) {
        loads.push(await measureHugeWith(withExt, url, p.busyMs, symbols.symbolize ?? undefined));
      }
      rows.push(row(p.key, loads, wo));
      results.push({ key: p.key, what: p.what, withExtension: loads, without: wo });
      const worst = [...loads].sort((a, b) => b.ext.longestExtMs - a.ext.longestExtMs)[0];
      const fns = (worst?.ext.longestTop ?? []).map((t) => `${t.name} ${t.selfMs} ms (${t.where})`);
      const parts = (worst?.ext.longestParts ?? []).map((x) => `${x.name} ${x.ms} ms`).join(', ');
      tops.push(`${p.key}, longest task (${parts || 'no events'}): ${fns.join('; ') || 'none'}`);
      const load = (worst?.ext.topFunctions ?? []).map(
        (t) => `${t.name} ${t.selfMs} ms (${t.where})`,
      );
      tops.push(`${p.key}, whole load: ${load.join('; ') || 'none'}`);
    }
  } finally {
    await withExt.close();
    await without?.close();
    await server.close();
  }
  mkdirSync(join(ROOT, 'bench'), { recursive: true });
  writeFileSync(
    join(ROOT, 'bench/huge-results.json'),
    `${JSON.stringify({ date: new Date().toISOString(), limitMs: LIMIT_MS, pages: results }, null, 2)}\n`,
  );
  console.log(`\nSourcelight huge pages, ${new Date().toISOString()} (${opts.runs} runs per page)`);
  for (const p of pages) console.log(`- ${p.key}: ${p.what}`);
  console.log(`\n${table(rows)}`);
  console.log(
    `\nTop self time (extension, source-mapped ${symbols.note || 'off'}):\n- ${tops.join('\n- ')}`,
  );
  console.log(
    '\nTask attribution as in `npm run bench` (scripts/bench/trace-analysis.ts). "in viewport": of the first 5,000 ranges.',
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
