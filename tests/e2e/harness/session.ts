/**
 * One shape for both browsers, so a suite is written once and runs in Chromium
 * (playwright-core) and Firefox (puppeteer-core over WebDriver BiDi). Only what the suites
 * need; `raw` is there for the rare browser-specific step.
 */
import type { NetworkLog } from './network';

export type BrowserName = 'chromium' | 'firefox';
export type ColorScheme = 'light' | 'dark';

export interface E2EPage {
  url(): string;
  goto(url: string): Promise<void>;
  /** Runs `fn` in the page's own world (not the extension's). */
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** Evaluates a script's source text (e.g. axe-core) and returns its last value. */
  evaluateSource<R>(source: string): Promise<R>;
  /** Polls `fn` in the page until it returns a truthy value; fails with `what` after timeout. */
  waitFor<A = undefined>(
    what: string,
    fn: (arg: A) => unknown,
    arg?: A,
    timeoutMs?: number,
  ): Promise<void>;
  mouseMove(x: number, y: number): Promise<void>;
  click(x: number, y: number): Promise<void>;
  /** A finger's tap (trusted touch input: pointerType 'touch'), at viewport coordinates. */
  tap(x: number, y: number): Promise<void>;
  press(key: string): Promise<void>;
  type(text: string): Promise<void>;
  setColorScheme(scheme: ColorScheme): Promise<void>;
  /** Resize the page's viewport (e.g. to a toolbar popup's size for its picture). */
  setViewport(width: number, height: number): Promise<void>;
  /** Make this the visible tab (background tabs get throttled timers and frames). */
  bringToFront(): Promise<void>;
  screenshot(path: string): Promise<void>;
  close(): Promise<void>;
}

export interface E2EBrowser {
  name: BrowserName;
  /** "chrome-extension://ID" or "moz-extension://UUID". */
  extensionOrigin: string;
  /** Chrome's extension id, or Firefox's add-on id (the gecko id). */
  extensionId: string;
  /** The unpacked build this browser runs. */
  extensionDir: string;
  /** Every request seen during the session (wire and protocol). */
  network: NetworkLog;
  newPage(): Promise<E2EPage>;
  /** A new tab at `url`, waited until loaded. */
  openPage(url: string): Promise<E2EPage>;
  /**
   * A new tab on an extension page such as "popup.html"; waits until `readySelector`
   * matches (Firefox never reports moz-extension navigations as finished: RECIPES.md).
   */
  openExtensionPage(path: string, readySelector?: string): Promise<E2EPage>;
  /**
   * A tab the browser or the extension opened (not the test), found by a part of its
   * address; waits until it exists and `readySelector` matches in it.
   */
  findPage(urlPart: string, readySelector?: string, timeoutMs?: number): Promise<E2EPage>;
  close(): Promise<void>;
}

const POLL_MS = 50;

/** Shared polling for both drivers: their own waitForFunction signatures differ. */
export async function pollUntil<A>(
  page: Pick<E2EPage, 'evaluate'>,
  what: string,
  fn: (arg: A) => unknown,
  arg: A,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown = null;
  for (;;) {
    try {
      if (await page.evaluate(fn, arg)) return;
      lastError = null;
    } catch (error) {
      // A navigation can destroy the context mid-poll; try again until the deadline.
      lastError = error;
    }
    if (Date.now() > deadline) {
      const cause = lastError ? ` (last error: ${String(lastError)})` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for: ${what}${cause}`);
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

export const DEFAULT_WAIT_MS = 10_000;
