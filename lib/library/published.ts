/**
 * What the background publishes for content scripts about the reader's library, in
 * `storage.local` (content scripts cannot open the extension's IndexedDB: they run in the
 * page's origin). Two items, both written by the background's library service after every
 * rebuild, both absent while the library is empty:
 *
 * - `library-names` (`PublishedNames`): the written forms of the reader's tracked names,
 *   label and aliases. Tiny: the content script's first stage reads it on every page, to
 *   know that a page naming a tracked name is worth the detector (tracked names count as
 *   core names).
 * - `library-tables` (`PublishedTables`): the detector tables of the merged pack (bundled
 *   + the reader's sources and names), prepared like lib/pack/generated/detect-tables.json.
 *   The second stage reads it instead of the bundled tables when it is there.
 *
 * Both carry the same `rev` (a tag of the tables), so a reader can tell they belong
 * together. Open tabs follow changes with `watchPublished` (storage.onChanged).
 * No storage library here: the content script imports this.
 */
import type { Browser } from 'wxt/browser';
import { type DetectorTables, TABLES_VERSION } from '../detect/tables';

export const NAMES_KEY = 'library-names';
export const TABLES_KEY = 'library-tables';
export const PUBLISHED_VERSION = 1;

export interface PublishedNames {
  v: typeof PUBLISHED_VERSION;
  rev: string;
  /** Every tracked name's label and aliases, as the reader wrote them. */
  forms: string[];
}

export interface PublishedTables {
  v: typeof PUBLISHED_VERSION;
  rev: string;
  tables: DetectorTables;
}

/** `browser.storage.local`, or the fake one in tests: only what is used here. */
export interface Area {
  get(keys: string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** The tracked forms in a stored `library-names` value; [] for nothing or anything unknown. */
export function formsFrom(value: unknown): string[] {
  if (!isObject(value) || value.v !== PUBLISHED_VERSION || !Array.isArray(value.forms)) return [];
  return value.forms.filter((f): f is string => typeof f === 'string' && f.length > 0);
}

/**
 * The merged tables in a stored `library-tables` value, or null: nothing published, or
 * tables of another format (an update in between), when the bundled tables are the safe choice.
 */
export function tablesFrom(value: unknown): DetectorTables | null {
  if (!isObject(value) || value.v !== PUBLISHED_VERSION || !isObject(value.tables)) return null;
  const t = value.tables;
  if (
    t.version !== TABLES_VERSION ||
    !isObject(t.entities) ||
    !isObject(t.names) ||
    !isObject(t.figures)
  ) {
    return null;
  }
  return t as unknown as DetectorTables;
}

/** First stage: the tracked forms (one small read). */
export async function readTrackedForms(area: Pick<Area, 'get'>): Promise<string[]> {
  return formsFrom((await area.get(NAMES_KEY))[NAMES_KEY]);
}

/** Second stage: the merged tables, or null to use the bundled ones. */
export async function readPublishedTables(area: Pick<Area, 'get'>): Promise<DetectorTables | null> {
  return tablesFrom((await area.get(TABLES_KEY))[TABLES_KEY]);
}

export interface PublishedChange {
  /** Present when the tracked forms changed. */
  forms?: string[];
  /** Present when the tables changed: the new ones, or null (back to the bundled tables). */
  tables?: DetectorTables | null;
}

type ChangeListener = (changes: Record<string, Browser.storage.StorageChange>) => void;

/** `browser.storage.local.onChanged`, or a stand-in in tests. */
export interface ChangeEvent {
  addListener(listener: ChangeListener): void;
  removeListener(listener: ChangeListener): void;
}

/**
 * Calls `onChange` when the background publishes a new library build; returns the stop
 * function. Listen on `browser.storage.local.onChanged`.
 */
export function watchPublished(
  onChanged: ChangeEvent,
  onChange: (change: PublishedChange) => void,
): () => void {
  const listener: ChangeListener = (changes) => {
    const names = changes[NAMES_KEY];
    const tables = changes[TABLES_KEY];
    if (!names && !tables) return;
    const change: PublishedChange = {};
    if (names) change.forms = formsFrom(names.newValue);
    if (tables) change.tables = tablesFrom(tables.newValue);
    onChange(change);
  };
  onChanged.addListener(listener);
  return () => onChanged.removeListener(listener);
}

/** A short tag of a string (FNV-1a, 32 bits, hex): tells one build from another. */
export function revOf(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/**
 * Background: publishes a build (or, for an empty library, removes both items). Writes
 * nothing when the stored build is the same, so open tabs are not woken for nothing.
 */
export async function publish(
  area: Area,
  build: { forms: string[]; tables: DetectorTables } | null,
): Promise<'written' | 'unchanged' | 'removed'> {
  const stored = (await area.get(NAMES_KEY))[NAMES_KEY];
  if (build === null) {
    if (stored === undefined) return 'unchanged';
    await area.remove([NAMES_KEY, TABLES_KEY]);
    return 'removed';
  }
  const rev = revOf(JSON.stringify([build.forms, build.tables]));
  if (isObject(stored) && stored.rev === rev) return 'unchanged';
  const names: PublishedNames = { v: PUBLISHED_VERSION, rev, forms: build.forms };
  const tables: PublishedTables = { v: PUBLISHED_VERSION, rev, tables: build.tables };
  await area.set({ [NAMES_KEY]: names, [TABLES_KEY]: tables });
  return 'written';
}
