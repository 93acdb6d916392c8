/**
 * `npm run bench:cpu` in Chromium: one headless Chromium with the extension and one
 * without, a warm-up load in each, then N fresh loads of each page in each, interleaved,
 * every load under V8's CPU profiler (cpu-measure.ts).
 */
import { type Browser, launch } from './browser';
import { type LoadCpu, profileLoad } from './cpu-measure';
import { type CpuRun, type PageDef, rawLoads, summarize } from './cpu-pages';
import type { FrameNamer } from './cpu-profile';

export async function measureChromium(
  extDir: string,
  origin: string,
  defs: readonly PageDef[],
  runs: number,
  nameFrame: FrameNamer,
): Promise<CpuRun> {
  const withExt = await launch(extDir);
  const without = await launch(null);
  const version = withExt.context.browser()?.version() ?? '?';
  const run: CpuRun = {
    browser: `Chromium ${version} (headless)`,
    extOrigin: withExt.extOrigin ?? '?',
    rows: [],
    raw: [],
    foreignOrigins: [],
  };
  const originsSeen = new Set<string>();
  try {
    // A first load in each browser, not counted: start-up work is not a page's cost.
    for (const b of [withExt, without] as Browser[])
      await profileLoad(b, `${origin}/warmup.html`, {});
    for (const def of defs) {
      const url = `${origin}${def.path}`;
      process.stdout.write(`measuring ${def.name} (${url}), ${runs} loads each way ...\n`);
      const w: LoadCpu[] = [];
      const wo: LoadCpu[] = [];
      // Interleaved, so a change in the machine's load falls on both.
      for (let i = 0; i < runs; i++) {
        w.push(await profileLoad(withExt, url, { nameFrame }));
        wo.push(await profileLoad(without, url, { floor: true }));
      }
      for (const l of w) for (const o of l.extensionOrigins) originsSeen.add(o);
      run.rows.push(summarize(def, w, wo));
      run.raw.push(rawLoads(def, w, wo));
    }
  } finally {
    await withExt.close();
    await without.close();
  }
  run.foreignOrigins = [...originsSeen].filter((o) => o !== withExt.extOrigin);
  return run;
}
