/**
 * Search over the knowledge pack: entity names and aliases (Chinese ones included),
 * figure texts and topic labels, and the curated questions (their words, their answers'
 * gists, the names of the entities they are about). Pure: the background builds the index
 * once and answers the popup's 'pack:search' messages from it.
 */
import { sourceRef, unknownSourceRef } from '../knowledge/source-ref';
import type { SourceRef } from '../knowledge/types';
import type { Claim, EntityKind, Pack, Question, Verdict } from '../pack/types';
import { figureMatches, readFigureQuery } from './figure-query';
import { contentWords, fold, words } from './normalize';
import type {
  EntityHit,
  FigureRef,
  QuestionHit,
  QuoteRef,
  SearchHit,
  SearchResult,
  TopicHit,
} from './types';

interface IndexedEntity {
  id: string;
  label: string;
  entityKind: EntityKind;
  description: string;
  names: { text: string; folded: string }[];
  claimIds: string[];
  /** About DeepSeek itself (tier `core`): among equal matches, the story's own come first. */
  core: boolean;
}

interface IndexedTopic {
  id: string;
  label: string;
  folded: string;
  disagree: boolean;
  compatible: boolean;
  verdict: Verdict;
  figureIds: string[];
  /** Folded figure texts (verbatim, hedge included), so "$5.6 million" finds the topic. */
  figureTexts: string[];
  /** What its figures count ("founded", "starting", "A100"), folded: names of the topic too. */
  measures: string[];
  /** Its figures' values, so "$6m" or "six million" finds "less than $6 million". */
  values: Pick<Pack['figures'][number], 'value' | 'unit'>[];
  /** Every word of the above and of its label and id. */
  words: string[];
  core: boolean;
}

interface IndexedQuestion {
  question: Question;
  /** The question, its gists and its entities' names, folded: what a query may name. */
  folded: string;
  words: string[];
  core: boolean;
}

export interface SearchIndex {
  entities: IndexedEntity[];
  topics: IndexedTopic[];
  questions: IndexedQuestion[];
  claims: Map<string, Claim>;
  /** Each source as its quotes name it (the reader's own labelled as theirs). */
  sources: Map<string, SourceRef>;
  figures: Pack['figures'];
}

export interface SearchOptions {
  /** Most hits returned. */
  limit?: number;
  /** Most quotes per hit. */
  quotesPerHit?: number;
}

export const MAX_QUERY_LENGTH = 200;

export function buildSearchIndex(pack: Pack): SearchIndex {
  const claimIdsByEntity = new Map<string, string[]>();
  for (const claim of pack.claims) {
    for (const id of claim.entityIds) {
      const list = claimIdsByEntity.get(id) ?? [];
      list.push(claim.id);
      claimIdsByEntity.set(id, list);
    }
  }
  const figureById = new Map(pack.figures.map((f) => [f.id, f]));
  const coreIds = new Set(pack.entities.flatMap((e) => (e.tier === 'core' ? [e.id] : [])));
  return {
    entities: pack.entities.map((e) => ({
      id: e.id,
      label: e.label,
      entityKind: e.kind,
      description: e.description,
      names: [e.label, ...e.aliases.filter((a) => a !== e.label)].map((text) => ({
        text,
        folded: fold(text),
      })),
      claimIds: claimIdsByEntity.get(e.id) ?? [],
      core: e.tier === 'core',
    })),
    topics: pack.topics.map((t) => {
      const figures = t.figureIds.flatMap((id) => figureById.get(id) ?? []);
      // The id's words too: "deepseek-training-cost" is how people name what the label
      // words as "What DeepSeek spent to train its model".
      const folded = `${fold(t.label)} · ${fold(t.id)}`;
      const figureTexts = figures.map((f) => fold(f.text));
      const measures = [...new Set(figures.flatMap((f) => (f.measure ? [fold(f.measure)] : [])))];
      return {
        id: t.id,
        label: t.label,
        folded,
        disagree: t.disagree,
        compatible: t.compatible,
        verdict: t.verdict,
        figureIds: t.figureIds,
        figureTexts,
        measures,
        values: figures.map((f) => ({ value: f.value, unit: f.unit })),
        words: words([folded, ...measures, ...figureTexts].join(' ')),
        core: t.subjectId !== null && coreIds.has(t.subjectId),
      };
    }),
    questions: (pack.questions ?? []).map((q) => {
      const names = q.entityIds.flatMap((id) => {
        const e = pack.entities.find((x) => x.id === id);
        return e ? [e.label] : [];
      });
      const folded = fold([q.question, ...q.answers.map((a) => a.gist), ...names].join(' · '));
      const core = q.entityIds.some((id) => coreIds.has(id));
      return { question: q, folded, words: words(folded), core };
    }),
    claims: new Map(pack.claims.map((c) => [c.id, c])),
    sources: new Map(pack.sources.map((s) => [s.id, sourceRef(s)])),
    figures: pack.figures,
  };
}

