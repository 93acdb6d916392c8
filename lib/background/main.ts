/**
 * Starts the background: the message router, the badge, reading history. The entrypoint
 * only calls this with the bundled pack.
 */
import { browser } from 'wxt/browser';
import type { Pack } from '../pack/types';
import { settingsItem } from '../settings';
import { openHistoryStore } from '../store/history-store';
import { startBadgeReset } from './badge';
import { createHandlers } from './handlers';
import { createHistory } from './history';
import { createRouter } from './router';

export function startBackground(pack: Pack) {
  const history = createHistory({
    open: () => openHistoryStore({ onClose: () => history.reset() }),
    settings: () => settingsItem.getValue(),
  });
  const handlers = createHandlers({
    pack,
    history,
    openTab: async (path, besideTabId) => {
      const url = browser.runtime.getURL(path as '/reader.html');
      const beside = besideTabId === undefined ? undefined : await browser.tabs.get(besideTabId);
      await browser.tabs.create({
        url,
        ...(beside && { index: beside.index + 1, windowId: beside.windowId }),
      });
    },
  });
  const router = createRouter(handlers, {
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
  });
  browser.runtime.onMessage.addListener(router);
  const stopBadge = startBadgeReset();
  return {
    handlers,
    history,
    stop() {
      browser.runtime.onMessage.removeListener(router);
      stopBadge();
    },
  };
}
