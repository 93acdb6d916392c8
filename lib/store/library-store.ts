/**
 * The reader's library in IndexedDB: a domain store over the generic layer. It stores
 * what it is given, verbatim; what to store (merging, duplicates, ids) is decided in
 * lib/library, and when to rebuild the pack in the background's library service.
 */
import type { IDBPDatabase } from 'idb';
import type { Library, LibrarySource, TrackedName } from '../library/types';
import { type OpenOptions, openDatabase } from './database';
import { type Draft, LIBRARY_DB, LIBRARY_SCHEMA, type LibraryDB } from './library-schema';

export type { Draft };

const byAdded = (a: { addedAt: string }, b: { addedAt: string }) =>
  a.addedAt < b.addedAt ? -1 : a.addedAt > b.addedAt ? 1 : 0;

export class LibraryStore {
  constructor(readonly db: IDBPDatabase<LibraryDB>) {}

  /** Everything, oldest first. */
  async all(): Promise<Library> {
    const tx = this.db.transaction(['sources', 'names']);
    const [sources, names] = await Promise.all([
      tx.objectStore('sources').index('addedAt').getAll(),
      tx.objectStore('names').getAll(),
    ]);
    await tx.done;
    return { sources, names: names.sort(byAdded) };
  }

  async hasSource(url: string): Promise<boolean> {
    return (await this.db.getKey('sources', url)) !== undefined;
  }

  /** Adds sources and names in one transaction: all of them are stored, or none. */
  async add(entries: { sources?: LibrarySource[]; names?: TrackedName[] }): Promise<void> {
    const tx = this.db.transaction(['sources', 'names'], 'readwrite');
    const writes: Promise<unknown>[] = [];
    // `add`, not `put`: an address already stored fails the transaction instead of replacing it.
    for (const s of entries.sources ?? []) writes.push(tx.objectStore('sources').add(s));
    for (const n of entries.names ?? []) writes.push(tx.objectStore('names').add(n));
    await Promise.all([...writes, tx.done]);
  }

  async removeSource(url: string): Promise<void> {
    await this.db.delete('sources', url);
  }

  async removeName(id: string): Promise<void> {
    await this.db.delete('names', id);
  }

  async clear(): Promise<void> {
    const tx = this.db.transaction(['sources', 'names', 'drafts'], 'readwrite');
    await Promise.all([
      tx.objectStore('sources').clear(),
      tx.objectStore('names').clear(),
      tx.objectStore('drafts').clear(),
      tx.done,
    ]);
  }

  async putDraft(draft: Draft): Promise<void> {
    await this.db.put('drafts', draft);
  }

  async draft(id: string): Promise<Draft | undefined> {
    return this.db.get('drafts', id);
  }

  async removeDraft(id: string): Promise<void> {
    await this.db.delete('drafts', id);
  }

  /** Drops drafts staged before `cutoff` (ms since epoch): a review nobody finished. */
  async expireDrafts(cutoff: number): Promise<void> {
    const tx = this.db.transaction('drafts', 'readwrite');
    let cursor = await tx.store.index('createdAt').openCursor(IDBKeyRange.upperBound(cutoff, true));
    while (cursor) {
      await cursor.delete();
      cursor = await cursor.continue();
    }
    await tx.done;
  }

  close(): void {
    this.db.close();
  }
}

export async function openLibraryStore(options: OpenOptions = {}): Promise<LibraryStore> {
  return new LibraryStore(await openDatabase(LIBRARY_DB, LIBRARY_SCHEMA, options));
}
