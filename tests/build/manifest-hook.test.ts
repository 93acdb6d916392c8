/**
 * The manifest hook in wxt.config.ts lists page-ui.js and extract.js (the files the content
 * script imports on first use) for the pages the content script runs on. A dev build's manifest has no content_scripts (WXT registers them at runtime), so the
 * hook must not read them from there: with `matches: []` Chrome refused the page UI's import
 * and no card ever opened under `npm run dev`.
 */
import { describe, expect, it } from 'vitest';
import { CONTENT_MATCHES } from '../../lib/content-matches';
import config from '../../wxt.config';

type Manifest = { manifest_version: 2 | 3; web_accessible_resources?: unknown };
const hook = (config.hooks as Record<string, (wxt: unknown, manifest: Manifest) => void>)[
  'build:manifestGenerated'
];

function generated(manifest: Manifest): unknown {
  hook?.(null, manifest);
  return manifest.web_accessible_resources;
}

describe('build:manifestGenerated', () => {
  it('lists page-ui.js for the content script matches in a dev manifest (no content_scripts)', () => {
    expect(generated({ manifest_version: 3 })).toEqual([
      { resources: ['page-ui.js', 'extract.js'], matches: CONTENT_MATCHES, use_dynamic_url: true },
    ]);
    expect(CONTENT_MATCHES).toEqual(['http://*/*', 'https://*/*']);
  });

  it('lists only the file in a Firefox MV2 manifest', () => {
    expect(generated({ manifest_version: 2 })).toEqual(['page-ui.js', 'extract.js']);
  });
});
