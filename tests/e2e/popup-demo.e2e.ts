/**
 * The toolbar popup and the extension pages in real Chromium, on the demo article: the
 * popup lists the terms the content script marked, the badge counts them, the site switch
 * turns marking off and on in the open tab at once, search expands to verbatim quotes, the
 * reader highlights a claim, history records the visit. The popup is opened as a page with
 * `?tab=ID` (a headless browser has no toolbar to click).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KIND_NAMES } from '../../components/shared/kinds';
import { ShadowReader, textOf } from './closed-shadow';
import { ensureBuild } from './harness/build';
import { type ChromiumSession, launchChromium } from './harness/chromium';
import { REPO_ROOT } from './harness/paths';
import { type FixtureServer, startFixtureServer } from './harness/server';
import { gateBrowser } from './harness/suite';

interface PackJson {
  sources: { id: string; text: string }[];
  entities: unknown[];
  claims: { id: string; sourceId: string; quote: string; entityIds: string[] }[];
  figures: unknown[];
  topics: unknown[];
}
const pack = JSON.parse(
  readFileSync(join(REPO_ROOT, 'lib/pack/generated/pack.json'), 'utf8'),
) as PackJson;
const isVerbatim = (quote: string) => pack.sources.some((s) => s.text.includes(quote));

/** The few `chrome.*` calls made inside the service worker (no @types/chrome here). */
interface WorkerChrome {
  tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
  action: { getBadgeText(d: { tabId: number }): Promise<string> };
}

const gate = gateBrowser('chromium');

