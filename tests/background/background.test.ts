/**
 * The background as wired in the extension, driven through WXT's fake browser: messages
 * in through runtime.onMessage, badge and tabs out.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { badgeText } from '../../lib/background/badge';
import { readerPath } from '../../lib/background/handlers';
import { startBackground } from '../../lib/background/main';
import { envelope, type TermCount } from '../../lib/messages';
import { DEFAULT_SETTINGS, settingsItem } from '../../lib/settings';
import { fixturePack } from '../fixtures/pack';

const terms: TermCount[] = [
  { id: 'deepseek', label: 'DeepSeek', kind: 'entity', entityKind: 'organization', count: 4 },
  {
    id: 'training-cost',
    label: "DeepSeek's training cost",
    kind: 'figure',
    entityKind: null,
    count: 1,
  },
];

let stop: (() => void) | undefined;

beforeEach(() => {
  fakeBrowser.reset();
  vi.stubGlobal('indexedDB', new IDBFactory());
  stop = startBackground(fixturePack).stop;
});
afterEach(() => stop?.());

function fromTab(tabId: number, url: string, incognito = false) {
  return { id: fakeBrowser.runtime.id, url, frameId: 0, tab: { id: tabId, incognito } };
}
const fromPopup = () => ({
  id: fakeBrowser.runtime.id,
  url: fakeBrowser.runtime.getURL('/popup.html'),
});

/** What our listener answered (the fake runs every listener and collects the results). */
async function deliver(message: unknown, sender: object) {
  const results = await fakeBrowser.runtime.onMessage.trigger(message, sender as never);
  return results[0];
}

