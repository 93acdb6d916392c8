/**
 * The background's library service: the reader's sources and names in IndexedDB, one pack
 * built from the bundled input and them (lib/library/build.ts), and the detector tables
 * published for content scripts (lib/library/published.ts). Every change is one step at a
 * time: store, reload, rebuild, publish. Reading answers the pack the handlers use.
 *
 * When IndexedDB fails (no quota, a blocked upgrade, none at all) the bundled pack goes on
 * working, the library says it is unavailable and why, and a change the reader asked for
 * fails with that reason instead of half happening.
 */
import { buildLibraryPack, type LibraryBuild } from '../library/build';
import type { LibraryFile } from '../library/file';
import { parseLibraryFile, toLibraryFile } from '../library/file';
import { mergeLibrary } from '../library/merge';
import { type Preview, previewOf } from '../library/preview';
import type { ExtractedPage, Library, PageMetadata } from '../library/types';
import type { PackInput } from '../pack/load';
import type { Pack } from '../pack/types';
import type { Draft, LibraryStore } from '../store/library-store';

const DAY = 86_400_000;

export interface LibraryDeps {
  bundled: Pack;
  /** The bundled pack's build input (lib/pack/generated/input.json); null: no library. */
  input: PackInput | null;
  open: () => Promise<LibraryStore>;
  /** Writes the build for content scripts (null: the library is empty). */
  publish: (build: { forms: string[]; tables: LibraryBuild['tables'] } | null) => Promise<unknown>;
  now?: () => number;
  newId?: () => string;
  log?: (message: string, error: unknown) => void;
}

export interface LibraryStatus {
  available: boolean;
  /** Why not, in words, when it is not. */
  reason: string | null;
  sources: number;
  names: number;
  /** Tracked forms left out because the pack already has them: `form` belongs to `owner`. */
  skipped: { nameId: string; form: string; owner: string }[];
}

/** Thrown to the caller (and shown to the reader) when the library cannot do what was asked. */
export class LibraryError extends Error {
  override name = 'LibraryError';
}

function reasonOf(error: unknown): string {
  const name = (error as { name?: string } | null)?.name;
  if (name === 'QuotaExceededError') return 'the browser has no storage left for Sourcelight';
  if (error instanceof Error && error.name === 'DatabaseError') return error.message;
  return error instanceof Error ? error.message : String(error);
}

