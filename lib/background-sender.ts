/**
 * Asking the background, over whichever `runtime.sendMessage` the caller has: the polyfill's
 * (lib/transport.ts, for extension pages) or the browser's own (the content script's
 * second stage, lib/content/extension-api.ts, which loads no polyfill). No extension API
 * is imported here.
 */
import { envelope } from './message-table';
import type { BackgroundProtocol, RequestOf, ResponseOf } from './messages';

export type SendToBackground = <N extends keyof BackgroundProtocol>(
  name: N,
  payload: RequestOf<N>,
) => Promise<ResponseOf<N>>;

/**
 * How the background's polyfill answers in Chrome when a handler throws: its own reply,
 * which the polyfill's `sendMessage` turns back into a rejection. The browser's own
 * `sendMessage` resolves with it, so it is turned back here.
 */
interface PolyfillRejection {
  __mozWebExtensionPolyfillReject__: true;
  message?: unknown;
}

function isRejection(reply: unknown): reply is PolyfillRejection {
  return (
    typeof reply === 'object' &&
    reply !== null &&
    (reply as Partial<PolyfillRejection>).__mozWebExtensionPolyfillReject__ === true
  );
}

export function backgroundSender(
  sendMessage: (message: unknown) => Promise<unknown>,
): SendToBackground {
  return async (name, payload) => {
    const reply = await sendMessage(envelope(name, payload));
    if (isRejection(reply)) {
      throw new Error(typeof reply.message === 'string' ? reply.message : 'the background failed');
    }
    return reply as never;
  };
}
