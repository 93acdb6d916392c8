/**
 * The knowledge pack: everything Sourcelight knows, derived from the five vendored
 * articles in `data/sources/` by `npm run pack`. These types are the contract between the
 * pack build (Node), the background (which holds the full pack) and the detector (which
 * only needs the slim `DetectorPack`).
 */

import type { TopicRules } from '../quantity/topic-rules';

export const ENTITY_KINDS = [
  'person',
  'organization',
  'model',
  'product',
  'chip',
  'place',
  'publication',
  'event',
  'concept',
] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/** `core`: about DeepSeek itself; `context`: everyone and everything else the sources name. */
export type Tier = 'core' | 'context';

export interface Source {
  /** Stable id, e.g. `s000`. */
  id: string;
  /** File name under `data/sources/`. */
  file: string;
  /** Headline as printed; null where the text prints none. */
  title: string | null;
  /** Date as an ISO string (YYYY-MM-DD) only when printed in full; else null. */
  date: string | null;
  /** Date exactly as printed (e.g. "Friday, January 31"); null when none is printed. */
  dateAsPrinted: string | null;
  outlet: string | null;
  byline: string | null;
  /**
   * What Sourcelight calls it everywhere: the outlet it prints, else the first words of its
   * headline or lede (a reader's source: its headline, else its address). `sourceLabel`.
   */
  label: string;
  /**
   * Said beside every quote of this source: what a reader must know about its wording
   * (s002 is machine-garbled English). From `data/sources/meta.json`; absent for most.
   */
  caveat?: string;
  /** BCP 47 tag of the body text. */
  language: string;
  /** The article exactly as vendored, byte for byte (as a JS string). */
  text: string;
  /** Lines that are not the article (headline, date, aggregator junk), and the rule that says so. */
  excluded?: ExcludedLine[];
  /** Set on the reader's own sources (lib/library): where it came from and when it was added. */
  added?: SourceOrigin;
}

/** A reader's source: its address and when they added it (ISO 8601). */
export interface SourceOrigin {
  url: string;
  addedAt: string;
}

export interface ExcludedLine {
  /** UTF-16 offsets of the line in the source's `text`. */
  start: number;
  end: number;
  /** Name of the cleaning rule (lib/pack/clean.ts), e.g. `see-also`, `headline`. */
  rule: string;
}

/**
 * How strictly one alias must match. Most aliases need nothing here; short codes and
 * common words ("R1", "Meta", "Nature", "Apple") do.
 */
export interface AliasRule {
  /** `sensitive`: only the exact letter case. The detector issue may add fields here. */
  case: 'sensitive' | 'insensitive';
  /**
   * The alias alone does not show a text is about the story ("Liang", "R1", "X"): treat a
   * match as `context` tier even when the entity is `core`.
   */
  needsContext?: boolean;
  /** Another entity may claim the same alias (both must say so); without it the build fails. */
  shared?: boolean;
}

export interface Entity {
  id: string;
  label: string;
  kind: EntityKind;
  tier: Tier;
  /** Every written form the detector should find, the label included. */
  aliases: string[];
  /** Rules for the aliases that need more than the default; keyed by alias. */
  aliasRules: Record<string, AliasRule>;
  /** One line, drawn from what the sources say. */
  description: string;
  /**
   * Ids of the claims the description rests on (curated as sentence locators, resolved by
   * the build, which checks every name and number of the description against them), and
   * for an entity only a byline or outlet line names, that line as `s002#byline`.
   */
  basis: string[];
  related: string[];
}

export interface Claim {
  id: string;
  sourceId: string;
  /** UTF-16 offsets into the source's `text`; `quote === text.slice(start, end)`. */
  start: number;
  end: number;
  quote: string;
  /** Entities the sentence names (by one of their aliases). */
  entityIds: string[];
  /**
   * Entities the sentence speaks of without naming them: "He told 36Kr…" right after a
   * sentence naming Liang Wenfeng is a claim of Liang Wenfeng too. Never in `entityIds`;
   * absent when there are none (lib/pack/references.ts says when the build dares to).
   */
  references?: ClaimReference[];
}

/** A sentence that continues about an entity the sentence before it named. */
export interface ClaimReference {
  entityId: string;
  via: 'reference';
  /** UTF-16 offsets into the source's `text` of the referring words ("He", "The company"). */
  start: number;
  end: number;
  /** The claim (the sentence before) that names the entity. */
  antecedentClaimId: string;
}

