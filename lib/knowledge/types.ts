/**
 * What the hover card and the sidebar show about one term: plain data the background
 * computes from the full pack and sends to the content script.
 */
import type { EntityKind, FigureValue } from '../pack/types';
import type { FigureVerdict } from '../quantity/figure-verdict';

export interface SourceRef {
  id: string;
  title: string | null;
  outlet: string | null;
  /** ISO date where the source prints one in full, else the date as printed, else null. */
  date: string | null;
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
  /**
   * How the page's figure stands against this source's (`same`, `within`, `close`,
   * `differs`); null without a page figure, or when this one is of another subject or unit.
   */
  verdict: FigureVerdict | null;
  quote: QuoteView | null;
}

export interface TopicView {
  id: string;
  label: string;
  disagree: boolean;
  /** The values differ but could all be true at once ("less than $6 million", "$5.6 million"). */
  compatible: boolean;
  rows: FigureRow[];
  /** The page's figure's verdict on the topic: the best any row gives; null without one. */
  pageVerdict: FigureVerdict | null;
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
  /** Its hedge ("about", "less than"), and whose figure the detector took it for. */
  pageQualifier?: string | null;
  pageSubjectId?: string | null;
}
