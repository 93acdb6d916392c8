/**
 * Chromium as RECIPES.md drives it (playwright-core, Debian's /usr/bin/chromium, headless),
 * with or without the built extension, and Chrome tracing over a page's CDP session.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, type CDPSession, chromium, type Page } from 'playwright-core';
import type { TraceEvent } from './trace-analysis';

export const CHROMIUM = '/usr/bin/chromium';

const QUIET_FLAGS = [
  '--no-sandbox',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-gpu',
  '--disable-quic',
];

export interface Browser {
  context: BrowserContext;
  /** chrome-extension://ID, or null without the extension. */
  extOrigin: string | null;
  close(): Promise<void>;
}

export async function launch(extensionDir: string | null): Promise<Browser> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'sourcelight-bench-'));
  const args = extensionDir
    ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`]
    : [];
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: [...args, ...QUIET_FLAGS],
  });
  let extOrigin: string | null = null;
  if (extensionDir) {
    const worker =
      context.serviceWorkers()[0] ??
      (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    // URL.origin is "null" for non-special schemes such as chrome-extension:.
    extOrigin = `chrome-extension://${new URL(worker.url()).host}`;
  }
  return {
    context,
    extOrigin,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** What the benchmark traces: tasks, JS calls with their script URLs, V8 samples, marks. */
const CATEGORIES = [
  '__metadata',
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8',
  'v8.execute',
  'disabled-by-default-v8.cpu_profiler',
  // 0.1 ms sampling instead of 1 ms: slices of a few ms still get many samples.
  'disabled-by-default-v8.cpu_profiler.hires',
  'blink.user_timing',
  'loading',
];

export class Tracer {
  private events: TraceEvent[] = [];
  private readonly onData = (e: { value: object[] }) => {
    this.events.push(...(e.value as TraceEvent[]));
  };
  constructor(private readonly cdp: CDPSession) {}

  async start(): Promise<void> {
    this.events = [];
    this.cdp.on('Tracing.dataCollected', this.onData);
    await this.cdp.send('Tracing.start', {
      transferMode: 'ReportEvents',
      traceConfig: { includedCategories: CATEGORIES, recordMode: 'recordAsMuchAsPossible' },
    });
  }

  async stop(): Promise<TraceEvent[]> {
    const done = new Promise<void>((resolve) =>
      this.cdp.once('Tracing.tracingComplete', () => resolve()),
    );
    await this.cdp.send('Tracing.end');
    await done;
    this.cdp.off('Tracing.dataCollected', this.onData);
    return this.events;
  }
}

/** JS heap of the page's renderer after a full GC (all worlds share one isolate). */
export async function heapAfterGc(cdp: CDPSession): Promise<{ used: number; embedder: number }> {
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = (await cdp.send('Runtime.getHeapUsage')) as {
    usedSize: number;
    embedderHeapUsedSize?: number;
  };
  await cdp.send('HeapProfiler.disable');
  return { used: usage.usedSize, embedder: usage.embedderHeapUsedSize ?? 0 };
}

export async function newTracedPage(browser: Browser): Promise<{ page: Page; cdp: CDPSession }> {
  const page = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(page);
  return { page, cdp };
}
