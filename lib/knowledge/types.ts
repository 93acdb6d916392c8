/**
 * What the hover card and the sidebar show about one term: plain data the background
 * computes from the full pack and sends to the content script.
 */
import type { EntityKind, FigureValue, SourceOrigin, Verdict } from '../pack/types';
import type { FigureVerdict } from '../quantity/figure-verdict';

export interface SourceRef {
  id: string;
  /** What Sourcelight calls the source everywhere (`Source.label`, lib/pack/source-label.ts). */
  label: string;
  /** Said beside every quote of the source (s002: machine-garbled English). */
  caveat?: string;
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
  /**
   * Present when the sentence speaks of the term without naming it ("He told 36Kr…"): the
   * words that refer to it, and the term's label. The UI shows such a quote as context.
   */
  reference?: { words: string; label: string };
}

/** A quote with the source it comes from, for answers shown side by side. */
export interface SourcedQuote extends QuoteView {
  source: SourceRef;
  /** The same sentence is already shown higher up in this detail: show where, not again. */
  repeat?: boolean;
}

export interface AnswerView {
  /** A few words from the quotes, verbatim. */
  gist: string;
  quotes: SourcedQuote[];
}

/** A question the sources answer, with each answer and the verdict. */
export interface QuestionView {
  id: string;
  question: string;
  verdict: Verdict;
  answers: AnswerView[];
}

/** A numeric topic about the term, its values on one line and its verdict. */
export interface TopicSummary {
  id: string;
  label: string;
  verdict: Verdict;
  values: {
    figureId: string;
    /** The source's own wording, qualifier included ("less than $6 million"). */
    text: string;
    source: SourceRef;
    /** Whose value it is, when not the topic's subject's ("OpenAI"). */
    subject?: string;
  }[];
}

/** Something the sources answer differently (verdict other than agree): the card names it. */
export interface Disputed {
  id: string;
  label: string;
  verdict: Verdict;
  kind: 'question' | 'topic';
  /** How many different answers or values, for "both" or "all". */
  answers: number;
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
  verdict: Verdict;
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
  /** Questions about the term, the most serious verdict first; their quotes are not repeated in `sources`. */
  questions: QuestionView[];
  /** For an entity: the numeric topics with a figure about it. */
  topics: TopicSummary[];
  /** Questions and topics about the term whose verdict is not `agree`, the most serious first. */
  disputed: Disputed[];
  /** True when anything is disputed. */
  disagree: boolean;
  related: TermRef[];
}

/** Written once, as the schema the background checks it with (lib/messages.ts). */
export type { TermDetailRequest } from '../messages';
