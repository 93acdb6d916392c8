/**
 * Changes to the library as pure functions: merging an import (an address already in the
 * library, or twice in the file, is skipped; so is a name already tracked), removing a
 * source or a name, and the ids the pack build gives the reader's sources and names.
 * The background stores what these return; nothing here touches storage.
 */
import type { LibraryFile, TrackedNameInFile } from './file';
import type { Library, LibrarySource, TrackedName } from './types';

/** FNV-1a, 32 bits: a short stable tag for an address (not a security hash). */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * The pack id of a reader's source: `u`, when it was added (so the reader's sources sort
 * by date added), and a tag of its address (so two added in the same millisecond differ).
 * Stable while the source is in the library, whatever else is added or removed.
 */
export function sourceIdOf(source: Pick<LibrarySource, 'url' | 'addedAt'>): string {
  const ms = Date.parse(source.addedAt);
  const when = (Number.isFinite(ms) ? Math.max(0, ms) : 0).toString(36).padStart(9, '0');
  return `u${when}${fnv1a(source.url).toString(16).padStart(8, '0').slice(0, 6)}`;
}

/** The name folded for comparing: case and spacing do not make two names. */
export function foldName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Tracked names' ids start with this; no catalog id does (they name things, not owners). */
export const TRACKED_PREFIX = 'mine-';

export function isTrackedId(id: string): boolean {
  return id.startsWith(TRACKED_PREFIX);
}

/** `mine-moonshot-ai`; names without Latin letters or digits get a tag of their text. */
export function nameIdOf(label: string, taken: ReadonlySet<string>): string {
  const slug = foldName(label)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  const base = `${TRACKED_PREFIX}${slug || fnv1a(label).toString(16)}`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/** Every written form of a tracked name, folded. */
function formsOf(name: Pick<TrackedName, 'label' | 'aliases'>): string[] {
  return [name.label, ...name.aliases].map(foldName);
}

/** A tracked name from its parts: the label not repeated among aliases, duplicates dropped. */
export function trackedName(input: TrackedNameInFile, taken: ReadonlySet<string>): TrackedName {
  const label = input.label.trim();
  const seen = new Set([foldName(label)]);
  const aliases: string[] = [];
  for (const alias of input.aliases.map((a) => a.trim())) {
    const folded = foldName(alias);
    if (!alias || seen.has(folded)) continue;
    seen.add(folded);
    aliases.push(alias);
  }
  return { id: nameIdOf(label, taken), label, kind: input.kind, aliases, addedAt: input.addedAt };
}

export interface MergeResult {
  /** What to store: only the new entries. */
  sources: LibrarySource[];
  names: TrackedName[];
  /** Addresses skipped: already in the library, or earlier in the same file. */
  skippedSources: string[];
  /** Labels skipped: a form of theirs is already tracked. */
  skippedNames: string[];
}

/** What an imported file adds to `current`; `current` itself is not changed. */
export function mergeLibrary(
  current: Library,
  incoming: Pick<LibraryFile, 'sources' | 'names'>,
): MergeResult {
  const urls = new Set(current.sources.map((s) => s.url));
  const sources: LibrarySource[] = [];
  const skippedSources: string[] = [];
  for (const s of incoming.sources) {
    if (urls.has(s.url)) {
      skippedSources.push(s.url);
      continue;
    }
    urls.add(s.url);
    sources.push({ ...s });
  }

  const forms = new Set(current.names.flatMap(formsOf));
  const ids = new Set(current.names.map((n) => n.id));
  const names: TrackedName[] = [];
  const skippedNames: string[] = [];
  for (const n of incoming.names) {
    const name = trackedName(n, ids);
    const its = formsOf(name);
    if (its.some((f) => forms.has(f))) {
      skippedNames.push(name.label);
      continue;
    }
    for (const f of its) forms.add(f);
    ids.add(name.id);
    names.push(name);
  }
  return { sources, names, skippedSources, skippedNames };
}

export function withoutSource(library: Library, url: string): Library {
  return { ...library, sources: library.sources.filter((s) => s.url !== url) };
}

export function withoutName(library: Library, id: string): Library {
  return { ...library, names: library.names.filter((n) => n.id !== id) };
}
