/**
 * Debian's Firefox ESR with the unpacked build, driven by puppeteer-core over WebDriver
 * BiDi (RECIPES.md; Playwright's Firefox driver needs Playwright's patched build).
 *
 * The moz-extension UUID is random per profile unless the profile says otherwise, so the
 * launch writes `extensions.webextensions.uuids` for the add-on's gecko id: the extension
 * origin is known before install, and `openExtensionPage` proves it by loading a page there.
 */
import { randomUUID } from 'node:crypto';
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import { firefoxProxyPrefs, geckoId } from '../../../scripts/bench/firefox-prefs';
import { FIREFOX_PATH } from './paths';
import type { FixtureServer } from './server';
import {
  type ColorScheme,
  DEFAULT_WAIT_MS,
  type E2EBrowser,
  type E2EPage,
  pollUntil,
} from './session';

export interface FirefoxSession extends E2EBrowser {
  browser: Browser;
  /** The moz-extension host of the add-on under test. */
  uuid: string;
}

/** 0 = dark, 1 = light: Firefox cannot switch a running page over BiDi, so it is per launch. */
function colorPrefs(scheme: ColorScheme): Record<string, unknown> {
  return {
    'layout.css.prefers-color-scheme.content-override': scheme === 'dark' ? 0 : 1,
    'ui.systemUsesDarkTheme': scheme === 'dark' ? 1 : 0,
  };
}

/**
 * Puppeteer's press takes one key; Playwright's (the Chromium side) takes "Alt+Shift+Period".
 * The same chord here: modifiers held down around the last key.
 */
async function pressChord(page: Page, chord: string): Promise<void> {
  const keys = chord.split('+') as never[];
  const key = keys.pop() as never;
  for (const k of keys) await page.keyboard.down(k);
  await page.keyboard.press(key);
  for (const k of keys.reverse()) await page.keyboard.up(k);
}

function wrapPage(page: Page, scheme: ColorScheme): E2EPage {
  const wrapped: E2EPage = {
    url: () => page.url(),
    goto: async (url) => {
      await page.goto(url, { waitUntil: 'load' });
    },
    evaluate: (fn, arg) => page.evaluate(fn as (a: unknown) => unknown, arg) as never,
    evaluateSource: (source) => page.evaluate(source) as never,
    waitFor: (what, fn, arg, timeoutMs = DEFAULT_WAIT_MS) =>
      pollUntil(wrapped, what, fn as (a: unknown) => unknown, arg, timeoutMs),
    mouseMove: (x, y) => page.mouse.move(x, y),
    click: (x, y) => page.mouse.click(x, y),
    // WebDriver BiDi's touch pointer: the browser makes real touch and pointer events.
    tap: (x, y) => page.touchscreen.tap(x, y),
    press: (key) => pressChord(page, key),
    type: (text) => page.keyboard.type(text),
    setColorScheme: async (wanted) => {
      if (wanted !== scheme) {
        throw new Error(
          `Firefox runs ${scheme}: launchFirefox(dir, server, { colorScheme: '${wanted}' }) for ${wanted}`,
        );
      }
    },
    setViewport: (width, height) => page.setViewport({ width, height }),
    bringToFront: async () => {
      // Right after another tab closes itself (the popup does, after a click), BiDi's
      // browsingContext.activate can fail with "no such frame" once; the tab is fine.
      try {
        await page.bringToFront();
      } catch {
        await new Promise((r) => setTimeout(r, 300));
        await page.bringToFront();
      }
    },
    screenshot: async (path) => {
      await page.screenshot({ path });
    },
    close: () => page.close(),
  };
  return wrapped;
}

export interface LaunchOptions {
  colorScheme?: ColorScheme;
  /** More unpacked extensions to install beside the one under test (e.g. the test probe). */
  extraExtensions?: string[];
}

