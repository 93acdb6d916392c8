/**
 * The reader's library in the background, as wired in the extension (WXT's fake browser,
 * fake-indexeddb): add a page through review, track a name from the context menu, and see
 * both in cards, search and the published tables; remove them and see everything built
 * from them go; export, clear, import; a bad file or a broken database loses nothing.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { TRACK_MENU_ID } from '../../lib/background/library-start';
import { startBackground } from '../../lib/background/main';
import type { TermDetail } from '../../lib/knowledge/types';
import { extractArticle } from '../../lib/library/extract';
import { parseHtml } from '../../lib/library/load-files';
import { NAMES_KEY, readPublishedTables, readTrackedForms } from '../../lib/library/published';
import { envelope, type MessageName, type RequestOf, type ResponseOf } from '../../lib/messages';
import { pack } from '../../lib/pack/bundled';
import { packInput } from '../../lib/pack/bundled-input';
import { LibraryStore } from '../../lib/store/library-store';

const ROOT = join(import.meta.dirname, '..', '..');
const URL_ = 'https://harbourwire.test/markets/cheap-ai';
const page = extractArticle(
  parseHtml(readFileSync(join(ROOT, 'tests/e2e/fixtures/added-article.html'), 'utf8'), URL_),
  URL_,
);

let stop: (() => void) | undefined;
let menuClick: ((info: object, tab?: object) => void) | undefined;

beforeEach(() => {
  fakeBrowser.reset();
  vi.stubGlobal('indexedDB', new IDBFactory());
  // WXT's fake has no context menus: record what the background registers.
  Object.assign(fakeBrowser.contextMenus, {
    removeAll: vi.fn(async () => {}),
    create: vi.fn(),
    onClicked: {
      addListener: (fn: typeof menuClick) => {
        menuClick = fn;
      },
      removeListener: () => {},
    },
  });
  stop = startBackground(pack, packInput).stop;
});
afterEach(() => stop?.());

const fromPage = () => ({
  id: fakeBrowser.runtime.id,
  url: fakeBrowser.runtime.getURL('/library.html'),
});
const fromTab = (tabId: number) => ({
  id: fakeBrowser.runtime.id,
  url: URL_,
  frameId: 0,
  tab: { id: tabId, incognito: false },
});

async function ask<N extends MessageName>(
  name: N,
  payload: RequestOf<N>,
  sender: object = fromPage(),
): Promise<ResponseOf<N>> {
  const [result] = await fakeBrowser.runtime.onMessage.trigger(
    envelope(name, payload),
    sender as never,
  );
  return result as unknown as ResponseOf<N>;
}

async function addThePage(): Promise<void> {
  const tab = await fakeBrowser.tabs.create({ url: URL_ });
  const staged = await ask('library:stage', { page }, fromTab(tab.id as number));
  if (!staged.ok) throw new Error(staged.error);
  const confirmed = await ask('library:confirm', { id: staged.draftId, metadata: page.metadata });
  if (!confirmed.ok) throw new Error(confirmed.error);
}

const detail = (id: string, kind: 'entity' | 'figure' = 'entity') =>
  ask('term:detail', { id, kind }, fromTab(1)) as Promise<TermDetail | null>;

describe('adding a page', () => {
  it('stages it from the tab and opens the review beside it, with a preview', async () => {
    const tab = await fakeBrowser.tabs.create({ url: URL_ });
    const staged = await ask('library:stage', { page }, fromTab(tab.id as number));
    expect(staged.ok).toBe(true);
    if (!staged.ok) return;
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs.map((t) => t.url)).toContain(
      fakeBrowser.runtime.getURL(`/library.html?draft=${staged.draftId}` as '/library.html'),
    );
    const draft = await ask('library:draft', { id: staged.draftId });
    expect(draft?.page.text).toBe(page.text);
    expect(draft?.preview.terms.map((t) => t.id)).toEqual(
      expect.arrayContaining(['deepseek', 'nvidia', 'liang-wenfeng']),
    );
    const loss = draft?.preview.figures.find((f) => f.text === '$589 billion');
    expect(loss?.topic).toMatchObject({
      id: 'nvidia-market-value-loss',
      disagree: true,
      compatible: true,
    });
    expect(loss?.topic?.others.map((o) => o.text)).toEqual(['about $600 billion']);
    expect(draft?.preview.candidates.map((c) => c.phrase)).toEqual(
      expect.arrayContaining(['Kestrel Advisory', 'Moonshot AI']),
    );
    // Nothing is stored before the reader confirms.
    expect((await ask('library:status', {})).sources).toBe(0);
  });

  it('on confirm, quotes it in cards (first, labelled as theirs) and finds it in search', async () => {
    await addThePage();
    const nvidia = await detail('nvidia');
    const first = nvidia?.sources[0];
    expect(first?.source.added).toMatchObject({ url: URL_ });
    expect(first?.source.title).toBe(page.metadata.title);
    for (const q of first?.quotes ?? []) expect(page.text).toContain(q.quote);
    const hits = await ask('pack:search', { query: 'Nvidia' }, fromPage());
    const quotes = hits.hits.flatMap((h) => (h.type === 'entity' ? h.quotes : []));
    expect(quotes.some((q) => q.source.added?.url === URL_)).toBe(true);
    // Named as the library names it: its headline.
    expect(first?.source.label).toBe(page.metadata.title);
    const summary = await ask('pack:summary', {}, fromPage());
    expect(summary.sources.filter((s) => s.added)).toHaveLength(1);
  });

  it('publishes the merged tables for open tabs', async () => {
    await addThePage();
    const tables = await readPublishedTables(fakeBrowser.storage.local);
    expect(tables?.entities.id.length).toBe(pack.entities.length);
    expect(tables?.figures.values).toContain(589e9);
  });

  it('removing it takes its quotes and figures away everywhere', async () => {
    await addThePage();
    expect(await ask('library:remove-source', { url: URL_ })).toEqual({ ok: true });
    const nvidia = await detail('nvidia');
    expect(nvidia?.sources.some((s) => s.source.added)).toBe(false);
    const topic = await detail('nvidia-market-value-loss', 'figure');
    expect(topic?.topic?.rows.map((r) => r.text)).toEqual(['about $600 billion']);
    expect(await readPublishedTables(fakeBrowser.storage.local)).toBeNull();
  });

  it('refuses the same address twice', async () => {
    await addThePage();
    const tab = await fakeBrowser.tabs.create({ url: URL_ });
    const staged = await ask('library:stage', { page }, fromTab(tab.id as number));
    if (!staged.ok) throw new Error(staged.error);
    expect((await ask('library:draft', { id: staged.draftId }))?.exists).toBe(true);
    expect(await ask('library:confirm', { id: staged.draftId, metadata: page.metadata })).toEqual({
      ok: false,
      error: 'This address is already in your library.',
    });
  });
});

describe('tracking a name', () => {
  it('from the context menu: opens the track form with the selection', async () => {
    const tab = await fakeBrowser.tabs.create({ url: URL_ });
    expect(fakeBrowser.contextMenus.create).toHaveBeenCalledWith(
      expect.objectContaining({
        id: TRACK_MENU_ID,
        title: 'Track in Sourcelight',
        contexts: ['selection'],
      }),
    );
    menuClick?.({ menuItemId: TRACK_MENU_ID, selectionText: '  Kestrel\n Advisory ' }, tab);
    await vi.waitFor(async () => {
      const urls = (await fakeBrowser.tabs.query({})).map((t) => t.url);
      expect(urls).toContain(
        fakeBrowser.runtime.getURL('/library.html?track=Kestrel+Advisory' as '/library.html'),
      );
    });
  });

  it('marks it everywhere (published as a core name) and quotes every source that names it', async () => {
    await addThePage();
    const tracked = await ask('library:track', {
      label: 'Kestrel Advisory',
      kind: 'organization',
      aliases: ['Kestrel'],
    });
    expect(tracked).toEqual({ ok: true, id: 'mine-kestrel-advisory' });
    expect(await readTrackedForms(fakeBrowser.storage.local)).toEqual([
      'Kestrel Advisory',
      'Kestrel',
    ]);
    const tables = await readPublishedTables(fakeBrowser.storage.local);
    const row = tables?.entities.id.indexOf('mine-kestrel-advisory') ?? -1;
    expect(tables?.entities.tier[row]).toBe('core');
    const card = await detail('mine-kestrel-advisory');
    expect(card?.sources.map((s) => s.source.added?.url)).toEqual([URL_]);
    expect(card?.sources[0]?.quotes.map((q) => q.quote)).toContain(
      'Kestrel Advisory expects demand for Nvidia hardware to recover within two quarters, because cheaper models tend to be used more, not less.',
    );
  });

  it('refuses a name Sourcelight knows, a kind that is none, and a name already tracked', async () => {
    expect(
      await ask('library:track', { label: 'nvidia', kind: 'organization', aliases: [] }),
    ).toEqual({
      ok: false,
      error: '“nvidia” is already a name Sourcelight knows (Nvidia): it is marked already.',
    });
    await expect(
      ask('library:track', { label: 'X Corp', kind: 'robot' as 'person', aliases: [] }),
    ).rejects.toThrow(/library:track: kind: pick what kind of name it is/);
    await ask('library:track', { label: 'Zhipu AI', kind: 'organization', aliases: [] });
    expect(
      await ask('library:track', { label: 'ZHIPU AI', kind: 'organization', aliases: [] }),
    ).toEqual({
      ok: false,
      error: '“ZHIPU AI” is already one of your tracked names.',
    });
  });

  it("untracking takes it out of the tables and the first stage's list", async () => {
    const tracked = await ask('library:track', {
      label: 'Zhipu AI',
      kind: 'organization',
      aliases: [],
    });
    if (!tracked.ok) throw new Error(tracked.error);
    expect(await ask('library:untrack', { id: tracked.id })).toEqual({ ok: true });
    expect(await readTrackedForms(fakeBrowser.storage.local)).toEqual([]);
    expect(await detail(tracked.id)).toBeNull();
  });
});

describe('the library file', () => {
  it('export, clear, import round-trips', async () => {
    await addThePage();
    await ask('library:track', { label: 'Kestrel Advisory', kind: 'organization', aliases: [] });
    const exported = await ask('library:export', {});
    if (!exported.ok) throw new Error(exported.error);
    const before = await ask('library:list', {});
    expect(await ask('library:clear', {})).toEqual({ ok: true });
    expect((await ask('library:status', {})).sources).toBe(0);
    expect(await fakeBrowser.storage.local.get(NAMES_KEY)).toEqual({});
    const imported = await ask('library:import', { text: JSON.stringify(exported.file) });
    expect(imported).toEqual({
      ok: true,
      summary: { addedSources: 1, addedNames: 1, skippedSources: [], skippedNames: [] },
    });
    expect(await ask('library:list', {})).toEqual(before);
    // Imported again: everything is a duplicate, nothing is added.
    const twice = await ask('library:import', { text: JSON.stringify(exported.file) });
    expect(twice).toMatchObject({ ok: true, summary: { addedSources: 0, skippedSources: [URL_] } });
  });

  it('refuses a bad file with its reason, and nothing stored changes', async () => {
    await addThePage();
    const before = await ask('library:list', {});
    const history = JSON.stringify({ format: 'sourcelight-history', pages: [] });
    expect(await ask('library:import', { text: history })).toEqual({
      ok: false,
      error:
        'This is not a Sourcelight library file: its format is "sourcelight-history", not "sourcelight-library".',
    });
    expect(await ask('library:list', {})).toEqual(before);
  });

  it('a write the browser refuses (no quota) stores nothing and says why', async () => {
    const exported = await ask('library:export', {});
    if (!exported.ok) throw new Error(exported.error);
    const file = {
      ...exported.file,
      sources: [
        { ...page.metadata, url: URL_, addedAt: '2025-02-05T00:00:00.000Z', text: page.text },
      ],
    };
    vi.spyOn(LibraryStore.prototype, 'add').mockRejectedValueOnce(
      new DOMException('Quota exceeded', 'QuotaExceededError'),
    );
    const result = await ask('library:import', { text: JSON.stringify(file) });
    expect(result).toEqual({
      ok: false,
      error: 'Could not import the library file: the browser has no storage left for Sourcelight.',
    });
    expect((await ask('library:status', {})).sources).toBe(0);
  });
});

describe('the boundary', () => {
  it('answers a content script only to stage a page', async () => {
    expect(await ask('library:list', {}, fromTab(3))).toBeUndefined();
    expect(await ask('library:export', {}, fromTab(3))).toBeUndefined();
    expect(await ask('library:clear', {}, fromTab(3))).toBeUndefined();
  });

  it('refuses a malformed payload, naming the field', async () => {
    await expect(
      ask('library:stage', { page: { ...page, url: 'javascript:x' } }, fromTab(3)),
    ).rejects.toThrow(/library:stage: page\.url: must be an http\(s\) or file address/);
  });
});

describe('when IndexedDB fails', () => {
  it('cards keep the bundled pack, the library says it is unavailable, a change says why', async () => {
    stop?.();
    vi.stubGlobal('indexedDB', undefined);
    stop = startBackground(pack, packInput).stop;
    const deepseek = await detail('deepseek');
    expect(deepseek?.sources.length).toBeGreaterThan(0);
    expect(await ask('library:status', {})).toMatchObject({
      available: false,
      reason: 'IndexedDB is not available here',
    });
    expect(
      await ask('library:track', { label: 'Zhipu AI', kind: 'organization', aliases: [] }),
    ).toEqual({
      ok: false,
      error: 'Your library is unavailable: IndexedDB is not available here.',
    });
  });
});
