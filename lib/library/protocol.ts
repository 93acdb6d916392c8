/**
 * The library's messages: their payload schemas and answers, one part of the table in
 * lib/messages.ts (types and checks written once; the background's router checks every
 * payload against its schema before a handler runs). Everything the reader does to the
 * library goes through the background, which owns the database and the rebuild.
 */
import * as v from 'valibot';
import { answer, Empty, type ProtocolOf } from '../message-table';
import type { Claim, Source } from '../pack/types';
import { ENTITY_KINDS } from '../pack/types';
import { LIBRARY_LIMITS as LIMITS, type LibraryFile, SOURCE_FIELDS } from './file';
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

const Str = (max: number) => v.pipe(v.string(), v.maxLength(max));
const Metadata = v.strictObject({
  title: SOURCE_FIELDS.title,
  outlet: SOURCE_FIELDS.outlet,
  byline: SOURCE_FIELDS.byline,
  date: SOURCE_FIELDS.date,
  language: SOURCE_FIELDS.language,
});

/**
 * The library's messages. Only `library:stage` may come from a content script (the
 * sidebar's "Add this page"); the rest read or change the library from our own pages.
 */
export const LIBRARY_MESSAGES = {
  /** State and counts (popup, library page). */
  'library:status': { req: Empty, res: answer<LibraryStatusView>(), pagesOnly: true },
  /** Everything in the library, without texts. */
  'library:list': { req: Empty, res: answer<LibraryListing>(), pagesOnly: true },
  /**
   * Keep an extracted page for review and open the review page beside the tab that asked
   * (or `tabId`, from the popup).
   */
  'library:stage': {
    req: v.strictObject({
      page: v.strictObject({
        url: SOURCE_FIELDS.url,
        text: SOURCE_FIELDS.text,
        metadata: Metadata,
      }),
      tabId: v.optional(v.pipe(v.number(), v.integer())),
    }),
    res: answer<Outcome<{ draftId: string }>>(),
  },
  /** A staged page with its preview; null when it expired. */
  'library:draft': {
    req: v.strictObject({ id: Str(100) }),
    res: answer<DraftView | null>(),
    pagesOnly: true,
  },
  'library:confirm': {
    req: v.strictObject({ id: Str(100), metadata: Metadata }),
    res: answer<Outcome<{ url: string }>>(),
    pagesOnly: true,
  },
  'library:discard': {
    req: v.strictObject({ id: Str(100) }),
    res: answer<null>(),
    pagesOnly: true,
  },
  'library:remove-source': {
    req: v.strictObject({ url: Str(4096) }),
    res: answer<Outcome>(),
    pagesOnly: true,
  },
  'library:track': {
    req: v.strictObject({
      label: v.pipe(v.string(), v.trim(), v.minLength(1, 'a name is needed'), v.maxLength(200)),
      kind: v.picklist(ENTITY_KINDS, 'pick what kind of name it is'),
      aliases: v.pipe(
        v.array(v.pipe(v.string(), v.trim(), v.maxLength(200))),
        v.maxLength(LIMITS.aliases),
      ),
    }),
    res: answer<Outcome<{ id: string }>>(),
    pagesOnly: true,
  },
  'library:untrack': {
    req: v.strictObject({ id: Str(200) }),
    res: answer<Outcome>(),
    pagesOnly: true,
  },
  'library:export': { req: Empty, res: answer<Outcome<{ file: LibraryFile }>>(), pagesOnly: true },
  /** A library file's text; checked whole before anything is stored. */
  'library:import': {
    req: v.strictObject({ text: Str(LIMITS.sources * LIMITS.textChars) }),
    res: answer<Outcome<{ summary: ImportSummary }>>(),
    pagesOnly: true,
  },
  'library:clear': { req: Empty, res: answer<Outcome>(), pagesOnly: true },
  /** The reader's sources as pack sources, with their claims (the source reader). */
  'library:sources': {
    req: Empty,
    res: answer<{ sources: Source[]; claims: Claim[] }>(),
    pagesOnly: true,
  },
} as const;

export type LibraryProtocol = ProtocolOf<typeof LIBRARY_MESSAGES>;
