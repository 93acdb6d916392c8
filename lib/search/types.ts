/** What a pack search returns: small enough to cross the message boundary. */
import type { SourceRef } from '../knowledge/types';
import type { EntityKind, Verdict } from '../pack/types';

/** A verbatim slice of a source, always with the source it came from. */
export interface QuoteRef {
  claimId: string;
  sourceId: string;
  /** Its label, caveat, date, and for a reader's own source its address (`sourceRef`). */
  source: SourceRef;
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
  verdict: Verdict;
  /** The topic's figures, each with the sentence it stands in. */
  figures: FigureRef[];
}

/** A curated question, each answer with its sentences and sources. */
export interface QuestionHit {
  type: 'question';
  id: string;
  /** The question itself ("Which university is Marina Zhang at?"). */
  label: string;
  verdict: Verdict;
  answers: { gist: string; quotes: QuoteRef[] }[];
}

export type SearchHit = EntityHit | TopicHit | QuestionHit;

export interface SearchResult {
  query: string;
  hits: SearchHit[];
}
