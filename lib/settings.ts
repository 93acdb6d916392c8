/**
 * The reader's settings: one versioned item in extension storage (never page storage).
 * Content scripts and pages read it and watch it, so a change applies live to open tabs.
 */
import { storage } from 'wxt/utils/storage';
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
  hoverDelayMs: 350,
  disabledSites: [],
  historyEnabled: true,
  historyDays: 90,
};

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

/** Whether marking is on for a page's hostname. */
export function isSiteEnabled(settings: Settings, hostname: string): boolean {
  return settings.enabled && !settings.disabledSites.includes(hostname);
}
