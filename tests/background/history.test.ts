import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createHistory,
  historyWindowMs,
  pageKey,
  SITE_PAGES,
  SITE_WINDOW_MS,
  URL_MAX,
} from '../../lib/background/history';
import type { TermCount } from '../../lib/messages';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings';
import { DatabaseError } from '../../lib/store/database';
import { openHistoryStore } from '../../lib/store/history-store';

const DAY = 86_400_000;
const liang: TermCount = {
  id: 'liang-wenfeng',
  label: 'Liang Wenfeng',
  kind: 'entity',
  entityKind: 'person',
  count: 2,
};

function setup(overrides: Partial<Settings> = {}, open = () => openHistoryStore()) {
  let t = 100 * DAY;
  const settings = { ...DEFAULT_SETTINGS, ...overrides };
  const log = vi.fn();
  const history = createHistory({ open, settings: async () => settings, now: () => t, log });
  return {
    history,
    settings,
    log,
    advance: (ms: number) => {
      t += ms;
    },
  };
}

const visit = (url: string, incognito = false) => ({ url, title: url, terms: [liang], incognito });

beforeEach(() => {
  vi.stubGlobal('indexedDB', new IDBFactory());
});

describe('pageKey', () => {
  it.each([
    ['https://a.test/x#part', 'https://a.test/x'],
    ['https://a.test/x?id=1', 'https://a.test/x?id=1'],
    ['chrome://settings', null],
    ['file:///tmp/a.html', null],
    ['not a url', null],
  ])('%s -> %s', (url, key) => {
    expect(pageKey(url)).toBe(key);
  });
});

describe('historyWindowMs', () => {
  it.each([
    [7, 7],
    [1, 1],
    [3650, 3650],
    [2.5, 2],
    [0, 90],
    [-3, 90],
    [Number.NaN, 90],
    ['30' as unknown as number, 90],
    [100_000, 90],
  ])('%s days -> %s days', (days, expected) => {
    expect(historyWindowMs({ historyDays: days })).toBe(expected * DAY);
  });
});

