/**
 * What the hover card and the sidebar show about one term: plain data the background
 * computes from the full pack and sends to the content script.
 */
import type { EntityKind, FigureValue, SourceOrigin } from '../pack/types';

export interface SourceRef {
  id: string;
  title: string | null;
  outlet: string | null;
  /** ISO date where the source prints one in full, else the date as printed, else null. */
  date: string | null;
  /** One of the reader's own sources: its address and when they added it. */
  added?: SourceOrigin;
}

export interface QuoteView {
  claimId: string;
  sourceId: string;
  /** Verbatim slice of the source text. */
  quote: string;
  /** The claim's offsets in the source text (for "read in source"). */
  start: number;
  end: number;
  /** Spans of `quote` to emphasise: where the term itself is written. */
  emphasis: { start: number; end: number }[];
}

export interface SourceQuotes {
  source: SourceRef;
  quotes: QuoteView[];
}

export interface FigureRow {
  source: SourceRef;
  figureId: string;
  /** The source's own wording of the figure, verbatim. */
  text: string;
  value: FigureValue;
  unit: string;
  qualifier: string | null;
  /** Whether this source's figure agrees with the one on the page; null without a page value. */
  agreesWithPage: boolean | null;
  quote: QuoteView | null;
}

export interface TopicView {
  id: string;
  label: string;
  disagree: boolean;
  /** The values differ but could all be true at once ("less than $6 million", "$5.6 million"). */
  compatible: boolean;
  rows: FigureRow[];
}

export interface TermRef {
  id: string;
  label: string;
  entityKind: EntityKind | null;
}

export interface TermDetail {
  id: string;
  kind: 'entity' | 'figure';
  label: string;
  entityKind: EntityKind | null;
  description: string | null;
  aliases: string[];
  /** Quotes grouped by source, in the pack's source order. */
  sources: SourceQuotes[];
  /** For a figure: its topic. */
  topic: TopicView | null;
  /** For an entity: topics about it where the sources disagree (the card's flag). */
  disputed: { id: string; label: string }[];
  /** True when the card should show "sources disagree". */
  disagree: boolean;
  related: TermRef[];
}

export interface TermDetailRequest {
  id: string;
  kind: 'entity' | 'figure';
  /** The figure as read on the page, to compare with each source's. */
  pageValue?: FigureValue;
  pageUnit?: string;
}
