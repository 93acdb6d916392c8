/**
 * Fresh page loads in Firefox under Gecko's own profiler, for
 * `npm run bench:cpu -- --browser firefox`. WebDriver BiDi, which drives Firefox here
 * (puppeteer-core, RECIPES.md), has no profiler; Gecko's can be started from the
 * environment and writes its profile when the browser quits (MOZ_PROFILER_SHUTDOWN), one
 * file per browser session. So a session loads a page several times, notes each load's
 * wall-clock window (Date.now() before navigation, and SETTLE_MS after the load event),
 * quits, and the windows pick each load's samples out of the page's content process
 * (gecko-profile.ts).
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import type { LoadCpu } from './cpu-measure';
import { SETTLE_MS } from './cpu-measure';
import type { FrameNamer } from './cpu-profile';
import { firefoxProxyPrefs, geckoId } from './firefox-prefs';
import {
  attributeThread,
  extensionOriginsOn,
  type GeckoProfile,
  pageThread,
  parseGeckoProfile,
} from './gecko-profile';
import { countHighlights, textChars } from './page-counts';
import { walkFloor } from './page-probe';
import { sleep } from './steps';

export const FIREFOX = process.env.SOURCELIGHT_FIREFOX ?? '/usr/bin/firefox-esr';

/** The profiler's start-up settings (https://firefox-source-docs.mozilla.org/tools/profiler/). */
export const GECKO_PROFILER = {
  /** JS frames and per-thread CPU time; no native stack walk, which nothing here reads. */
  features: 'js,cpu',
  /**
   * ms. Not the Chromium profile's 0.1: at 0.1 ms the sampler's ten thousand interruptions
   * a second added about a quarter to the page thread's own CPU (news page, extension
   * 19-31 ms at 0.1 ms, 14-17 ms at 1 ms; page without the extension 42-57 against 35-44).
   * Weighting samples by CPU time keeps totals right at 1 ms.
   */
  interval: 1,
  /** Main threads only: the page's JavaScript, DOM, style and layout run there. */
  threads: 'GeckoMain',
  /** Buffer entries per process: a session of a few loads fits without wrapping. */
  entries: 64 * 1024 * 1024,
};

/**
 * Firefox's own traffic goes to a closed port on loopback: the pages are on 127.0.0.1,
 * which is left out of the proxy, and nothing else leaves the machine. Timers at full
 * precision, for the floor's walk (Firefox rounds performance.now() to 1 ms).
 */
const BENCH_PREFS: Record<string, unknown> = {
  'privacy.reduceTimerPrecision': false,
  ...firefoxProxyPrefs(9, { noProxy: '127.0.0.1' }),
};

export interface ProfiledFirefox {
  browser: Browser;
  /** moz-extension://UUID, or null without the extension. */
  extOrigin: string | null;
  version: string;
  /** Quits and reads the session's profile. */
  quit(): Promise<GeckoProfile>;
  /** Closes without reading anything (after a failure). */
  abandon(): Promise<void>;
}

/** The add-on's moz-extension UUID, the same in every session of a run. */
const RUN_UUID = randomUUID();

