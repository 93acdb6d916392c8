/**
 * `npm run bench:page`: what marking costs a real page. Serves the demo article's
 * paragraphs repeated to about 5 MB, loads it in Chromium with the built extension, and
 * prints: time to the first and the last paint of highlights, ranges painted, long tasks
 * (> 50 ms) after the page's own load, the longest task, and main-thread task time while
 * the page sits idle afterwards (should be ~0: nothing runs on an idle page).
 * Numbers only; nothing is asserted. Run `npx wxt build` first (or `npm run build`).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const ROOT = join(import.meta.dirname, '..');
const EXT = join(ROOT, '.output/chrome-mv3');
const CHROMIUM = process.env.SOURCELIGHT_CHROMIUM ?? '/usr/bin/chromium';
const TARGET_BYTES = Number(process.env.BENCH_BYTES ?? 5_000_000);

function bigPage(): string {
  const demo = readFileSync(join(ROOT, 'demo/article.html'), 'utf8');
  const article = demo.slice(demo.indexOf('<article>'), demo.indexOf('</article>') + 10);
  const head = demo.slice(0, demo.indexOf('<body>') + 6);
  const parts: string[] = [head];
  let size = head.length;
  for (let i = 0; size < TARGET_BYTES; i++) {
    const copy = article.replaceAll(' id="', ` data-copy="${i}" data-id="`);
    parts.push(copy);
    size += copy.length;
  }
  parts.push('</body></html>');
  return parts.join('\n');
}

async function main(): Promise<void> {
  const html = bigPage();
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/big.html`;
  const profile = mkdtempSync(join(tmpdir(), 'sourcelight-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: [
      `--disable-extensions-except=${EXT}`,
      `--load-extension=${EXT}`,
      '--no-sandbox',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-gpu',
      '--disable-quic',
    ],
  });
  try {
    const page = await context.newPage();
    // Long tasks and paint progress, recorded from before the page's first byte.
    await page.addInitScript(() => {
      const w = window as unknown as Record<string, unknown>;
      const tasks: { start: number; duration: number }[] = [];
      w.__benchTasks = tasks;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) tasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(url, { waitUntil: 'commit' });
    // Poll the painted range count from outside (cheap for the page) until it has not
    // changed for 2 s after load.
    const paints: { t: number; ranges: number }[] = [];
    let stableSince = Date.now();
    let lastCount = -1;
    let loaded = false;
    while (!loaded || Date.now() - stableSince < 2000) {
      await page.waitForTimeout(50);
      const s = await page
        .evaluate(() => {
          let n = 0;
          for (const [, h] of CSS.highlights) n += (h as Highlight).size;
          return { t: performance.now(), ranges: n, loaded: document.readyState === 'complete' };
        })
        .catch(() => null);
      if (!s) continue;
      loaded = s.loaded;
      if (s.ranges !== lastCount) {
        paints.push({ t: s.t, ranges: s.ranges });
        lastCount = s.ranges;
        stableSince = Date.now();
      }
    }
    const loadAt = await page.evaluate(
      () => performance.timing.loadEventEnd - performance.timing.navigationStart,
    );
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const metric = async () => {
      const { metrics } = (await cdp.send('Performance.getMetrics')) as {
        metrics: { name: string; value: number }[];
      };
      return metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0;
    };
    const idleBefore = await metric();
    await page.waitForTimeout(3000);
    const idleTaskMs = ((await metric()) - idleBefore) * 1000;
    const r = await page.evaluate(() => {
      const w = window as unknown as { __benchTasks: { start: number; duration: number }[] };
      return { tasks: w.__benchTasks };
    });
    const after = r.tasks.filter((t) => t.start >= loadAt);
    const firstPaint = paints.find((p) => p.ranges > 0);
    const lastPaint = paints.at(-1);
    const fmt = (n: number | undefined) => (n === undefined ? 'n/a' : `${n.toFixed(0)} ms`);
    console.log(`page: ${(html.length / 1e6).toFixed(2)} MB of HTML, load event at ${loadAt} ms`);
    console.log(
      `first highlights at ${fmt(firstPaint?.t)}, last change at ${fmt(lastPaint?.t)} (${lastPaint?.ranges ?? 0} ranges)`,
    );
    console.log(
      `long tasks (> 50 ms) after load: ${after.length}; longest: ${fmt(Math.max(0, ...after.map((t) => t.duration)))}`,
    );
    console.log(
      `long tasks before load (the page's own parsing): ${r.tasks.length - after.length}`,
    );
    console.log(`main-thread task time over 3 s of idle afterwards: ${idleTaskMs.toFixed(1)} ms`);
  } finally {
    await context.close();
    server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