describe('background', () => {
  it('answers the pack summary to the popup', async () => {
    const summary = await deliver(envelope('pack:summary', {}), fromPopup());
    expect(summary).toMatchObject({
      entityCount: 5,
      claimCount: 7,
      figureCount: 2,
      topicCount: 1,
      sources: [
        { id: 's000', title: 'China heralds DeepSeek', date: null, outlet: null },
        {
          id: 's001',
          title: 'DeepSeek stuns Silicon Valley',
          date: '2025-01-29',
          outlet: 'BBC News',
        },
      ],
    });
  });

  it('counts the terms on a tab in its badge and clears it when the tab navigates', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://news.test/a' });
    const id = tab.id as number;
    await deliver(
      envelope('page:terms', { url: 'https://news.test/a', title: 'A', terms }),
      fromTab(id, 'https://news.test/a'),
    );
    expect(await fakeBrowser.action.getBadgeText({ tabId: id })).toBe('2');
    expect(await deliver(envelope('page:host', { tabId: id }), fromPopup())).toEqual({
      hostname: 'news.test',
    });
    await fakeBrowser.tabs.update(id, { url: 'https://news.test/b' });
    // The fake's update reports only the changed url; a real navigation also reports status.
    await fakeBrowser.tabs.onUpdated.trigger(id, { status: 'loading' }, { ...tab, id });
    expect(await fakeBrowser.action.getBadgeText({ tabId: id })).toBe('');
    expect(await deliver(envelope('page:host', { tabId: id }), fromPopup())).toEqual({
      hostname: null,
    });
  });

  it('clears the badge of tabs on a site as soon as it is turned off', async () => {
    await deliver(
      envelope('page:terms', { url: 'https://news.test/a', title: 'A', terms }),
      fromTab(3, 'https://news.test/a'),
    );
    await deliver(
      envelope('page:terms', { url: 'https://other.test/', title: 'B', terms }),
      fromTab(4, 'https://other.test/'),
    );
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, disabledSites: ['news.test'] });
    await vi.waitFor(async () =>
      expect(await fakeBrowser.action.getBadgeText({ tabId: 3 })).toBe(''),
    );
    expect(await fakeBrowser.action.getBadgeText({ tabId: 4 })).toBe('2');
  });

  it('still records the visit when the tab closed before its badge could be set', async () => {
    vi.spyOn(fakeBrowser.action, 'setBadgeText').mockRejectedValue(new Error('No tab with id: 9'));
    await deliver(
      envelope('page:terms', { url: 'https://gone.test/', title: 'Gone', terms }),
      fromTab(9, 'https://gone.test/'),
    );
    const list = await deliver(envelope('history:list', {}), fromPopup());
    expect(list).toMatchObject({ data: { pages: [{ url: 'https://gone.test/' }] } });
  });

  it('remembers pages across messages and answers "seen before"', async () => {
    await deliver(
      envelope('page:terms', { url: 'https://a.test/', title: 'Page A', terms }),
      fromTab(1, 'https://a.test/'),
    );
    const seen = await deliver(
      envelope('history:seen', { id: 'deepseek', url: 'https://b.test/' }),
      fromTab(2, 'https://b.test/'),
    );
    // A count, and nothing of page A's address or title, goes back to page B.
    expect(seen).toEqual({ available: true, count: 1 });
    expect(JSON.stringify(seen)).not.toMatch(/a\.test|Page A/);
  });

  it('records a page whose address is over 4,096 characters instead of refusing it', async () => {
    const long = `https://a.test/?q=${'x'.repeat(5000)}`;
    await deliver(envelope('page:terms', { url: long, title: 'Long', terms }), fromTab(1, long));
    const list = await deliver(envelope('history:list', {}), fromPopup());
    expect(list).toMatchObject({ available: true });
    const pages = (list as { data: { pages: { url: string }[] } }).data.pages;
    expect(pages.map((p) => p.url.length)).toEqual([4096]);
  });

  it('records nothing from a private window', async () => {
    await deliver(
      envelope('page:terms', { url: 'https://a.test/', title: 'A', terms }),
      fromTab(1, 'https://a.test/', true),
    );
    const list = await deliver(envelope('history:list', {}), fromPopup());
    expect(list).toMatchObject({ available: true, data: { pages: [], sightings: [] } });
  });

  it('stops recording as soon as history is turned off in settings', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, historyEnabled: false });
    await deliver(
      envelope('page:terms', { url: 'https://a.test/', title: 'A', terms }),
      fromTab(1, 'https://a.test/'),
    );
    expect(await deliver(envelope('history:status', {}), fromPopup())).toEqual({ state: 'off' });
    await settingsItem.setValue(DEFAULT_SETTINGS);
    expect(await deliver(envelope('history:status', {}), fromPopup())).toEqual({ state: 'on' });
    const list = await deliver(envelope('history:list', {}), fromPopup());
    expect(list).toMatchObject({ data: { pages: [] } });
  });

  it('opens the reader beside the tab that asked', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://news.test/a' });
    const created = vi.fn();
    fakeBrowser.tabs.onCreated.addListener(created);
    await deliver(
      envelope('reader:open', { sourceId: 's001', claimId: 'c5' }),
      fromTab(tab.id as number, 'https://news.test/a'),
    );
    expect(created).toHaveBeenCalledWith(
      expect.objectContaining({
        url: fakeBrowser.runtime.getURL('/reader.html?source=s001&claim=c5'),
      }),
    );
  });

  it('searches the pack for the popup', async () => {
    const result = await deliver(envelope('pack:search', { query: '梁文锋' }), fromPopup());
    expect(result).toMatchObject({ hits: [{ id: 'liang-wenfeng', matched: '梁文锋' }] });
  });

  it('lets no other extension in', async () => {
    const results = await fakeBrowser.runtime.onMessage.trigger(envelope('history:clear', {}), {
      id: 'other-extension',
      url: 'chrome-extension://other-extension/page.html',
    });
    expect(results).toEqual([undefined]);
  });
});

describe('reader links', () => {
  it.each([
    ['s000', undefined, '/reader.html?source=s000'],
    ['s001', 'c5', '/reader.html?source=s001&claim=c5'],
  ])('%s %s -> %s', (source, claim, path) => {
    expect(readerPath(fixturePack, source, claim)).toBe(path);
  });

  it.each([
    ['nope', undefined, /no source/],
    ['s000', 'c5', /no claim "c5" in source s000/],
    ['s000', 'missing', /no claim/],
  ])('refuses %s %s', (source, claim, error) => {
    expect(() => readerPath(fixturePack, source, claim)).toThrow(error);
  });
});

describe('badge text', () => {
  it.each([
    [0, ''],
    [1, '1'],
    [999, '999'],
    [1000, '999+'],
  ])('%i -> %j', (n, text) => {
    expect(badgeText(n)).toBe(text);
  });
});
