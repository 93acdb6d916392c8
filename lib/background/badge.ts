/**
 * The toolbar badge: how many terms are marked on a tab. Per tab, cleared when the tab
 * starts loading a new page. Chrome MV3 calls the button `action`, Firefox MV2
 * `browserAction`; both take the same calls.
 */
import { browser } from 'wxt/browser';

interface BadgeApi {
  setBadgeText(details: { tabId?: number; text: string }): Promise<void> | void;
  setBadgeBackgroundColor(details: { color: string }): Promise<void> | void;
}

function badgeApi(): BadgeApi | undefined {
  const b = browser as unknown as { action?: BadgeApi; browserAction?: BadgeApi };
  return b.action ?? b.browserAction;
}

export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > 999 ? '999+' : String(count);
}

export async function showTermCount(tabId: number, count: number): Promise<void> {
  const api = badgeApi();
  if (!api) return;
  await api.setBadgeText({ tabId, text: badgeText(count) });
}

/** Clears a tab's badge whenever it navigates; returns the stop function. */
export function startBadgeReset(onNavigate?: (tabId: number) => void): () => void {
  const api = badgeApi();
  void api?.setBadgeBackgroundColor({ color: '#5b4bb7' });
  const onUpdated = (tabId: number, change: { status?: string }) => {
    if (change.status !== 'loading') return;
    onNavigate?.(tabId);
    void showTermCount(tabId, 0);
  };
  browser.tabs.onUpdated.addListener(onUpdated);
  return () => browser.tabs.onUpdated.removeListener(onUpdated);
}
