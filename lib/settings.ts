/**
 * The reader's settings in extension storage (never page storage): the one module that
 * reads, watches and writes them, for the content script, the background and the extension
 * pages alike. One key in `storage.local`, in the format WXT's storage item wrote it (the
 * value under `settings`, a version stamp under `settings$`), read with
 * `browser.storage.local` directly: a storage library would be ~7 KB to parse and wake on
 * every page for one `get` and one listener. Every value read goes through the one repair
 * (settings-schema.ts), so a bad stored field never reaches a caller: a page is still
 * marked, the options page always loads, and saving writes the whole value back repaired.
 */
import { type Browser, browser } from 'wxt/browser';
import {
  DEFAULT_SETTINGS,
  SETTINGS_KEY,
  SETTINGS_VERSION,
  type Settings,
} from './settings-defaults';
import { parseSettings, repairedSettings } from './settings-schema';

export * from './settings-defaults';

/** WXT kept an item's metadata under its key plus "$": `{ v: version }`. */
const META_KEY = `${SETTINGS_KEY}$`;

/**
 * What a stored value means: nothing stored is the defaults, then each field is repaired
 * on its own. A value stamped with another version is in a format this build does not
 * know; the defaults are safer than misreading it (nothing stamps one today: a new version
 * needs a migration here).
 */
export function settingsFrom(value: unknown, meta?: unknown): Settings {
  const v = (meta as { v?: unknown } | null | undefined)?.v;
  if (v != null && v !== SETTINGS_VERSION) return DEFAULT_SETTINGS;
  return repairedSettings(value ?? DEFAULT_SETTINGS);
}

/** The settings as stored now: one `storage.local.get` for the value and its version. */
export async function readSettings(): Promise<Settings> {
  const got = await browser.storage.local.get([SETTINGS_KEY, META_KEY]);
  return settingsFrom(got[SETTINGS_KEY], got[META_KEY]);
}

/**
 * Calls `onChange` with the new and the previous settings whenever the stored value really
 * changes (the defaults when it is removed); returns the function that stops watching.
 */
export function watchSettings(onChange: (next: Settings, previous: Settings) => void): () => void {
  const area = browser.storage.local;
  const listener = (changes: Record<string, Browser.storage.StorageChange>) => {
    const change = changes[SETTINGS_KEY];
    // Writing the same value again is not a change.
    if (change == null || sameValue(change.newValue, change.oldValue)) return;
    onChange(settingsFrom(change.newValue), settingsFrom(change.oldValue));
  };
  area.onChanged.addListener(listener);
  return () => area.onChanged.removeListener(listener);
}

/** Deep equality of storable (JSON-like) values; object key order does not matter. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b || Object.is(a, b)) return true; // Object.is: NaN
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  return ka.every((k) => Object.hasOwn(rb, k) && sameValue(ra[k], rb[k]));
}

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
