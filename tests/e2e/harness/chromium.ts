/**
 * Debian's Chromium with the unpacked MV3 build, driven by playwright-core (RECIPES.md).
 * All traffic goes through the fixture server acting as proxy, loopback included, so the
 * wire witness sees every request; the background-networking flags keep Chromium's own
 * services quiet.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, realpath, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page, type Request } from 'playwright-core';
import { CHROMIUM_PATH } from './paths';
import type { FixtureServer } from './server';
import {
  type ColorScheme,
  DEFAULT_WAIT_MS,
  type E2EBrowser,
  type E2EPage,
  pollUntil,
} from './session';

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

function wrapPage(page: Page): E2EPage {
  const wrapped: E2EPage = {
    url: () => page.url(),
    goto: async (url) => {
      await page.goto(url, { waitUntil: 'load' });
    },
    evaluate: (fn, arg) => page.evaluate(fn as (a: unknown) => unknown, arg) as never,
    waitFor: (what, fn, arg, timeoutMs = DEFAULT_WAIT_MS) =>
      pollUntil(wrapped, what, fn as (a: unknown) => unknown, arg, timeoutMs),
    mouseMove: (x, y) => page.mouse.move(x, y),
    click: (x, y) => page.mouse.click(x, y),
    press: (key) => page.keyboard.press(key),
    type: (text) => page.keyboard.type(text),
    setColorScheme: (scheme: ColorScheme) => page.emulateMedia({ colorScheme: scheme }),
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
      // accounts.google.com, update.googleapis.com, clients2.google.com/time); point them
      // at a closed local port or turn them off, so the run's network log stays clean.
      '--gaia-url=http://127.0.0.1:1',
      '--component-updater=url-source=http://127.0.0.1:1/component-updater',
      '--extensions-update-frequency=86400',
      '--disable-features=NetworkTimeServiceQuerying',
      // Every request, loopback too, goes through the recording proxy.
      `--proxy-server=http://127.0.0.1:${server.port}`,
      '--proxy-bypass-list=<-loopback>',
    ],
  });
  const network = server.network;
  context.on('request', (request) => {
    network.record({ url: request.url(), witness: 'protocol', from: describeRequest(request) });
  });

  const extensionId = unpackedExtensionId(dir);
  // The id from the path must be the one Chrome gave the background worker.
  const worker =
    context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
    (await context.waitForEvent('serviceworker', { timeout: 5_000 }).catch(() => null));
  if (worker && new URL(worker.url()).host !== extensionId) {
    const loaded = new URL(worker.url()).host;
    // With extra extensions the first worker may be another one's; only fail on our own.
    if (!options.extraExtensions?.length) {
      throw new Error(`extension id ${extensionId} (from path) but worker runs as ${loaded}`);
    }
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
    close: async () => {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