describe.skipIf(gate.skip)('Chromium: toolbar popup and extension pages (demo article)', () => {
  let server: FixtureServer;
  let browser: ChromiumSession;
  let demo: Page;
  let popup: Page;
  let worker: Worker;
  let tabId: number;

  beforeAll(async () => {
    if (gate.problem) throw new Error(gate.problem);
    server = await startFixtureServer();
    browser = await launchChromium(await ensureBuild('chrome'), server);
    worker =
      browser.context.serviceWorkers().find((w) => w.url().startsWith(browser.extensionOrigin)) ??
      (await browser.context.waitForEvent('serviceworker'));
    // The demo tab's id is the one tab that appears when it opens (without the `tabs`
    // permission the background cannot read tab URLs to find it).
    const tabIds = () =>
      worker.evaluate(async () => {
        const { chrome } = globalThis as unknown as { chrome: WorkerChrome };
        return (await chrome.tabs.query({})).map((t) => t.id ?? -1);
      });
    const before = await tabIds();
    demo = await browser.context.newPage();
    await demo.goto(server.url('/demo/article.html'), { waitUntil: 'load' });
    await demo.waitForFunction(() => CSS.highlights.size > 0, null, { timeout: 10_000 });
    const added = (await tabIds()).filter((id) => !before.includes(id));
    expect(added).toHaveLength(1);
    tabId = added[0] as number;
    popup = await browser.context.newPage();
    await popup.goto(`${browser.extensionOrigin}/popup.html?tab=${tabId}`, { waitUntil: 'load' });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lists the terms marked on the page, grouped by kind with counts', async () => {
    const people = popup.getByRole('region', { name: new RegExp(`^${KIND_NAMES.person.many}`) });
    await people.waitFor({ timeout: 10_000 });
    expect(
      await people.getByRole('button', { name: /^Liang Wenfeng, \d+ on this page/ }).count(),
    ).toBe(1);
    const orgs = popup.getByRole('region', {
      name: new RegExp(`^${KIND_NAMES.organization.many}`),
    });
    expect(await orgs.getByRole('button', { name: /^DeepSeek, \d+ on this page/ }).count()).toBe(1);
    expect(
      await popup.getByRole('region', { name: new RegExp(`^${KIND_NAMES.figure.many}`) }).count(),
    ).toBe(1);
  });

  it('counts the terms on the tab in the toolbar badge', async () => {
    const buttons = await popup.locator('.term-list button').count();
    await expect
      .poll(() =>
        worker.evaluate((id) => {
          const { chrome } = globalThis as unknown as { chrome: WorkerChrome };
          return chrome.action.getBadgeText({ tabId: id });
        }, tabId),
      )
      .toBe(String(buttons));
  });

  it('searches the pack, Chinese names included, and expands to verbatim quotes', async () => {
    await popup.getByRole('searchbox', { name: 'Search the sources' }).fill('梁文锋');
    const results = popup.getByRole('list', { name: 'Search results' });
    await results.getByText('Liang Wenfeng', { exact: true }).first().click();
    const quotes = await results.locator('blockquote').allTextContents();
    expect(quotes.length).toBeGreaterThan(0);
    for (const q of quotes) expect(isVerbatim(q), q).toBe(true);
    const href = await results.locator('figcaption a').first().getAttribute('href');
    expect(href).toMatch(/^\/reader\.html\?source=s\d+&claim=/);
  });

  it('shows the pack at a glance', async () => {
    const about = popup.getByRole('region', { name: 'About the pack' });
    await expect
      .poll(() => about.textContent())
      .toContain(`${pack.entities.length} names, ${pack.claims.length} quotes`);
    expect(await about.getByRole('link').count()).toBe(pack.sources.length);
  });

  it('turns marking off for the site at once in the open tab, and back on', async () => {
    const toggle = popup.getByRole('switch', { name: /Mark terms on 127\.0\.0\.1/ });
    expect(await toggle.isChecked()).toBe(true);
    const badge = () =>
      worker.evaluate((id) => {
        const { chrome } = globalThis as unknown as { chrome: WorkerChrome };
        return chrome.action.getBadgeText({ tabId: id });
      }, tabId);
    const count = await badge();
    await toggle.click();
    await demo.waitForFunction(() => CSS.highlights.size === 0, null, { timeout: 5000 });
    await expect.poll(badge).toBe('');
    await toggle.click();
    await demo.waitForFunction(() => CSS.highlights.size > 0, null, { timeout: 5000 });
    await expect.poll(badge).toBe(count);
  });

  it('opens a claim in the reader, highlighted and scrolled into view', async () => {
    const claim = pack.claims.find((c) => c.sourceId === 's002' && c.quote.length > 60);
    expect(claim).toBeDefined();
    const c = claim as NonNullable<typeof claim>;
    const reader = await browser.context.newPage();
    await reader.goto(`${browser.extensionOrigin}/reader.html?source=${c.sourceId}&claim=${c.id}`);
    const mark = reader.locator('mark');
    await mark.waitFor();
    expect(await mark.textContent()).toBe(c.quote);
    const inView = await mark.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight;
    });
    expect(inView).toBe(true);
    await reader.close();
  });

  it('recorded the visit in reading history', async () => {
    const history = await browser.context.newPage();
    await history.goto(`${browser.extensionOrigin}/reading-history.html`);
    await history.getByLabel('By page').check();
    const pages = history.getByRole('list', { name: 'Pages' });
    await pages.waitFor({ timeout: 5000 });
    expect(await pages.getByRole('link').first().getAttribute('href')).toBe(demo.url());
    await history.close();
  });

  it('opens the sidebar on a term clicked in the popup', async () => {
    const shadow = await ShadowReader.open(demo);
    expect((await shadow.all('sidebar')).length).toBe(0);
    await popup.getByRole('button', { name: /^Liang Wenfeng, \d+ on this page/ }).click();
    await expect.poll(async () => (await shadow.all('sidebar')).length, { timeout: 5000 }).toBe(1);
    const sidebar = textOf((await shadow.all('sidebar'))[0] as never);
    expect(sidebar).toContain('Liang Wenfeng');
  });

  it('sent no request beyond 127.0.0.1 from any page or worker', () => {
    // Requests made by pages and workers (the extension's included) are seen by the
    // protocol witness. Chromium's own autofill service also calls out when a page has form
    // fields (content-autofill.googleapis.com, seen only as a proxy CONNECT): that is the
    // browser's, for the harness's flags to silence, not Sourcelight's.
    const fromPages = server.network.offenders().filter((e) => e.witness === 'protocol');
    expect(server.network.count('protocol')).toBeGreaterThan(0);
    expect(server.network.describe(fromPages)).toBe('');
  });
});
