/**
 * `npm run bench`: the content script's cost on real pages, in real Chromium.
 *
 * Builds the extension (`wxt build`), serves generated 1 MB and 5 MB articles and the demo
 * page from 127.0.0.1, and measures each page in Chromium with the extension and in a
 * second Chromium without it. Task figures come from Chrome's trace (see
 * scripts/bench/trace-analysis.ts for how work is attributed to the extension). Writes
 * bench/results.json and prints a table with the targets.
 *
 * Options: `npm run bench -- --help` (scripts/bench/args.ts).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { BENCH_HELP, parseBenchArgs } from './bench/args';
import { CHROMIUM, launch } from './bench/browser';
import { generatePage } from './bench/generate-page';
import { BURST_PARAGRAPHS, measureWithExtension, type WithExtension } from './bench/measure';
import { measureWithout, type WithoutExtension } from './bench/measure-without';
import {
  type LazyFile,
  misses,
  type PageFigures,
  profiles,
  SIZE_TARGET,
  TARGETS,
  table,
} from './bench/report';
import { startServer } from './bench/server';
import {
  buildWithSourceMaps,
  CONTENT_SCRIPT_FILE,
  contentScriptSymbols,
  PAGE_SESSION_FILE,
  PAGE_UI_FILE,
} from './bench/symbols';
import { UsageError } from './cli-args';

const ROOT = resolve(import.meta.dirname, '..');
const MB = 1024 * 1024;

const METHOD = {
  runs: 'Each page is loaded N times (--runs, default 3) in a fresh tab of a Chromium with the extension; load figures are medians over the runs, the longest task is the worst run. Heap, idle, hover and burst come from the last load.',
  attribution:
    'Chrome trace (devtools.timeline, v8, v8 CPU profiler at 0.1 ms) over a CDP session on the page. Tasks are top-level RunTask events on the page renderer main thread. Extension time in a task is the union of trace events naming a chrome-extension://ID script (EvaluateScript, FunctionCall, v8.compile: injection, MutationObserver and timer callbacks) and CPU samples whose stack holds a chrome-extension://ID frame (promise continuations, native calls made by the extension); a sample counts until the next one or the end of its task (in self-time tables, at most 1 ms). On a busy machine the sampler thread can starve; JavaScript time with no script URL (RunMicrotasks, v8.callFunction) inside gaps of over 2 ms between samples, not already named by a script URL, is reported as unsampled: the uncertainty of the sample-based part. Rendering work the highlights cause later (style, layout, PrePaint, paint) is not attributed: the table compares page busy time and rendering time (union of UpdateLayoutTree, Layout, PrePaint, Paint, Layerize, Commit, HitTest events) with and without the extension.',
  floor:
    'In a Chromium without the extension, after load: TreeWalker(SHOW_TEXT) over document.body, node.data.toLowerCase() for each text node. Cold (first walk in a fresh page, as the extension walks once); median of cold runs over fresh loads.',
  heap: 'HeapProfiler.collectGarbage twice, then Runtime.getHeapUsage (usedSize; embedderHeapUsedSize for the Blink C++ heap, shown for information) of the page renderer isolate, which the content script isolated world shares: with the extension (page marked) minus without (same page, same steps).',
  firstHighlight:
    "A main-world init script polls CSS.highlights every animation frame; the first frame in which a highlight range has a box inside the viewport is the frame that paints it. Times are performance.now() (ms since navigation start); DOMContentLoaded is the navigation entry domContentLoadedEventStart. The page's own first paint is its Paint Timing 'first-paint' entry, with the extension and (in the floor's loads) without it: no highlight can be painted before the page's first frame, so the table also gives the page's first frame after DOMContentLoaded and the first highlight after it (0: in that very frame). The page's first frame after DOMContentLoaded is the first animation frame the probe sees once document.readyState is no longer 'loading', with and without the extension: on a long page the page's own layout of what it parsed last delays it.",
  hover:
    'Pointer moved onto the centre of a marked term in the viewport (playwright mouse, CDP Input). Timed in the page clock: first pointermove (event.timeStamp) to the end of the first frame after <div data-sourcelight-root> (created with the first card) is inserted (a MutationObserver, then rAF + setTimeout 0). Confirmed as a card by DOM.describeNode(pierce) on the closed shadow root showing more rendered boxes (DOM.getBoxModel) than before. Includes the configured hover delay and, as this is the first card on the page, importing the page UI (page-ui.js) from the package. The longest task of any kind after the pointer arrives (with its biggest trace events, e.g. PrePaint) shows rendering the highlights and card cause; the same pointer moves over the page without the extension are the baseline.',
  burst: `${BURST_PARAGRAPHS} paragraphs cloned from the page appended in one task; marked = end of the last extension task after the append (trace clock). Ranges painted in place: highlight ranges registered after it, viewport unmoved (past 1,000 marks only those near the viewport are); then the last added paragraph is scrolled into view and the ranges painted inside added paragraphs are counted, proof that the new text was marked.`,
  idle: 'A 3 s trace after the page is marked and the probe stopped; any extension time in it is CPU while idle.',
};

function fileSize(path: string) {
  const buf = readFileSync(path);
  return { raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
}

/**
 * What every page pays for: the first stage, content-script.js at the build root
 * (content-scripts/*.js in a build from before the two stages).
 */
