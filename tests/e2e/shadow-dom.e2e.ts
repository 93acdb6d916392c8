/**
 * Prose inside an open shadow root (a web component) is read as the page shows it; the
 * editable box inside it is not (issue 19). Whether the browser then paints our document-
 * level `::highlight()` styles inside the shadow tree is checked from the pixels: the page
 * with our highlights registered, again with the shadow tree's ranges taken out, and again
 * with the light DOM's taken out too (the control: painting works at all). Chromium paints
 * them (highlight styles inherit through the flat tree); Firefox ESR 153 does not: the
 * ranges are registered, hover and counts know them, the text shows no mark.
 */
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { E2EPage } from './harness/session';
import { forEachBrowser } from './harness/suite';

interface ShadowMarks {
  texts: string[];
  /** Ranges whose text is inside the component's shadow root. */
  inShadow: number;
  /** Ranges inside its editable box. */
  inEditable: number;
}

function shadowMarks(): ShadowMarks {
  const host = document.getElementById('story');
  const shadow = host?.shadowRoot ?? null;
  const editable = shadow?.querySelector('[contenteditable]') ?? null;
  const out: ShadowMarks = { texts: [], inShadow: 0, inEditable: 0 };
  for (const [name, highlight] of CSS.highlights) {
    if (!String(name).startsWith('sourcelight-')) continue;
    for (const r of highlight) {
      const node = r.startContainer;
      out.texts.push((node.textContent ?? '').slice(r.startOffset, r.endOffset));
      if (shadow && node.getRootNode() === shadow) out.inShadow++;
      if (editable?.contains(node)) out.inEditable++;
    }
  }
  return out;
}

/** Takes our ranges out of their highlights: those in the shadow tree, or all the rest. */
async function dropRanges(page: E2EPage, inShadow: boolean): Promise<void> {
  await page.evaluate((inShadow: boolean) => {
    const shadow = document.getElementById('story')?.shadowRoot;
    for (const [n, h] of CSS.highlights) {
      if (!String(n).startsWith('sourcelight-')) continue;
      for (const r of [...h]) {
        if ((r.startContainer.getRootNode() === shadow) === inShadow) h.delete(r);
      }
    }
  }, inShadow);
  // Two frames, so the change is on screen.
  await page.evaluate(
    () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(null)))),
  );
}

async function shot(page: E2EPage, name: string): Promise<Buffer> {
  const path = join(tmpdir(), `sourcelight-shadow-${process.pid}-${name}.png`);
  await page.screenshot(path);
  const png = await readFile(path);
  await rm(path, { force: true });
  return png;
}

forEachBrowser('open shadow roots', (session, name) => {
  it('marks the prose of a web component, not its editable box', async () => {
    const { browser, server } = session();
    const page = await browser.openPage(server.url('/fixtures/web-component.html'));
    await page.waitFor('marks inside the component', () => {
      const shadow = document.getElementById('story')?.shadowRoot;
      for (const [n, h] of CSS.highlights) {
        if (!String(n).startsWith('sourcelight-')) continue;
        for (const r of h) if (r.startContainer.getRootNode() === shadow) return true;
      }
      return false;
    });
    const marks = await page.evaluate(shadowMarks);
    expect(marks.texts.sort()).toEqual(['DeepSeek', 'Hangzhou', 'High-Flyer', 'Liang Wenfeng']);
    expect(marks.inShadow).toBe(3);
    expect(marks.inEditable).toBe(0);

    const marked = await shot(page, `${name}-marked`);
    await dropRanges(page, true);
    const noShadow = await shot(page, `${name}-no-shadow`);
    await dropRanges(page, false);
    const bare = await shot(page, `${name}-bare`);
    expect(noShadow.equals(bare), 'control: the light DOM mark is painted').toBe(false);
    const paintedInShadow = !marked.equals(noShadow);
    expect(paintedInShadow).toBe(name === 'chromium');
    await page.close();
  });
});
