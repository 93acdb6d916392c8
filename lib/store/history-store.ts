/**
 * Reading history: which terms were seen on which pages, and when. A domain store over
 * the generic database layer; it knows nothing of settings or private windows (the
 * background's history service decides what gets recorded).
 */
import type { IDBPDatabase } from 'idb';
import { type OpenOptions, openDatabase } from './database';
import {
  HISTORY_DB,
  HISTORY_SCHEMA,
  type HistoryDB,
  type PageRecord,
  type Sighting,
} from './history-schema';

export type { PageRecord, Sighting };

export interface TermOnPage {
  termId: string;
  label: string;
  kind: Sighting['kind'];
  entityKind: string | null;
  occurrences: number;
}

export interface HistoryExport {
  format: 'sourcelight-history';
  schemaVersion: number;
  exportedAt: string;
  pages: PageRecord[];
  sightings: Sighting[];
}

export class HistoryStore {
  constructor(readonly db: IDBPDatabase<HistoryDB>) {}

  /** Remember that these terms were on this page now. */
  async record(page: { url: string; title: string }, terms: TermOnPage[], now: number) {
    const tx = this.db.transaction(['sightings', 'pages'], 'readwrite');
    const sightings = tx.objectStore('sightings');
    const pages = tx.objectStore('pages');
    const oldPage = await pages.get(page.url);
    await pages.put({
      url: page.url,
      title: page.title,
      firstSeen: oldPage?.firstSeen ?? now,
      lastSeen: now,
    } satisfies PageRecord);
    for (const term of terms) {
      const old = await sightings.get([term.termId, page.url]);
      await sightings.put({
        ...term,
        url: page.url,
        title: page.title,
        firstSeen: old?.firstSeen ?? now,
        lastSeen: now,
      } satisfies Sighting);
    }
    await tx.done;
  }

  /** Pages a term was seen on, newest first. */
  async pagesFor(termId: string): Promise<PageRecord[]> {
    const tx = this.db.transaction(['sightings', 'pages']);
    const sightings = await tx.objectStore('sightings').index('termId').getAll(termId);
    const pages = tx.objectStore('pages');
    const out: PageRecord[] = [];
    for (const s of sightings) {
      const page = await pages.get(s.url);
      out.push(
        page ?? { url: s.url, title: s.title, firstSeen: s.firstSeen, lastSeen: s.lastSeen },
      );
    }
    await tx.done;
    return out.sort((a, b) => b.lastSeen - a.lastSeen);
  }

  /** Terms seen on one page. */
  async termsOn(url: string): Promise<Sighting[]> {
    return this.db.getAllFromIndex('sightings', 'url', url);
  }

  async export(now: number): Promise<HistoryExport> {
    const tx = this.db.transaction(['sightings', 'pages']);
    const [sightings, pages] = await Promise.all([
      tx.objectStore('sightings').getAll(),
      tx.objectStore('pages').getAll(),
    ]);
    await tx.done;
    return {
      format: 'sourcelight-history',
      schemaVersion: this.db.version,
      exportedAt: new Date(now).toISOString(),
      pages,
      sightings,
    };
  }

  /** Drop everything last seen before `cutoff` (ms since epoch); returns how many sightings went. */
  async expire(cutoff: number): Promise<number> {
    const tx = this.db.transaction(['sightings', 'pages'], 'readwrite');
    const range = IDBKeyRange.upperBound(cutoff, true);
    let dropped = 0;
    let cursor = await tx.objectStore('sightings').index('lastSeen').openCursor(range);
    while (cursor) {
      await cursor.delete();
      dropped++;
      cursor = await cursor.continue();
    }
    let page = await tx.objectStore('pages').index('lastSeen').openCursor(range);
    while (page) {
      await page.delete();
      page = await page.continue();
    }
    await tx.done;
    return dropped;
  }

  async clear(): Promise<void> {
    const tx = this.db.transaction(['sightings', 'pages'], 'readwrite');
    await Promise.all([tx.objectStore('sightings').clear(), tx.objectStore('pages').clear()]);
    await tx.done;
  }

  close(): void {
    this.db.close();
  }
}

export async function openHistoryStore(options: OpenOptions = {}): Promise<HistoryStore> {
  return new HistoryStore(await openDatabase(HISTORY_DB, HISTORY_SCHEMA, options));
}
