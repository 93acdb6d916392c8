/**
 * The background's one message listener. Every message is checked at the boundary: it
 * must come from this extension (a web page cannot reach runtime.onMessage without
 * `externally_connectable`, and other extensions are refused by id), be one of our
 * envelopes, and come from a place allowed to send it. Content scripts are only heard
 * from a tab's top frame; what the contract marks `pagesOnly` (history's list and clear,
 * the library) only from our own pages. Each payload is checked against its schema
 * (lib/messages.ts), and the handler gets it as the schema reads it.
 */
import type { BackgroundProtocol, Handlers } from '../messages';
import { checkBackgroundRequest, isBackgroundEnvelope, isPagesOnly } from '../messages';

type Name = keyof BackgroundProtocol;

/** The parts of `runtime.MessageSender` we look at (the same in Chrome and Firefox). */
export interface Sender {
  id?: string;
  url?: string;
  frameId?: number;
  tab?: { id?: number; incognito?: boolean };
}

export interface RouterOptions {
  extensionId: string;
  /** e.g. `chrome-extension://ID/` or `moz-extension://UUID/`. */
  extensionOrigin: string;
  log?: (message: string, error: unknown) => void;
}

export type SenderKind = 'extension-page' | 'content-script' | null;

/** Who sent this, or null when it is nobody we listen to. */
export function classifySender(sender: Sender, options: RouterOptions): SenderKind {
  if (sender.id !== options.extensionId) return null;
  if (sender.url?.startsWith(options.extensionOrigin)) return 'extension-page';
  // A content script: only its top frame speaks for the tab (frames may be ads or embeds).
  if (sender.tab?.id !== undefined && sender.frameId === 0) return 'content-script';
  return null;
}

/**
 * A `runtime.onMessage` listener. It returns a promise for messages it handles and
 * `undefined` for everything else, which tells the browser "not mine" (so nothing answers
 * a stranger, and other listeners keep working).
 */
export function createRouter(handlers: Handlers<BackgroundProtocol>, options: RouterOptions) {
  const log = options.log ?? ((m, e) => console.warn(`Sourcelight: ${m}`, e));
  return (message: unknown, sender: Sender): Promise<unknown> | undefined => {
    if (!isBackgroundEnvelope(message)) return undefined;
    const kind = classifySender(sender, options);
    if (!kind) return undefined;
    if (kind === 'content-script' && isPagesOnly(message.name)) return undefined;
    const handler = handlers[message.name] as (
      payload: unknown,
      s: Parameters<Handlers<BackgroundProtocol>[Name]>[1],
    ) => unknown;
    return (async () => {
      try {
        const payload = checkBackgroundRequest(message.name, message.payload);
        return await handler(payload, {
          tabId: sender.tab?.id,
          url: sender.url,
          frameId: sender.frameId,
          incognito: sender.tab?.incognito ?? false,
        });
      } catch (error) {
        log(`${message.name} failed`, error);
        throw error;
      }
    })();
  };
}
