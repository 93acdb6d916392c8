/**
 * One fresh load of a page in Chromium under V8's CPU profiler (CDP Profiler domain on the
 * page's target, 100 µs sampling), from before navigation to 1.5 s after the load event.
 * The attribution is cpu-profile.ts's.
 */
import type { Browser } from './browser';
import {
  attributeProfile,
  type CpuProfile,
  type FrameNamer,
  type ProfileAttribution,
} from './cpu-profile';
import { countHighlights, textChars } from './page-counts';
import { walkFloor } from './page-probe';
import { sleep } from './steps';

export const SAMPLING_INTERVAL_US = 100;
export const SETTLE_MS = 1500;

export interface LoadCpu {
  cpu: ProfileAttribution;
  /** Highlight ranges registered in CSS.highlights when the profile stopped. */
  highlights: number;
  /** Without the extension: one cold walk over the text nodes after the profile, ms. */
  floorMs: number | null;
  textChars: number;
  /** chrome-extension:// origins seen in the profile's frames. */
  extensionOrigins: string[];
}

export async function profileLoad(
  browser: Browser,
  url: string,
  options: { nameFrame?: FrameNamer; floor?: boolean },
): Promise<LoadCpu> {
  const page = await browser.context.newPage();
  try {
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_INTERVAL_US });
    await cdp.send('Profiler.start');
    await page.goto(url, { waitUntil: 'load' });
    await sleep(SETTLE_MS);
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
    await cdp.send('Profiler.disable');
    const origins = browser.extOrigin ? [browser.extOrigin] : [];
    const seen = new Set<string>();
    for (const node of profile.nodes) {
      const m = /^chrome-extension:\/\/[^/]+/.exec(node.callFrame.url);
      if (m) seen.add(m[0]);
    }
    const cpu = attributeProfile(profile, origins, options.nameFrame);
    const highlights = await page.evaluate(countHighlights);
    const floorMs = options.floor ? ((await page.evaluate(walkFloor, 1)).runs[0] ?? null) : null;
    return {
      cpu,
      highlights,
      floorMs,
      textChars: await page.evaluate(textChars),
      extensionOrigins: [...seen],
    };
  } finally {
    await page.close();
  }
}
