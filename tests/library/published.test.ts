/**
 * What the background publishes for content scripts in storage.local (the tracked names'
 * forms, tiny; the merged tables), how a content script reads it back (falling back to
 * the bundled tables on anything unknown), and the watcher open tabs follow changes with.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  formsFrom,
  NAMES_KEY,
  publish,
  readPublishedTables,
  readTrackedForms,
  TABLES_KEY,
  tablesFrom,
  watchPublished,
} from '../../lib/library/published';
import { detectorTables } from '../../lib/pack/bundled';

const area = () => fakeBrowser.storage.local;
const build = { forms: ['Kestrel Advisory', 'Kestrel'], tables: detectorTables };

beforeEach(() => fakeBrowser.reset());

describe('publish', () => {
  it('writes both items with one rev, and nothing when the build is the same', async () => {
    expect(await publish(area(), build)).toBe('written');
    const stored = await area().get([NAMES_KEY, TABLES_KEY]);
    expect(stored[NAMES_KEY]).toMatchObject({ v: 1, forms: build.forms });
    expect(stored[TABLES_KEY]).toMatchObject({ v: 1, tables: detectorTables });
    expect((stored[NAMES_KEY] as { rev: string }).rev).toBe(
      (stored[TABLES_KEY] as { rev: string }).rev,
    );
    const set = vi.spyOn(area(), 'set');
    expect(await publish(area(), build)).toBe('unchanged');
    expect(set).not.toHaveBeenCalled();
  });

  it('removes both items for an empty library', async () => {
    await publish(area(), build);
    expect(await publish(area(), null)).toBe('removed');
    expect(await area().get(null)).toEqual({});
    expect(await publish(area(), null)).toBe('unchanged');
  });

  it('keeps the names item small: forms only', async () => {
    await publish(area(), build);
    const names = (await area().get(NAMES_KEY))[NAMES_KEY];
    expect(JSON.stringify(names).length).toBeLessThan(100);
  });
});

describe('reading it back', () => {
  it('gives the forms and the tables as published', async () => {
    await publish(area(), build);
    expect(await readTrackedForms(area())).toEqual(build.forms);
    expect(await readPublishedTables(area())).toEqual(detectorTables);
  });

  it('gives nothing when nothing is published', async () => {
    expect(await readTrackedForms(area())).toEqual([]);
    expect(await readPublishedTables(area())).toBeNull();
  });

  it.each([
    ['another format version', { v: 2, rev: 'x', tables: detectorTables }],
    ['tables of another version', { v: 1, rev: 'x', tables: { ...detectorTables, version: 99 } }],
    ['tables missing a part', { v: 1, rev: 'x', tables: { version: detectorTables.version } }],
    ['not an object', 'tables'],
  ])('falls back to the bundled tables on %s', (_why, value) => {
    expect(tablesFrom(value)).toBeNull();
  });

  it('keeps only string forms', () => {
    expect(formsFrom({ v: 1, rev: 'x', forms: ['A', 3, '', null, 'B'] })).toEqual(['A', 'B']);
    expect(formsFrom({ v: 9, forms: ['A'] })).toEqual([]);
  });
});

describe('watchPublished', () => {
  it('says what changed: forms, tables, or both, and stops when asked', async () => {
    const changes: unknown[] = [];
    const stop = watchPublished(area().onChanged, (c) => changes.push(c));
    await publish(area(), build);
    await area().set({ settings: { enabled: true } }); // not ours: no call
    await publish(area(), null);
    stop();
    await publish(area(), build);
    expect(changes).toEqual([
      { forms: build.forms, tables: detectorTables },
      { forms: [], tables: null },
    ]);
  });
});
