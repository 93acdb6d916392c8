/**
 * What the settings are, where they are stored and what they are before the reader
 * changes anything: the one source of truth for settings.ts, which reads, watches and
 * writes them, and for the schema that repairs them (settings-schema.ts). No extension API
 * here: pure code may import it.
 */
import { ENTITY_KINDS, type EntityKind } from './pack/types';

/** What can be marked: every entity kind, plus figures. */
export type MarkKind = EntityKind | 'figure';

export type HighlightStyle = 'underline' | 'background' | 'outline';

export interface Settings {
  /** Master switch. */
  enabled: boolean;
  /** Kinds to mark; the others are found but not painted. */
  kinds: MarkKind[];
  /** Context terms and figures only on pages that mention a core term. */
  gating: boolean;
  highlightStyle: HighlightStyle;
  /** Paint only each term's first occurrence on a page (twelve "DeepSeek" marks are noise). */
  firstOccurrenceOnly: boolean;
  /** Milliseconds the pointer rests on a term before its card opens. */
  hoverDelayMs: number;
  /** Hostnames where Sourcelight does nothing. */
  disabledSites: string[];
  historyEnabled: boolean;
  /** Days of reading history kept; older visits are dropped. */
  historyDays: number;
}

export const ALL_MARK_KINDS: readonly MarkKind[] = [...ENTITY_KINDS, 'figure'];

export const DEFAULT_SETTINGS: Settings = {
  enabled: true,
  kinds: [...ALL_MARK_KINDS],
  gating: true,
  highlightStyle: 'underline',
  firstOccurrenceOnly: false,
  hoverDelayMs: 350,
  disabledSites: [],
  historyEnabled: true,
  historyDays: 90,
};

/** The key in `storage.local`; WXT keeps the item's metadata (its version) under `settings$`. */
export const SETTINGS_KEY = 'settings';

/**
 * The stored format's version, as WXT records it. A new version needs a migration in
 * `settingsItem` and the same in `readSettings`, which refuses versions it does not know.
 */
export const SETTINGS_VERSION = 1;

/** Whether marking is on for a page's hostname. */
export function isSiteEnabled(settings: Settings, hostname: string): boolean {
  return settings.enabled && !settings.disabledSites.includes(hostname);
}