/** 3: whole name, 2: a word of it starts with the query, 1: anywhere inside it; 0: no. */
function score(name: string, query: string): number {
  if (name === query) return 3;
  const at = name.indexOf(query);
  if (at < 0) return 0;
  if (at === 0 || name[at - 1] === ' ') return 2;
  return 1;
}

function quoteRef(index: SearchIndex, claim: Claim): QuoteRef {
  return {
    claimId: claim.id,
    sourceId: claim.sourceId,
    source: index.sources.get(claim.sourceId) ?? unknownSourceRef(claim.sourceId),
    quote: claim.quote,
  };
}

function entityHit(index: SearchIndex, e: IndexedEntity, matched: string, max: number): EntityHit {
  const quotes: QuoteRef[] = [];
  for (const id of e.claimIds.slice(0, max)) {
    const claim = index.claims.get(id);
    if (claim) quotes.push(quoteRef(index, claim));
  }
  return {
    type: 'entity',
    id: e.id,
    label: e.label,
    entityKind: e.entityKind,
    matched: matched === e.label ? null : matched,
    description: e.description,
    quotes,
    quoteCount: e.claimIds.length,
  };
}

function topicHit(index: SearchIndex, t: IndexedTopic): TopicHit {
  const figures: FigureRef[] = [];
  for (const id of t.figureIds) {
    const figure = index.figures.find((f) => f.id === id);
    const claim = figure && index.claims.get(figure.claimId);
    if (!figure || !claim) continue;
    figures.push({
      ...quoteRef(index, claim),
      figureId: figure.id,
      text: figure.text,
      qualifier: figure.qualifier,
    });
  }
  return {
    type: 'topic',
    id: t.id,
    label: t.label,
    disagree: t.disagree,
    compatible: t.compatible,
    verdict: t.verdict,
    figures,
  };
}

function questionHit(index: SearchIndex, q: Question, max: number): QuestionHit {
  return {
    type: 'question',
    id: q.id,
    label: q.question,
    verdict: q.verdict,
    answers: q.answers.map((a) => ({
      gist: a.gist,
      quotes: a.claimIds.slice(0, max).flatMap((id) => {
        const claim = index.claims.get(id);
        return claim ? [quoteRef(index, claim)] : [];
      }),
    })),
  };
}

/** Whether every query word starts a word of `words` ("marina university", "deepseek founded"). */
function allWordsStart(terms: string[], words: string[]): boolean {
  return terms.length > 0 && terms.every((t) => words.some((w) => w.startsWith(t)));
}

/** The query folded whole, without its question words, and as words. */
interface Query {
  whole: string;
  /** `whole` without "when", "was", "the"…; equal to it when there are none. */
  core: string;
  /** The words of two letters or more, question words included. */
  allTerms: string[];
  /** The core's words of two letters or more. */
  terms: string[];
}

function readQuery(text: string): Query {
  const whole = fold(text);
  const kept = contentWords(whole);
  const long = (w: string) => w.length >= 2;
  return {
    whole,
    core: kept.join(' '),
    allTerms: words(whole).filter(long),
    terms: kept.filter(long),
  };
}