export async function launchProfiledFirefox(
  extDir: string | null,
  uuid = RUN_UUID,
): Promise<ProfiledFirefox> {
  const dir = mkdtempSync(join(tmpdir(), 'sourcelight-gecko-'));
  const profilePath = join(dir, 'profile.json');
  const cleanUp = () => rmSync(dir, { recursive: true, force: true });
  const id = extDir ? geckoId(extDir) : null;
  const browser = await puppeteer
    .launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      defaultViewport: { width: 1280, height: 800 },
      env: {
        ...process.env,
        MOZ_REMOTE_SETTINGS_DEVTOOLS: '1',
        MOZ_PROFILER_STARTUP: '1',
        MOZ_PROFILER_STARTUP_FEATURES: GECKO_PROFILER.features,
        MOZ_PROFILER_STARTUP_INTERVAL: String(GECKO_PROFILER.interval),
        MOZ_PROFILER_STARTUP_FILTERS: GECKO_PROFILER.threads,
        MOZ_PROFILER_STARTUP_ENTRIES: String(GECKO_PROFILER.entries),
        MOZ_PROFILER_SHUTDOWN: profilePath,
      },
      extraPrefsFirefox: {
        ...BENCH_PREFS,
        ...(id ? { 'extensions.webextensions.uuids': JSON.stringify({ [id]: uuid }) } : {}),
      },
    })
    .catch((error: unknown) => {
      cleanUp();
      throw error;
    });
  try {
    if (extDir) {
      const installed = await browser.installExtension(resolve(extDir));
      if (installed !== id) throw new Error(`installed ${installed}, the manifest says ${id}`);
    }
  } catch (error) {
    await browser.close();
    cleanUp();
    throw error;
  }
  const version = await browser.version();
  return {
    browser,
    extOrigin: extDir ? `moz-extension://${uuid}` : null,
    version,
    async quit() {
      const child = browser.process();
      const exited = child
        ? new Promise<void>((resolve) => {
            if (child.exitCode !== null) resolve();
            else child.once('exit', () => resolve());
          })
        : Promise.resolve();
      // puppeteer's close() kills Firefox 5 s after asking it to quit, and the profile is
      // written while it quits: ask over BiDi, then wait for the exit as long as it takes.
      const bidi = (browser as unknown as { connection?: { send(m: string, p: object): unknown } })
        .connection;
      try {
        await bidi?.send('browser.close', {});
      } catch {
        // The connection closes as the browser quits; the answer may never come.
      }
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 120_000)))]);
      clearTimeout(timer);
      await browser.close();
      try {
        if (!existsSync(profilePath)) {
          throw new Error(`Firefox quit without writing its profile (${profilePath})`);
        }
        return parseGeckoProfile(readFileSync(profilePath));
      } finally {
        cleanUp();
      }
    },
    async abandon() {
      await browser.close();
      cleanUp();
    },
  };
}

/** One load as the page and the clock saw it; its CPU comes from the profile later. */
export interface FirefoxLoad {
  url: string;
  startMs: number;
  endMs: number;
  highlights: number;
  floorMs: number | null;
  textChars: number;
}

let loadCount = 0;

/**
 * One fresh tab, one load. The URL gets a query unique to the load, so the profile's
 * documents name the one content process that held it.
 */
export async function firefoxLoad(
  session: ProfiledFirefox,
  url: string,
  options: { floor?: boolean } = {},
): Promise<FirefoxLoad> {
  const page = await session.browser.newPage();
  try {
    const unique = `${url}${url.includes('?') ? '&' : '?'}load=${++loadCount}`;
    const startMs = Date.now();
    await page.goto(unique, { waitUntil: 'load' });
    await sleep(SETTLE_MS);
    const endMs = Date.now();
    const highlights = await page.evaluate(countHighlights);
    const floorMs = options.floor ? ((await page.evaluate(walkFloor, 1)).runs[0] ?? null) : null;
    return {
      url: unique,
      startMs,
      endMs,
      highlights,
      floorMs,
      textChars: await page.evaluate(textChars),
    };
  } finally {
    await page.close();
  }
}

/** Each load's CPU, from the session's profile. */
export function attributeLoads(
  profile: GeckoProfile,
  loads: readonly FirefoxLoad[],
  extOrigin: string | null,
  nameFrame?: FrameNamer,
): LoadCpu[] {
  return loads.map((load) => {
    const thread = pageThread(profile, load.url);
    if (!thread) throw new Error(`no single content process held ${load.url} in the profile`);
    const origins = extOrigin ? [extOrigin] : [];
    return {
      cpu: attributeThread(
        thread,
        { startMs: load.startMs, endMs: load.endMs },
        origins,
        nameFrame,
      ),
      highlights: load.highlights,
      floorMs: load.floorMs,
      textChars: load.textChars,
      extensionOrigins: extensionOriginsOn(thread.thread),
    };
  });
}
