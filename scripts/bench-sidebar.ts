/**
 * `npm run bench:sidebar`: the two ways to keep the sidebar off the text it points to
 * (issue 18.4), measured in headless Chromium with the extension loaded.
 *
 * - Room beside the page (what ships): our host's `data-sourcelight-room` makes the
 *   manifest CSS take the sidebar's width off <html>. Measured by adding such a host
 *   ourselves, which is exactly what opening the sidebar does to the page's layout.
 * - The browser's side panel (Chrome sidePanel, Firefox sidebar_action): the browser
 *   narrows the page's viewport by the panel's width. Measured as that: the viewport
 *   made 380 px narrower through CDP (Emulation.setDeviceMetricsOverride).
 *
 * Per page and window width: the share of the page's marks an overlaid sidebar would
 * cover (their right edge past the sidebar's left edge), the share still covered after
 * each way, and the style and layout time each way costs the page (CDP Performance
 * metrics RecalcStyleDuration + LayoutDuration, median of N). Then what the room's one
 * CSS rule (`html:has(> div[...][...])`, injected on every page) costs a page that never
 * opens the sidebar: style time of a DOM-mutation storm with and without that rule.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { ROOM_MIN_VIEWPORT_PX, SIDEBAR_WIDTH_PX } from '../components/page-ui-styles';
import { HOST_ATTR, ROOM_ATTR } from '../lib/page/skip-rules';
import { type Browser, launch } from './bench/browser';
import { generatePage } from './bench/generate-page';
import { deepSeekNewsPage } from './bench/news-pages';
import { startServer } from './bench/server';
import { readArgs, UsageError, wholeNumber } from './cli-args';

const ROOT = resolve(import.meta.dirname, '..');
const WIDTHS = [1280, 1024];
const HEIGHT = 800;

const HELP = `npm run bench:sidebar -- [options]

Room beside the page against the browser's side panel, for the sidebar (issue 18.4):
marks covered, and the page's style + layout time of each, in headless Chromium.

  --runs N      measurements per page and width (default 5)
  --no-build    use .output/chrome-mv3 as it is
  --help        this text`;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
};
const f1 = (n: number) => n.toFixed(1);
const pct = (n: number) => `${(n * 100).toFixed(0)}%`;

/** Style + layout ms the page spent so far (CDP Performance metrics). */
async function styleLayoutMs(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const get = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
  return (get('RecalcStyleDuration') + get('LayoutDuration')) * 1000;
}

/** The page's viewport width, as a browser's side panel opening or closing sets it. */
function viewportWidth(cdp: CDPSession, width: number): Promise<unknown> {
  return cdp.send('Emulation.setDeviceMetricsOverride', {
    width,
    height: HEIGHT,
    deviceScaleFactor: 1,
    mobile: false,
  });
}

/** Two frames and a pause: whatever the change set off has been laid out. */
const settle = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<void>((done) =>
        requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 100))),
      ),
  );

/** Of the page's marks, the share whose right edge is past `edge` (covered by a sidebar there). */
function coveredShare(page: Page, edge: number): Promise<{ marks: number; covered: number }> {
  return page.evaluate((at) => {
    let marks = 0;
    let covered = 0;
    for (const [name, h] of CSS.highlights) {
      if (!String(name).startsWith('sourcelight-') || String(name).endsWith('-link')) continue;
      for (const r of h) {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        const box = range.getBoundingClientRect();
        if (box.width === 0) continue;
        marks++;
        if (box.right > at) covered++;
      }
    }
    return { marks, covered: marks ? covered / marks : 0 };
  }, edge);
}

/** Our host asking for room, as the open sidebar's is; or taken away again. */
function setRoom(page: Page, on: boolean): Promise<void> {
  return page.evaluate(
    ({ on, host, room }) => {
      let el = document.querySelector<HTMLElement>(`html > div[${host}][data-bench]`);
      if (!el) {
        el = document.createElement('div');
        el.setAttribute(host, '');
        el.setAttribute('data-bench', '');
        document.documentElement.append(el);
      }
      el.toggleAttribute(room, on);
    },
    { on, host: HOST_ATTR, room: ROOM_ATTR },
  );
}

