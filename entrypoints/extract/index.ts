/**
 * The extraction bundle (`extract.js`): Readability and the page-metadata reader, loaded by
 * the content script only when the reader asks to add the page to their sources
 * (lib/library/page-extract.ts), so no page pays for Readability otherwise. Built as an ES
 * module whose default export is `extractArticle` (wxt.config.ts), like page-ui.js: it runs
 * in the content script's isolated world, never the page's, and puts nothing on a global.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { extractArticle } from '../../lib/library/extract';

export default defineUnlistedScript({
  globalName: false,
  main: () => extractArticle,
});
