/**
 * The keyboard shortcut (manifest `commands`) that opens the sidebar in the active tab: on
 * the term whose card is open, under the pointer or at the caret (the page session picks,
 * lib/content/session.ts), else on the page's list of terms. Registered by the background.
 */
import { browser } from 'wxt/browser';
import { sendToTab } from './transport';

export const OPEN_SIDEBAR_COMMAND = 'open-sidebar';

export function registerSidebarCommand(): void {
  browser.commands.onCommand.addListener(async (command) => {
    if (command !== OPEN_SIDEBAR_COMMAND) return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return;
    // A tab without our content script (a browser page, a site turned off) has no listener.
    await sendToTab(tab.id, 'tab:open-sidebar', {}).catch(() => {});
  });
}
