/**
 * The background's answers to the library's messages (lib/library/protocol.ts), over the
 * library service. The router has checked each payload against its schema
 * (lib/library/protocol.ts); a change the library refuses answers `{ ok: false, error }` in
 * words the page shows as they are.
 */
import { foldName, isTrackedId, sourceIdOf } from '../library/merge';
import type { LibraryProtocol, Outcome } from '../library/protocol';
import type { Handlers } from '../messages';
import type { Pack } from '../pack/types';
import type { LibraryService } from './library';

export interface LibraryHandlerDeps {
  library: LibraryService;
  openTab: (path: string, besideTabId?: number) => Promise<void>;
  now?: () => number;
}

/** Runs a change; a refusal becomes `{ ok: false, error }`. */
async function outcome<T extends object>(work: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, ...(await work()) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/** The pack entity (not a tracked name) that already has this written form, if any. */
export function knownEntity(pack: Pack, form: string) {
  const key = foldName(form);
  return pack.entities.find(
    (e) => !isTrackedId(e.id) && [e.label, ...e.aliases].some((a) => foldName(a) === key),
  );
}

export function libraryHandlers(deps: LibraryHandlerDeps): Handlers<LibraryProtocol> {
  const { library } = deps;
  const now = deps.now ?? Date.now;

  return {
    'library:status': () => library.status(),

    'library:list': async () => {
      const [status, lib, pack] = await Promise.all([
        library.status(),
        library.library().catch(() => ({ sources: [], names: [] })),
        library.pack(),
      ]);
      const claimsBySource = new Map<string, number>();
      const sentencesByEntity = new Map<string, number>();
      for (const c of pack.claims) {
        claimsBySource.set(c.sourceId, (claimsBySource.get(c.sourceId) ?? 0) + 1);
        for (const id of c.entityIds)
          sentencesByEntity.set(id, (sentencesByEntity.get(id) ?? 0) + 1);
      }
      return {
        status,
        sources: lib.sources.map(({ text, ...rest }) => {
          const sourceId = sourceIdOf(rest);
          return {
            ...rest,
            sourceId,
            chars: text.length,
            claims: claimsBySource.get(sourceId) ?? 0,
          };
        }),
        names: lib.names.map((n) => ({ ...n, sentences: sentencesByEntity.get(n.id) ?? 0 })),
      };
    },

    'library:stage': ({ page, tabId }, sender) =>
      outcome(async () => {
        const draftId = await library.stage(page);
        await deps.openTab(
          `/library.html?draft=${encodeURIComponent(draftId)}`,
          tabId ?? sender.tabId,
        );
        return { draftId };
      }),

    'library:draft': async ({ id }) => {
      const found = await library.draft(id);
      return found && { id, page: found.draft.page, exists: found.exists, preview: found.preview };
    },

    'library:confirm': ({ id, metadata }) => outcome(() => library.confirm(id, metadata)),

    'library:discard': async ({ id }) => {
      await library.discard(id);
      return null;
    },

    'library:remove-source': ({ url }) =>
      outcome(async () => {
        await library.removeSource(url);
        return {};
      }),

    'library:track': ({ label, kind, aliases }) =>
      outcome(async () => {
        const known = knownEntity(await library.pack(), label);
        if (known) {
          throw new Error(
            `“${label}” is already a name Sourcelight knows (${known.label}): it is marked already.`,
          );
        }
        const result = await library.track([
          {
            label,
            kind,
            aliases: aliases.filter((a) => a),
            addedAt: new Date(now()).toISOString(),
          },
        ]);
        const id = result.added[0];
        if (!id) throw new Error(`“${label}” is already one of your tracked names.`);
        return { id };
      }),

    'library:untrack': ({ id }) =>
      outcome(async () => {
        await library.untrack(id);
        return {};
      }),

    'library:export': () => outcome(async () => ({ file: await library.exportFile() })),

    'library:import': ({ text }) =>
      outcome(async () => ({ summary: await library.importFile(text) })),

    'library:clear': () =>
      outcome(async () => {
        await library.clear();
        return {};
      }),

    'library:sources': async () => {
      const pack = await library.pack();
      const sources = pack.sources.filter((s) => s.added);
      const ids = new Set(sources.map((s) => s.id));
      return { sources, claims: pack.claims.filter((c) => ids.has(c.sourceId)) };
    },
  };
}
