import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

export default defineConfig({
  // Explicit imports read better and keep lib/ free of framework magic (STYLE.md).
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'Sourcelight',
    description:
      'Marks the names and figures of the DeepSeek story and shows what five reference sources say about each. Offline; sends nothing.',
    // activeTab: the popup reads the current tab's address (for the site switch) only when
    // the user clicks the toolbar button; no `tabs` permission, no install warning.
    permissions: ['storage', 'activeTab'],
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
