/**
 * What registered highlights cost the page's own updates, in real Chromium: after the
 * page is marked, the page itself appends one small fixed-position element, then changes
 * its text; Blink's PrePaint time in the frames that follow is read from the trace, with
 * the extension and without it. Chromium re-validates every custom highlight range after
 * any DOM change, so this grows with the number of ranges on the page, whatever we do in
 * our own tasks (the hover card's frames pay the same).
 *
 *   npx tsx scripts/bench-repaint.ts [--no-build]   (reuses .output/chrome-mv3 with --no-build)
 */
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { type Browser, launch, newTracedPage, Tracer } from './bench/browser';
import { generatePage } from './bench/generate-page';
import { startServer } from './bench/server';
import type { TraceEvent } from './bench/trace-analysis';

const ROOT = resolve(import.meta.dirname, '..');
const MB = 1024 * 1024;
const SIZES = [1, 5];

interface Step {
  name: string;
  act: () => void;
}

/** Page-side changes, run in the page's own world as a page script would. */
const STEPS: Step[] = [
  {
    name: 'append a fixed element',
    act: () => {
      const d = document.createElement('div');
      d.id = 'bench-repaint';
      d.style.cssText = 'position:fixed;top:8px;left:8px;background:#fff';
      d.textContent = 'Breaking news';
      document.documentElement.append(d);
    },
  },
  {
    name: 'change its text',
    act: () => {
      const d = document.getElementById('bench-repaint');
      if (d) d.textContent = 'Breaking news, updated';
    },
  },
];

function prePaints(events: TraceEvent[]): number[] {
  return events
    .filter((e) => e.name === 'PrePaint' && e.ph === 'X' && (e.dur ?? 0) >= 500)
    .map((e) => Math.round((e.dur ?? 0) / 100) / 10);
}

async function measure(
  browser: Browser,
  url: string,
): Promise<{ ranges: number; steps: number[][] }> {
  const { page, cdp } = await newTracedPage(browser);
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(4000); // marked by then on a 5 MB page (see npm run bench)
  const ranges = await page.evaluate(() => {
    let n = 0;
    for (const h of CSS.highlights.values()) n += h.size;
    return n;
  });
  const tracer = new Tracer(cdp);
  const steps: number[][] = [];
  for (const step of STEPS) {
    await tracer.start();
    await page.evaluate(step.act);
    await page.waitForTimeout(800);
    steps.push(prePaints(await tracer.stop()));
  }
  await page.close();
  return { ranges, steps };
}

async function main(): Promise<void> {
  const extDir = join(ROOT, '.output/chrome-mv3');
  if (!process.argv.includes('--no-build')) {
    execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'ignore' });
  }
  const pages = new Map(
    SIZES.map((mb) => [`/${mb}mb.html`, generatePage({ targetChars: mb * MB, seed: mb }).html]),
  );
  const server = await startServer(pages, new Map());
  try {
    for (const ext of [extDir, null]) {
      const browser = await launch(ext);
      try {
        for (const mb of SIZES) {
          const r = await measure(browser, `${server.origin}/${mb}mb.html`);
          const label = `${mb} MB, ${ext ? 'with the extension' : 'without'}`;
          const steps = STEPS.map(
            (s, i) => `${s.name}: ${(r.steps[i] ?? []).join(' + ') || '0'} ms`,
          );
          console.log(
            `${label.padEnd(28)} ${String(r.ranges).padStart(6)} ranges; PrePaint ${steps.join('; ')}`,
          );
        }
      } finally {
        await browser.close();
      }
    }
  } finally {
    await server.close();
  }
}

await main();
