/**
 * `npm run bench:cpu`: what the extension costs the page's main thread on every page load
 * (issue 15), from V8 CPU profiles in real Chromium. For each page, N fresh loads with the
 * extension and N without it (a second Chromium), each profiled from before navigation to
 * 1.5 s after the load event; a sample is the extension's when any frame of its stack is
 * the extension's script (scripts/bench/cpu-profile.ts). Prints the per-page table, the
 * targets, the sizes of what pages load, the top functions by source map, and writes
 * bench/cpu-results.json.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type Browser, launch } from './bench/browser';
import { type LoadCpu, profileLoad, SAMPLING_INTERVAL_US, SETTLE_MS } from './bench/cpu-measure';
import { type FrameNamer, meanFunctions, rawFrameName } from './bench/cpu-profile';
import { cpuTable, evaluateTargets, type FileSize, type PageCpu, stats } from './bench/cpu-report';
import { generatePage } from './bench/generate-page';
import { deepSeekNewsPage, noCoreNewsPage } from './bench/news-pages';
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
const MB = 1024 * 1024;
const ALL_PAGES = ['news', 'deepseek-news', 'demo', '1mb', '5mb'];
const TOP = 8;

const HELP = `npm run bench:cpu -- [options]

The extension's main-thread CPU per page load, from V8 CPU profiles in headless Chromium,
with the page's own CPU with and without the extension (medians over N fresh loads).

  --runs N        loads per page, with and without the extension (default 5)
  --pages LIST    comma-separated subset of ${ALL_PAGES.join(',')} (default: all)
  --no-build      measure .output/chrome-mv3 as it is (names from ${MAPS_OUT_DIR} if its
                  code is the same)
  --help          this text

Writes bench/cpu-results.json.`;

/** What was tried in Firefox (README, "Cost on every page"). */
const FIREFOX_NOTE =
  "Firefox: not measured by this script. WebDriver BiDi has no profiler, but Gecko's own profiler can be driven: Firefox ESR 153 launched by puppeteer-core with MOZ_PROFILER_STARTUP=1 (features js,stackwalk,cpu; interval 0.1 ms) and MOZ_PROFILER_SHUTDOWN=<file> writes a profile on close whose content-process GeckoMain thread holds moz-extension://UUID/content-script.js and page-session.js frames with line and column. Reading that format per load is not done yet.";

const METHOD = {
  profile: `CDP Profiler on the page's target (Profiler.enable, setSamplingInterval ${SAMPLING_INTERVAL_US} us, start before navigation, stop ${SETTLE_MS} ms after the load event), one fresh tab per load. The content script's isolated world runs in the page's renderer main thread (same V8 isolate), so its frames are in the same profile.`,
  attribution:
    "A sample is the extension's when any frame of its stack has a URL under chrome-extension://ID/ (script evaluation, our functions, and the DOM and V8 built-ins they call). Each sample stands for the time until the next one (DevTools' convention). Page CPU is every non-idle sample (JavaScript, (program): parsing, style, layout, paint; (garbage collector)). GC and rendering our work causes later carry no extension frame and count as the page's: compare page CPU with and without.",
  functions:
    'Self: time by the innermost extension frame of each sample (native calls it makes included); stack holds: by every extension function on the stack. Names through source maps of a second build with hidden source maps (byte-identical code). Mean per load.',
  floor:
    "bench.ts's floor: after each load without the extension, one cold TreeWalker(SHOW_TEXT) walk calling toLowerCase on every text node's data.",
};

