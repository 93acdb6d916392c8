import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

/**
 * The fake browser sends runtime messages with an empty sender, which the background's
 * router rightly refuses; re-address them as coming from one of our own extension pages.
 */
export function routeMessagesFrom(pagePath: `/${string}.html`): void {
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: unknown) => {
    const results = await fakeBrowser.runtime.onMessage.trigger(message, {
      id: fakeBrowser.runtime.id,
      url: fakeBrowser.runtime.getURL(pagePath as '/popup.html'),
    } as never);
    return results[0];
  }) as never);
}