function contentScriptSize(extDir: string) {
  const legacy = join(extDir, 'content-scripts');
  const paths = existsSync(join(extDir, CONTENT_SCRIPT_FILE))
    ? [CONTENT_SCRIPT_FILE]
    : existsSync(legacy)
      ? readdirSync(legacy)
          .filter((f) => f.endsWith('.js'))
          .map((f) => `content-scripts/${f}`)
      : [];
  const list = paths.map((name) => ({ name, ...fileSize(join(extDir, name)) }));
  const raw = list.reduce((a, f) => a + f.raw, 0);
  const gzip = list.reduce((a, f) => a + f.gzip, 0);
  return { files: list, rawKb: raw / 1024, gzipKb: gzip / 1024 };
}

/** What only some pages pay for: the second stage, and the card and sidebar. */
function lazySizes(extDir: string): LazyFile[] {
  const files: [string, string][] = [
    [PAGE_SESSION_FILE, 'loaded on a page about the story'],
    [PAGE_UI_FILE, 'loaded on first hover'],
  ];
  return files
    .filter(([file]) => existsSync(join(extDir, file)))
    .map(([file, loaded]) => {
      const { raw, gzip } = fileSize(join(extDir, file));
      return { file, loaded, rawKb: raw / 1024, gzipKb: gzip / 1024 };
    });
}

function hoverDelayMs(): number | null {
  const m = /hoverDelayMs:\s*(\d+)/.exec(
    readFileSync(join(ROOT, 'lib/settings-defaults.ts'), 'utf8'),
  );
  return m ? Number(m[1]) : null;
}

function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
  };
}

function median(values: (number | null)[]): number | null {
  const v = values.filter((x): x is number => x !== null).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const mid = v.length >> 1;
  return v.length % 2 ? (v[mid] as number) : ((v[mid - 1] as number) + (v[mid] as number)) / 2;
}

