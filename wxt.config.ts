import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { CONTENT_MATCHES } from './lib/content-matches';

/**
 * Unlisted scripts the content script `import()`s, built as ES modules and web-accessible:
 * the second stage (entrypoints/page-session/), the card and sidebar (entrypoints/page-ui/)
 * and the article extraction for "Add this page" (entrypoints/extract/).
 */
const LAZY_MODULES = new Set(['page-session', 'page-ui', 'extract']);
const LAZY_FILES = [...LAZY_MODULES].map((name) => `${name}.js`);

/**
 * The content script: the first stage (entrypoints/content-script.ts), an unlisted script
 * listed here by hand, with the highlights' style sheet (entrypoints/highlights.content.css).
 * Top frame only, on purpose: ads and embeds are not the article, and one sidebar per tab
 * is what the reader expects (`tab:*` messages go to frame 0). document_start, so that
 * with a core name in the page the second stage is on its way by DOMContentLoaded.
 */
const CONTENT_SCRIPT = {
  matches: CONTENT_MATCHES,
  js: ['content-script.js'],
  css: ['content-scripts/highlights.css'],
  run_at: 'document_start' as const,
  all_frames: false,
};

export default defineConfig({
  // Explicit imports read better and keep lib/ free of framework magic (STYLE.md).
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  hooks: {
    // WXT builds unlisted scripts as IIFEs, made for `executeScript` or a <script> tag.
    // The page UI is loaded with `import()` from the content script instead, so it is built
    // as an ES module: its default export (what its `main` returns, createPageUi) is what
    // `import()` resolves to, with no global in between. Built as an app entry rather than
    // in library mode, where Vite keeps all whitespace (for a later bundler's sake) and a
    // quarter of the file would be blanks; 'strict' keeps the entry's export.
    'vite:build:extendConfig'(entrypoints, config) {
      const build = config.build;
      if (!LAZY_MODULES.has(entrypoints[0]?.name ?? '') || !build?.lib) return;
      const output = build.rollupOptions?.output;
      build.rollupOptions = {
        ...build.rollupOptions,
        input: build.lib.entry,
        preserveEntrySignatures: 'strict',
        output: { ...(Array.isArray(output) ? {} : output), format: 'es' },
      };
      build.lib = false;
    },
    // A content script may `import()` only files that the page it runs on could load too
    // (Chrome refuses the import otherwise; Firefox ESR 153 allowed it unlisted, the entry
    // keeps the build right should that change). Listed for the content script's own
    // matches, nothing wider: CONTENT_MATCHES, since a dev build's manifest lists no content
    // scripts (WXT registers them at runtime). Chrome's `use_dynamic_url` serves the file
    // only at a per-session random address, so a page cannot probe the static extension id
    // for it; Firefox's moz-extension UUID is random per install.
    'build:manifestGenerated'(_wxt, manifest) {
      manifest.content_scripts = [CONTENT_SCRIPT];
      if (manifest.manifest_version === 2) {
        manifest.web_accessible_resources = LAZY_FILES;
        return;
      }
      manifest.web_accessible_resources = [
        { resources: LAZY_FILES, matches: CONTENT_MATCHES, use_dynamic_url: true },
      ];
    },
  },
  manifest: ({ browser }) => ({
    name: 'Sourcelight',
    description:
      'Marks the names and figures of the DeepSeek story and shows what five reference sources say about each. Offline; sends nothing.',
    // activeTab: the popup reads the current tab's address (for the site switch) only when
    // the user clicks the toolbar button; no `tabs` permission, no install warning.
    // contextMenus: "Track in Sourcelight" on selected text (the menu hands the background
    // the selection; no script is injected into the page for it).
    permissions: ['storage', 'activeTab', 'contextMenus'],
    commands: {
      'open-sidebar': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: 'Open the Sourcelight sidebar',
      },
    },
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'sourcelight@sourcelight.invalid',
          // Firefox asks add-ons to declare what they collect; Sourcelight collects nothing.
          // WXT's manifest type predates the key, hence the cast.
          data_collection_permissions: { required: ['none'] },
        } as { id: string },
      },
    }),
  }),
});
