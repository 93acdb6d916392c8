/**
 * Our extension pages are ordinary pages. WXT turns an entrypoint named `history`,
 * `newtab` or `bookmarks` into a chrome_url_overrides entry that replaces the browser's
 * own page, which a reading-history page must never do.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HISTORY_HREF, OPTIONS_HREF, readerHref } from '../../components/shared/links';

const ENTRYPOINTS = join(import.meta.dirname, '../../entrypoints');

describe('extension pages', () => {
  it('replace no browser page', () => {
    const names = readdirSync(ENTRYPOINTS).map((n) => n.replace(/\.(html|ts|tsx)$/, ''));
    expect(names).not.toContain('history');
    expect(names).not.toContain('newtab');
    expect(names).not.toContain('bookmarks');
  });

  it.each([HISTORY_HREF, OPTIONS_HREF, readerHref(), '/popup.html'])(
    '%s is an entrypoint with a page and its wiring',
    (href) => {
      const dir = join(ENTRYPOINTS, href.replace(/^\//, '').replace(/\.html.*$/, ''));
      expect(existsSync(join(dir, 'index.html'))).toBe(true);
      expect(existsSync(join(dir, 'main.tsx'))).toBe(true);
    },
  );
});
