/**
 * `npm run bench:cpu`: what the extension costs the page's main thread on every page load
 * (issue 15), from CPU profiles in a real browser: V8's in Chromium (the default), Gecko's
 * in Firefox (`--browser firefox`). For each page, N fresh loads with the extension and N
 * without it (a second browser), each profiled from before navigation to 1.5 s after the
 * load event; a sample is the extension's when any frame of its stack is the extension's
 * script (scripts/bench/cpu-profile.ts, gecko-profile.ts). Prints the per-page table, the
 * targets, the sizes of what pages load, the top functions by source map, and writes
 * bench/cpu-results.json (bench/cpu-results-firefox.json).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { measureChromium } from './bench/cpu-chromium';
import { measureFirefox } from './bench/cpu-firefox';
import { SAMPLING_INTERVAL_US, SETTLE_MS } from './bench/cpu-measure';
import { ALL_PAGES, type CpuRun, pagesToServe, TOP } from './bench/cpu-pages';
import { type FrameNamer, rawFrameName } from './bench/cpu-profile';
import { cpuTable, evaluateTargets, type FileSize, stats } from './bench/cpu-report';
import { GECKO_PROFILER } from './bench/gecko-measure';
import { startServer } from './bench/server';
import {
  buildWithSourceMaps,
  CONTENT_SCRIPT_FILE,
  contentScriptSymbols,
  MAPS_OUT_DIR,
  PAGE_SESSION_FILE,
  PAGE_UI_FILE,
} from './bench/symbols';
import { readArgs, UsageError, usageLine, wholeNumber } from './cli-args';

const ROOT = resolve(import.meta.dirname, '..');
const BROWSERS = ['chromium', 'firefox'] as const;
type BrowserName = (typeof BROWSERS)[number];

const HELP = `npm run bench:cpu -- [options]

The extension's main-thread CPU per page load, from CPU profiles in a headless browser,
with the page's own CPU with and without the extension (medians over N fresh loads).

  --browser NAME  chromium (V8's profiler over CDP; the default) or firefox (Gecko's
                  profiler, started with the browser and written when it quits)
  --runs N        loads per page, with and without the extension (default 5)
  --pages LIST    comma-separated subset of ${ALL_PAGES.join(',')} (default: all)
  --no-build      measure .output/chrome-mv3 (.output/firefox-mv2) as it is (names from
                  ${MAPS_OUT_DIR} if its code is the same)
  --help          this text

Writes bench/cpu-results.json (Chromium) or bench/cpu-results-firefox.json (Firefox).`;

/** How each browser is profiled and its samples attributed (also in the results file). */
const METHODS: Record<BrowserName, { profile: string; attribution: string }> = {
  chromium: {
    profile: `CDP Profiler on the page's target (Profiler.enable, setSamplingInterval ${SAMPLING_INTERVAL_US} us, start before navigation, stop ${SETTLE_MS} ms after the load event), one fresh tab per load. The content script's isolated world runs in the page's renderer main thread (same V8 isolate), so its frames are in the same profile.`,
    attribution:
      "A sample is the extension's when any frame of its stack has a URL under chrome-extension://ID/ (script evaluation, our functions, and the DOM and V8 built-ins they call). Each sample stands for the time until the next one (DevTools' convention). Page CPU is every non-idle sample (JavaScript, (program): parsing, style, layout, paint; (garbage collector)). GC and rendering our work causes later carry no extension frame and count as the page's: compare page CPU with and without.",
  },
  firefox: {
    profile: `Gecko's profiler, started with the browser (MOZ_PROFILER_STARTUP, features ${GECKO_PROFILER.features}, interval ${GECKO_PROFILER.interval} ms, threads ${GECKO_PROFILER.threads}) and written when it quits (MOZ_PROFILER_SHUTDOWN); per page one Firefox session with the extension and one without, a warm-up load, then one fresh tab per load. A load's samples are those of the content process that held its URL, from Date.now() before navigation to ${SETTLE_MS} ms after the load event (profile times are wall-clock ms from each process's meta.startTime). The content script runs on that process's main thread, with the page.`,
    attribution:
      "A sample is the extension's when any frame of its stack is a JS frame under moz-extension://UUID/ (the UUID fixed by the extensions.webextensions.uuids pref; Firefox's built-in add-ons have other UUIDs). A sample weighs the thread's CPU time since the previous sample (threadCPUDelta, the profiler's cpu feature); page CPU is the thread's CPU over the window. Not time until the next sample as in Chromium: a waiting Gecko thread keeps being sampled, not always with an Idle stack, and that count came out 2 to 15 times higher and unsteady. GC and rendering our work causes later carry no extension frame and count as the page's: compare page CPU with and without.",
  },
};

const SHARED_METHOD = {
  functions:
    'Self: time by the innermost extension frame of each sample (native calls it makes included); stack holds: by every extension function on the stack. Names through source maps of a second build with hidden source maps (byte-identical code). Mean per load.',
  floor:
    "bench.ts's floor: after each load without the extension, one cold TreeWalker(SHOW_TEXT) walk calling toLowerCase on every text node's data.",
};

