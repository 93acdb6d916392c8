/**
 * Debian's Chromium with the unpacked MV3 build, driven by playwright-core (RECIPES.md).
 * All traffic goes through the fixture server acting as proxy, loopback included, so the
 * wire witness sees every request; the background-networking flags keep Chromium's own
 * services quiet.
 */
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type BrowserContext,
  type CDPSession,
  chromium,
  type Page,
  type Request,
} from 'playwright-core';
import { CHROMIUM_PATH } from './paths';
import type { FixtureServer } from './server';
import {
  type ColorScheme,
  DEFAULT_WAIT_MS,
  type E2EBrowser,
  type E2EPage,
  pollUntil,
} from './session';

/**
 * Chromium keeps only the last --disable-features switch, and Playwright passes its own,
 * so ours repeats Playwright 1.65's list (chromiumSwitches in playwright-core) and adds the
 * services seen on the wire: the autofill server (asked about every page with a form) and
 * the optimization guide.
 */
const DISABLED_FEATURES = [
  // Playwright's.
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  // Ours: content-autofill.googleapis.com, optimizationguide-pa.googleapis.com.
  'AutofillServerCommunication',
  'OptimizationGuideModelDownloading',
  'OptimizationHintsFetching',
  'OptimizationTargetPrediction',
];

export interface ChromiumSession extends E2EBrowser {
  context: BrowserContext;
}

/**
 * Chrome names an unpacked extension after the SHA-256 of its absolute path, written
 * with the letters a-p: the id is known before the service worker starts (or if it never does).
 */
export function unpackedExtensionId(absPath: string): string {
  const hex = createHash('sha256').update(absPath).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + Number.parseInt(c, 16))).join('');
}

/**
 * Evaluates through CDP's Runtime.evaluate rather than page.evaluate: Playwright's helper
 * script runs in the page's world and uses Array.prototype.slice, which the hostile fixture
 * breaks. Arguments and results cross as JSON.
 */
function cdpEvaluator(page: Page) {
  let session: Promise<CDPSession> | null = null;
  return async (fn: ((a: unknown) => unknown) | string, arg?: unknown): Promise<unknown> => {
    session ??= page.context().newCDPSession(page);
    const cdp = await session;
    const expression =
      typeof fn === 'string'
        ? fn
        : `(${fn.toString()})(${arg === undefined ? '' : JSON.stringify(arg)})`;
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
      expression,
      awaitPromise: true,
      returnByValue: true,
      userGesture: true,
    });
    if (exceptionDetails) {
      const detail = exceptionDetails.exception?.description ?? exceptionDetails.text;
      throw new Error(`evaluate failed in ${page.url()}: ${detail}`);
    }
    return result.value;
  };
}

/**
 * A tap through CDP's Input.dispatchTouchEvent, as a touch screen would send it. Playwright's
 * page.touchscreen wants a context made with hasTouch, which would make every suite's page
 * a touch device (pointer media queries, maxTouchPoints); this leaves the context alone.
 */
function touchTapper(page: Page) {
  let session: Promise<CDPSession> | null = null;
  return async (x: number, y: number): Promise<void> => {
    session ??= page.context().newCDPSession(page);
    const cdp = await session;
    await cdp.send('Input.dispatchTouchEvent', {
      type: 'touchStart',
      touchPoints: [{ x, y, id: 1, radiusX: 1, radiusY: 1, force: 0.5 }],
    });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  };
}

function wrapPage(page: Page): E2EPage {
  const evaluate = cdpEvaluator(page);
  const tap = touchTapper(page);
  const wrapped: E2EPage = {
    url: () => page.url(),
    goto: async (url) => {
      await page.goto(url, { waitUntil: 'load' });
    },
    evaluate: (fn, arg) => evaluate(fn as (a: unknown) => unknown, arg) as never,
    evaluateSource: (source) => evaluate(source) as never,
    waitFor: (what, fn, arg, timeoutMs = DEFAULT_WAIT_MS) =>
      pollUntil(wrapped, what, fn as (a: unknown) => unknown, arg, timeoutMs),
    mouseMove: (x, y) => page.mouse.move(x, y),
    click: (x, y) => page.mouse.click(x, y),
    tap: (x, y) => tap(x, y),
    press: (key) => page.keyboard.press(key),
    type: (text) => page.keyboard.type(text),
    setColorScheme: (scheme: ColorScheme) => page.emulateMedia({ colorScheme: scheme }),
    bringToFront: () => page.bringToFront(),
    setViewport: (width, height) => page.setViewportSize({ width, height }),
    screenshot: async (path) => {
      await page.screenshot({ path });
    },
    close: () => page.close(),
  };
  return wrapped;
}

