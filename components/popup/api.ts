/**
 * What the popup asks of the browser, in one place so the components stay props-and-render
 * and tests can hand in fakes. Settings are read and written directly (extension storage),
 * everything else goes through the typed message contract.
 */
import { browser } from 'wxt/browser';
import type { BackgroundProtocol, RequestOf, ResponseOf, TermCount } from '../../lib/messages';
import { type Settings, settingsItem } from '../../lib/settings';
import { siteOf } from '../../lib/site';
import { send, sendToTab } from '../../lib/transport';

export interface ActiveTab {
  id: number;
  /** Hostname when the tab shows a web page; null on browser pages (no switch there). */
  hostname: string | null;
}

export interface PopupApi {
  activeTab(): Promise<ActiveTab | null>;
  /** Null when no content script answers (a browser page, or a tab loaded before install). */
  tabTerms(tabId: number): Promise<TermCount[] | null>;
  openSidebar(tabId: number, termId?: string): Promise<void>;
  ask<N extends keyof BackgroundProtocol>(name: N, payload: RequestOf<N>): Promise<ResponseOf<N>>;
  settings(): Promise<Settings>;
  watchSettings(onChange: (s: Settings) => void): () => void;
  saveSettings(s: Settings): Promise<void>;
  /**
   * "Add this page to my sources": the tab's content script extracts the article, the
   * background keeps it and opens the review page beside the tab.
   */
  addPage(tabId: number): Promise<{ ok: true } | { ok: false; error: string }>;
  close(): void;
}

/**
 * The real one. The active tab's URL comes from `activeTab`, granted when the user clicks
 * the toolbar button, so the extension needs no `tabs` permission. `?tab=ID` picks a tab
 * by id instead (the end-to-end test opens the popup as a page, where "active tab" would
 * be the popup itself).
 */
export function createPopupApi(location: { search: string } = globalThis.location): PopupApi {
  const wanted = Number(new URLSearchParams(location.search).get('tab'));
  const asPage = Number.isInteger(wanted) && wanted > 0;
  return {
    async activeTab() {
      const tab = asPage
        ? await browser.tabs.get(wanted)
        : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
      if (tab?.id === undefined) return null;
      // Without activeTab (popup opened as a page), ask where the content script lives.
      const hostname =
        siteOf(tab.url) ??
        (await send('page:host', { tabId: tab.id }).catch(() => ({ hostname: null }))).hostname;
      return { id: tab.id, hostname };
    },
    async tabTerms(tabId) {
      try {
        return await sendToTab(tabId, 'tab:terms', {});
      } catch {
        return null;
      }
    },
    async openSidebar(tabId, termId) {
      await sendToTab(tabId, 'tab:open-sidebar', termId === undefined ? {} : { id: termId });
    },
    ask: send,
    settings: () => settingsItem.getValue(),
    watchSettings: (onChange) => settingsItem.watch((s) => onChange(s ?? settingsItem.fallback)),
    saveSettings: (s) => settingsItem.setValue(s),
    async addPage(tabId) {
      const extracted = await sendToTab(tabId, 'tab:extract', {}).catch(() => null);
      // No answer: a tab loaded before install, a site turned off, or a browser page.
      if (!extracted) {
        return { ok: false, error: 'Sourcelight cannot read this page. Reload it and try again.' };
      }
      if (!extracted.ok) return extracted;
      const staged = await send('library:stage', { page: extracted.page, tabId });
      return staged.ok ? { ok: true } : staged;
    },
    // The toolbar popup gets out of the way of the sidebar it opened; opened as a page
    // (`?tab=ID`), it is a tab of its own and stays.
    close: () => {
      if (!asPage) globalThis.close();
    },
  };
}