export async function launchFirefox(
  extDir: string,
  server: FixtureServer,
  options: LaunchOptions = {},
): Promise<FirefoxSession> {
  const scheme = options.colorScheme ?? 'light';
  const extensionId = geckoId(extDir);
  const uuid = randomUUID();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
    defaultViewport: { width: 1280, height: 800 },
    // Needed to open moz-extension:// pages at all (RECIPES.md).
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      // The recording proxy for everything, loopback included.
      ...firefoxProxyPrefs(server.port, { loopback: true }),
      ...colorPrefs(scheme),
      'extensions.webextensions.uuids': JSON.stringify({ [extensionId]: uuid }),
    },
  });
  const network = server.network;
  const watched = new WeakSet<Page>();
  const watch = (page: Page): Page => {
    if (watched.has(page)) return page;
    watched.add(page);
    page.on('request', (request: HTTPRequest) => {
      network.record({ url: request.url(), witness: 'protocol', from: page.url() });
    });
    return page;
  };
  browser.on('targetcreated', (target) => {
    target
      .page()
      .then((page) => page && watch(page))
      .catch(() => {});
  });
  for (const page of await browser.pages()) watch(page);

  let installed: string;
  try {
    installed = await browser.installExtension(extDir);
  } catch (error) {
    await browser.close();
    throw error;
  }
  if (installed !== extensionId) {
    await browser.close();
    throw new Error(`installed add-on is ${installed}, manifest says ${extensionId}`);
  }
  for (const extra of options.extraExtensions ?? []) await browser.installExtension(extra);
  const extensionOrigin = `moz-extension://${uuid}`;

  async function newPage(): Promise<Page> {
    return watch(await browser.newPage());
  }

  return {
    name: 'firefox',
    browser,
    uuid,
    extensionId,
    extensionOrigin,
    extensionDir: extDir,
    network,
    newPage: async () => wrapPage(await newPage(), scheme),
    openPage: async (url) => {
      const page = await newPage();
      await page.goto(url, { waitUntil: 'load' });
      return wrapPage(page, scheme);
    },
    openExtensionPage: async (path, readySelector = 'body') => {
      const page = await newPage();
      const url = `${extensionOrigin}/${path.replace(/^\//, '')}`;
      // Over BiDi a moz-extension navigation never reports completion: start it, give up
      // waiting after a moment, then wait for the page's own content instead.
      // (Not awaited: the page is usually ready long before the timeout.)
      const navigation = page.goto(url, { timeout: 5_000 }).then(
        () => null,
        (error: Error) => (error.name === 'TimeoutError' ? null : error),
      );
      const wrapped = wrapPage(page, scheme);
      await pollUntil(
        wrapped,
        `${readySelector} on ${url}`,
        (sel: string) => location.protocol === 'moz-extension:' && !!document.querySelector(sel),
        readySelector,
        DEFAULT_WAIT_MS,
      ).catch(async (error: Error) => {
        throw (await Promise.race([navigation, null])) ?? error;
      });
      return wrapped;
    },
    findPage: async (urlPart, readySelector = 'body', timeoutMs = DEFAULT_WAIT_MS) => {
      const deadline = Date.now() + timeoutMs;
      // Over BiDi a tab's reported URL can lag a moz-extension navigation: ask the page.
      const lookup = async () => {
        for (const p of await browser.pages()) {
          const href = await p.evaluate(() => location.href).catch(() => p.url());
          if (href.includes(urlPart)) return p;
        }
        return undefined;
      };
      let found = await lookup();
      while (!found && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 100));
        found = await lookup();
      }
      if (!found) throw new Error(`no tab opened at ...${urlPart}`);
      const page = wrapPage(watch(found), scheme);
      await pollUntil(
        page,
        `${readySelector} on ${urlPart}`,
        (sel: string) => document.querySelector(sel) !== null,
        readySelector,
        Math.max(1_000, deadline - Date.now()),
      );
      return page;
    },
    close: () => browser.close(),
  };
}
