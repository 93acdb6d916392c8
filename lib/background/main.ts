/**
 * Starts the background: the message router, the badge, reading history. The entrypoint
 * only calls this with the bundled pack.
 */
import { browser } from 'wxt/browser';
import type { PackInput } from '../pack/load';
import type { Pack } from '../pack/types';
import { isSiteEnabled, settingsItem } from '../settings';
import { openHistoryStore } from '../store/history-store';
import { showTermCount, startBadgeReset } from './badge';
import { createHandlers } from './handlers';
import { createHistory } from './history';
import { createBackgroundLibrary, startLibraryEvents } from './library-start';
import { createRouter } from './router';

/** `input`: the bundled pack's build input, which the reader's library is built with. */
export function startBackground(pack: Pack, input?: PackInput) {
  const history = createHistory({
    // A blocked upgrade that later goes through, or a connection closed under us: reopen.
    open: () => openHistoryStore({ onClose: history.reset, onUnblocked: history.reset }),
    settings: () => settingsItem.getValue(),
  });
  const tabHosts = new Map<number, string>();
  const openTab = async (path: string, besideTabId?: number) => {
    const url = browser.runtime.getURL(path as '/reader.html');
    const beside = besideTabId === undefined ? undefined : await browser.tabs.get(besideTabId);
    await browser.tabs.create({
      url,
      ...(beside && { index: beside.index + 1, windowId: beside.windowId }),
    });
  };
  const library = input ? createBackgroundLibrary(pack, input) : undefined;
  const handlers = createHandlers({ pack, history, tabHosts, openTab, library });
  const stopLibrary = library ? startLibraryEvents(library, openTab) : () => {};
  const router = createRouter(handlers, {
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
  });
  browser.runtime.onMessage.addListener(router);
  const stopBadge = startBadgeReset((tabId) => tabHosts.delete(tabId));
  const onRemoved = (tabId: number) => tabHosts.delete(tabId);
  browser.tabs.onRemoved.addListener(onRemoved);
  // A site turned off stops its content scripts at once; their badges go with them. (Turned
  // back on, the content script reports its terms again.)
  const unwatch = settingsItem.watch((settings) => {
    if (!settings) return;
    for (const [tabId, host] of tabHosts) {
      if (!isSiteEnabled(settings, host)) void showTermCount(tabId, 0);
    }
  });
  return {
    handlers,
    history,
    library,
    stop() {
      browser.runtime.onMessage.removeListener(router);
      stopBadge();
      browser.tabs.onRemoved.removeListener(onRemoved);
      unwatch();
      stopLibrary();
    },
  };
}
