/**
 * The reader's settings: one versioned item in extension storage (never page storage).
 * Extension pages and the background read, watch and save it through WXT's storage; the
 * content script only reads and watches, through settings-reader.ts, which reads the same
 * key the same way without shipping the storage library to every page.
 */
import { storage } from 'wxt/utils/storage';
import {
  DEFAULT_SETTINGS,
  SETTINGS_KEY,
  SETTINGS_VERSION,
  type Settings,
} from './settings-defaults';

export * from './settings-defaults';

export const settingsItem = storage.defineItem<Settings>(`local:${SETTINGS_KEY}`, {
  fallback: DEFAULT_SETTINGS,
  version: SETTINGS_VERSION,
});