describe('history service', () => {
  it('records a page and answers "seen before" from other pages only', async () => {
    const { history } = setup();
    await history.record(visit('https://a.test/1'));
    await history.record(visit('https://b.test/2#top'));
    const seen = await history.seen('liang-wenfeng', 'https://b.test/2', false);
    // The count only: other sites' addresses and titles never reach the page's renderer.
    expect(seen).toEqual({ available: true, count: 1 });
    expect(await history.state()).toBe('on');
  });

  it('records nothing from a private window and shows nothing there', async () => {
    const { history } = setup();
    await history.record(visit('https://a.test/1', true));
    const list = await history.list();
    expect(list.available && list.data.sightings).toEqual([]);
    await history.record(visit('https://a.test/1'));
    expect(await history.seen('liang-wenfeng', 'https://b.test/', true)).toEqual({
      available: false,
      count: 0,
    });
  });

  it('records nothing when history is off, and says so', async () => {
    const open = vi.fn(() => openHistoryStore());
    const { history } = setup({ historyEnabled: false }, open);
    await history.record(visit('https://a.test/1'));
    expect(await history.seen('liang-wenfeng', 'https://b.test/', false)).toMatchObject({
      available: false,
    });
    expect(await history.state()).toBe('off');
    expect(open).not.toHaveBeenCalled();
  });

  it('records nothing for pages that are not on the web', async () => {
    const { history } = setup();
    await history.record(visit('file:///home/me/notes.html'));
    const list = await history.list();
    expect(list.available && list.data.pages).toEqual([]);
  });

  it('drops entries older than the days kept', async () => {
    const { history, advance } = setup({ historyDays: 7 });
    await history.record(visit('https://old.test/'));
    advance(8 * DAY);
    // Older than the window: no longer shown even before expiry runs...
    expect((await history.seen('liang-wenfeng', 'https://x.test/', false)).count).toBe(0);
    // ...and deleted on the next recording.
    await history.record(visit('https://new.test/'));
    const list = await history.list();
    expect(list.available && list.data.pages.map((p) => p.url)).toEqual(['https://new.test/']);
  });

  it('lists and exports nothing past the days kept, even between expiry runs', async () => {
    const { history, advance, settings } = setup({ historyDays: 30 });
    await history.record(visit('https://a.test/'));
    advance(10 * DAY);
    await history.record(visit('https://b.test/'));
    // The reader shortens the window; the next listing honours it at once.
    settings.historyDays = 5;
    const list = await history.list();
    expect(list.available && list.data.pages.map((p) => p.url)).toEqual(['https://b.test/']);
  });

  it('counts every other page, past the 20 it used to list', async () => {
    const { history, advance } = setup();
    for (let i = 0; i < 25; i++) {
      await history.record(visit(`https://site${i}.test/a`));
      advance(1000);
    }
    expect(await history.seen('liang-wenfeng', 'https://site0.test/a', false)).toEqual({
      available: true,
      count: 24,
    });
  });

  it('keeps a page whose address is over 4,096 characters, by its beginning', async () => {
    const { history } = setup();
    const long = `https://a.test/search?q=${'deepseek+'.repeat(1000)}`;
    await history.record(visit(long));
    const list = await history.list();
    const urls = list.available ? list.data.pages.map((p) => p.url) : [];
    expect(urls).toEqual([long.slice(0, URL_MAX)]);
    expect(pageKey(long)).toHaveLength(URL_MAX);
  });

  it('keeps at most SITE_PAGES new addresses of one site per window (pushState flooding)', async () => {
    const { history, advance, log } = setup();
    for (let i = 0; i < 100; i++) {
      await history.record({ ...visit(`https://flood.test/?i=${i}`), title: `chosen title ${i}` });
    }
    // An address already kept may be seen again, and another site is not held back.
    await history.record(visit('https://flood.test/?i=0'));
    await history.record(visit('https://other.test/'));
    let list = await history.list();
    let pages = list.available ? list.data.pages : [];
    expect(pages.filter((p) => p.url.startsWith('https://flood.test/'))).toHaveLength(SITE_PAGES);
    expect(pages.some((p) => p.url === 'https://other.test/')).toBe(true);
    expect(log).toHaveBeenCalledOnce();
    // The next window lets the site in again.
    advance(SITE_WINDOW_MS);
    await history.record(visit('https://flood.test/next'));
    list = await history.list();
    pages = list.available ? list.data.pages : [];
    expect(pages.some((p) => p.url === 'https://flood.test/next')).toBe(true);
  });

  it('clears everything', async () => {
    const { history } = setup();
    await history.record(visit('https://a.test/1'));
    expect(await history.clear()).toEqual({ available: true });
    const list = await history.list();
    expect(list.available && list.data.sightings).toEqual([]);
  });
});

describe('history service when IndexedDB fails', () => {
  it('answers unavailable, breaks nothing, and logs once, not per page', async () => {
    const open = vi.fn(() =>
      Promise.reject(new DatabaseError('blocked', 'upgrade of sourcelight-history is blocked')),
    );
    const { history, log } = setup({}, open);
    for (let i = 0; i < 5; i++) {
      await expect(history.record(visit(`https://a.test/${i}`))).resolves.toBeUndefined();
      expect(await history.seen('liang-wenfeng', `https://a.test/${i}`, false)).toEqual({
        available: false,
        count: 0,
      });
    }
    expect(await history.list()).toEqual({ available: false });
    expect(await history.clear()).toEqual({ available: false });
    expect(await history.state()).toBe('unavailable');
    expect(open).toHaveBeenCalledOnce();
    expect(log).toHaveBeenCalledOnce();
  });

  it('survives a write that fails (quota) and logs it once', async () => {
    const store = await openHistoryStore();
    vi.spyOn(store, 'record').mockRejectedValue(
      new DOMException('Quota exceeded', 'QuotaExceededError'),
    );
    const { history, log } = setup({}, async () => store);
    await history.record(visit('https://a.test/1'));
    await history.record(visit('https://a.test/2'));
    expect(log).toHaveBeenCalledOnce();
    expect(await history.state()).toBe('unavailable');
    // What was there before is still readable.
    expect((await history.list()).available).toBe(true);
  });

  it('reopens after the connection was closed under it', async () => {
    const open = vi.fn(() => openHistoryStore());
    const { history } = setup({}, open);
    await history.record(visit('https://a.test/1'));
    history.reset();
    await history.record(visit('https://a.test/2'));
    expect(open).toHaveBeenCalledTimes(2);
    const list = await history.list();
    expect(list.available && list.data.pages).toHaveLength(2);
  });
});
