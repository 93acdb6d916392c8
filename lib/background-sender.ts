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

export function backgroundSender(
  sendMessage: (message: unknown) => Promise<unknown>,
): SendToBackground {
  return async (name, payload) => (await sendMessage(envelope(name, payload))) as never;
}
