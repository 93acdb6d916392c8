/**
 * What the feature suites do to pages: wait for marking to settle, hover and click like
 * a reader (real pointer events at real coordinates), find a tab's id for the popup.
 */
import { type ElementInfo, type HighlightRange, probe, type Rect } from './probe';
import type { E2EBrowser, E2EPage } from './session';

const SETTLE_POLL_MS = 250;
const SETTLED_AFTER = 3;

/**
 * The page's highlights once they stop changing (the same answer three polls in a row):
 * the content script scans in slices and on idle, so there is no single "done" moment.
 */
export async function settledHighlights(
  page: E2EPage,
  timeoutMs = 15_000,
  until: (ranges: HighlightRange[]) => boolean = () => true,
): Promise<HighlightRange[]> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  let same = 0;
  for (;;) {
    const ranges = await probe(page, 'highlights');
    const key = JSON.stringify(ranges);
    same = key === last ? same + 1 : 0;
    last = key;
    if (same >= SETTLED_AFTER - 1 && until(ranges)) return ranges;
    if (Date.now() > deadline) {
      throw new Error(`highlights did not settle in ${timeoutMs} ms; last: ${key.slice(0, 2000)}`);
    }
    await new Promise((r) => setTimeout(r, SETTLE_POLL_MS));
  }
}

/** The first on-screen box of the n-th painted range whose text is `text`, scrolled into view. */
export async function rectOfMark(page: E2EPage, text: string, nth = 0): Promise<Rect> {
  const rect = await probe(page, 'markRect', { text, nth });
  if (!rect) throw new Error(`no painted range reads "${text}" (#${nth})`);
  return rect;
}

/** Rest the pointer on a marked term, as a reader does: move there and stay. */
export async function hoverMark(page: E2EPage, text: string, nth = 0) {
  // Start away from any term so the move is a real enter.
  await page.mouseMove(2, 2);
  const rect = await rectOfMark(page, text, nth);
  const x = rect.x + rect.width / 2;
  const y = rect.y + rect.height / 2;
  await page.mouseMove(x - 3, y);
  await page.mouseMove(x, y);
  return rect;
}

/** Click the centre of an element of our closed shadow UI (found through the probe). */
export async function clickInUi(page: E2EPage, selector: string, text?: string): Promise<void> {
  const [el] = await probe(page, 'query', { selector, text, scroll: true });
  if (!el) throw new Error(`nothing in our UI matches ${selector}${text ? ` with "${text}"` : ''}`);
  const [fresh] = await probe(page, 'query', { selector, text });
  const box = (fresh ?? el).rect;
  await page.click(box.x + box.width / 2, box.y + box.height / 2);
}

/** Click the centre of an element of an ordinary document (an extension page). */
export async function clickInPage(page: E2EPage, selector: string, text?: string): Promise<void> {
  const box = await page.evaluate(
    ({ selector, text }) => {
      const el = [...document.querySelectorAll(selector)].find(
        (e) => text === undefined || (e.textContent ?? '').includes(text),
      );
      if (!el) return null;
      el.scrollIntoView({ block: 'center' });
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    },
    { selector, text },
  );
  if (!box) throw new Error(`nothing matches ${selector}${text ? ` with "${text}"` : ''}`);
  await page.click(box.x + box.width / 2, box.y + box.height / 2);
}

/** Click the form control whose <label> reads `labelText`. */
export async function clickLabelled(page: E2EPage, labelText: string): Promise<void> {
  const box = await page.evaluate((labelText: string) => {
    const label = [...document.querySelectorAll('label')].find((l) =>
      (l.textContent ?? '').replace(/\s+/g, ' ').includes(labelText),
    );
    const control = label?.querySelector('input, select') ?? label?.control ?? null;
    if (!control) return null;
    control.scrollIntoView({ block: 'center' });
    const r = control.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  }, labelText);
  if (!box) throw new Error(`no control labelled "${labelText}"`);
  await page.click(box.x + box.width / 2, box.y + box.height / 2);
}

interface TabsApi {
  tabs: { query(q: object): Promise<{ id?: number }[]> };
}

async function tabIds(page: E2EPage): Promise<number[]> {
  return page.evaluate(async () => {
    const g = globalThis as unknown as { browser?: TabsApi; chrome: TabsApi };
    const tabs = await (g.browser ?? g.chrome).tabs.query({});
    return tabs.map((t) => t.id ?? -1);
  });
}

/**
 * Open `url` in a new tab and learn its tab id, which the popup takes as `?tab=ID` (opened
 * as a page, its "active tab" would be itself). Without the `tabs` permission tab URLs are
 * hidden, so the id is the one that appeared when the page opened.
 */
export async function openWithTabId(
  browser: E2EBrowser,
  url: string,
): Promise<{ page: E2EPage; tabId: number }> {
  const console = await browser.openExtensionPage('popup.html', 'body');
  const before = new Set(await tabIds(console));
  const page = await browser.openPage(url);
  const fresh = (await tabIds(console)).filter((id) => !before.has(id));
  await console.close();
  if (fresh.length !== 1) throw new Error(`expected one new tab, saw ${JSON.stringify(fresh)}`);
  return { page, tabId: fresh[0] as number };
}

/** Waits until our UI shows a visible element matching `selector` (and `text`). */
export async function waitInUi(
  page: E2EPage,
  selector: string,
  text?: string,
  timeoutMs = 10_000,
): Promise<ElementInfo[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = (await probe(page, 'query', { selector, text })).filter((e) => e.visible);
    if (found.length > 0) return found;
    if (Date.now() > deadline) {
      throw new Error(`our UI never showed ${selector}${text ? ` with "${text}"` : ''}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Waits until no visible element of our UI matches `selector`. */
export async function waitGoneFromUi(page: E2EPage, selector: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = (await probe(page, 'query', { selector })).filter((e) => e.visible);
    if (found.length === 0) return;
    if (Date.now() > deadline) throw new Error(`${selector} is still shown`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Hover `term`, wait for its card, and open the sidebar from the card's button. */
export async function openSidebarFromCard(page: E2EPage, term: string): Promise<void> {
  await settledHighlights(page, 20_000, (r) => r.some((m) => m.text === term));
  await hoverMark(page, term);
  await waitInUi(page, '[role="dialog"] button', 'Open in sidebar');
  await clickInUi(page, '[role="dialog"] button', 'Open in sidebar');
  await waitInUi(page, 'aside h2', term);
}

/** Waits until our UI's animations and transitions have finished (before a picture). */
export async function waitUiStill(page: E2EPage, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await probe(page, 'animating')) > 0) {
    if (Date.now() > deadline) throw new Error('our UI kept animating');
    await new Promise((r) => setTimeout(r, 50));
  }
}

export type Flash = NonNullable<Awaited<ReturnType<typeof probe<'flashRect'>>>>;

/**
 * Waits until the range "On this page" or a marker flashed is wholly in the viewport
 * (scrolling may be smooth), and returns where it is.
 */
export async function waitFlashInView(page: E2EPage, timeoutMs = 10_000): Promise<Flash> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const shown = await probe(page, 'flashRect');
    if (shown && shown.rect.y >= 0 && shown.rect.y + shown.rect.height <= shown.viewport.height) {
      return shown;
    }
    if (Date.now() > deadline) throw new Error(`no flash in view: ${JSON.stringify(shown)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
