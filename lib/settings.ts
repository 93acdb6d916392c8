/**
 * The reader's settings in extension storage (never page storage): the one module that
 * reads, watches and writes them, for the content script, the background and the extension
 * pages alike (the content script's first stage reads through settings-reader.ts, on which
 * this is built, without the polyfill). One key in `storage.local`, in the format WXT's
 * storage item wrote it (the value under `settings`, a version stamp under `settings$`),
 * read with `storage.local` directly: a storage library would be ~7 KB to parse and wake
 * on every page for one `get` and one listener. Every value read goes through the one repair
 * (settings-schema.ts), so a bad stored field never reaches a caller: a page is still
 * marked, the options page always loads, and saving writes the whole value back repaired.
 */
import { browser } from 'wxt/browser';
import { DEFAULT_SETTINGS, SETTINGS_KEY, type Settings } from './settings-defaults';
import { readSettings as readFrom, watchSettings as watchOn } from './settings-reader';
import { parseSettings } from './settings-schema';

export * from './settings-defaults';
export { sameValue, settingsFrom } from './settings-reader';

/** The settings as stored now (`storage.local`). */
export const readSettings = (): Promise<Settings> => readFrom(browser.storage.local);

/**
 * Calls `onChange` with the new and the previous settings whenever the stored value really
 * changes (the defaults when it is removed); returns the function that stops watching.
 */
export const watchSettings = (onChange: (next: Settings, previous: Settings) => void) =>
  watchOn(browser.storage.local, onChange);

/** The settings as the extension pages and the background use them. */
export interface SettingsItem {
  readonly fallback: Settings;
  getValue(): Promise<Settings>;
  /** Saves the value repaired (a bad field is saved as its default). */
  setValue(value: Settings): Promise<void>;
  removeValue(): Promise<void>;
  /** Calls back with the new and the old value (repaired) on each real change. */
  watch(onChange: (next: Settings, previous: Settings) => void): () => void;
  /** What is wrong with the stored value, one line per field; empty when nothing is. */
  problems(): Promise<string[]>;
}

export const settingsItem: SettingsItem = {
  fallback: DEFAULT_SETTINGS,
  getValue: readSettings,
  setValue: (value) => browser.storage.local.set({ [SETTINGS_KEY]: parseSettings(value).settings }),
  removeValue: () => browser.storage.local.remove(SETTINGS_KEY),
  watch: watchSettings,
  problems: async () => {
    const got = await browser.storage.local.get(SETTINGS_KEY);
    return parseSettings(got[SETTINGS_KEY]).problems;
  },
};