function describeRequest(request: Request): string {
  const worker = request.serviceWorker();
  if (worker) return `service worker ${worker.url()}`;
  try {
    return request.frame().url();
  } catch {
    return 'unknown';
  }
}

export interface LaunchOptions {
  /** More unpacked extensions to load beside the one under test (e.g. the test probe). */
  extraExtensions?: string[];
  colorScheme?: ColorScheme;
}

export async function launchChromium(
  extDir: string,
  server: FixtureServer,
  options: LaunchOptions = {},
): Promise<ChromiumSession> {
  // Playwright reports a service worker's own requests only with this switch.
  process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';
  const dir = await realpath(extDir);
  const all = [dir, ...(options.extraExtensions ?? [])].join(',');
  const userDataDir = await mkdtemp(join(tmpdir(), 'sourcelight-chromium-'));
  // Clicking into a text field makes Chromium fetch a spell-check dictionary
  // (redirector.gvt1.com/edgedl/chrome/dict/en-us-10-2.bdic, found with SOURCELIGHT_NETLOG);
  // turning spell checking off is not enough, blocking the dictionaries is.
  await mkdir(join(userDataDir, 'Default'));
  await writeFile(
    join(userDataDir, 'Default/Preferences'),
    JSON.stringify({
      browser: { enable_spellchecking: false },
      spellcheck: {
        dictionaries: [],
        blocked_dictionaries: ['en-US', 'en'],
        use_spelling_service: false,
      },
    }),
  );
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    colorScheme: options.colorScheme ?? 'light',
    viewport: { width: 1280, height: 800 },
    args: [
      `--disable-extensions-except=${all}`,
      `--load-extension=${all}`,
      '--no-sandbox',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-gpu',
      '--disable-quic',
      // Chromium's own services still phone home with the flags above (seen on the wire:
      // accounts.google.com, update.googleapis.com); point them at a closed local port.
      '--gaia-url=http://127.0.0.1:1',
      '--component-updater=url-source=http://127.0.0.1:1/component-updater',
      '--extensions-update-frequency=86400',
      `--disable-features=${DISABLED_FEATURES.join(',')}`,
      // Every request, loopback too, goes through the recording proxy.
      `--proxy-server=http://127.0.0.1:${server.port}`,
      '--proxy-bypass-list=<-loopback>',
      // To find out what a recorded offender was: Chromium's net log has full URLs.
      ...(process.env.SOURCELIGHT_NETLOG
        ? [`--log-net-log=${process.env.SOURCELIGHT_NETLOG}`]
        : []),
    ],
  });
  const network = server.network;
  context.on('request', (request) => {
    network.record({ url: request.url(), witness: 'protocol', from: describeRequest(request) });
  });

  const extensionId = unpackedExtensionId(dir);
  // The id from the path must be the one Chrome gave our background worker.
  const ours = (url: string) => url.startsWith(`chrome-extension://${extensionId}/`);
  const worker =
    context.serviceWorkers().find((w) => ours(w.url())) ??
    (await context
      .waitForEvent('serviceworker', { predicate: (w) => ours(w.url()), timeout: 10_000 })
      .catch(() => null));
  if (!worker) {
    const running = context.serviceWorkers().map((w) => w.url());
    await context.close();
    throw new Error(
      `no background worker at chrome-extension://${extensionId}/ (running: ${running.join(', ') || 'none'})`,
    );
  }
  const extensionOrigin = `chrome-extension://${extensionId}`;

  async function openPage(url: string): Promise<E2EPage> {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    return wrapPage(page);
  }

  return {
    name: 'chromium',
    context,
    extensionId,
    extensionOrigin,
    extensionDir: dir,
    network,
    newPage: async () => wrapPage(await context.newPage()),
    openPage,
    openExtensionPage: async (path, readySelector) => {
      const page = await openPage(`${extensionOrigin}/${path.replace(/^\//, '')}`);
      if (readySelector) {
        await pollUntil(
          page,
          `${readySelector} on ${path}`,
          (sel: string) => document.querySelector(sel) !== null,
          readySelector,
          DEFAULT_WAIT_MS,
        );
      }
      return page;
    },
    findPage: async (urlPart, readySelector = 'body', timeoutMs = DEFAULT_WAIT_MS) => {
      const deadline = Date.now() + timeoutMs;
      let found = context.pages().find((p) => p.url().includes(urlPart));
      while (!found && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 100));
        found = context.pages().find((p) => p.url().includes(urlPart));
      }
      if (!found) throw new Error(`no tab opened at ...${urlPart}`);
      const page = wrapPage(found);
      await pollUntil(
        page,
        `${readySelector} on ${urlPart}`,
        (sel: string) => document.querySelector(sel) !== null,
        readySelector,
        Math.max(1_000, deadline - Date.now()),
      );
      return page;
    },
    close: async () => {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
