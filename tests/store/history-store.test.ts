import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { checkSchema, DatabaseError, openDatabase } from '../../lib/store/database';
import { HISTORY_DB, HISTORY_SCHEMA, type Sighting } from '../../lib/store/history-schema';
import { openHistoryStore, type TermOnPage } from '../../lib/store/history-store';

const DAY = 86_400_000;
const liang: TermOnPage = {
  termId: 'liang-wenfeng',
  label: 'Liang Wenfeng',
  kind: 'entity',
  entityKind: 'person',
  occurrences: 2,
};
const cost: TermOnPage = {
  termId: 'training-cost',
  label: 'Training cost',
  kind: 'figure',
  entityKind: null,
  occurrences: 1,
};

beforeEach(() => {
  // A fresh, empty IndexedDB for every test.
  vi.stubGlobal('indexedDB', new IDBFactory());
});

describe('schema as data', () => {
  it('numbers its steps 1..n', () => {
    expect(() => checkSchema(HISTORY_SCHEMA)).not.toThrow();
    expect(() => checkSchema([{ version: 1 }, { version: 3 }])).toThrow(/expected 2/);
  });

  it('creates every store and index on a fresh install', async () => {
    const db = await openDatabase(HISTORY_DB, HISTORY_SCHEMA);
    expect(db.version).toBe(HISTORY_SCHEMA.length);
    expect([...db.objectStoreNames].sort()).toEqual(['pages', 'sightings']);
    const tx = db.transaction(['sightings', 'pages']);
    expect([...tx.objectStore('sightings').indexNames].sort()).toEqual([
      'lastSeen',
      'termId',
      'url',
    ]);
    expect([...tx.objectStore('pages').indexNames]).toEqual(['lastSeen']);
    db.close();
  });

  it('upgrades a v1 database to the newest with nothing lost', async () => {
    const v1 = await openDatabase(HISTORY_DB, HISTORY_SCHEMA, { version: 1 });
    const old: Sighting[] = [
      { ...liang, url: 'https://a.test/1', title: 'Old A', firstSeen: 100, lastSeen: 200 },
      { ...liang, url: 'https://b.test/2', title: 'B', firstSeen: 150, lastSeen: 150 },
      { ...cost, url: 'https://a.test/1', title: 'New A', firstSeen: 120, lastSeen: 300 },
    ];
    for (const s of old) await v1.put('sightings', s);
    v1.close();

    const store = await openHistoryStore();
    expect(store.db.version).toBe(2);
    const exported = await store.export(1000);
    expect(exported.sightings).toHaveLength(3);
    expect(exported.sightings).toEqual(expect.arrayContaining(old));
    // Pages derived from the sightings: earliest first sight, latest last sight and its title.
    expect(exported.pages.sort((a, b) => a.url.localeCompare(b.url))).toEqual([
      { url: 'https://a.test/1', title: 'New A', firstSeen: 100, lastSeen: 300 },
      { url: 'https://b.test/2', title: 'B', firstSeen: 150, lastSeen: 150 },
    ]);
    expect((await store.pagesFor('liang-wenfeng')).map((p) => p.url)).toEqual([
      'https://a.test/1',
      'https://b.test/2',
    ]);
    store.close();
  });
});

describe('HistoryStore', () => {
  it('finds the pages where a term was seen, newest first', async () => {
    const store = await openHistoryStore();
    await store.record({ url: 'https://a.test/', title: 'A' }, [liang, cost], 1000);
    await store.record({ url: 'https://b.test/', title: 'B' }, [liang], 2000);
    expect((await store.pagesFor('liang-wenfeng')).map((p) => [p.url, p.title])).toEqual([
      ['https://b.test/', 'B'],
      ['https://a.test/', 'A'],
    ]);
    expect((await store.pagesFor('training-cost')).map((p) => p.url)).toEqual(['https://a.test/']);
    expect((await store.termsOn('https://a.test/')).map((s) => s.termId).sort()).toEqual([
      'liang-wenfeng',
      'training-cost',
    ]);
    store.close();
  });

  it('keeps the first sighting time when a page is read again', async () => {
    const store = await openHistoryStore();
    await store.record({ url: 'https://a.test/', title: 'A' }, [liang], 1000);
    await store.record({ url: 'https://a.test/', title: 'A, updated' }, [liang], 5000);
    const [s] = await store.termsOn('https://a.test/');
    expect(s).toMatchObject({ firstSeen: 1000, lastSeen: 5000, title: 'A, updated' });
    store.close();
  });

  it('expires what was last seen before the cutoff and keeps the rest', async () => {
    const store = await openHistoryStore();
    await store.record({ url: 'https://old.test/', title: 'Old' }, [liang], 1 * DAY);
    await store.record({ url: 'https://new.test/', title: 'New' }, [liang, cost], 10 * DAY);
    expect(await store.expire(5 * DAY)).toBe(1);
    const left = await store.export(11 * DAY);
    expect(left.pages.map((p) => p.url)).toEqual(['https://new.test/']);
    expect(left.sightings).toHaveLength(2);
    store.close();
  });

  it('clears everything', async () => {
    const store = await openHistoryStore();
    await store.record({ url: 'https://a.test/', title: 'A' }, [liang], 1000);
    await store.clear();
    const left = await store.export(2000);
    expect([left.pages, left.sightings]).toEqual([[], []]);
    store.close();
  });

  it('exports JSON that names its format and schema version', async () => {
    const store = await openHistoryStore();
    await store.record({ url: 'https://a.test/', title: 'A' }, [cost], Date.UTC(2025, 0, 29));
    const exported = JSON.parse(JSON.stringify(await store.export(Date.UTC(2025, 0, 30))));
    expect(exported).toMatchObject({
      format: 'sourcelight-history',
      schemaVersion: 2,
      exportedAt: '2025-01-30T00:00:00.000Z',
      pages: [{ url: 'https://a.test/', title: 'A' }],
      sightings: [{ termId: 'training-cost', url: 'https://a.test/' }],
    });
    store.close();
  });
});

describe('when IndexedDB fails', () => {
  it('says it is unavailable when there is no IndexedDB', async () => {
    vi.stubGlobal('indexedDB', undefined);
    await expect(openHistoryStore()).rejects.toMatchObject({ reason: 'unavailable' });
  });

  it('wraps an open that errors', async () => {
    vi.stubGlobal('indexedDB', {
      open() {
        throw new DOMException('The operation failed', 'UnknownError');
      },
    });
    const error = await openHistoryStore().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseError);
    expect(error).toMatchObject({ reason: 'failed' });
  });

  it('gives up on an upgrade blocked by an old connection that will not close', async () => {
    // An old connection that ignores versionchange (idb's raw API, not our layer).
    const stale = await openDB(HISTORY_DB, 1, {
      upgrade: (db) => {
        db.createObjectStore('sightings', { keyPath: ['termId', 'url'] });
      },
    });
    await expect(openHistoryStore({ blockedTimeoutMs: 20 })).rejects.toMatchObject({
      reason: 'blocked',
    });
    stale.close();
  });

  it('closes its connection when a newer version wants to open', async () => {
    const onClose = vi.fn();
    const store = await openHistoryStore({ onClose });
    const newer = await openDB(HISTORY_DB, 3);
    expect(onClose).toHaveBeenCalledOnce();
    newer.close();
    void store;
  });
});
