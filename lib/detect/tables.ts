/**
 * The detector's tables: everything about the pack that does not depend on the page,
 * worked out once by `prepareDetector` (prepare.ts). `npm run pack` writes them for the
 * bundled pack (lib/pack/generated/detect-tables.json), so the content script only builds
 * the automaton and skips alias rules, Unicode regexes and normalisation on every page.
 * Types and flag bits only: the content script imports this, never the preparation.
 */
import type { EntityKind, FigureValue, Tier } from '../pack/types';
import type { TopicRuleRow, WordFigureRow } from '../quantity/topic-rules';
import type { PlanJson } from './plan-codec';

/** Bumped when the shape or meaning of the tables changes. */
export const TABLES_VERSION = 2;

export interface DetectorTables {
  version: number;
  entities: EntityTables;
  names: NameTables;
  figures: FigureTables;
}

/** The pack's entities, in columns (index = entity): no key names repeated per entity. */
export interface EntityTables {
  id: string[];
  label: string[];
  kind: EntityKind[];
  tier: Tier[];
}

/**
 * One row per automaton pattern (pattern id = index), in columns: every written form of
 * every alias, then the number words figures need.
 */
export interface NameTables {
  /** Normalised but not folded (see `normalize`), distinct, never empty. */
  written: string[];
  /** Index into `entities`, or `WORD_ROW` for a number word. */
  entity: number[];
  /** `CASE_*` in the low two bits, then the `F_*` bits. */
  flags: number[];
  /**
   * The automaton of `written`, planned (plan-codec.ts): a page decodes it instead of
   * building the trie. Absent (tables of an older build): the page builds it.
   */
  plan?: PlanJson;
}

/** `NameTables.entity` of a number word. */
export const WORD_ROW = -1;
/** `NameTables.entity` of a word that may start a figure only a topic marks ("January", "sixth"). */
export const TOPIC_WORD_ROW = -2;

/** The alias's case mode (rules.ts, `CaseMode`), in the low two bits of `flags`. */
export const CASE_ANY = 0;
export const CASE_INITIALS = 1;
export const CASE_EXACT = 2;
export const CASE_MASK = 3;

/** `AliasPolicy` fields. */
export const F_BOUNDARY = 1 << 2;
export const F_CLOSED = 1 << 3;
export const F_PLURAL = 1 << 4;
export const F_NEAR_CORE = 1 << 5;
export const F_WEAK = 1 << 6;
/** The written form begins / ends with a letter or digit of a spaced script. */
export const F_WORD_START = 1 << 7;
export const F_WORD_END = 1 << 8;

export interface FigureTables {
  /** What a quantity read on a page is marked as, by `unit|value` (or `unit|min|max`). */
  targets: FigureTarget[];
  /** Every value a markable figure has (range ends included), distinct, ascending. */
  values: number[];
  /** Number words and phrases the figures need ("two", "a billion"). */
  words: string[];
  /** What files a page's figures under topics; absent for a pack without topic rules. */
  topics?: TopicTables;
}

export interface FigureTarget {
  key: string;
  /** Topic id, or the pack figure's id when it has no topic. */
  id: string;
  label: string;
  /** For a topic: whose figure the pack figure with this value is. */
  subjectId?: string | null;
}

/**
 * Topics for a page's figures (figure-topics.ts): the catalog's rules, run on the page's
 * sentence, and the sources' figures on each topic, which the page's figure is set against.
 */
export interface TopicTables {
  /** In the order they are tried (lib/quantity/topic-rules.ts). */
  rules: TopicRuleRow[];
  wordFigures: WordFigureRow[];
  labels: Record<string, string>;
  /** Every source figure that has a topic, as stated: its interval follows from the qualifier. */
  sources: TopicSource[];
  /** Words that may start a figure only a topic marks: month names, ordinals. */
  words: string[];
}

export interface TopicSource {
  topicId: string;
  subjectId: string | null;
  unit: string;
  value: FigureValue;
  qualifier: string | null;
}