/**
 * Every word of the query starts a word of the text: 2; every word but the question words
 * ("who bought the chips" fits "Who bought…" better than "When were the chips bought?"): 1.5.
 */
function wordsScore(q: Query, words: string[]): number {
  if (allWordsStart(q.allTerms, words)) return 2;
  return allWordsStart(q.terms, words) ? 1.5 : 0;
}

/** The better of a name's scores for the whole query and for its core. */
function nameScore(name: string, q: Query): number {
  const whole = score(name, q.whole);
  return q.core && q.core !== q.whole ? Math.max(whole, score(name, q.core)) : whole;
}

/**
 * A question matches when the query is in its words (score as for names), or when every
 * word of the query starts a word of it ("marina university", "who bought chips"): 2.
 */
function questionScore(iq: IndexedQuestion, q: Query): number {
  const whole = nameScore(iq.folded, q);
  if (whole > 0) return Math.min(whole, 2);
  return wordsScore(q, iq.words);
}

/**
 * A topic matches by its label or id (as a name), by what it measures ("founded": as its
 * whole name, 3), by a figure's text or value ("$5.6 million", "$6m", "six million": the
 * query's other words must fit the topic too), or by all the query's words (wordsScore).
 */
function topicScore(
  t: IndexedTopic,
  q: Query,
  figures: ReturnType<typeof readFigureQuery>,
): number {
  const byLabel = nameScore(t.folded, q);
  if (byLabel === 3 || t.measures.includes(q.core)) return 3;
  // At a word's start: "40" is not in "fewer than 140 people".
  const byText = t.figureTexts.some((text) => score(text, q.whole) >= 2);
  const byValue =
    figures.figures.some((f) => t.values.some((v) => figureMatches(f, v))) &&
    contentWords(fold(figures.rest)).every((w) => t.words.some((x) => x.startsWith(w)));
  // A figure match ranks with a word match: "$5.6 million" is as good as its topic's name.
  if (byLabel === 2 || byText || byValue) return 2;
  return Math.max(byLabel, wordsScore(q, t.words));
}

/**
 * Ranked hits for a query. An empty or blank query finds nothing (the popup shows the
 * page's terms instead); a query longer than MAX_QUERY_LENGTH is cut there. Equal matches
 * put the story's own (core) entities, topics and questions first, then go by name.
 */
export function searchPack(
  index: SearchIndex,
  query: string,
  options: SearchOptions = {},
): SearchResult {
  const { limit = 20, quotesPerHit = 3 } = options;
  const cut = query.slice(0, MAX_QUERY_LENGTH);
  const q = readQuery(cut);
  if (!q.whole) return { query, hits: [] };
  const figures = readFigureQuery(cut);

  const scored: { hit: SearchHit; score: number; core: boolean; label: string }[] = [];
  for (const e of index.entities) {
    let best = 0;
    let matched = e.label;
    for (const name of e.names) {
      const s = nameScore(name.folded, q);
      if (s > best) {
        best = s;
        matched = name.text;
      }
    }
    if (best > 0) {
      const hit = entityHit(index, e, matched, quotesPerHit);
      scored.push({ hit, score: best, core: e.core, label: e.label });
    }
  }
  for (const t of index.topics) {
    const s = topicScore(t, q, figures);
    if (s > 0) scored.push({ hit: topicHit(index, t), score: s, core: t.core, label: t.label });
  }
  for (const iq of index.questions) {
    const s = questionScore(iq, q);
    if (s > 0) {
      scored.push({
        hit: questionHit(index, iq.question, quotesPerHit),
        score: s,
        core: iq.core,
        label: iq.question.question,
      });
    }
  }
  scored.sort(
    (x, y) =>
      y.score - x.score || Number(y.core) - Number(x.core) || x.label.localeCompare(y.label),
  );
  return { query, hits: scored.slice(0, limit).map((s) => s.hit) };
}