export function createLibrary(deps: LibraryDeps) {
  const now = deps.now ?? Date.now;
  const newId = deps.newId ?? (() => crypto.randomUUID());
  const log = deps.log ?? ((m, e) => console.warn(`Sourcelight: ${m}`, e));
  let opening: Promise<LibraryStore> | null = null;
  let current: { library: Library; build: LibraryBuild | null } | null = null;
  let failure: string | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  function store(): Promise<LibraryStore> {
    opening ??= deps.open().catch((error: unknown) => {
      opening = null; // the next request tries again (a blocked upgrade may have cleared)
      failure = reasonOf(error);
      log('the library is unavailable', error);
      throw new LibraryError(`Your library is unavailable: ${failure}.`);
    });
    return opening;
  }

  /** One change or rebuild at a time, in order; a failed one does not stop the next. */
  function serial<T>(work: () => Promise<T>): Promise<T> {
    const run = queue.then(work, work);
    queue = run.catch(() => {});
    return run;
  }

  function build(library: Library): LibraryBuild | null {
    if (library.sources.length === 0 && library.names.length === 0) return null;
    return buildLibraryPack(input(), library);
  }

  function input(): PackInput {
    if (!deps.input) throw new LibraryError('This build of Sourcelight keeps no library.');
    return deps.input;
  }

  /** Reads the stored library, rebuilds and publishes. Callers hold the queue. */
  async function reload(): Promise<void> {
    const s = await store();
    const library = await s.all();
    const b = build(library);
    current = { library, build: b };
    failure = null;
    const forms = library.names.flatMap((n) => [n.label, ...n.aliases]);
    await deps.publish(b && { forms, tables: b.tables }).catch((error: unknown) => {
      log('could not publish the library to open tabs', error);
    });
  }

  async function loaded(): Promise<{ library: Library; build: LibraryBuild | null }> {
    if (!current) await serial(reload);
    return current as { library: Library; build: LibraryBuild | null };
  }

  /** Runs a change, then rebuilds; a storage failure is the reader's error, in words. */
  function change<T>(what: string, work: (s: LibraryStore, library: Library) => Promise<T>) {
    return serial(async () => {
      const s = await store();
      if (!current) await reload();
      try {
        const result = await work(s, (current as { library: Library }).library);
        await reload();
        return result;
      } catch (error) {
        if (error instanceof LibraryError) throw error;
        log(`library: ${what} failed`, error);
        throw new LibraryError(`Could not ${what}: ${reasonOf(error)}.`);
      }
    });
  }

  async function draftOf(id: string): Promise<Draft | null> {
    return (await (await store()).draft(id)) ?? null;
  }

  return {
    /** The pack the handlers answer from: the merged one, or the bundled one. */
    async pack(): Promise<Pack> {
      try {
        return (await loaded()).build?.pack ?? deps.bundled;
      } catch {
        return deps.bundled;
      }
    },

    /** Rebuild and republish from what is stored (start-up after an update). */
    refresh: () => serial(reload).catch(() => {}),

    /** The connection closed under us or a blocked upgrade went through: reopen next time. */
    reset(): void {
      opening = null;
      current = null;
    },

    async status(): Promise<LibraryStatus> {
      try {
        const { library, build: b } = await loaded();
        return {
          available: true,
          reason: null,
          sources: library.sources.length,
          names: library.names.length,
          skipped: (b?.skipped ?? []).map((x) => ({
            nameId: x.nameId,
            form: x.form,
            owner: x.ownerId,
          })),
        };
      } catch {
        return { available: false, reason: failure, sources: 0, names: 0, skipped: [] };
      }
    },

    async library(): Promise<Library> {
      return (await loaded()).library;
    },

    /** Keeps an extracted page until the reader confirms or discards it. */
    async stage(page: ExtractedPage): Promise<string> {
      const s = await store();
      const id = newId();
      await s.expireDrafts(now() - DAY).catch(() => {});
      await s.putDraft({ id, page, createdAt: now() });
      return id;
    },

    async draft(id: string): Promise<{ draft: Draft; exists: boolean; preview: Preview } | null> {
      const draft = await draftOf(id);
      if (!draft) return null;
      const { library } = await loaded();
      const exists = library.sources.some((x) => x.url === draft.page.url);
      const candidate = {
        ...draft.page.metadata,
        url: draft.page.url,
        addedAt: new Date(now()).toISOString(),
        text: draft.page.text,
      };
      const others = library.sources.filter((x) => x.url !== candidate.url);
      const b = buildLibraryPack(input(), {
        sources: [...others, candidate],
        names: library.names,
      });
      const source = b.pack.sources.find((x) => x.added?.url === candidate.url);
      if (!source) throw new LibraryError('The article could not be built into the pack.');
      return { draft, exists, preview: previewOf(b.pack, source) };
    },

    async discard(id: string): Promise<void> {
      await (await store()).removeDraft(id);
    },

    /** Adds the staged page, verbatim, with the metadata as the reader left it. */
    confirm(id: string, metadata: PageMetadata) {
      return change('add the article', async (s, library) => {
        const draft = await s.draft(id);
        if (!draft) throw new LibraryError('This review has expired: add the page again.');
        if (library.sources.some((x) => x.url === draft.page.url)) {
          throw new LibraryError('This address is already in your library.');
        }
        await s.add({
          sources: [
            {
              ...metadata,
              url: draft.page.url,
              addedAt: new Date(now()).toISOString(),
              text: draft.page.text,
            },
          ],
        });
        await s.removeDraft(id);
        return { url: draft.page.url };
      });
    },

    removeSource: (url: string) => change('remove the article', (s) => s.removeSource(url)),

    /** Tracks names (already checked); returns what was added and what was already tracked. */
    track(names: LibraryFile['names']) {
      return change('track the name', async (s, library) => {
        const merged = mergeLibrary(library, { sources: [], names });
        await s.add({ names: merged.names });
        return { added: merged.names.map((n) => n.id), skipped: merged.skippedNames };
      });
    },

    untrack: (id: string) => change('stop tracking the name', (s) => s.removeName(id)),

    async exportFile(): Promise<LibraryFile> {
      return toLibraryFile((await loaded()).library, new Date(now()));
    },

    /** Checks the whole file first: a bad file changes nothing. */
    importFile(text: string) {
      const file = parseLibraryFile(text);
      return change('import the library file', async (s, library) => {
        const merged = mergeLibrary(library, file);
        await s.add({ sources: merged.sources, names: merged.names });
        return {
          addedSources: merged.sources.length,
          addedNames: merged.names.length,
          skippedSources: merged.skippedSources,
          skippedNames: merged.skippedNames,
        };
      });
    },

    clear: () => change('clear the library', (s) => s.clear()),
  };
}

export type LibraryService = ReturnType<typeof createLibrary>;
