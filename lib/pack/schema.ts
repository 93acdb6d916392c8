/**
 * Schemas for what people edit by hand in `data/`: source metadata, the entity catalog and
 * the figure topics. Validated with valibot at build time so a typo fails the build with
 * the file, the entry and the field, instead of shipping a broken pack.
 */
import * as v from 'valibot';
import { ENTITY_KINDS, VERDICTS } from './types';

const Id = v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]*$/, 'must be a lowercase-kebab id'));
const NonEmpty = v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'));

export const SourceMetaSchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^s\d{3}$/, 'must look like s000')),
  file: NonEmpty,
  title: v.nullable(NonEmpty),
  date: v.nullable(v.pipe(v.string(), v.isoDate('must be YYYY-MM-DD (or null when not printed)'))),
  dateAsPrinted: v.nullable(NonEmpty),
  outlet: v.nullable(NonEmpty),
  byline: v.nullable(NonEmpty),
  language: v.pipe(v.string(), v.regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, 'must be a BCP 47 tag')),
  note: v.optional(v.string()),
  /** Shown beside the source's quotes: only what its text and SOURCES.md support. */
  caveat: v.optional(NonEmpty),
});

export const SourceMetaFileSchema = v.strictObject({
  $comment: v.optional(v.string()),
  sources: v.pipe(v.array(SourceMetaSchema), v.minLength(1)),
});

const AliasRuleSchema = v.strictObject({
  case: v.picklist(['sensitive', 'insensitive']),
  needsContext: v.optional(v.boolean()),
  shared: v.optional(v.boolean()),
});

export const CatalogEntitySchema = v.strictObject({
  id: Id,
  label: NonEmpty,
  kind: v.picklist(ENTITY_KINDS, `must be one of ${ENTITY_KINDS.join(', ')}`),
  tier: v.picklist(['core', 'context'], 'must be core or context'),
  aliases: v.array(NonEmpty),
  aliasRules: v.optional(v.record(v.string(), AliasRuleSchema)),
  description: NonEmpty,
  /** The sentences the description rests on, as claim locators (`"s002: quoted text"`). */
  basis: v.pipe(v.array(NonEmpty), v.minLength(1, 'must cite at least one sentence')),
  related: v.array(Id),
});

export const CatalogFileSchema = v.array(CatalogEntitySchema);

/**
 * One way a figure joins a topic. Every present condition must hold; rules are tried in
 * order, topics in file order, and the first match wins. Regexes are case-insensitive.
 */
export const TopicRuleSchema = v.strictObject({
  /** Units the parser read (lib/quantity/units.ts). */
  units: v.pipe(v.array(NonEmpty), v.minLength(1)),
  /** At least one of these entities is named in the sentence. */
  entities: v.optional(v.array(Id)),
  /** Each regex matches somewhere in the sentence. */
  words: v.optional(v.array(NonEmpty)),
  /** Matches the sentence text just before / after the figure (within the sentence). */
  before: v.optional(NonEmpty),
  after: v.optional(NonEmpty),
  /** Bounds on the value (a range's min and max both). */
  min: v.optional(v.number()),
  max: v.optional(v.number()),
  /** The subject when it differs from the topic's (e.g. OpenAI's price beside DeepSeek's). */
  subjectId: v.optional(v.nullable(Id)),
  /** The unit the figure really has when the words say so ("2,000 of them" are chips). */
  asUnit: v.optional(NonEmpty),
  /**
   * What exactly the figure counts, when one topic holds more than one kind ("A100" and
   * "H100" chips; "founded" and "starting"): figures of different measures never conflict.
   */
  measure: v.optional(NonEmpty),
});

export const TopicDefSchema = v.strictObject({
  id: Id,
  label: NonEmpty,
  subjectId: v.nullable(Id),
  rules: v.pipe(v.array(TopicRuleSchema), v.minLength(1)),
});

/** A figure written in words the quantity parser leaves alone on purpose ("the top"). */
export const WordFigureSchema = v.strictObject({
  match: NonEmpty,
  value: v.number(),
  unit: NonEmpty,
});

export const TopicsFileSchema = v.strictObject({
  $comment: v.optional(v.string()),
  wordFigures: v.array(WordFigureSchema),
  topics: v.array(TopicDefSchema),
});

/** A sentence locator: `"s002: verbatim words of the sentence"` (lib/pack/locate.ts). */
const Locator = v.pipe(
  v.string(),
  v.regex(/^s\d{3}: ?\S/, 'must be a sentence locator of the form "s000: quoted text"'),
);

export const QuestionAnswerSchema = v.strictObject({
  /** The sentences that give this answer, as locators; at least one. */
  claims: v.pipe(v.array(Locator), v.minLength(1, 'must cite at least one sentence')),
  /** A few words, verbatim from one of the cited sentences. */
  gist: v.pipe(NonEmpty, v.maxLength(90, 'must be a few words (at most 90 characters)')),
});

export const QuestionSchema = v.strictObject({
  id: Id,
  question: v.pipe(NonEmpty, v.regex(/\?$/, 'must end with a question mark')),
  entityIds: v.pipe(v.array(Id), v.minLength(1, 'must name at least one entity')),
  answers: v.pipe(v.array(QuestionAnswerSchema), v.minLength(1, 'must have an answer')),
  verdict: v.picklist(VERDICTS, `must be one of ${VERDICTS.join(', ')}`),
});

export const QuestionsFileSchema = v.strictObject({
  $comment: v.optional(v.string()),
  questions: v.array(QuestionSchema),
});

export type SourceMeta = v.InferOutput<typeof SourceMetaSchema>;
export type CatalogEntity = v.InferOutput<typeof CatalogEntitySchema>;
export type TopicRule = v.InferOutput<typeof TopicRuleSchema>;
export type TopicDef = v.InferOutput<typeof TopicDefSchema>;
export type WordFigure = v.InferOutput<typeof WordFigureSchema>;
export type TopicsFile = v.InferOutput<typeof TopicsFileSchema>;
export type QuestionDef = v.InferOutput<typeof QuestionSchema>;
export type QuestionsFile = v.InferOutput<typeof QuestionsFileSchema>;