/** The flags, read as every script here reads them (scripts/cli-args.ts). */
function options() {
  const { values } = readArgs(
    process.argv.slice(2),
    {
      browser: { type: 'string' },
      runs: { type: 'string' },
      pages: { type: 'string' },
      'no-build': { type: 'boolean' },
    },
    HELP,
  );
  const browser = (values.browser ?? 'chromium') as BrowserName;
  if (!BROWSERS.includes(browser)) {
    throw new UsageError(
      `--browser: ${values.browser} is not one of ${BROWSERS.join(', ')}. ${usageLine(HELP)}`,
    );
  }
  const runs = values.runs === undefined ? 5 : wholeNumber('--runs', values.runs, 1, HELP);
  const pages = (values.pages ?? ALL_PAGES.join(','))
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const unknown = pages.filter((p) => !ALL_PAGES.includes(p));
  if (unknown.length) {
    throw new UsageError(
      `--pages: unknown ${unknown.join(', ')} (${ALL_PAGES.join(',')}). ${usageLine(HELP)}`,
    );
  }
  return { browser, runs, pages, build: !values['no-build'], help: values.help === true };
}

function fileSize(dir: string, file: string, loaded: string): FileSize | null {
  const path = join(dir, file);
  if (!existsSync(path)) return null;
  const buf = readFileSync(path);
  return { file, loaded, raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
}

function frameNamer(
  extDir: string,
  mapsDir: string | null,
): { nameFrame: FrameNamer; note: string } {
  if (!mapsDir || !existsSync(mapsDir))
    return { nameFrame: rawFrameName, note: 'no source maps: minified names' };
  const { symbolize, note } = contentScriptSymbols(extDir, mapsDir);
  if (!symbolize) return { nameFrame: rawFrameName, note };
  return {
    note,
    nameFrame: (frame) => {
      const s = symbolize(frame);
      return s
        ? `${s.name ?? (frame.functionName || '(anonymous)')} (${s.where})`
        : rawFrameName(frame);
    },
  };
}

const load = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(', ');

async function main() {
  const opts = options();
  if (opts.help) {
    console.log(HELP);
    return;
  }
  const firefox = opts.browser === 'firefox';
  const target = firefox ? 'firefox-mv2' : 'chrome-mv3';
  const extDir = join(ROOT, '.output', target);
  let mapsDir: string | null = join(ROOT, MAPS_OUT_DIR, target);
  if (opts.build) {
    execFileSync('npx', ['wxt', 'build', ...(firefox ? ['-b', 'firefox'] : [])], {
      cwd: ROOT,
      stdio: 'inherit',
    });
    mapsDir = await buildWithSourceMaps(ROOT, firefox ? 'firefox' : 'chrome');
  }
  if (!existsSync(join(extDir, 'manifest.json')))
    throw new Error(`No build at ${extDir} (run without --no-build)`);
  const names = frameNamer(extDir, mapsDir);
  const sizes = [
    fileSize(extDir, CONTENT_SCRIPT_FILE, 'every page'),
    fileSize(extDir, PAGE_SESSION_FILE, 'loaded on a page about the story'),
    fileSize(extDir, PAGE_UI_FILE, 'loaded on first hover'),
  ].filter((s): s is FileSize => s !== null);

  const { pages, statics, defs } = pagesToServe(ROOT, opts.pages);
  const server = await startServer(pages, statics);
  const loadBefore = load();
  let run: CpuRun;
  try {
    const measure = firefox ? measureFirefox : measureChromium;
    run = await measure(extDir, server.origin, defs, opts.runs, names.nameFrame);
  } finally {
    await server.close();
  }
  const loadAfter = load();
  const cpus = os.cpus();
  const method = { ...METHODS[opts.browser], ...SHARED_METHOD };
  const sampling = firefox
    ? `Gecko profile at ${GECKO_PROFILER.interval * 1000} us, samples weighted by thread CPU time`
    : `V8 CPU profile at ${SAMPLING_INTERVAL_US} us`;
  const header = [
    `Sourcelight CPU per page load, ${new Date().toISOString()}`,
    `${run.browser}, ${cpus[0]?.model ?? '?'}, ${cpus.length} cores, Node ${process.version}`,
    `load average (1, 5, 15 min) before: ${loadBefore}; after: ${loadAfter}`,
    `${opts.runs} fresh loads per page with the extension and ${opts.runs} without; ${sampling} from navigation to ${SETTLE_MS} ms after load`,
    `extension ${run.extOrigin}; ${names.note}`,
    ...(run.foreignOrigins.length
      ? [`note: frames from other extension origins, not counted: ${run.foreignOrigins.join(', ')}`]
      : []),
  ];
  const targets = evaluateTargets(run.rows);
  const resultsFile = firefox ? 'bench/cpu-results-firefox.json' : 'bench/cpu-results.json';
  mkdirSync(join(ROOT, 'bench'), { recursive: true });
  writeFileSync(
    join(ROOT, resultsFile),
    `${JSON.stringify(
      {
        date: new Date().toISOString(),
        browser: run.browser,
        machine: { cpu: cpus[0]?.model, cores: cpus.length, loadBefore, loadAfter },
        runs: opts.runs,
        method,
        sizes,
        targets: targets.map((t) => ({ ...t.target, value: t.value, verdict: t.verdict })),
        pages: run.rows.map((p) => ({ ...p, ext: stats(p.extMs) })),
        raw: run.raw,
      },
      null,
      2,
    )}\n`,
  );
  console.log(`\n${cpuTable(header, run.rows, sizes, TOP)}`);
  console.log(
    `\nHow: ${method.profile}\n${method.attribution}\n${method.functions}\n${method.floor}`,
  );
  if (!firefox) console.log('Firefox: npm run bench:cpu -- --browser firefox');
}

main().catch((e) => {
  if (e instanceof UsageError) {
    console.error(`bench:cpu: ${e.message}`);
    process.exit(2);
  }
  console.error(e);
  process.exit(1);
});
