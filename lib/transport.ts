/**
 * The contract's transport: how a message of lib/messages.ts reaches the background or a
 * tab, through the extension API. Kept apart from the contract so pure code (and the
 * background's router, which only checks and dispatches) never imports `wxt/browser`.
 */
import { browser } from 'wxt/browser';
import { backgroundSender } from './background-sender';
import { envelope } from './message-table';
import type { RequestOf, ResponseOf } from './messages';
import type { TabProtocol } from './tab-messages';

/** Ask the background. */
export const send = backgroundSender((message) => browser.runtime.sendMessage(message));

/** Ask a tab's content script (top frame only). */
export async function sendToTab<N extends keyof TabProtocol>(
  tabId: number,
  name: N,
  payload: RequestOf<N>,
): Promise<ResponseOf<N>> {
  return (await browser.tabs.sendMessage(tabId, envelope(name, payload), {
    frameId: 0,
  })) as ResponseOf<N>;
}
