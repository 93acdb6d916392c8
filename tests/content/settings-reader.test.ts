/**
 * The content script's settings reader against WXT's own item, both on the fake browser:
 * what `settingsItem` writes, the reader reads, and it hears the same changes.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, type Settings, settingsItem } from '../../lib/settings';
import { SETTINGS_KEY, SETTINGS_VERSION } from '../../lib/settings-defaults';
import { readSettings, sameValue, settingsFrom, watchSettings } from '../../lib/settings-reader';

const custom: Settings = {
  ...DEFAULT_SETTINGS,
  gating: false,
  highlightStyle: 'outline',
  kinds: ['person', 'figure'],
  disabledSites: ['example.com'],
};

beforeEach(() => {
  fakeBrowser.reset();
});

describe('readSettings', () => {
  it('gives the defaults when nothing is stored, as settingsItem does', async () => {
    expect(await readSettings(fakeBrowser.storage.local)).toEqual(DEFAULT_SETTINGS);
    expect(await readSettings(fakeBrowser.storage.local)).toEqual(await settingsItem.getValue());
  });

  it('reads what settingsItem saved, under the same key', async () => {
    await settingsItem.setValue(custom);
    expect(await readSettings(fakeBrowser.storage.local)).toEqual(custom);
    expect(await readSettings(fakeBrowser.storage.local)).toEqual(await settingsItem.getValue());
    const raw = await fakeBrowser.storage.local.get(SETTINGS_KEY);
    expect(raw[SETTINGS_KEY]).toEqual(custom);
  });

  it('reads a value stamped with the current version', async () => {
    await fakeBrowser.storage.local.set({
      [SETTINGS_KEY]: custom,
      [`${SETTINGS_KEY}$`]: { v: SETTINGS_VERSION },
    });
    expect(await readSettings(fakeBrowser.storage.local)).toEqual(custom);
    expect(await readSettings(fakeBrowser.storage.local)).toEqual(await settingsItem.getValue());
  });

  it('falls back to the defaults for a version it does not know', async () => {
    await fakeBrowser.storage.local.set({
      [SETTINGS_KEY]: { enabled: false, theme: 'new format' },
      [`${SETTINGS_KEY}$`]: { v: SETTINGS_VERSION + 1 },
    });
    expect(await readSettings(fakeBrowser.storage.local)).toEqual(DEFAULT_SETTINGS);
  });

  it('repairs a partial or wrongly typed value field by field, as settingsItem does', async () => {
    // Issue 19: these threw in the content script and left the options page loading.
    const bads: [Record<string, unknown>, Partial<Settings>][] = [
      [{ enabled: false }, { enabled: false }],
      [
        { ...custom, disabledSites: null, kinds: 'person' },
        { ...custom, disabledSites: [], kinds: DEFAULT_SETTINGS.kinds },
      ],
    ];
    for (const [bad, repaired] of bads) {
      await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: bad });
      const read = await readSettings(fakeBrowser.storage.local);
      expect(read).toEqual({ ...DEFAULT_SETTINGS, ...repaired });
      expect(read).toEqual(await settingsItem.getValue());
    }
  });
});

describe('watchSettings', () => {
  it('hears each change settingsItem makes, and the defaults when it is removed', async () => {
    const heard = vi.fn();
    const unwatch = watchSettings(fakeBrowser.storage.local, heard);
    await settingsItem.setValue(custom);
    expect(heard).toHaveBeenLastCalledWith(custom);
    await settingsItem.setValue({ ...custom, hoverDelayMs: 600 });
    expect(heard).toHaveBeenLastCalledWith({ ...custom, hoverDelayMs: 600 });
    await settingsItem.removeValue();
    expect(heard).toHaveBeenLastCalledWith(DEFAULT_SETTINGS);
    expect(heard).toHaveBeenCalledTimes(3);
    unwatch();
  });

  it('agrees with settingsItem.watch on which writes are changes', async () => {
    const ours = vi.fn();
    const wxt = vi.fn();
    const unwatchOurs = watchSettings(fakeBrowser.storage.local, ours);
    const unwatchWxt = settingsItem.watch(wxt);
    await settingsItem.setValue(custom);
    // The same value again, with its keys in another order: not a change.
    await settingsItem.setValue(Object.fromEntries(Object.entries(custom).reverse()) as Settings);
    await fakeBrowser.storage.local.set({ other: 1 });
    await settingsItem.setValue({ ...custom, enabled: false });
    expect(ours.mock.calls.map(([s]) => s)).toEqual(wxt.mock.calls.map(([s]) => s));
    expect(ours).toHaveBeenCalledTimes(2);
    unwatchOurs();
    unwatchWxt();
  });

  it('stops when unwatched', async () => {
    const heard = vi.fn();
    watchSettings(fakeBrowser.storage.local, heard)();
    await settingsItem.setValue(custom);
    expect(heard).not.toHaveBeenCalled();
  });
});

describe('settingsFrom and sameValue', () => {
  it('apply the fallback rule to empty values', () => {
    expect(settingsFrom(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(settingsFrom(null, null)).toEqual(DEFAULT_SETTINGS);
    expect(settingsFrom(custom, {})).toEqual(custom);
  });

  it.each<[unknown, unknown, boolean]>([
    [{ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 }, true],
    [{ a: 1 }, { a: 1, b: undefined }, false],
    [[1, 2], [2, 1], false],
    [[], {}, false],
    [{ a: { b: 'x' } }, { a: { b: 'y' } }, false],
    [null, undefined, false],
    [Number.NaN, Number.NaN, true],
    ['a', 'a', true],
  ])('compare %j and %j deeply: %s', (a, b, same) => {
    expect(sameValue(a, b)).toBe(same);
  });
});
