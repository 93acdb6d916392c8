/**
 * The one settings module (lib/settings.ts) on the fake browser, against WXT's own storage
 * item, which is how earlier versions stored the settings: what it wrote, we read; we hear
 * the changes it hears; what we write, it reads.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from 'wxt/utils/storage';
import {
  DEFAULT_SETTINGS,
  readSettings,
  SETTINGS_KEY,
  SETTINGS_VERSION,
  type Settings,
  sameValue,
  settingsFrom,
  settingsItem,
  watchSettings,
} from '../../lib/settings';

/** The item earlier versions defined (lib/settings.ts before issue 17). */
const wxtItem = storage.defineItem<Settings>(`local:${SETTINGS_KEY}`, {
  fallback: DEFAULT_SETTINGS,
  version: SETTINGS_VERSION,
});

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
  it("gives the defaults when nothing is stored, as WXT's item does", async () => {
    expect(await readSettings()).toEqual(DEFAULT_SETTINGS);
    expect(await readSettings()).toEqual(await wxtItem.getValue());
  });

  it("reads what WXT's item saved, under the same key", async () => {
    await wxtItem.setValue(custom);
    expect(await readSettings()).toEqual(custom);
    expect(await settingsItem.getValue()).toEqual(custom);
  });

  it("saves under the same key, where WXT's item reads it", async () => {
    await settingsItem.setValue(custom);
    expect(await wxtItem.getValue()).toEqual(custom);
    const raw = await fakeBrowser.storage.local.get(SETTINGS_KEY);
    expect(raw[SETTINGS_KEY]).toEqual(custom);
  });

  it('saves a value repaired and names what was wrong with the stored one', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { ...custom, hoverDelayMs: 'slow' } });
    expect(await settingsItem.problems()).toEqual([
      'hoverDelayMs: "slow", the default used instead',
    ]);
    await settingsItem.setValue({ ...custom, disabledSites: [' A.test ', 7 as never] });
    expect(await wxtItem.getValue()).toEqual({ ...custom, disabledSites: ['a.test'] });
    expect(await settingsItem.problems()).toEqual([]);
  });

  it('reads a value stamped with the current version', async () => {
    await fakeBrowser.storage.local.set({
      [SETTINGS_KEY]: custom,
      [`${SETTINGS_KEY}$`]: { v: SETTINGS_VERSION },
    });
    expect(await readSettings()).toEqual(custom);
    expect(await readSettings()).toEqual(await wxtItem.getValue());
  });

  it('falls back to the defaults for a version it does not know', async () => {
    await fakeBrowser.storage.local.set({
      [SETTINGS_KEY]: { enabled: false, theme: 'new format' },
      [`${SETTINGS_KEY}$`]: { v: SETTINGS_VERSION + 1 },
    });
    expect(await readSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('repairs a partial or wrongly typed value field by field', async () => {
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
      const read = await readSettings();
      expect(read).toEqual({ ...DEFAULT_SETTINGS, ...repaired });
    }
  });
});

describe('watchSettings', () => {
  it('hears each change, with the value before it, and the defaults when it is removed', async () => {
    const heard = vi.fn();
    const unwatch = watchSettings(heard);
    await settingsItem.setValue(custom);
    expect(heard).toHaveBeenLastCalledWith(custom, DEFAULT_SETTINGS);
    await settingsItem.setValue({ ...custom, hoverDelayMs: 600 });
    expect(heard).toHaveBeenLastCalledWith({ ...custom, hoverDelayMs: 600 }, custom);
    await settingsItem.removeValue();
    expect(heard).toHaveBeenLastCalledWith(DEFAULT_SETTINGS, { ...custom, hoverDelayMs: 600 });
    expect(heard).toHaveBeenCalledTimes(3);
    unwatch();
  });

  it("agrees with WXT's item on which writes are changes", async () => {
    const ours = vi.fn();
    const wxt = vi.fn();
    const unwatchOurs = watchSettings(ours);
    const unwatchWxt = wxtItem.watch(wxt);
    await settingsItem.setValue(custom);
    // The same value again, with its keys in another order: not a change.
    await settingsItem.setValue(Object.fromEntries(Object.entries(custom).reverse()) as Settings);
    await fakeBrowser.storage.local.set({ other: 1 });
    await settingsItem.setValue({ ...custom, enabled: false });
    expect(ours.mock.calls).toEqual(wxt.mock.calls);
    expect(ours).toHaveBeenCalledTimes(2);
    unwatchOurs();
    unwatchWxt();
  });

  it('stops when unwatched', async () => {
    const heard = vi.fn();
    watchSettings(heard)();
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
