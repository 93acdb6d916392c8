/**
 * `npm run demo`: builds the extension, serves demo/ on 127.0.0.1 and opens the demo
 * article in Chromium with the extension loaded. With a display the browser window stays
 * open until you close it (or press Ctrl+C); without one it runs headless, hovers a name,
 * opens the sidebar and saves a screenshot.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, normalize, sep } from 'node:path';
import { chromium } from 'playwright-core';
import { readArgs, UsageError } from './cli-args';

const ROOT = join(import.meta.dirname, '..');
const DEMO = join(ROOT, 'demo');
const EXT = join(ROOT, '.output/chrome-mv3');
const CHROMIUM = process.env.SOURCELIGHT_CHROMIUM ?? '/usr/bin/chromium';
const SHOT = join(ROOT, '.output/demo-screenshot.png');
const HELP = `usage: npm run demo
  Builds the extension, serves demo/article.html on 127.0.0.1 and opens it in Chromium
  with Sourcelight loaded. Without a display it runs headless, hovers a name and saves
  .output/demo-screenshot.png.
  -h, --help  print this
  SOURCELIGHT_CHROMIUM=PATH  (environment) another Chromium (default /usr/bin/chromium)`;

function serve(): Promise<{ url: string; close: () => void }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    const file = join(DEMO, path === sep || path === '/' ? 'article.html' : path);
    if (!file.startsWith(DEMO + sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = readFileSync(file);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://127.0.0.1:${port}/article.html`, close: () => server.close() });
    });
  });
}

async function main(): Promise<void> {
  if (readArgs(process.argv.slice(2), {}, HELP).values.help) {
    console.log(HELP);
    return;
  }
  if (!existsSync(CHROMIUM)) {
    console.error(
      `Chromium is not at ${CHROMIUM}. Install it (sudo apt-get install -y chromium) or set SOURCELIGHT_CHROMIUM.`,
    );
    process.exit(2);
  }
  console.log('Building the extension (wxt build)...');
  execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'inherit' });
  const { url, close } = await serve();
  const headless = !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
  const profile = mkdtempSync(join(tmpdir(), 'sourcelight-demo-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless,
    viewport: headless ? { width: 1280, height: 860 } : null,
    args: [
      `--disable-extensions-except=${EXT}`,
      `--load-extension=${EXT}`,
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ],
  });
  const cleanup = async () => {
    await context.close().catch(() => {});
    close();
    rmSync(profile, { recursive: true, force: true });
  };
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(url);
  console.log(`Demo article: ${url}`);
  if (!headless) {
    console.log('Hover a marked name; Alt+Shift+S opens the sidebar. Close the window to end.');
    process.on('SIGINT', () => void cleanup().then(() => process.exit(0)));
    await new Promise<void>((resolve) => context.on('close', () => resolve()));
    await cleanup();
    return;
  }
  // Headless: show what a reader would see, in one picture.
  await page.waitForFunction(() => CSS.highlights.size > 0, null, { timeout: 10_000 });
  const at = await page.evaluate(() => {
    for (const [name, h] of CSS.highlights) {
      if (!name.endsWith('-person')) continue;
      for (const r of h as Highlight) {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        const b = range.getBoundingClientRect();
        return { x: b.left + 5, y: b.top + b.height / 2 };
      }
    }
    return null;
  });
  if (at) {
    await page.mouse.move(at.x - 2, at.y);
    await page.mouse.move(at.x, at.y);
    await page.waitForTimeout(1200);
  }
  await page.screenshot({ path: SHOT });
  console.log(`No display: ran headless and saved a screenshot with the hover card to ${SHOT}`);
  await cleanup();
}

main().catch((error) => {
  const usage = error instanceof UsageError ? 'demo: ' : '';
  console.error(usage + (error instanceof Error ? error.message : String(error)));
  process.exit(error instanceof UsageError ? 2 : 1);
});
