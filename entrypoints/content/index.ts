/**
 * The content script: top frame of http(s) pages only. Frames are left alone on purpose:
 * ads and embeds are not the article, and one sidebar per tab is what the reader expects
 * (`allFrames: false`; `tab:*` messages go to frame 0). It starts at document_start and
 * builds the detector in small tasks while the page is parsed, so the top of the page is
 * read and painted in the DOMContentLoaded task (start.ts); Chrome runs document_end
 * scripts only after the page's own post-DOMContentLoaded rendering, 100 to 250 ms later
 * on a long page (`npm run bench`). It ships only the detector pack's tables, prepared at
 * pack time (lib/detect/tables.ts).
 */
import './highlights.css';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { CONTENT_MATCHES } from '../../lib/content-matches';
import { detectorTables } from '../../lib/pack/bundled';
import { startPage } from './start';

export default defineContentScript({
  matches: CONTENT_MATCHES,
  runAt: 'document_start',
  allFrames: false,
  cssInjectionMode: 'manifest',
  main(ctx) {
    if (window.top !== window) return;
    const abort = new AbortController();
    ctx.onInvalidated(() => abort.abort());
    startPage(detectorTables, abort.signal).catch((error) => {
      console.error('[sourcelight]', error);
    });
  },
});