function figures(
  name: string,
  w: WithExtension,
  wo: WithoutExtension,
  textChars: number,
): PageFigures {
  const floorMs = median(wo.floor.coldMs) ?? 0;
  const loads = w.loads;
  const extMs = median(loads.map((l) => l.ext.extMs)) ?? 0;
  // The run whose extension time is the median explains where the time went.
  const typical =
    [...loads].sort((a, b) => Math.abs(a.ext.extMs - extMs) - Math.abs(b.ext.extMs - extMs))[0] ??
    (loads[0] as (typeof loads)[number]);
  const worst = [...loads].sort((a, b) => b.ext.longestExtMs - a.ext.longestExtMs)[0] ?? typical;
  const injectedAfterDcl = loads.map((l) =>
    l.injectedAfterNavMs === null ? null : l.injectedAfterNavMs - l.dclMs,
  );
  const viewportAfterDcl = loads.map((l) =>
    l.firstInViewportMs === null ? null : l.firstInViewportMs - l.dclMs,
  );
  return {
    name,
    textChars,
    textNodes: wo.floor.nodes,
    highlightRanges: median(loads.map((l) => l.highlightRanges)) ?? 0,
    extMs,
    floorMs,
    unsampledMs: median(loads.map((l) => l.ext.unsampledMs)) ?? 0,
    ratio: floorMs > 0 ? extMs / floorMs : null,
    // A limit no task may pass: the worst run counts.
    longestTaskMs: Math.max(...loads.map((l) => l.ext.longestExtMs)),
    firstHighlightAfterDclMs: median(viewportAfterDcl),
    pageFirstPaintAfterDclMs: median(
      loads.map((l) => (l.pageFirstPaintMs === null ? null : l.pageFirstPaintMs - l.dclMs)),
    ),
    pageFirstPaintWithoutAfterDclMs: median(wo.afterDcl.paint),
    firstFrameAfterDclMs: median(
      loads.map((l) => (l.firstFrameAfterDclMs === null ? null : l.firstFrameAfterDclMs - l.dclMs)),
    ),
    firstFrameWithoutAfterDclMs: median(wo.afterDcl.frame),
    firstHighlightAfterFrameMs: median(
      loads.map((l) =>
        l.firstInViewportMs === null || l.firstFrameAfterDclMs === null
          ? null
          : // 0: the highlight was in the page's first frame after DOMContentLoaded.
            Math.max(0, l.firstInViewportMs - l.firstFrameAfterDclMs),
      ),
    ),
    firstHighlightAfterNavMs: median(loads.map((l) => l.firstInViewportMs)),
    markedAfterNavMs: median(loads.map((l) => l.markedAfterNavMs)),
    injectedAfterDclMs: median(injectedAfterDcl),
    extBeforeFirstHighlightMs: median(loads.map((l) => l.beforeFirstHighlight?.extMs ?? null)),
    topBeforeFirstHighlight: typical.beforeFirstHighlight?.topFunctions ?? [],
    heapAddedMb: (w.heap.used - wo.heap.used) / MB,
    embedderAddedMb: (w.heap.embedder - wo.heap.embedder) / MB,
    busyWithMs: median(loads.map((l) => l.ext.busyMs)) ?? 0,
    busyWithoutMs: wo.busyMs,
    renderWithMs: median(loads.map((l) => l.renderingMs)) ?? 0,
    renderWithoutMs: wo.renderingMs,
    styleWithMs: median(loads.map((l) => l.styleMs)) ?? 0,
    styleWithoutMs: wo.styleMs,
    hoverCardMs: w.hover.cardMs,
    hoverDomMs: w.hover.cardDomMs,
    hoverAny: w.hover.longestAny
      ? `${w.hover.longestAny.ms.toFixed(1)} (${w.hover.longestAny.parts
          .slice(0, 1)
          .map((x) => `${x.name} ${Math.round(x.ms)}`)
          .join(', ')})`
      : 'n/a',
    hoverAnyMs: w.hover.longestAny?.ms ?? null,
    hoverAnyWithoutMs: wo.hoverLongestAny?.ms ?? null,
    hoverDelayMs: hoverDelayMs(),
    hoverLongestMs: w.hover.ext?.longestExtMs ?? 0,
    hoverNote: w.hover.note,
    burstMarkedMs: w.burst.markedAfterMs,
    burstLongestMs: w.burst.ext.longestExtMs,
    burstRanges: w.burst.rangesAdded,
    burstPainted: w.burst.paintedInBurst,
    idleExtMs: w.idle.extMs,
    idleExtTasks: w.idle.extTasks,
    topLoad: typical.ext.topFunctions,
    topBurst: w.burst.ext.topFunctions,
    topHover: w.hover.ext?.topFunctions ?? [],
    longestParts: {
      load: worst.ext.longestParts ?? [],
      burst: w.burst.ext.longestParts ?? [],
      hover: w.hover.ext?.longestParts ?? [],
    },
    longestTop: {
      load: worst.ext.longestTop,
      burst: w.burst.ext.longestTop,
      hover: w.hover.ext?.longestTop ?? [],
    },
  };
}

