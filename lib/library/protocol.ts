/**
 * The library's messages: their payloads and answers, entries of the one contract in
 * lib/messages.ts (which the content script imports: types and names only here; the
 * payload schemas are in requests.ts, for the background). Everything the reader does to
 * the library goes through the background, which owns the database and the rebuild.
 */
import type { Claim, Source } from '../pack/types';
import type { LibraryFile } from './file';
import type { Preview } from './preview';
import type { ExtractedPage, PageMetadata, TrackedName } from './types';

export interface LibraryStatusView {
  available: boolean;
  reason: string | null;
  sources: number;
  names: number;
  skipped: { nameId: string; form: string; owner: string }[];
}

/** A source as listed on the library page: everything but its text. */
export interface LibrarySourceView extends PageMetadata {
  url: string;
  addedAt: string;
  /** Its id in the pack (for the reader: `reader.html?source=ID`). */
  sourceId: string;
  chars: number;
  claims: number;
}

export interface LibraryListing {
  status: LibraryStatusView;
  sources: LibrarySourceView[];
  names: (TrackedName & { sentences: number })[];
}

export interface DraftView {
  id: string;
  page: ExtractedPage;
  /** The address is in the library already: confirming would add nothing. */
  exists: boolean;
  preview: Preview;
}

/** What a change answers: done, or refused with the reason in words (nothing changed). */
export type Outcome<T extends object = Record<never, never>> =
  | ({ ok: true } & T)
  | { ok: false; error: string };

export interface ImportSummary {
  addedSources: number;
  addedNames: number;
  skippedSources: string[];
  skippedNames: string[];
}

/** The extraction's answer in the tab (`tab:extract`). */
export type ExtractResult = { ok: true; page: ExtractedPage } | { ok: false; error: string };

export interface LibraryProtocol {
  /** State and counts (popup, library page). */
  'library:status': { req: Record<string, never>; res: LibraryStatusView };
  /** Everything in the library, without texts. Extension pages only. */
  'library:list': { req: Record<string, never>; res: LibraryListing };
  /**
   * Keep an extracted page for review and open the review page beside the tab that asked
   * (or `tabId`, from the popup). The content script sends it from the sidebar's button.
   */
  'library:stage': {
    req: { page: ExtractedPage; tabId?: number };
    res: Outcome<{ draftId: string }>;
  };
  /** A staged page with its preview; null when it expired. Extension pages only. */
  'library:draft': { req: { id: string }; res: DraftView | null };
  'library:confirm': { req: { id: string; metadata: PageMetadata }; res: Outcome<{ url: string }> };
  'library:discard': { req: { id: string }; res: null };
  'library:remove-source': { req: { url: string }; res: Outcome };
  'library:track': {
    req: { label: string; kind: TrackedName['kind']; aliases: string[] };
    res: Outcome<{ id: string }>;
  };
  'library:untrack': { req: { id: string }; res: Outcome };
  'library:export': { req: Record<string, never>; res: Outcome<{ file: LibraryFile }> };
  /** A library file's text; checked whole before anything is stored. */
  'library:import': { req: { text: string }; res: Outcome<{ summary: ImportSummary }> };
  'library:clear': { req: Record<string, never>; res: Outcome };
  /** The reader's sources as pack sources, with their claims (the source reader). */
  'library:sources': { req: Record<string, never>; res: { sources: Source[]; claims: Claim[] } };
}

export const LIBRARY_MESSAGES = [
  'library:status',
  'library:list',
  'library:stage',
  'library:draft',
  'library:confirm',
  'library:discard',
  'library:remove-source',
  'library:track',
  'library:untrack',
  'library:export',
  'library:import',
  'library:clear',
  'library:sources',
] as const satisfies readonly (keyof LibraryProtocol)[];

/** Only `library:stage` may come from a content script; the rest from our own pages. */
export const CONTENT_SCRIPT_LIBRARY_MESSAGES: ReadonlySet<string> = new Set(['library:stage']);
