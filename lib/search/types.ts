/** What a pack search returns: small enough to cross the message boundary. */
import type { EntityKind, SourceOrigin } from '../pack/types';

/** A verbatim slice of a source, always with the source it came from. */
export interface QuoteRef {
  claimId: string;
  sourceId: string;
  sourceTitle: string | null;
  /** Set when the source is one the reader added: its address and when. */
  sourceAdded?: SourceOrigin;
  quote: string;
}

export interface EntityHit {
  type: 'entity';
  id: string;
  label: string;
  entityKind: EntityKind;
  /** The alias the query matched, when it is not the label (e.g. a Chinese name). */
  matched: string | null;
  description: string;
  quotes: QuoteRef[];
  /** Quotes in the pack for this entity; `quotes` may hold fewer. */
  quoteCount: number;
}

export interface FigureRef extends QuoteRef {
  figureId: string;
  text: string;
  qualifier: string | null;
}

export interface TopicHit {
  type: 'topic';
  id: string;
  label: string;
  disagree: boolean;
  /** The values differ yet can all be true ("less than $6 million" and "$5.6 million"). */
  compatible: boolean;
  /** The topic's figures, each with the sentence it stands in. */
  figures: FigureRef[];
}

export type SearchHit = EntityHit | TopicHit;

export interface SearchResult {
  query: string;
  hits: SearchHit[];
}
