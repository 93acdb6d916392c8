/**
 * The page UI bundle (`page-ui.js`): the card and sidebar with Preact, loaded by the
 * content script only when a card or the sidebar first opens (lib/content/lazy-ui.ts),
 * so pages where the reader never hovers do not pay for it.
 *
 * It is built as an ES module whose default export is `createPageUi` (the format is set in
 * wxt.config.ts): `import()` from the content script hands the factory over directly and it
 * runs in the content script's isolated world (Chrome) or sandbox (Firefox), never in the
 * page's. Nothing is put on any global, so a page has nothing to find or call.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { createPageUi } from '../../lib/page-ui/controller';

export default defineUnlistedScript({
  // No `var pageUi = ...` wrapper: an ES module exports; it does not need a global name.
  globalName: false,
  main: () => createPageUi,
});