async function waitForMarks(page: Page): Promise<void> {
  await page.waitForFunction(
    () => [...CSS.highlights.keys()].some((n) => String(n).startsWith('sourcelight-')),
    undefined,
    { timeout: 20_000 },
  );
  await page.waitForTimeout(1500);
}

interface Row {
  page: string;
  width: number;
  marks: number;
  overlay: number;
  room: number;
  panel: number;
  roomMs: number;
  panelMs: number;
}

async function measurePage(
  browser: Browser,
  url: string,
  key: string,
  width: number,
  runs: number,
): Promise<Row> {
  const page = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(page);
  await viewportWidth(cdp, width);
  await page.goto(url);
  await waitForMarks(page);
  await cdp.send('Performance.enable');
  const viewport = await page.evaluate(() => document.documentElement.clientWidth);
  const before = await coveredShare(page, viewport - SIDEBAR_WIDTH_PX);
  const roomMs: number[] = [];
  const panelMs: number[] = [];
  let room = 0;
  let panel = 0;
  for (let i = 0; i < runs; i++) {
    let t = await styleLayoutMs(cdp);
    await setRoom(page, true);
    await settle(page);
    roomMs.push((await styleLayoutMs(cdp)) - t);
    room = Math.max(room, (await coveredShare(page, viewport - SIDEBAR_WIDTH_PX)).covered);
    await setRoom(page, false);
    await settle(page);

    t = await styleLayoutMs(cdp);
    await viewportWidth(cdp, width - SIDEBAR_WIDTH_PX);
    await settle(page);
    panelMs.push((await styleLayoutMs(cdp)) - t);
    // The panel is outside the page: what it covers is what lies past the page's own edge.
    panel = Math.max(panel, (await coveredShare(page, viewport - SIDEBAR_WIDTH_PX)).covered);
    // Back by the same means (clearing the override would fall back to the window's size).
    await viewportWidth(cdp, width);
    await settle(page);
  }
  await page.close();
  return {
    page: key,
    width,
    marks: before.marks,
    overlay: before.covered,
    room,
    panel,
    roomMs: median(roomMs),
    panelMs: median(panelMs),
  };
}

/** The room rule exactly as highlights.content.css has it. */
function roomRule(): string {
  const css = readFileSync(join(ROOT, 'entrypoints/highlights.content.css'), 'utf8');
  const at = css.indexOf('@media screen and (min-width');
  if (at < 0) throw new Error('highlights.content.css: the room rule was not found');
  return css.slice(at);
}

/**
 * Style + layout ms of two storms of DOM changes, in a browser without the extension, with
 * or without the room rule injected: what the rule, shipped in the manifest CSS of every
 * page, costs a page whose sidebar never opens. One storm appends rows inside <body>; the
 * other adds and changes elements directly under <html>, where a `:has(> …)` rule on
 * <html> has most to check.
 */
async function stormStyleMs(
  browser: Browser,
  url: string,
  rule: string | null,
): Promise<{ body: number; html: number }> {
  const page = await browser.context.newPage();
  await page.goto(url);
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('Performance.enable');
  if (rule) await page.addStyleTag({ content: rule });
  await settle(page);
  let t = await styleLayoutMs(cdp);
  await page.evaluate(() => {
    const list = document.createElement('ul');
    document.body.append(list);
    for (let batch = 0; batch < 200; batch++) {
      for (let i = 0; i < 25; i++) {
        const li = document.createElement('li');
        li.className = `row r${i}`;
        li.textContent = `row ${batch}.${i}`;
        list.append(li);
      }
      list.classList.toggle('odd');
      void document.body.offsetHeight; // style and layout now, per batch
    }
  });
  const body = (await styleLayoutMs(cdp)) - t;
  t = await styleLayoutMs(cdp);
  await page.evaluate(() => {
    const root = document.documentElement;
    for (let batch = 0; batch < 200; batch++) {
      const div = document.createElement('div');
      div.setAttribute('data-batch', String(batch));
      root.append(div);
      div.toggleAttribute('data-seen');
      if (batch % 2) div.remove();
      void document.body.offsetHeight;
    }
  });
  const html = (await styleLayoutMs(cdp)) - t;
  await page.close();
  return { body, html };
}

