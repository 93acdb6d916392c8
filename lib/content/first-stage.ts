/**
 * The first stage: what runs on every page the reader opens, and nearly none are about the
 * story, so it does almost nothing. It reads the settings and the site switch, looks once
 * (at DOMContentLoaded) for a core name in the page's text (core-matcher.ts; the reader's
 * tracked names count as core names), and until it finds one watches only for text the
 * page adds later (SPA routes, infinite scroll): one MutationObserver, no layout reads, no
 * timers, nothing while the page is idle. Only on a page with a core name (or with gating
 * off in the options) does it load the second stage, page-session.js (session.ts), from
 * the extension's package. It owns the tab's messages and hands them on.
 *
 * It stops for good only when the extension's context is really gone (`runtime.id`), not
 * on anything a page can send (issue 19).
 */

import type { Extract } from '../library/page-extract';
import { extractThisPage } from '../library/page-extract';
import { readTrackedForms, watchPublished } from '../library/published';
import type { Handlers } from '../messages';
import { isSiteEnabled, type Settings } from '../settings-defaults';
import { readSettings, watchSettings } from '../settings-reader';
import { checkTabRequest, isTabEnvelope, type TabProtocol } from '../tab-messages';
import { createCoreMatcher } from './core-matcher';
import type { ExtensionApi } from './extension-api';
import { pageHolds } from './page-text';
import type { PageSession, SessionOptions } from './session';

export type StartSession = (options: SessionOptions) => Promise<PageSession | null>;

export interface FirstStageEnv {
  api: ExtensionApi;
  /** The pack's core names (lib/pack/generated/core-names.json). */
  coreForms: readonly string[];
  /** Loads the second stage: `import()` of page-session.js. */
  loadSession: () => Promise<StartSession>;
  /** Loads the article extraction (extract.js), for "Add this page". */
  loadExtractor: () => Promise<Extract>;
  signal: AbortSignal;
  doc?: Document;
}

interface Running {
  abort: AbortController;
  ready: Promise<PageSession | null>;
}

export async function startFirstStage(env: FirstStageEnv): Promise<void> {
  const { api, signal } = env;
  const doc = env.doc ?? document;
  const win = doc.defaultView as Window & typeof globalThis;
  const [initial, tracked] = await Promise.all([
    readSettings(api.local),
    readTrackedForms(api.local).catch(() => []),
  ]);
  if (signal.aborted) return;
  let settings: Settings = initial;
  let holdsCore = createCoreMatcher([...env.coreForms, ...tracked]);
  /** The page's text held a core name: the second stage runs from now on (site switch aside). */
  let found = false;
  /** The reader asked for the sidebar on a page without one: run the second stage anyway. */
  let forced = false;
  let running: Running | null = null;
  let observer: MutationObserver | null = null;
  let reading = false;

  const siteOn = () => isSiteEnabled(settings, win.location.hostname);
  const wanted = () => siteOn() && (found || forced || !settings.gating);

  function update(): void {
    if (!api.alive()) {
      stopAll();
      return;
    }
    if (wanted()) {
      unwatch();
      if (!running) running = start();
      return;
    }
    stopSession();
    if (!siteOn()) unwatch();
    else if (doc.readyState !== 'loading') {
      watchText();
      readPage();
    }
  }

  /** The page's text, read once (again after the names change) in slices (page-text.ts). */
  function readPage(): void {
    if (reading) return;
    const test = holdsCore;
    reading = true;
    pageHolds(doc.body ?? doc.documentElement, test, { signal: stopWatching.signal }).then(
      (hit) => {
        reading = false;
        if (hit) {
          found = true;
          update();
        } else if (test !== holdsCore && !found) readPage(); // new names while it read
      },
    );
  }

  function start(): Running {
    const abort = new AbortController();
    const ready = env
      .loadSession()
      .then((startSession) => startSession({ api, settings, signal: abort.signal }))
      .catch((error: unknown) => {
        console.error('[sourcelight] the page session could not start', error);
        return null;
      });
    return { abort, ready };
  }

  function stopSession(): void {
    running?.abort.abort();
    running = null;
  }

  /** Text the page adds later: tested as it comes, until a core name turns up. */
  function watchText(): void {
    if (observer) return;
    observer = new win.MutationObserver((records) => {
      if (!api.alive()) {
        stopAll();
        return;
      }
      for (const r of records) {
        if (r.type === 'characterData') {
          if (holdsCore((r.target as CharacterData).data)) return hit();
          continue;
        }
        const added = r.addedNodes;
        for (let i = 0; i < added.length; i++) {
          const n = added[i] as Node;
          if ((n.nodeType === 1 || n.nodeType === 3) && holdsCore(n.textContent ?? '')) {
            return hit();
          }
        }
      }
    });
    // The document itself, not its root element: `document.open()` replaces the root, and
    // an observer of the old one would hear nothing the new page writes (issue 19).
    observer.observe(doc, { childList: true, subtree: true, characterData: true });
  }

  function hit(): void {
    found = true;
    update();
  }

  function unwatch(): void {
    observer?.disconnect();
    observer = null;
  }

  function stopAll(): void {
    unwatch();
    stopSession();
    stopWatching.abort();
  }

  const stopWatching = new AbortController();
  signal.addEventListener('abort', stopAll, { once: true });
  const unwatchSettings = watchSettings(api.local, (next) => {
    settings = next;
    running?.ready.then((s) => s?.settingsChanged(next));
    update();
  });
  const unwatchPublished = watchPublished(api.local.onChanged, (change) => {
    if (change.forms) {
      holdsCore = createCoreMatcher([...env.coreForms, ...change.forms]);
      if (!found) update();
    }
    // New tables (the reader's library was rebuilt): the session starts again with them.
    if (change.tables !== undefined && running) {
      stopSession();
      update();
    }
  });
  stopWatching.signal.addEventListener('abort', () => {
    unwatchSettings();
    unwatchPublished();
  });

  const handlers: Handlers<TabProtocol> = {
    'tab:terms': async () => (await running?.ready)?.terms() ?? [],
    'tab:open-sidebar': async ({ id }) => {
      if (!siteOn()) return null;
      forced = true;
      update();
      (await running?.ready)?.openSidebar(id);
      return null;
    },
    'tab:extract': () => extractThisPage(doc, env.loadExtractor),
  };
  api.serve((message) => {
    if (!isTabEnvelope(message) || !api.alive()) return undefined;
    const name = message.name;
    const handle = handlers[name] as (payload: unknown, sender: object) => unknown;
    // A payload its schema refuses is answered with an error naming the field, not run.
    return Promise.resolve().then(() => handle(checkTabRequest(name, message.payload), {}));
  }, stopWatching.signal);

  if (doc.readyState === 'loading') {
    // The second stage with gating off builds its detector while the page is parsed.
    if (wanted()) update();
    doc.addEventListener('DOMContentLoaded', () => update(), { once: true });
  } else update();
}