async function main() {
  const opts = parseBenchArgs(process.argv.slice(2), ROOT);
  if (!opts) {
    console.log(BENCH_HELP);
    return;
  }
  if (opts.build) execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (opts.pages.every((p) => p === 'huge')) {
    huge(opts.ext);
    return;
  }
  if (!existsSync(join(opts.ext, 'manifest.json'))) {
    throw new Error(`No unpacked extension at ${opts.ext} (run without --no-build)`);
  }
  const size = contentScriptSize(opts.ext);
  const lazy = lazySizes(opts.ext);
  const mapsDir = opts.build ? await buildWithSourceMaps(ROOT) : opts.maps && resolve(opts.maps);
  const symbols = mapsDir
    ? contentScriptSymbols(opts.ext, mapsDir)
    : { symbolize: null, note: 'no source maps (--maps DIR)' };

  const pages = new Map<string, string>();
  const meta = new Map<string, { path: string; textChars: number; terms: number }>();
  for (const [key, mb, seed] of [
    ['1mb', 1, 1],
    ['5mb', 5, 5],
  ] as const) {
    if (!opts.pages.includes(key)) continue;
    const g = generatePage({ targetChars: mb * MB, seed });
    const path = `/gen/article-${key}.html`;
    pages.set(path, g.html);
    meta.set(`generated ${key}`, { path, textChars: g.textChars, terms: g.terms });
  }
  const demoDir = join(ROOT, 'demo');
  const statics = new Map<string, string>();
  if (opts.pages.includes('demo')) {
    if (existsSync(join(demoDir, 'article.html'))) {
      statics.set('/demo/', demoDir);
      const text = readFileSync(join(demoDir, 'article.html'), 'utf8');
      meta.set('demo', { path: '/demo/article.html', textChars: text.length, terms: 0 });
    } else {
      console.log('note: demo/article.html is absent in this tree; the demo page is skipped.');
    }
  }
  const server = await startServer(pages, statics);
  const withExt = await launch(opts.ext);
  const without = await launch(null);
  const version = withExt.context.browser()?.version() ?? execFileSync(CHROMIUM, ['--version']);
  const results: Record<string, unknown>[] = [];
  const rows: PageFigures[] = [];
  try {
    for (const [name, m] of meta) {
      const url = `${server.origin}${m.path}`;
      process.stdout.write(`measuring ${name} (${url}) ...\n`);
      const wo = await measureWithout(without, url, opts.runs + 2);
      const w = await measureWithExtension(withExt, url, opts.runs, symbols.symbolize ?? undefined);
      const textChars = wo.floor.chars;
      rows.push(figures(name, w, wo, textChars));
      results.push({ name, url: m.path, generatedTerms: m.terms, withExtension: w, without: wo });
    }
  } finally {
    await withExt.close();
    await without.close();
    await server.close();
  }
  const mach = machine();
  const header = [
    `Sourcelight bench, ${new Date().toISOString()}`,
    `Chromium ${String(version).trim()} (headless), ${mach.cpu}, ${mach.cores} cores, ${mach.memoryGb} GB, ${mach.os}, Node ${mach.node}`,
    `${opts.runs} loads per page with the extension (medians; longest task: worst), ${opts.runs + 2} cold floor walks`,
    `extension ${withExt.extOrigin}; hover delay setting ${hoverDelayMs() ?? '?'} ms; profile ${symbols.note}`,
  ];
  const missed = misses(rows, size);
  const output = {
    date: new Date().toISOString(),
    chromium: String(version).trim(),
    machine: mach,
    method: METHOD,
    contentScript: size,
    lazyFiles: lazy,
    targets: [
      ...TARGETS.map(({ metric, limit, aim, unit }) => ({ metric, limit, aim, unit })),
      {
        metric: 'content script gzip',
        limit: SIZE_TARGET.limitKb,
        aim: SIZE_TARGET.aimKb,
        unit: 'KB',
      },
    ],
    hoverDelayMs: hoverDelayMs(),
    figures: rows,
    misses: missed,
    raw: results,
  };
  mkdirSync(join(ROOT, 'bench'), { recursive: true });
  writeFileSync(join(ROOT, 'bench/results.json'), `${JSON.stringify(output, null, 2)}\n`);
  console.log(`\n${table(header, rows, size, lazy)}`);
  console.log(
    `\nTop self time while marking (V8 samples in the trace):\n- ${profiles(rows).join('\n- ')}`,
  );
  console.log(
    missed.length
      ? `\nMissed or unmeasured targets:\n- ${missed.join('\n- ')}`
      : '\nEvery measured target is met.',
  );
  console.log(`\nHow task time is attributed: ${METHOD.attribution}`);
  console.log(`Heap: ${METHOD.heap}`);
  console.log(
    'The rest of the method (floor, first highlight, hover, burst, idle, runs): "method" in bench/results.json.',
  );
  console.log(`\n${cpuSummary()}`);
  if (opts.pages.includes('huge')) huge(opts.ext);
}

/**
 * The pages built to freeze a tab (issue 19), each with its longest extension task: the
 * same run as `npm run bench:huge`, on the build just measured.
 */
function huge(ext: string): void {
  if (ext !== join(ROOT, '.output/chrome-mv3')) {
    console.log('\nHuge pages: measured on .output/chrome-mv3 only (npm run bench:huge).');
    return;
  }
  console.log('\n== huge pages (npm run bench:huge)');
  execFileSync('npx', ['tsx', join(ROOT, 'scripts/bench-huge.ts'), '--no-build'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
}

/**
 * The extension's CPU on every page (the first stage included) comes from V8 CPU profiles
 * in `npm run bench:cpu`, which needs its own loads; this prints its latest saved targets
 * rather than running them again.
 */
function cpuSummary(): string {
  const path = join(ROOT, 'bench/cpu-results.json');
  const how = 'CPU per page load from V8 profiles, every page (npm run bench:cpu)';
  if (!existsSync(path)) return `${how}: no saved run.`;
  const saved = JSON.parse(readFileSync(path, 'utf8')) as {
    date: string;
    targets: { label: string; unit: string; value: number | null; verdict: string }[];
  };
  const lines = saved.targets.map(
    (t) =>
      `- ${t.label}: ${t.value === null ? 'n/a' : `${t.value.toFixed(1)}${t.unit === 'ms' ? ' ms' : 'x the floor'}`}, ${t.verdict}`,
  );
  return [`${how}, saved run of ${saved.date}:`, ...lines].join('\n');
}

main().catch((e) => {
  if (e instanceof UsageError) {
    console.error(`bench: ${e.message}`);
    process.exit(2);
  }
  console.error(e);
  process.exit(1);
});
