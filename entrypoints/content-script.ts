/**
 * The content script (listed in the manifest by wxt.config.ts: top frame of http(s) pages,
 * at document_start): the first stage only (lib/content/first-stage.ts), which loads the
 * rest from the package on a page about the story. An unlisted script rather than WXT's
 * `defineContentScript`, whose context announces itself to the page with a window message
 * and can be told by the page that it is invalidated (issue 19).
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { extensionApi } from '../lib/content/extension-api';
import { type StartSession, startFirstStage } from '../lib/content/first-stage';
import { importExtractor } from '../lib/library/page-extract';
import coreForms from '../lib/pack/generated/core-names.json';

export default defineUnlistedScript({
  globalName: false,
  main() {
    const api = extensionApi();
    if (window.top !== window || !api) return;
    startFirstStage({
      api,
      coreForms,
      // A literal path at the import: scripts/web-ext-lint.ts accepts its warning.
      loadSession: async () =>
        (await import(/* @vite-ignore */ api.getURL('/page-session.js'))).default as StartSession,
      loadExtractor: () => importExtractor(api.getURL),
      signal: new AbortController().signal,
    }).catch((error: unknown) => console.error('[sourcelight]', error));
  },
});
