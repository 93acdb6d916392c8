/** Reading, watching and saving the settings item; a seam so page tests can hand in fakes. */
import { type Settings, settingsItem } from '../../lib/settings';

export interface SettingsApi {
  /** The settings, each stored field that does not hold replaced by its default. */
  get(): Promise<Settings>;
  watch(onChange: (s: Settings) => void): () => void;
  save(s: Settings): Promise<void>;
  /** What was wrong with the stored value (one line per field); empty when nothing was. */
  problems(): Promise<string[]>;
}

export function createSettingsApi(): SettingsApi {
  return {
    get: () => settingsItem.getValue(),
    watch: (onChange) => settingsItem.watch((s) => onChange(s)),
    save: (s) => settingsItem.setValue(s),
    problems: () => settingsItem.problems(),
  };
}
