/**
 * What the background does for each message. Built from its dependencies (the pack, the
 * history service, how to open a tab) so tests can run it without a browser.
 */
import { knowledgeHandlers } from '../knowledge/handlers';
import type { BackgroundProtocol, Handlers } from '../messages';
import type { Pack } from '../pack/types';
import { buildSearchIndex, searchPack } from '../search/pack-search';
import { siteOf } from '../site';
import { showTermCount } from './badge';
import type { History } from './history';
import { createLibrary, type LibraryService } from './library';
import { libraryHandlers } from './library-handlers';
import { perPack } from './per-pack';
import { summarizePack } from './summary';

export interface HandlerDeps {
  pack: Pack;
  history: History;
  /** Opens an extension page in a new tab, next to the tab that asked when there is one. */
  openTab: (path: string, besideTabId?: number) => Promise<void>;
  setBadge?: (tabId: number, count: number) => Promise<void>;
  /** Tab id to the hostname its content script reported from; cleared on navigation. */
  tabHosts?: Map<number, string>;
  /**
   * The reader's library: once it holds anything, its pack (the bundled input plus the
   * reader's sources and names, one build) answers instead of `pack`.
   */
  library?: LibraryService;
}

/** `reader.html?source=ID&claim=ID`, after checking both ids exist in the pack. */
export function readerPath(pack: Pack, sourceId: string, claimId?: string): string {
  if (!pack.sources.some((s) => s.id === sourceId)) {
    throw new Error(`reader:open: no source with id ${JSON.stringify(sourceId)}`);
  }
  const params = new URLSearchParams({ source: sourceId });
  if (claimId !== undefined) {
    const claim = pack.claims.find((c) => c.id === claimId);
    if (!claim || claim.sourceId !== sourceId) {
      throw new Error(`reader:open: no claim ${JSON.stringify(claimId)} in source ${sourceId}`);
    }
    params.set('claim', claimId);
  }
  return `/reader.html?${params}`;
}

export function createHandlers(deps: HandlerDeps): Handlers<BackgroundProtocol> {
  const { history, library } = deps;
  const setBadge = deps.setBadge ?? showTermCount;
  const current = async () => (library ? library.pack() : deps.pack);
  // Derived once per pack (the bundled one, then each library build), on first use: most
  // wake-ups of the worker never search.
  const summary = perPack(summarizePack);
  const index = perPack(buildSearchIndex);
  // Where each tab's content script last spoke from; lost when the worker sleeps, which
  // only matters when the popup has no `activeTab` URL either.
  const hosts = deps.tabHosts ?? new Map<number, string>();

  return {
    // What the card and sidebar ask about a term (lib/knowledge), from the current pack.
    ...perPack.handlers(knowledgeHandlers, deps.pack, current),

    'pack:summary': async () => summary(await current()),

    'page:terms': async ({ url, title, terms }, sender) => {
      if (sender.tabId !== undefined) {
        const host = siteOf(sender.url);
        if (host) hosts.set(sender.tabId, host);
        // The tab may close while the message is on its way; history still counts the visit.
        await setBadge(sender.tabId, terms.length).catch(() => {});
      }
      await history.record({ url, title, terms, incognito: sender.incognito ?? false });
      return null;
    },

    'history:seen': ({ id, url }, sender) => history.seen(id, url, sender.incognito ?? false),

    'reader:open': async ({ sourceId, claimId }, sender) => {
      await deps.openTab(readerPath(await current(), sourceId, claimId), sender.tabId);
      return null;
    },

    'pack:search': async ({ query }) => searchPack(index(await current()), query),

    'history:status': async () => ({ state: await history.state() }),
    'history:list': () => history.list(),
    'history:clear': () => history.clear(),
    'page:host': ({ tabId }) => ({ hostname: hosts.get(tabId) ?? null }),

    // The reader's own sources and names (lib/background/library-handlers.ts).
    ...libraryHandlers({ library: library ?? noLibrary(deps.pack), openTab: deps.openTab }),
  };
}

/** Without a library (a build with no pack input, tests): the bundled pack, and changes refused. */
function noLibrary(pack: Pack): LibraryService {
  return createLibrary({
    bundled: pack,
    input: null,
    open: () => Promise.reject(new Error('this build of Sourcelight keeps no library')),
    publish: async () => {},
    log: () => {},
  });
}
