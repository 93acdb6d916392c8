/**
 * The few extension APIs the content script's first stage needs, taken straight from the
 * browser: `browser` in Firefox, `chrome` in Chrome (MV3's `chrome.*` return promises).
 * No polyfill: the first stage runs on every page, and the polyfill alone is more script
 * to parse than the rest of it. The second stage (page-session.js) is handed the same
 * object; only the card and sidebar (page-ui.js, loaded on first use) use `wxt/browser`.
 */
import type { SettingsArea } from '../settings-reader';

type MessageListener = (
  message: unknown,
  sender: unknown,
  sendResponse: (response: unknown) => void,
) => boolean | undefined;

/** The shape both `browser` and `chrome` share for what is used here. */
interface Api {
  runtime: {
    id?: string;
    getURL(path: string): string;
    sendMessage(message: unknown): Promise<unknown>;
    onMessage: {
      addListener(l: MessageListener): void;
      removeListener(l: MessageListener): void;
    };
  };
  storage: { local: SettingsArea };
}

export interface ExtensionApi {
  /** False once the extension is reloaded or removed: this script's context is gone. */
  alive(): boolean;
  getURL(path: string): string;
  /** `storage.local`: its `get` and `onChanged`. */
  local: SettingsArea;
  /** `runtime.sendMessage`: a promise in both browsers (MV3's `chrome.*` too). */
  sendMessage(message: unknown): Promise<unknown>;
  /**
   * Answers runtime messages until `signal` aborts. `answer` returns undefined for a
   * message that is not ours (so another listener may answer it), else the answer's
   * promise. A failure is logged and answered with null (no tab answer can fail today).
   */
  serve(answer: (message: unknown) => Promise<unknown> | undefined, signal: AbortSignal): void;
}

export function extensionApi(): ExtensionApi | null {
  const g = globalThis as { browser?: Api; chrome?: Api };
  const api = g.browser?.runtime?.id ? g.browser : g.chrome;
  if (!api?.runtime?.id) return null;
  return {
    alive: () => {
      try {
        return Boolean(api.runtime?.id);
      } catch {
        return false;
      }
    },
    getURL: (path) => api.runtime.getURL(path),
    local: api.storage.local,
    sendMessage: (message) => api.runtime.sendMessage(message),
    serve(answer, signal) {
      // sendResponse rather than a returned promise: Chrome takes promises from listeners
      // only in recent versions; `return true` keeps the channel open in both browsers.
      const l: MessageListener = (message, _sender, sendResponse) => {
        const pending = answer(message);
        if (!pending) return undefined;
        pending.then(sendResponse, (error: unknown) => {
          console.error('[sourcelight]', error);
          sendResponse(null);
        });
        return true;
      };
      api.runtime.onMessage.addListener(l);
      signal.addEventListener('abort', () => api.runtime.onMessage.removeListener(l), {
        once: true,
      });
    },
  };
}
