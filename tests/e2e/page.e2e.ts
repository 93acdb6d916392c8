/**
 * The page side in real Chromium on the demo article: highlights on the right words
 * (read from `CSS.highlights`), the page's own DOM untouched, the hover card beside the
 * term with verbatim quotes, and the sidebar's quotes under their sources.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KIND_NAMES } from '../../components/shared/kinds';
import { ShadowReader, textOf } from './closed-shadow';
import { ensureBuild } from './harness/build';
import { type ChromiumSession, launchChromium } from './harness/chromium';
import { REPO_ROOT } from './harness/paths';
import { type FixtureServer, startFixtureServer } from './harness/server';
import { gateBrowser } from './harness/suite';

const SOURCES_DIR = join(REPO_ROOT, 'data/sources');
const sourceTexts = readdirSync(SOURCES_DIR)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(join(SOURCES_DIR, f), 'utf8'));
const isVerbatim = (quote: string) => sourceTexts.some((t) => t.includes(quote));

/** Every painted range, as { highlight name, text, where } read in the page. */
function readHighlights() {
  const out: { name: string; text: string; inside: string }[] = [];
  for (const [name, h] of CSS.highlights) {
    for (const r of h as Highlight) {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      const el = r.startContainer.parentElement;
      out.push({
        name,
        text: range.toString(),
        inside: el?.closest('[id], pre, textarea, [contenteditable]')?.id || el?.tagName || '',
      });
    }
  }
  return out;
}

/** The first painted range whose text matches, scrolled into view, as a client rect. */
function rectOf(pattern: string) {
  const re = new RegExp(pattern);
  for (const [, h] of CSS.highlights) {
    for (const r of h as Highlight) {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      if (re.test(range.toString())) {
        r.startContainer.parentElement?.scrollIntoView({ block: 'center' });
        const b = range.getClientRects()[0] as DOMRect;
        return { left: b.left, top: b.top, right: b.right, bottom: b.bottom };
      }
    }
  }
  return null;
}

const gate = gateBrowser('chromium');

/** The few extension APIs the tests call inside the service worker. */
declare const chrome: {
  tabs: {
    query(q: object): Promise<{ id?: number; url?: string }[]>;
    sendMessage(tabId: number, message: unknown, options: object): Promise<unknown>;
  };
  storage: {
    local: {
      get(key: string): Promise<Record<string, unknown>>;
      set(items: object): Promise<void>;
    };
  };
};

