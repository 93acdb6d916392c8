/**
 * The reader's settings: one versioned item in extension storage (never page storage).
 * Extension pages and the background read, watch and save it through WXT's storage; the
 * content script only reads and watches, through settings-reader.ts, which reads the same
 * key the same way without shipping the storage library to every page. Every value read is
 * repaired field by field (settings-schema.ts), so a bad stored field never reaches a
 * caller: the options page always loads, and saving writes the whole value back repaired.
 */
import { storage } from 'wxt/utils/storage';
import {
  DEFAULT_SETTINGS,
  SETTINGS_KEY,
  SETTINGS_VERSION,
  type Settings,
} from './settings-defaults';
import { parseSettings, repairedSettings } from './settings-schema';

export * from './settings-defaults';

const stored = storage.defineItem<Settings>(`local:${SETTINGS_KEY}`, {
  fallback: DEFAULT_SETTINGS,
  version: SETTINGS_VERSION,
});

/** The settings item as callers use it: WXT's, with every value read repaired. */
export interface SettingsItem {
  readonly fallback: Settings;
  getValue(): Promise<Settings>;
  setValue(value: Settings): Promise<void>;
  removeValue(): Promise<void>;
  /** Calls back with the new and the old value (repaired) on each real change. */
  watch(onChange: (next: Settings, previous: Settings) => void): () => void;
  /** What is wrong with the stored value, one line per field; empty when nothing is. */
  problems(): Promise<string[]>;
}

export const settingsItem: SettingsItem = {
  fallback: DEFAULT_SETTINGS,
  getValue: async () => repairedSettings(await stored.getValue()),
  setValue: (value) => stored.setValue(parseSettings(value).settings),
  removeValue: () => stored.removeValue(),
  watch: (onChange) =>
    stored.watch((next, previous) =>
      onChange(repairedSettings(next ?? DEFAULT_SETTINGS), repairedSettings(previous)),
    ),
  problems: async () => parseSettings(await stored.getValue()).problems,
};