async function main() {
  const { values } = readArgs(
    process.argv.slice(2),
    { runs: { type: 'string' }, 'no-build': { type: 'boolean' } },
    HELP,
  );
  if (values.help) {
    console.log(HELP);
    return;
  }
  const runs = values.runs === undefined ? 5 : wholeNumber('--runs', values.runs, 1, HELP);
  if (!values['no-build']) execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'inherit' });
  const pages = new Map<string, string>([
    ['/news.html', deepSeekNewsPage().html],
    ['/wide.html', readFileSync(join(ROOT, 'tests/e2e/fixtures/wide.html'), 'utf8')],
    ['/1mb.html', generatePage({ targetChars: 1024 * 1024, seed: 7 }).html],
  ]);
  const server = await startServer(pages, new Map());
  const browser = await launch(join(ROOT, '.output/chrome-mv3'));
  const rows: Row[] = [];
  type Storm = { body: number; html: number };
  const storm: { without: Storm[]; with: Storm[] } = { without: [], with: [] };
  try {
    for (const [path] of pages) {
      for (const width of WIDTHS) {
        process.stdout.write(`measuring ${path} at ${width} px ...\n`);
        rows.push(await measurePage(browser, server.origin + path, path, width, runs));
      }
    }
    await browser.close();
    // Without the extension: its manifest CSS would put the rule in both arms.
    const plain = await launch(null);
    try {
      const rule = roomRule();
      for (let i = 0; i < runs; i++) {
        storm.without.push(await stormStyleMs(plain, `${server.origin}/news.html`, null));
        storm.with.push(await stormStyleMs(plain, `${server.origin}/news.html`, rule));
      }
    } finally {
      await plain.close();
    }
  } finally {
    await browser.close().catch(() => {});
    await server.close();
  }
  const head = [
    'page',
    'window',
    'marks',
    'under overlay',
    'under, room',
    'under, panel',
    'room style+layout ms',
    'panel style+layout ms',
  ];
  const body = rows.map((r) => [
    r.page,
    `${r.width} px`,
    String(r.marks),
    pct(r.overlay),
    pct(r.room),
    pct(r.panel),
    f1(r.roomMs),
    f1(r.panelMs),
  ]);
  const all = [head, ...body];
  const widths = head.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  for (const r of all) console.log(r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  '));
  console.log(
    `\nSidebar ${SIDEBAR_WIDTH_PX} px; room made from ${ROOM_MIN_VIEWPORT_PX} px windows. Style + layout: medians of ${runs}; "under": the most of ${runs} runs. "under, panel" is what lies past the narrowed viewport's edge (0 unless the page overflows it).`,
  );
  const med = (arm: { body: number; html: number }[], k: 'body' | 'html') =>
    f1(median(arm.map((x) => x[k])));
  console.log(
    `The room rule on a page that never opens the sidebar (Chromium without the extension, the rule injected or not; style + layout ms, medians of ${runs}):`,
  );
  console.log(
    `  5,000 rows appended in <body> in 200 forced batches: ${med(storm.with, 'body')} with the rule, ${med(storm.without, 'body')} without`,
  );
  console.log(
    `  200 elements added, changed and half removed under <html>, each forced: ${med(storm.with, 'html')} with, ${med(storm.without, 'html')} without`,
  );
}

main().catch((e) => {
  if (e instanceof UsageError) {
    console.error(`bench:sidebar: ${e.message}`);
    process.exit(2);
  }
  console.error(e);
  process.exit(1);
});
