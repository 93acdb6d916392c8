/**
 * Search over the knowledge pack: entity names and aliases (Chinese ones included),
 * figure texts and topic labels, and the curated questions (their words, their answers'
 * gists, the names of the entities they are about). Pure: the background builds the index
 * once and answers the popup's 'pack:search' messages from it.
 */
import { sourceRef, unknownSourceRef } from '../knowledge/source-ref';
import type { SourceRef } from '../knowledge/types';
import type { Claim, EntityKind, Pack, Question, Verdict } from '../pack/types';
import { fold } from './normalize';
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
}

interface IndexedQuestion {
  question: Question;
  /** The question, its gists and its entities' names, folded: what a query may name. */
  folded: string;
  words: string[];
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
    })),
    topics: pack.topics.map((t) => ({
      id: t.id,
      label: t.label,
      // The id's words too: "deepseek-training-cost" is how people name what the label
      // words as "What DeepSeek spent to train its model".
      folded: `${fold(t.label)} · ${fold(t.id)}`,
      disagree: t.disagree,
      compatible: t.compatible,
      verdict: t.verdict,
      figureIds: t.figureIds,
      figureTexts: t.figureIds.flatMap((id) => {
        const f = figureById.get(id);
        return f ? [fold(f.text)] : [];
      }),
    })),
    questions: (pack.questions ?? []).map((q) => {
      const names = q.entityIds.flatMap((id) => {
        const e = pack.entities.find((x) => x.id === id);
        return e ? [e.label] : [];
      });
      const folded = fold([q.question, ...q.answers.map((a) => a.gist), ...names].join(' · '));
      return { question: q, folded, words: folded.split(/[^\p{L}\p{N}$.]+/u).filter(Boolean) };
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

/**
 * A question matches when the query is in its words (score as for names), or when every
 * word of the query starts a word of it ("marina university", "who bought chips"): 2.
 */
function questionScore(q: IndexedQuestion, query: string): number {
  const whole = score(q.folded, query);
  if (whole > 0) return Math.min(whole, 2);
  const terms = query.split(' ').filter((w) => w.length >= 2);
  const all = terms.length > 0 && terms.every((t) => q.words.some((w) => w.startsWith(t)));
  return all ? 2 : 0;
}

/**
 * Ranked hits for a query. An empty or blank query finds nothing (the popup shows the
 * page's terms instead); a query longer than MAX_QUERY_LENGTH is cut there.
 */
export function searchPack(
  index: SearchIndex,
  query: string,
  options: SearchOptions = {},
): SearchResult {
  const { limit = 20, quotesPerHit = 3 } = options;
  const q = fold(query.slice(0, MAX_QUERY_LENGTH));
  if (!q) return { query, hits: [] };

  const scored: { hit: SearchHit; score: number; label: string }[] = [];
  for (const e of index.entities) {
    let best = 0;
    let matched = e.label;
    for (const name of e.names) {
      const s = score(name.folded, q);
      if (s > best) {
        best = s;
        matched = name.text;
      }
    }
    if (best > 0) {
      scored.push({ hit: entityHit(index, e, matched, quotesPerHit), score: best, label: e.label });
    }
  }
  for (const t of index.topics) {
    const byLabel = score(t.folded, q);
    const byFigure = Math.max(0, ...t.figureTexts.map((text) => score(text, q)));
    // A figure match ranks with a word match: "$5.6 million" is as good as its topic's name.
    const s = Math.max(byLabel, byFigure > 0 ? 2 : 0);
    if (s > 0) scored.push({ hit: topicHit(index, t), score: s, label: t.label });
  }
  for (const iq of index.questions) {
    const s = questionScore(iq, q);
    if (s > 0) {
      scored.push({
        hit: questionHit(index, iq.question, quotesPerHit),
        score: s,
        label: iq.question.question,
      });
    }
  }
  scored.sort((x, y) => y.score - x.score || x.label.localeCompare(y.label));
  return { query, hits: scored.slice(0, limit).map((s) => s.hit) };
}
