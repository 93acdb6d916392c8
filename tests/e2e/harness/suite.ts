/**
 * Writes a suite once and runs it in both browsers. Each browser gets its own fixture
 * server (and so its own network log), the fresh build for its target, and a closing test
 * that no request left 127.0.0.1 while the suite ran.
 *
 * A missing browser: outside CI the browser's block reports itself skipped and names the
 * install command; with CI=true it fails, because CI must prove both browsers.
 */
import { accessSync, constants } from 'node:fs';
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuild, type Target } from './build';
import { launchChromium } from './chromium';
import { launchFirefox } from './firefox';
import { CHROMIUM_PATH, FIREFOX_PATH, INSTALL_BROWSERS } from './paths';
import { buildProbe } from './probe';
import { type FixtureServer, startFixtureServer } from './server';
import type { BrowserName, ColorScheme, E2EBrowser } from './session';

export interface BrowserGate {
  name: BrowserName;
  path: string;
  installed: boolean;
  /** Skip (outside CI, browser missing) rather than run. */
  skip: boolean;
  /** Why it cannot run, or null. */
  problem: string | null;
}

const LABEL: Record<BrowserName, string> = { chromium: 'Chromium', firefox: 'Firefox ESR' };
const PATHS: Record<BrowserName, string> = { chromium: CHROMIUM_PATH, firefox: FIREFOX_PATH };
const TARGET: Record<BrowserName, Target> = { chromium: 'chrome', firefox: 'firefox' };

const ALL_BROWSERS: readonly BrowserName[] = ['chromium', 'firefox'];

/**
 * The browsers this run drives: both, or the one `SOURCELIGHT_E2E_BROWSER` names
 * (`npm test` runs one process per browser, side by side: scripts/test.ts).
 */
export function browsersFor(env: NodeJS.ProcessEnv = process.env): readonly BrowserName[] {
  const only = env.SOURCELIGHT_E2E_BROWSER;
  if (only === undefined || only === '') return ALL_BROWSERS;
  if (!ALL_BROWSERS.includes(only as BrowserName)) {
    throw new Error(`SOURCELIGHT_E2E_BROWSER=${only}: expected one of ${ALL_BROWSERS.join(', ')}`);
  }
  return [only as BrowserName];
}

export const BROWSERS: readonly BrowserName[] = browsersFor();

export function isCI(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.CI === 'true' || env.CI === '1';
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function gateBrowser(
  name: BrowserName,
  env: NodeJS.ProcessEnv = process.env,
  exists: (path: string) => boolean = isExecutable,
): BrowserGate {
  const path = PATHS[name];
  const installed = exists(path);
  const problem = installed
    ? null
    : `${LABEL[name]} is not installed (${path} missing); install it with: ${INSTALL_BROWSERS}`;
  return { name, path, installed, skip: !installed && !isCI(env), problem };
}

export interface Session {
  browser: E2EBrowser;
  server: FixtureServer;
}

export interface SuiteOptions {
  colorScheme?: ColorScheme;
  /** Load the test probe beside the extension (tests/e2e/probe): needed to see our UI. */
  probe?: boolean;
}

async function launch(
  name: BrowserName,
  server: FixtureServer,
  options: SuiteOptions,
): Promise<E2EBrowser> {
  const dir = await ensureBuild(TARGET[name]);
  const probeDir = options.probe ? await buildProbe(name) : null;
  const launchOptions = {
    colorScheme: options.colorScheme,
    extraExtensions: probeDir ? [probeDir] : [],
  };
  const removeProbe = async () => {
    if (probeDir) await rm(probeDir, { recursive: true, force: true });
  };
  let browser: E2EBrowser;
  try {
    browser =
      name === 'chromium'
        ? await launchChromium(dir, server, launchOptions)
        : await launchFirefox(dir, server, launchOptions);
  } catch (error) {
    await removeProbe();
    throw error;
  }
  // The probe's temp folder goes with the browser.
  const close = browser.close.bind(browser);
  return Object.assign(browser, { close: () => close().finally(removeProbe) });
}

/**
 * `describe(title)` once per browser; `body` gets a getter for the live session (set in
 * beforeAll, so call it inside tests and hooks only).
 */
export function forEachBrowser(
  title: string,
  body: (session: () => Session, name: BrowserName) => void,
  options: SuiteOptions = {},
): void {
  for (const name of BROWSERS) {
    const gate = gateBrowser(name);
    if (gate.skip) {
      // Shown in the run's output beside the skipped count.
      console.warn(`[e2e] skipping ${title} in ${LABEL[name]}: ${gate.problem}`);
    }
    const heading = gate.skip ? `${title} (skipped: ${gate.problem})` : title;
    describe.skipIf(gate.skip)(`${LABEL[name]}: ${heading}`, () => {
      let current: Session | null = null;
      beforeAll(async () => {
        // Only reached in CI with the browser missing: fail every test with the reason.
        if (gate.problem) throw new Error(gate.problem);
        const server = await startFixtureServer();
        try {
          current = { server, browser: await launch(name, server, options) };
        } catch (error) {
          await server.close();
          throw error;
        }
      });
      afterAll(async () => {
        await current?.browser.close();
        await current?.server.close();
        current = null;
      });
      const session = (): Session => {
        if (!current) throw new Error(`${LABEL[name]} session is not running`);
        return current;
      };

      body(session, name);

      it('sent no request beyond 127.0.0.1 (pages, extension, browser)', () => {
        const { network } = session().server;
        // The recorder heard the suite's own page loads: a silent recorder proves nothing.
        expect(network.count('wire'), network.describe()).toBeGreaterThan(0);
        expect(network.describe(network.offenders())).toBe('');
      });
    });
  }
}
