/**
 * The pages `npm run bench:cpu` loads, in either browser, and how a page's loads with and
 * without the extension become one row of the report (cpu-report.ts).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { LoadCpu } from './cpu-measure';
import { meanFunctions } from './cpu-profile';
import type { PageCpu } from './cpu-report';
import { generatePage } from './generate-page';
import { deepSeekNewsPage, noCoreNewsPage } from './news-pages';

export const ALL_PAGES = ['news', 'deepseek-news', 'demo', '1mb', '5mb'];
/** Functions kept per page. */
export const TOP = 8;
const MB = 1024 * 1024;

export interface PageDef {
  key: string;
  name: string;
  path: string;
}

/** What the server serves for these pages (a warm-up page too), and the pages in order. */
export function pagesToServe(root: string, keys: readonly string[]) {
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
      if (!existsSync(join(root, 'demo/article.html'))) {
        console.log('note: demo/article.html is absent; the demo page is skipped.');
        continue;
      }
      statics.set('/demo/', join(root, 'demo'));
      defs.push({ key, name: 'demo', path: '/demo/article.html' });
    } else {
      const mb = key === '1mb' ? 1 : 5;
      pages.set(`/gen/article-${key}.html`, generatePage({ targetChars: mb * MB, seed: mb }).html);
      defs.push({ key, name: `generated ${key}`, path: `/gen/article-${key}.html` });
    }
  }
  return { pages, statics, defs };
}

export function summarize(def: PageDef, withExt: LoadCpu[], without: LoadCpu[]): PageCpu {
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

/** A page's loads as bench/cpu-results*.json keeps them. */
export function rawLoads(def: PageDef, withExt: LoadCpu[], without: LoadCpu[]) {
  return {
    key: def.key,
    url: def.path,
    withExtension: withExt.map((l) => ({
      ...l.cpu,
      self: l.cpu.self.slice(0, TOP),
      inStack: l.cpu.inStack.slice(0, TOP),
      highlights: l.highlights,
    })),
    without: without.map((l) => ({
      busyMs: l.cpu.busyMs,
      totalMs: l.cpu.totalMs,
      samples: l.cpu.samples,
      maxGapMs: l.cpu.maxGapMs,
      floorMs: l.floorMs,
    })),
  };
}

/** What one browser's run gives the report. */
export interface CpuRun {
  /** "Chromium 156.0... (headless)". */
  browser: string;
  extOrigin: string;
  rows: PageCpu[];
  raw: ReturnType<typeof rawLoads>[];
  /** Other extensions' origins seen in the profiles (not counted). */
  foreignOrigins: string[];
}
