/**
 * An upgrade blocked by an old connection (another tab of an older version that will not
 * close) used to leave history unavailable until the browser restarted. Now the layer
 * says when the blocked upgrade has gone through after all, and history opens again.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createHistory } from '../../lib/background/history';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { openDatabase, type SchemaStep } from '../../lib/store/database';
import { HISTORY_DB, HISTORY_SCHEMA } from '../../lib/store/history-schema';
import { openHistoryStore } from '../../lib/store/history-store';

/**
 * A connection at v1 (the v1 schema) that ignores `versionchange`, as an old tab of an
 * older version would: idb's raw API, not our layer, which closes itself.
 */
function staleConnection(): Promise<IDBPDatabase> {
  return openDB(HISTORY_DB, 1, {
    upgrade: (db) => {
      const sightings = db.createObjectStore('sightings', { keyPath: ['termId', 'url'] });
      sightings.createIndex('termId', 'termId');
      sightings.createIndex('url', 'url');
    },
  });
}

function waitFor(check: () => boolean, ms = 2000): Promise<void> {
  const deadline = Date.now() + ms;
  return new Promise((resolve, reject) => {
    const tick = () => {
      if (check()) resolve();
      else if (Date.now() > deadline) reject(new Error('timed out'));
      else setTimeout(tick, 5);
    };
    tick();
  });
}

interface NotesDb extends DBSchema {
  notes: { key: string; value: { id: string; at: number }; indexes: { at: number } };
  extra: { key: string; value: { id: string } };
}

beforeEach(() => {
  vi.stubGlobal('indexedDB', new IDBFactory());
});

describe('a blocked upgrade', () => {
  it('reports blocked, then says so when the blocker goes away, and opens at the new version', async () => {
    const stale = await staleConnection();
    const onUnblocked = vi.fn();
    await expect(
      openDatabase(HISTORY_DB, HISTORY_SCHEMA, { blockedTimeoutMs: 20, onUnblocked }),
    ).rejects.toMatchObject({ reason: 'blocked' });
    expect(onUnblocked).not.toHaveBeenCalled();

    stale.close();
    await waitFor(() => onUnblocked.mock.calls.length > 0);
    expect(onUnblocked).toHaveBeenCalledOnce();
    // The late connection was closed: a new open is not blocked and sees the upgrade done.
    const db = await openDatabase(HISTORY_DB, HISTORY_SCHEMA, { blockedTimeoutMs: 20 });
    expect(db.version).toBe(HISTORY_SCHEMA.length);
    expect([...db.objectStoreNames].sort()).toEqual(['pages', 'sightings']);
    db.close();
  });

  it('leaves history unavailable only until the blocker closes (the background wiring)', async () => {
    const stale = await staleConnection();
    const history = createHistory({
      open: () =>
        openHistoryStore({
          blockedTimeoutMs: 20,
          onClose: () => history.reset(),
          onUnblocked: () => history.reset(),
        }),
      settings: async () => DEFAULT_SETTINGS,
      log: () => {},
    });
    const liang = { id: 'liang-wenfeng', label: 'Liang Wenfeng', kind: 'entity' as const };
    const visit = {
      url: 'https://a.test/1',
      title: 'A',
      terms: [{ ...liang, entityKind: 'person' as const, count: 1 }],
      incognito: false,
    };
    expect(await history.state()).toBe('unavailable');

    stale.close();
    // No restart: the next question after the upgrade went through finds history working.
    let state = await history.state();
    for (let i = 0; i < 100 && state !== 'on'; i++) {
      await new Promise((r) => setTimeout(r, 10));
      state = await history.state();
    }
    expect(state).toBe('on');
    await history.record(visit);
    const seen = await history.seen('liang-wenfeng', 'https://b.test/', false);
    expect(seen.available).toBe(true);
    expect(seen.count).toBe(1);
  });

  it('an upgrade that is never unblocked stays reported as unavailable', async () => {
    const stale = await staleConnection();
    const onUnblocked = vi.fn();
    await expect(
      openDatabase(HISTORY_DB, HISTORY_SCHEMA, { blockedTimeoutMs: 20, onUnblocked }),
    ).rejects.toMatchObject({ reason: 'blocked' });
    await new Promise((r) => setTimeout(r, 50));
    expect(onUnblocked).not.toHaveBeenCalled();
    stale.close();
  });
});

describe('upgrades as data', () => {
  const steps: SchemaStep<NotesDb>[] = [
    { version: 1, createStores: [{ name: 'notes', keyPath: 'id' }] },
    {
      version: 2,
      createStores: [{ name: 'extra', keyPath: 'id' }],
      createIndexes: [{ store: 'notes', index: { name: 'at', keyPath: 'at' } }],
    },
  ];

  it('skips a store or index that is already there (a half-applied schema still upgrades)', async () => {
    // An older build that shipped `extra` and the index early, at v1.
    const early = await openDB('notes-db', 1, {
      upgrade: (db) => {
        db.createObjectStore('notes', { keyPath: 'id' }).createIndex('at', 'at');
        db.createObjectStore('extra', { keyPath: 'id' });
      },
    });
    await early.put('notes', { id: 'a', at: 1 });
    early.close();
    const db = await openDatabase('notes-db', steps);
    expect(db.version).toBe(2);
    expect(await db.getAllFromIndex('notes', 'at')).toEqual([{ id: 'a', at: 1 }]);
    db.close();
  });
});
