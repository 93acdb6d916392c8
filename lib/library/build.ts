/**
 * One pack from the bundled input and the reader's library, through the same `buildPack`
 * as `npm run pack` (cleaning, claims, figures, topics, and whatever else the build does),
 * and the detector tables from it (`prepareDetector`, as the pack script prepares the
 * bundled ones). The background runs this after every change to the library; the CLI runs
 * it for `--add`. Pure.
 *
 * Tracked names become `core` entities (marked on every page, like DeepSeek's own names).
 * A tracked form the pack (or an earlier tracked name) already has is left out of the
 * build, and reported, rather than failing the whole build over one alias.
 */
import { prepareDetector } from '../detect/prepare';
import type { DetectorTables } from '../detect/tables';
import { buildPack, toDetectorPack } from '../pack/build';
import type { LoadedEntity, LoadedSource, PackInput } from '../pack/load';
import type { Pack } from '../pack/types';
import { foldName, sourceIdOf } from './merge';
import type { Library, LibrarySource, TrackedName } from './types';

/** The file name the build reports for the reader's entities. */
export const LIBRARY_FILE_LABEL = 'your library';

export interface SkippedForm {
  nameId: string;
  form: string;
  /** Who has it already: an entity id of the pack or of an earlier tracked name. */
  ownerId: string;
}

export function librarySource(s: LibrarySource): LoadedSource {
  return {
    id: sourceIdOf(s),
    file: s.url,
    title: s.title,
    date: s.date,
    dateAsPrinted: null,
    outlet: s.outlet,
    byline: s.byline,
    language: s.language,
    text: s.text,
    added: { url: s.url, addedAt: s.addedAt },
  };
}

/** What a tracked name says about itself: only that the reader tracks it, no claim. */
export const TRACKED_DESCRIPTION = 'A name you track in your library.';

/** Tracked names as catalog entities, minus forms someone already has. */
export function trackedEntities(
  bundled: readonly LoadedEntity[],
  names: readonly TrackedName[],
): { entities: LoadedEntity[]; skipped: SkippedForm[] } {
  const owner = new Map<string, string>();
  for (const { entity } of bundled) {
    for (const form of [entity.label, ...entity.aliases]) owner.set(foldName(form), entity.id);
  }
  const entities: LoadedEntity[] = [];
  const skipped: SkippedForm[] = [];
  for (const name of names) {
    const kept: string[] = [];
    for (const form of [name.label, ...name.aliases]) {
      const key = foldName(form);
      const had = owner.get(key);
      if (had !== undefined && had !== name.id) {
        skipped.push({ nameId: name.id, form, ownerId: had });
        continue;
      }
      if (had === name.id) continue; // written twice, once folded
      owner.set(key, name.id);
      kept.push(form);
    }
    const [label, ...aliases] = kept;
    if (label === undefined) continue;
    entities.push({
      file: LIBRARY_FILE_LABEL,
      entity: {
        id: name.id,
        label,
        kind: name.kind,
        tier: 'core',
        aliases,
        description: TRACKED_DESCRIPTION,
        // The description says only that the reader tracks it: nothing to ground in a source.
        basis: [],
        related: [],
      },
    });
  }
  return { entities, skipped };
}

export function libraryPackInput(
  bundled: PackInput,
  library: Library,
): { input: PackInput; skipped: SkippedForm[] } {
  const { entities, skipped } = trackedEntities(bundled.entities, library.names);
  return {
    input: {
      ...bundled,
      sources: [...bundled.sources, ...library.sources.map(librarySource)],
      entities: [...bundled.entities, ...entities],
    },
    skipped,
  };
}

export interface LibraryBuild {
  pack: Pack;
  tables: DetectorTables;
  skipped: SkippedForm[];
}

export function buildLibraryPack(bundled: PackInput, library: Library): LibraryBuild {
  const { input, skipped } = libraryPackInput(bundled, library);
  const pack = buildPack(input);
  return { pack, tables: prepareDetector(toDetectorPack(pack)), skipped };
}

/** Whether a pack source is one of the reader's (`Source.added`). */
export function isReaders(source: { added?: unknown }): boolean {
  return source.added !== undefined && source.added !== null;
}