export type FigureValue = number | { min: number; max: number };

export interface Figure {
  id: string;
  sourceId: string;
  /** UTF-16 offsets into the source's `text`; `text === source.text.slice(start, end)`. */
  start: number;
  end: number;
  text: string;
  value: FigureValue;
  /** e.g. `USD`, `CNY`, `USD/1M tokens`, `chips`, `people`, `percent`, `year`, `rank`. */
  unit: string;
  /** The source's own hedge, verbatim: "less than", "about", "over", "fewer than"; else null. */
  qualifier: string | null;
  claimId: string;
  topicId: string | null;
  /** The entity the figure measures (e.g. `deepseek`, `openai`), from the topic rule; else null. */
  subjectId: string | null;
  /**
   * What exactly it counts when a topic holds more than one kind of thing ("A100", "H100";
   * "founded", "starting"), from the topic rule; absent when the topic does not distinguish.
   */
  measure?: string;
  /**
   * The moment the sentence gives the figure, verbatim ("by 2022", "As of press time",
   * "on Monday", "before restrictions"); absent when it gives none.
   */
  when?: string;
}

/**
 * How sources' answers to one question relate, one vocabulary for figures and questions:
 * - `agree`: they say the same;
 * - `compatible`: they differ, but all can be true ("less than $6 million", "$5.6 million");
 * - `different-moments`: each is true at its own time (top of the App Store, then sixth);
 * - `different-things`: they measure or name different things (A100s and H100s);
 * - `conflict`: they cannot all be true.
 */
export const VERDICTS = [
  'agree',
  'compatible',
  'different-moments',
  'different-things',
  'conflict',
] as const;
export type Verdict = (typeof VERDICTS)[number];

export interface Topic {
  id: string;
  label: string;
  /** The entity the measure is about, when there is one (e.g. `deepseek`). */
  subjectId: string | null;
  figureIds: string[];
  /**
   * Computed from the figures' values, never typed in: two sources state different values
   * (same subject, same unit).
   */
  disagree: boolean;
  /**
   * Whether every stated value of a subject can be true at once, reading each qualifier as an
   * interval ("less than $6 million" and "$5.6 million" differ but are compatible).
   */
  compatible: boolean;
  /** One source gives different values for one subject (e.g. assets in different years). */
  varies: boolean;
  /**
   * How the sources' figures relate, computed from values, qualifiers, subjects, units,
   * measures and moments (lib/pack/topics.ts). `disagree` is `verdict !== 'agree'` and
   * `compatible` is `verdict !== 'conflict'`.
   */
  verdict: Verdict;
}

/** One answer to a question: the claims that give it and a few of their own words. */
export interface QuestionAnswer {
  claimIds: string[];
  /** A few words, verbatim from one of the claims' quotes ("University of Technology Sydney"). */
  gist: string;
}

/**
 * Something the sources answer differently that is not (only) a number: which chips, who
 * bought them, a person's affiliation. Curated in data/catalog/questions.json; the build
 * resolves each answer's sentence locators to claim ids and checks every gist.
 */
export interface Question {
  id: string;
  question: string;
  entityIds: string[];
  answers: QuestionAnswer[];
  verdict: Verdict;
}

export interface Pack {
  version: number;
  sources: Source[];
  entities: Entity[];
  claims: Claim[];
  figures: Figure[];
  topics: Topic[];
  questions: Question[];
  /**
   * The catalog's rules for what a figure measures (data/catalog/topics.json), flattened:
   * the detector files a page's figures under topics by the same rules as the sources'.
   */
  topicRules?: TopicRules;
}

/**
 * What detection needs and nothing more: the content script ships it prepared at pack
 * time (lib/detect/tables.ts), and asks the background for quotes when a card opens. The full `Pack` is
 * assignable to it, so `createDetector` accepts either.
 */
export interface DetectorPack {
  entities: Pick<Entity, 'id' | 'label' | 'kind' | 'tier' | 'aliases' | 'aliasRules'>[];
  /** `qualifier` and `subjectId` let a page's figure be compared with the sources'. */
  figures: (Pick<Figure, 'id' | 'value' | 'unit' | 'topicId'> &
    Partial<Pick<Figure, 'qualifier' | 'subjectId'>>)[];
  topics: Pick<Topic, 'id' | 'label'>[];
  topicRules?: TopicRules;
}
