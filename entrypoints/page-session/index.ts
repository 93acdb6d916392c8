/**
 * The second stage (`page-session.js`): the detector, marks, hover, card and sidebar for a
 * page about the story (lib/content/session.ts). Loaded with `import()` by the content
 * script's first stage only on such a page; built as an ES module whose default export is
 * `startPageSession` (wxt.config.ts), like page-ui.js.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startPageSession } from '../../lib/content/session';

export default defineUnlistedScript({
  globalName: false,
  main: () => startPageSession,
});
