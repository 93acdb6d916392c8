/**
 * The library's place in the running background: its service over the extension's
 * IndexedDB and `storage.local`, the context-menu item "Track in Sourcelight" on a
 * selection (the `contextMenus` permission: the one way to act on selected text without a
 * script injected into the page), and a rebuild when the extension is installed or updated
 * (the published tables were built by the previous version).
 */
import { browser } from 'wxt/browser';
import { publish } from '../library/published';
import type { PackInput } from '../pack/load';
import type { Pack } from '../pack/types';
import { openLibraryStore } from '../store/library-store';
import { createLibrary, type LibraryService } from './library';

export const TRACK_MENU_ID = 'sourcelight-track';
/** Longer selections are passages, not names. */
export const MAX_SELECTION = 200;

export function createBackgroundLibrary(pack: Pack, input: PackInput): LibraryService {
  const library: LibraryService = createLibrary({
    bundled: pack,
    input,
    // A blocked upgrade that later goes through, or a connection closed under us: reopen.
    open: () =>
      openLibraryStore({ onClose: () => library.reset(), onUnblocked: () => library.reset() }),
    publish: (build) => publish(browser.storage.local, build),
  });
  return library;
}

/** `library.html?track=NAME`: the form where the reader picks the kind and the aliases. */
export function trackPath(selection: string): string | null {
  const name = selection.replace(/\s+/g, ' ').trim();
  if (!name || name.length > MAX_SELECTION) return null;
  return `/library.html?${new URLSearchParams({ track: name })}`;
}

interface MenuClick {
  menuItemId: string | number;
  selectionText?: string;
}

/**
 * Registers the menu and the install hook; returns the stop function. `openTab` opens an
 * extension page beside a tab.
 */
export function startLibraryEvents(
  library: LibraryService,
  openTab: (path: string, besideTabId?: number) => Promise<void>,
): () => void {
  const stopMenu = registerTrackMenu(openTab);
  const onInstalled = () => void library.refresh();
  browser.runtime.onInstalled.addListener(onInstalled);
  return () => {
    stopMenu();
    browser.runtime.onInstalled.removeListener(onInstalled);
  };
}

/** "Track in Sourcelight" on selected text; a browser without context menus just has none. */
function registerTrackMenu(openTab: (path: string, besideTabId?: number) => Promise<void>) {
  const menus = browser.contextMenus;
  if (!menus) return () => {};
  const onClicked = (info: MenuClick, tab?: { id?: number }) => {
    if (info.menuItemId !== TRACK_MENU_ID) return;
    const path = trackPath(info.selectionText ?? '');
    if (path) void openTab(path, tab?.id).catch(() => {});
  };
  const warn = (error: unknown) => console.warn('Sourcelight: no context menu', error);
  try {
    menus.onClicked.addListener(onClicked);
    // Recreated at every start: Chrome keeps items across worker restarts, Firefox's
    // background page does not; removing first makes both the same and never duplicates.
    void Promise.resolve()
      .then(() => menus.removeAll())
      .then(() => {
        menus.create({ id: TRACK_MENU_ID, title: 'Track in Sourcelight', contexts: ['selection'] });
      })
      .catch(warn);
  } catch (error) {
    warn(error);
    return () => {};
  }
  return () => menus.onClicked.removeListener(onClicked);
}
