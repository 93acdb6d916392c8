/**
 * The reader's library database, version by version. Never edit a shipped step: add one.
 * Its own database, beside reading history rather than inside it: history can be turned
 * off, expired and cleared on its own, and an upgrade blocked in one never blocks the other.
 *
 * v1: `sources` (the reader's articles, text verbatim, one per address), `names` (tracked
 *     names, by id) and `drafts` (pages extracted and waiting for the reader's review).
 */
import type { DBSchema } from 'idb';
import type { ExtractedPage, LibrarySource, TrackedName } from '../library/types';
import type { SchemaStep } from './database';

export const LIBRARY_DB = 'sourcelight-library';

/** A page extracted and staged for review; dropped on confirm, discard, or after a day. */
export interface Draft {
  id: string;
  page: ExtractedPage;
  createdAt: number;
}

export interface LibraryDB extends DBSchema {
  sources: { key: string; value: LibrarySource; indexes: { addedAt: string } };
  names: { key: string; value: TrackedName };
  drafts: { key: string; value: Draft; indexes: { createdAt: number } };
}

export const LIBRARY_SCHEMA: readonly SchemaStep<LibraryDB>[] = [
  {
    version: 1,
    createStores: [
      { name: 'sources', keyPath: 'url', indexes: [{ name: 'addedAt', keyPath: 'addedAt' }] },
      { name: 'names', keyPath: 'id' },
      { name: 'drafts', keyPath: 'id', indexes: [{ name: 'createdAt', keyPath: 'createdAt' }] },
    ],
  },
];
