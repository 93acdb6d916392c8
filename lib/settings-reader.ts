/**
 * Reading and watching the settings on a storage area handed in: `browser.storage.local`
 * bound by settings.ts (extension pages, background, second stage), or the first stage's
 * own `storage.local` (lib/content/extension-api.ts), which must not pull in the
 * polyfill that `wxt/browser` brings. The one format and the one repair
 * (settings-schema.ts): a bad field must not stop a page from being marked.
 */
import {
  DEFAULT_SETTINGS,
  SETTINGS_KEY,
  SETTINGS_VERSION,
  type Settings,
} from './settings-defaults';
import { repairedSettings } from './settings-schema';

/** WXT keeps an item's metadata under its key plus "$": `{ v: version }`. */
const META_KEY = `${SETTINGS_KEY}$`;

/**
 * What a stored value means: WXT's fallback rule (nothing stored: the defaults), then each
 * field repaired on its own. A value stamped with another version is in a format this
 * reader does not know; the defaults are safer than misreading it (WXT never stamps one
 * today: `settingsItem` has no migrations).
 */
export function settingsFrom(value: unknown, meta?: unknown): Settings {
  const v = (meta as { v?: unknown } | null | undefined)?.v;
  if (v != null && v !== SETTINGS_VERSION) return DEFAULT_SETTINGS;
  return repairedSettings(value ?? DEFAULT_SETTINGS);
}

export interface StorageChange {
  oldValue?: unknown;
  newValue?: unknown;
}
type ChangeListener = (changes: Record<string, StorageChange>) => void;

/**
 * `browser.storage.local` (or `chrome.storage.local`, or the fake one in tests): only what
 * is used here. Passed in, so the content script's first stage needs no polyfill.
 */
export interface SettingsArea {
  get(keys: string[]): Promise<Record<string, unknown>>;
  onChanged: {
    addListener(listener: ChangeListener): void;
    removeListener(listener: ChangeListener): void;
  };
}

/** The settings as stored now: one `storage.local.get` for the value and its version. */
export async function readSettings(area: Pick<SettingsArea, 'get'>): Promise<Settings> {
  const got = await area.get([SETTINGS_KEY, META_KEY]);
  return settingsFrom(got[SETTINGS_KEY], got[META_KEY]);
}

/**
 * Calls `onChange` with the new settings whenever the stored value changes (the defaults
 * when it is removed); returns the function that stops watching.
 */
export function watchSettings(
  area: Pick<SettingsArea, 'onChanged'>,
  onChange: (next: Settings, previous: Settings) => void,
): () => void {
  const listener: ChangeListener = (changes) => {
    const change = changes[SETTINGS_KEY];
    // Writing the same value again is not a change (WXT compares deeply as well).
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
