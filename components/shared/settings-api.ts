/** Reading, watching and saving the settings item; a seam so page tests can hand in fakes. */
import { type Settings, settingsItem } from '../../lib/settings';

export interface SettingsApi {
  get(): Promise<Settings>;
  watch(onChange: (s: Settings) => void): () => void;
  save(s: Settings): Promise<void>;
}

export function createSettingsApi(): SettingsApi {
  return {
    get: () => settingsItem.getValue(),
    watch: (onChange) => settingsItem.watch((s) => onChange(s ?? settingsItem.fallback)),
    save: (s) => settingsItem.setValue(s),
  };
}