describe.skipIf(gate.skip)('Chromium: on the page (demo article)', () => {
  let server: FixtureServer;
  let browser: ChromiumSession;
  let page: Page;
  let shadow: ShadowReader;

  beforeAll(async () => {
    if (gate.problem) throw new Error(gate.problem);
    server = await startFixtureServer();
    browser = await launchChromium(await ensureBuild('chrome'), server);
    page = await browser.context.newPage();
    await page.goto(server.url('/demo/article.html'), { waitUntil: 'load' });
    await page.waitForFunction(() => CSS.highlights.size > 0, null, { timeout: 10_000 });
    shadow = await ShadowReader.open(page);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('paints the names and figures on the right words, each kind in its highlight', async () => {
    // Scanning goes on in slices after the first paint; wait for the whole article.
    await page.waitForFunction(
      () => [...CSS.highlights.keys()].some((k) => k.endsWith('-figure')),
      null,
      { timeout: 10_000 },
    );
    const marks = await page.evaluate(readHighlights);
    const textsIn = (suffix: string) =>
      marks.filter((m) => m.name.endsWith(`-${suffix}`)).map((m) => m.text);
    expect(marks.every((m) => m.name.startsWith('sourcelight-underline-'))).toBe(true);
    // "Liang <b>Wenfeng</b>" and "<a>Liang</a> Wenfeng" are each one match across elements.
    expect(textsIn('person').filter((t) => t === 'Liang Wenfeng').length).toBeGreaterThanOrEqual(2);
    expect(textsIn('person')).toContain('梁文锋');
    expect(textsIn('organization')).toContain('DeepSeek');
    expect(textsIn('figure').some((t) => t.includes('$6 million'))).toBe(true);
    // Every mark is exactly a name or figure, never a fragment of a longer word.
    for (const m of marks) expect(m.text.trim()).toBe(m.text);
  });

  it('never marks editable content, code or form fields', async () => {
    const marks = await page.evaluate(readHighlights);
    const where = new Set(marks.map((m) => m.inside));
    expect(where.has('PRE')).toBe(false);
    expect(where.has('TEXTAREA')).toBe(false);
    expect(marks.some((m) => m.inside === '' || m.inside === 'DIV')).toBe(false);
  });

  it('leaves the page DOM and text exactly as served, apart from our one host', async () => {
    const served = readFileSync(join(REPO_ROOT, 'demo/article.html'), 'utf8');
    const same = await page.evaluate((html) => {
      const fresh = new DOMParser().parseFromString(html, 'text/html');
      const s = new XMLSerializer();
      const others = [...document.documentElement.children].filter(
        (c) => !c.matches('div[data-sourcelight-root]'),
      );
      return (
        s.serializeToString(fresh.body) === s.serializeToString(document.body) &&
        others.length === 2 &&
        document.querySelectorAll('div[data-sourcelight-root]').length <= 1
      );
    }, served);
    expect(same).toBe(true);
  });

  it('opens a card beside the hovered term, with verbatim quotes and their sources', async () => {
    const term = await page.evaluate(rectOf, '^Liang Wenfeng$');
    expect(term).not.toBeNull();
    const t = term as NonNullable<typeof term>;
    await page.mouse.move(t.left + 4, (t.top + t.bottom) / 2);
    await page.mouse.move(t.left + 8, (t.top + t.bottom) / 2);
    await expect.poll(async () => (await shadow.all('card')).length, { timeout: 5000 }).toBe(1);
    await expect
      .poll(async () => (await shadow.all('card-quote')).length, { timeout: 5000 })
      .toBeGreaterThan(0);
    const [card] = await shadow.all('card');
    const text = textOf(card as NonNullable<typeof card>);
    expect(text).toContain('Liang Wenfeng');
    expect(text).toContain(KIND_NAMES.person.one);
    for (const q of await shadow.byTag('q')) expect(isVerbatim(textOf(q))).toBe(true);
    const box = await shadow.box(card as NonNullable<typeof card>);
    const overlaps =
      box.x < t.right &&
      box.x + box.width > t.left &&
      box.y < t.bottom &&
      box.y + box.height > t.top;
    expect(overlaps).toBe(false);
  });

  it('keeps the card open while the pointer moves into it, and opens the sidebar from it', async () => {
    const [button] = (await shadow.all('link')).filter((n) => textOf(n) === 'Open in sidebar');
    expect(button).toBeDefined();
    await shadow.click(button as NonNullable<typeof button>);
    await expect.poll(async () => (await shadow.all('sidebar')).length, { timeout: 5000 }).toBe(1);
    await expect
      .poll(async () => (await shadow.byTag('blockquote')).length, { timeout: 5000 })
      .toBeGreaterThan(0);
    const sidebar = textOf((await shadow.all('sidebar'))[0] as never);
    expect(sidebar).toContain('What the sources say');
    expect(sidebar).toContain('On this page');
    const quotes = await shadow.byTag('blockquote');
    for (const b of quotes) {
      const q = textOf(b).replace(/Read in source$/, '');
      expect(isVerbatim(q), q).toBe(true);
    }
    // The term is emphasised inside its quotes.
    const marks = (await shadow.byTag('mark')).map(textOf);
    expect(marks.some((m) => /Liang|Wenfeng|梁文锋/.test(m))).toBe(true);
    // Source headlines head each group.
    expect((await shadow.byTag('h4')).length).toBeGreaterThan(0);
  });

  it('closes card and sidebar with Esc', async () => {
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await shadow.all('sidebar')).length, { timeout: 5000 }).toBe(0);
    expect((await shadow.all('card')).length).toBe(0);
  });

  it('still gives a working card and sidebar on a hostile page (all: unset, broken built-ins, strict CSP)', async () => {
    const hostile = await browser.context.newPage();
    await hostile.goto(server.url('/fixtures/hostile.html'), { waitUntil: 'load' });
    const reader = await ShadowReader.open(hostile);
    expect(await reader.evaluate(() => Reflect.get(window, '__hostileLoaded'), null, true)).toBe(
      true,
    );
    await expect
      .poll(() => reader.evaluate(() => CSS.highlights.size, null), { timeout: 10_000 })
      .toBeGreaterThan(0);
    const t = await reader.evaluate(rectOf, '^Liang Wenfeng$');
    expect(t).not.toBeNull();
    const term = t as NonNullable<typeof t>;
    await hostile.mouse.move(term.left + 4, (term.top + term.bottom) / 2);
    await hostile.mouse.move(term.left + 8, (term.top + term.bottom) / 2);
    await expect
      .poll(async () => (await reader.all('card-quote')).length, { timeout: 5000 })
      .toBeGreaterThan(0);
    const [card] = await reader.all('card');
    // Laid out as designed (fixed width), not collapsed or hidden by the page's styles.
    const box = await reader.box(card as NonNullable<typeof card>);
    expect(box.width).toBeGreaterThan(300);
    expect(box.height).toBeGreaterThan(60);
    const [open] = (await reader.all('link')).filter((n) => textOf(n) === 'Open in sidebar');
    await reader.click(open as NonNullable<typeof open>);
    await expect
      .poll(async () => (await reader.byTag('blockquote')).length, { timeout: 5000 })
      .toBeGreaterThan(0);
    const [side] = await reader.all('sidebar');
    expect((await reader.box(side as NonNullable<typeof side>)).width).toBeGreaterThan(300);
    await hostile.close();
  });

  /** The extension's service worker, to act as the background would. */
  function worker() {
    const w = browser.context
      .serviceWorkers()
      .find((x) => x.url().startsWith(browser.extensionOrigin));
    if (!w) throw new Error('no extension service worker');
    return w;
  }

  async function toTab(name: string, payload: object): Promise<unknown> {
    // Without the "tabs" permission tab URLs are hidden: ask every tab, only ours answers.
    return worker().evaluate(
      async ([n, p]) => {
        for (const tab of await chrome.tabs.query({})) {
          try {
            return await chrome.tabs.sendMessage(
              tab.id as number,
              { sourcelight: 1, name: n, payload: p },
              { frameId: 0 },
            );
          } catch {
            // no content script in this tab
          }
        }
        throw new Error('no tab answered');
      },
      [name, payload] as const,
    );
  }

  it('answers tab:terms with the terms marked and their counts', async () => {
    const terms = (await toTab('tab:terms', {})) as { label: string; count: number }[];
    const liang = terms.find((t) => t.label === 'Liang Wenfeng');
    expect(liang?.count).toBeGreaterThanOrEqual(3); // two in English, one in Chinese
  });

  it("opens the sidebar on the page's terms from tab:open-sidebar; a row scrolls and flashes", async () => {
    await toTab('tab:open-sidebar', {});
    await expect
      .poll(async () => (await shadow.all('term-row')).length, { timeout: 5000 })
      .toBeGreaterThan(3);
    const row = (await shadow.all('term-row')).find((n) => textOf(n).startsWith('Nvidia'));
    expect(row).toBeDefined();
    await shadow.click(row as NonNullable<typeof row>);
    await page.waitForFunction(() => CSS.highlights.has('sourcelight-flash'), null, {
      timeout: 5000,
    });
    const flashed = await page.evaluate(() => {
      const [r] = [...(CSS.highlights.get('sourcelight-flash') as Highlight)] as StaticRange[];
      const range = document.createRange();
      range.setStart(r?.startContainer as Node, r?.startOffset ?? 0);
      range.setEnd(r?.endContainer as Node, r?.endOffset ?? 0);
      return range.toString();
    });
    expect(flashed).toBe('Nvidia');
    await page.keyboard.press('Escape');
  });

  it('applies settings live: highlight style, then the site turned off and on', async () => {
    const set = (patch: object) =>
      worker().evaluate(async (p) => {
        const { settings } = await chrome.storage.local.get('settings');
        await chrome.storage.local.set({ settings: { ...(settings ?? {}), ...p } });
      }, patch);
    const names = () =>
      page.evaluate(() => [...CSS.highlights.keys()].filter((n) => n !== 'sourcelight-flash'));
    await worker().evaluate(async () => {
      // Start from the defaults the options page would write.
      await chrome.storage.local.set({
        settings: {
          enabled: true,
          kinds: [
            'person',
            'organization',
            'model',
            'product',
            'chip',
            'place',
            'publication',
            'event',
            'concept',
            'figure',
          ],
          gating: true,
          highlightStyle: 'underline',
          hoverDelayMs: 350,
          disabledSites: [],
          historyEnabled: true,
          historyDays: 90,
        },
      });
    });
    await set({ highlightStyle: 'background' });
    await expect
      .poll(async () => (await names()).every((n) => n.startsWith('sourcelight-background-')))
      .toBe(true);
    expect((await names()).length).toBeGreaterThan(2);
    await set({ disabledSites: ['127.0.0.1'] });
    await expect.poll(async () => (await names()).length).toBe(0);
    expect(
      await page.evaluate(() => document.querySelectorAll('div[data-sourcelight-root]').length),
    ).toBe(0);
    await set({ disabledSites: [], highlightStyle: 'underline' });
    await expect.poll(async () => (await names()).length, { timeout: 10_000 }).toBeGreaterThan(2);
  });

  it('re-scans added text and follows a single-page-app navigation', async () => {
    const count = () =>
      page.evaluate(() => {
        let n = 0;
        for (const [name, h] of CSS.highlights)
          if (name.endsWith('-person')) n += (h as Highlight).size;
        return n;
      });
    await expect.poll(count, { timeout: 10_000 }).toBeGreaterThan(0);
    const before = await count();
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Later, Liang Wenfeng spoke again.';
      document.querySelector('article')?.append(p);
    });
    await expect.poll(count, { timeout: 5000 }).toBe(before + 1);
    await page.evaluate(() => {
      history.pushState({}, '', '/demo/next-story.html');
      const article = document.querySelector('article') as HTMLElement;
      const p = document.createElement('p');
      p.textContent = 'A new story: DeepSeek and Liang Wenfeng.';
      article.replaceChildren(p);
    });
    await expect.poll(count, { timeout: 5000 }).toBe(1);
    const texts = await page.evaluate(readHighlights);
    expect(texts.filter((m) => m.name.endsWith('-person')).map((m) => m.text)).toEqual([
      'Liang Wenfeng',
    ]);
  });
});
