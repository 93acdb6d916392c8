/**
 * The reader's own library: articles they added (the text stored verbatim, as extracted)
 * and names they track. Plain data that crosses every boundary: the content script's
 * extraction, the background's store and rebuild, the library file and the CLI.
 */
import type { EntityKind } from '../pack/types';

/** What the page's own markup says about it; null where it says nothing (never guessed). */
export interface PageMetadata {
  title: string | null;
  /** The site or publication, as the page names itself (og:site_name, JSON-LD publisher). */
  outlet: string | null;
  byline: string | null;
  /** YYYY-MM-DD, only when the markup gives a full date (its own calendar day, no time zone shift). */
  date: string | null;
  /** BCP 47 tag from `<html lang>` or the markup; `und` (undetermined) when none is given. */
  language: string;
}

/** An article as extracted from a page (or a file), before the reader confirms it. */
export interface ExtractedPage {
  /** The page's address, without its fragment. */
  url: string;
  /** The article's text: paragraphs separated by a blank line; what every quote is a slice of. */
  text: string;
  metadata: PageMetadata;
}

/** An article in the reader's library. */
export interface LibrarySource extends PageMetadata {
  /** Where it came from: the key (one entry per address). */
  url: string;
  /** When the reader added it, ISO 8601 with time. */
  addedAt: string;
  /** Stored verbatim: never changed after it is added. */
  text: string;
}

/** A name the reader tracks: marked on every page, like the pack's core names. */
export interface TrackedName {
  /** Local id (`mine-…`); the library file carries no ids, so imports get their own. */
  id: string;
  label: string;
  kind: EntityKind;
  /** Other written forms, the label not included. */
  aliases: string[];
  addedAt: string;
}

export interface Library {
  sources: LibrarySource[];
  names: TrackedName[];
}

export const EMPTY_LIBRARY: Library = { sources: [], names: [] };
