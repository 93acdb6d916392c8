/**
 * `npm run bench:cpu -- --browser firefox`: per page, one Firefox session with the
 * extension and one without, both under Gecko's profiler (gecko-measure.ts), a warm-up
 * load in each, then N fresh loads in each, interleaved. Gecko writes its profile only
 * when the browser quits, so each page gets its own pair of sessions: the profiles stay
 * a size Node can parse, and a page's loads are read as soon as they are done.
 */

import { type CpuRun, type PageDef, rawLoads, summarize } from './cpu-pages';
import type { FrameNamer } from './cpu-profile';
import {
  attributeLoads,
  type FirefoxLoad,
  firefoxLoad,
  launchProfiledFirefox,
  type ProfiledFirefox,
} from './gecko-measure';

async function launchPair(extDir: string): Promise<[ProfiledFirefox, ProfiledFirefox]> {
  const [w, wo] = await Promise.allSettled([
    launchProfiledFirefox(extDir),
    launchProfiledFirefox(null),
  ]);
  if (w.status === 'fulfilled' && wo.status === 'fulfilled') return [w.value, wo.value];
  for (const s of [w, wo]) if (s.status === 'fulfilled') await s.value.abandon();
  throw w.status === 'rejected' ? w.reason : (wo as PromiseRejectedResult).reason;
}

export async function measureFirefox(
  extDir: string,
  origin: string,
  defs: readonly PageDef[],
  runs: number,
  nameFrame: FrameNamer,
): Promise<CpuRun> {
  const run: CpuRun = { browser: '', extOrigin: '', rows: [], raw: [], foreignOrigins: [] };
  const foreign = new Set<string>();
  for (const def of defs) {
    const url = `${origin}${def.path}`;
    process.stdout.write(`measuring ${def.name} (${url}), ${runs} loads each way ...\n`);
    const [withExt, without] = await launchPair(extDir);
    run.browser = `Firefox ${withExt.version.replace(/^firefox\//, '')} (headless)`;
    run.extOrigin = withExt.extOrigin ?? '?';
    const w: FirefoxLoad[] = [];
    const wo: FirefoxLoad[] = [];
    try {
      // A first load in each browser, not counted: start-up work is not a page's cost.
      await firefoxLoad(withExt, `${origin}/warmup.html`);
      await firefoxLoad(without, `${origin}/warmup.html`);
      // Interleaved, so a change in the machine's load falls on both.
      for (let i = 0; i < runs; i++) {
        w.push(await firefoxLoad(withExt, url));
        wo.push(await firefoxLoad(without, url, { floor: true }));
      }
    } catch (error) {
      await Promise.all([withExt.abandon(), without.abandon()]);
      throw error;
    }
    const [pw, pwo] = await Promise.all([withExt.quit(), without.quit()]);
    const cw = attributeLoads(pw, w, withExt.extOrigin, nameFrame);
    const cwo = attributeLoads(pwo, wo, null);
    for (const l of cw) for (const o of l.extensionOrigins) if (o !== run.extOrigin) foreign.add(o);
    run.rows.push(summarize(def, cw, cwo));
    run.raw.push(rawLoads(def, cw, cwo));
  }
  run.foreignOrigins = [...foreign];
  return run;
}