/** The flags, read as every script here reads them (scripts/cli-args.ts). */
function options() {
  const { values } = readArgs(
    process.argv.slice(2),
    { runs: { type: 'string' }, pages: { type: 'string' }, 'no-build': { type: 'boolean' } },
    HELP,
  );
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
  return { runs, pages, build: !values['no-build'], help: values.help === true };
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

interface PageDef {
  key: string;
  name: string;
  path: string;
}

function pagesToServe(keys: readonly string[]) {
  const pages = new Map<string, string>([['/warmup.html', '<!doctype html><p>Warm-up.</p>']]);
  const statics = new Map<string, string>();
  const defs: PageDef[] = [];
  for (const key of keys) {
    if (key === 'news') {
      pages.set('/news/tram.html', noCoreNewsPage().html);
      defs.push({ key, name: 'news, no core term', path: '/news/tram.html' });
    } else if (key === 'deepseek-news') {
      pages.set('/news/deepseek.html', deepSeekNewsPage().html);
      defs.push({ key, name: 'DeepSeek news', path: '/news/deepseek.html' });
    } else if (key === 'demo') {
      if (!existsSync(join(ROOT, 'demo/article.html'))) {
        console.log('note: demo/article.html is absent; the demo page is skipped.');
        continue;
      }
      statics.set('/demo/', join(ROOT, 'demo'));
      defs.push({ key, name: 'demo', path: '/demo/article.html' });
    } else {
      const mb = key === '1mb' ? 1 : 5;
      pages.set(`/gen/article-${key}.html`, generatePage({ targetChars: mb * MB, seed: mb }).html);
      defs.push({ key, name: `generated ${key}`, path: `/gen/article-${key}.html` });
    }
  }
  return { pages, statics, defs };
}

function summarize(def: PageDef, withExt: LoadCpu[], without: LoadCpu[]): PageCpu {
  return {
    key: def.key,
    name: def.name,
    textChars: without[0]?.textChars ?? withExt[0]?.textChars ?? 0,
    extMs: withExt.map((l) => l.cpu.extMs),
    busyWithMs: withExt.map((l) => l.cpu.busyMs),
    busyWithoutMs: without.map((l) => l.cpu.busyMs),
    floorMs: without.map((l) => l.floorMs).filter((x): x is number => x !== null),
    highlights: withExt.map((l) => l.highlights),
    self: meanFunctions(
      withExt.map((l) => l.cpu.self),
      TOP,
    ),
    inStack: meanFunctions(
      withExt.map((l) => l.cpu.inStack),
      TOP,
    ),
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
  const extDir = join(ROOT, '.output/chrome-mv3');
  let mapsDir: string | null = join(ROOT, MAPS_OUT_DIR, 'chrome-mv3');
  if (opts.build) {
    execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'inherit' });
    mapsDir = await buildWithSourceMaps(ROOT);
  }
  if (!existsSync(join(extDir, 'manifest.json')))
    throw new Error(`No build at ${extDir} (run without --no-build)`);
  const names = frameNamer(extDir, mapsDir);
  const sizes = [
    fileSize(extDir, CONTENT_SCRIPT_FILE, 'every page'),
    fileSize(extDir, PAGE_SESSION_FILE, 'loaded on a page about the story'),
    fileSize(extDir, PAGE_UI_FILE, 'loaded on first hover'),
  ].filter((s): s is FileSize => s !== null);

  const { pages, statics, defs } = pagesToServe(opts.pages);
  const server = await startServer(pages, statics);
  const loadBefore = load();
  const withExt = await launch(extDir);
  const without = await launch(null);
  const version = withExt.context.browser()?.version() ?? '?';
  const rows: PageCpu[] = [];
  const raw: Record<string, unknown>[] = [];
  const originsSeen = new Set<string>();
  try {
    // A first load in each browser, not counted: start-up work is not a page's cost.
    for (const b of [withExt, without] as Browser[])
      await profileLoad(b, `${server.origin}/warmup.html`, {});
    for (const def of defs) {
      const url = `${server.origin}${def.path}`;
      process.stdout.write(`measuring ${def.name} (${url}), ${opts.runs} loads each way ...\n`);
      const w: LoadCpu[] = [];
      const wo: LoadCpu[] = [];
      // Interleaved, so a change in the machine's load falls on both.
      for (let i = 0; i < opts.runs; i++) {
        w.push(await profileLoad(withExt, url, { nameFrame: names.nameFrame }));
        wo.push(await profileLoad(without, url, { floor: true }));
      }
      for (const l of w) for (const o of l.extensionOrigins) originsSeen.add(o);
      rows.push(summarize(def, w, wo));
      raw.push({
        key: def.key,
        url: def.path,
        withExtension: w.map((l) => ({
          ...l.cpu,
          self: l.cpu.self.slice(0, TOP),
          inStack: l.cpu.inStack.slice(0, TOP),
          highlights: l.highlights,
        })),
        without: wo.map((l) => ({
          busyMs: l.cpu.busyMs,
          totalMs: l.cpu.totalMs,
          samples: l.cpu.samples,
          maxGapMs: l.cpu.maxGapMs,
          floorMs: l.floorMs,
        })),
      });
    }
  } finally {
    await withExt.close();
    await without.close();
    await server.close();
  }
  const loadAfter = load();
  const cpus = os.cpus();
  const foreign = [...originsSeen].filter((o) => o !== withExt.extOrigin);
  const header = [
    `Sourcelight CPU per page load, ${new Date().toISOString()}`,
    `Chromium ${version} (headless), ${cpus[0]?.model ?? '?'}, ${cpus.length} cores, Node ${process.version}`,
    `load average (1, 5, 15 min) before: ${loadBefore}; after: ${loadAfter}`,
    `${opts.runs} fresh loads per page with the extension and ${opts.runs} without; V8 CPU profile at ${SAMPLING_INTERVAL_US} us from navigation to ${SETTLE_MS} ms after load`,
    `extension ${withExt.extOrigin}; ${names.note}`,
    ...(foreign.length
      ? [`note: frames from other extension origins, not counted: ${foreign.join(', ')}`]
      : []),
  ];
  const targets = evaluateTargets(rows);
  mkdirSync(join(ROOT, 'bench'), { recursive: true });
  writeFileSync(
    join(ROOT, 'bench/cpu-results.json'),
    `${JSON.stringify(
      {
        date: new Date().toISOString(),
        chromium: version,
        machine: { cpu: cpus[0]?.model, cores: cpus.length, loadBefore, loadAfter },
        runs: opts.runs,
        method: METHOD,
        firefox: FIREFOX_NOTE,
        sizes,
        targets: targets.map((t) => ({ ...t.target, value: t.value, verdict: t.verdict })),
        pages: rows.map((p) => ({ ...p, ext: stats(p.extMs) })),
        raw,
      },
      null,
      2,
    )}\n`,
  );
  console.log(`\n${cpuTable(header, rows, sizes, TOP)}`);
  console.log(
    `\nHow: ${METHOD.profile}\n${METHOD.attribution}\n${METHOD.functions}\n${METHOD.floor}`,
  );
  console.log(FIREFOX_NOTE);
}

main().catch((e) => {
  if (e instanceof UsageError) {
    console.error(`bench:cpu: ${e.message}`);
    process.exit(2);
  }
  console.error(e);
  process.exit(1);
});
