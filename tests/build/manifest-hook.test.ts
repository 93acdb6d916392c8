/**
 * The manifest hook in wxt.config.ts lists the content script (the first stage, an
 * unlisted script listed by hand) and the files it imports on demand (page-session.js,
 * page-ui.js, extract.js) for the pages the content script runs on, in every build: a dev
 * build's manifest has no content_scripts of WXT's own, so nothing is read from there.
 */
import { describe, expect, it } from 'vitest';
import { CONTENT_MATCHES } from '../../lib/content-matches';
import config from '../../wxt.config';

type Manifest = {
  manifest_version: 2 | 3;
  web_accessible_resources?: unknown;
  content_scripts?: unknown;
};
const hook = (config.hooks as Record<string, (wxt: unknown, manifest: Manifest) => void>)[
  'build:manifestGenerated'
];

function generated(manifest: Manifest): Manifest {
  hook?.(null, manifest);
  return manifest;
}

const FILES = ['page-session.js', 'page-ui.js', 'extract.js'];

describe('build:manifestGenerated', () => {
  it('lists the lazily imported files for the content script matches (MV3, dynamic URL)', () => {
    expect(generated({ manifest_version: 3 }).web_accessible_resources).toEqual([
      { resources: FILES, matches: CONTENT_MATCHES, use_dynamic_url: true },
    ]);
    expect(CONTENT_MATCHES).toEqual(['http://*/*', 'https://*/*']);
  });

  it('lists only the files in a Firefox MV2 manifest', () => {
    expect(generated({ manifest_version: 2 }).web_accessible_resources).toEqual(FILES);
  });

  it('lists the first stage as the one content script: top frame, document_start, with the highlight styles', () => {
    for (const version of [2, 3] as const) {
      expect(generated({ manifest_version: version }).content_scripts).toEqual([
        {
          matches: CONTENT_MATCHES,
          js: ['content-script.js'],
          css: ['content-scripts/highlights.css'],
          run_at: 'document_start',
          all_frames: false,
        },
      ]);
    }
  });
});
