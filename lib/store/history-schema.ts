/**
 * The reading-history database, version by version. Never edit a shipped step: add one.
 *
 * v1: `sightings`, one record per (term, page), indexed by term ("pages where I saw X")
 *     and by page ("terms on this page").
 * v2: `pages`, one record per page with its title and when it was last read, so a page's
 *     title is stored once; and a `lastSeen` index on sightings so expiry reads only what
 *     it deletes. The migration derives pages from the v1 sightings.
 */
import type { DBSchema } from 'idb';
import type { SchemaStep, UpgradeTransaction } from './database';

export const HISTORY_DB = 'sourcelight-history';

export interface Sighting {
  termId: string;
  label: string;
  kind: 'entity' | 'figure';
  entityKind: string | null;
  url: string;
  /** Page title when last seen (v1 kept it here; v2 keeps it in `pages` too). */
  title: string;
  firstSeen: number;
  lastSeen: number;
  /** Times the term was marked on the page when last seen. */
  occurrences: number;
}

export interface PageRecord {
  url: string;
  title: string;
  firstSeen: number;
  lastSeen: number;
}

/** The database's shape at its newest version, for idb's typed reads and writes. */
export interface HistoryDB extends DBSchema {
  sightings: {
    key: [string, string];
    value: Sighting;
    indexes: { termId: string; url: string; lastSeen: number };
  };
  pages: { key: string; value: PageRecord; indexes: { lastSeen: number } };
}

async function derivePages(tx: UpgradeTransaction<HistoryDB>): Promise<void> {
  const pages = new Map<string, PageRecord>();
  let cursor = await tx.objectStore('sightings').openCursor();
  while (cursor) {
    const s = cursor.value;
    const page = pages.get(s.url);
    if (!page) {
      pages.set(s.url, {
        url: s.url,
        title: s.title,
        firstSeen: s.firstSeen,
        lastSeen: s.lastSeen,
      });
    } else {
      page.firstSeen = Math.min(page.firstSeen, s.firstSeen);
      if (s.lastSeen >= page.lastSeen) {
        page.lastSeen = s.lastSeen;
        page.title = s.title;
      }
    }
    cursor = await cursor.continue();
  }
  const store = tx.objectStore('pages');
  for (const page of pages.values()) await store.put(page);
}

export const HISTORY_SCHEMA: readonly SchemaStep<HistoryDB>[] = [
  {
    version: 1,
    createStores: [
      {
        name: 'sightings',
        keyPath: ['termId', 'url'],
        indexes: [
          { name: 'termId', keyPath: 'termId' },
          { name: 'url', keyPath: 'url' },
        ],
      },
    ],
  },
  {
    version: 2,
    createStores: [
      { name: 'pages', keyPath: 'url', indexes: [{ name: 'lastSeen', keyPath: 'lastSeen' }] },
    ],
    createIndexes: [{ store: 'sightings', index: { name: 'lastSeen', keyPath: 'lastSeen' } }],
    migrate: derivePages,
  },
];
