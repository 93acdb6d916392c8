/**
 * The card and sidebar data for one term, computed from the full pack. Pure: the
 * background calls it, tests call it with a small pack.
 */

import { readersFirst } from '../library/order';
import type { Claim, Entity, Figure, Pack, Topic } from '../pack/types';
import { pageVerdict, rowVerdict } from './figure-agreement';
import { disputedOf, questionViews, topicSummary, type ViewContext } from './questions-view';
import { sourceRef, unknownSourceRef } from './source-ref';
import type {
  FigureRow,
  QuoteView,
  SourceQuotes,
  SourceRef,
  TermDetail,
  TermDetailRequest,
  TopicView,
} from './types';

export interface Knowledge {
  detail(req: TermDetailRequest): TermDetail | null;
}

export function createKnowledge(pack: Pack): Knowledge {
  const entities = new Map(pack.entities.map((e) => [e.id, e]));
  const sources = new Map(pack.sources.map((s) => [s.id, s]));
  const claims = new Map(pack.claims.map((c) => [c.id, c]));
  const figures = new Map(pack.figures.map((f) => [f.id, f]));
  const topics = new Map(pack.topics.map((t) => [t.id, t]));
  // The reader's own sources first: their trusted reporting matters more to them than ours.
  const sourceOrder = new Map(readersFirst(pack.sources).map((s, i) => [s.id, i]));
  // An entity's claims: the sentences naming it, and those referring back to it ("He told…").
  const claimsByEntity = new Map<string, Claim[]>();
  const add = (id: string, c: Claim) => {
    const list = claimsByEntity.get(id);
    if (list) {
      if (list.at(-1) !== c) list.push(c);
    } else claimsByEntity.set(id, [c]);
  };
  for (const c of pack.claims) {
    for (const id of c.entityIds) add(id, c);
    for (const r of c.references ?? []) add(r.entityId, c);
  }
  const questionsByEntity = new Map<string, Pack['questions']>();
  for (const q of pack.questions ?? []) {
    for (const id of q.entityIds)
      questionsByEntity.set(id, [...(questionsByEntity.get(id) ?? []), q]);
  }
  // Topics holding a figure about an entity (High-Flyer's A100s sit in DeepSeek's chip topic).
  const topicsByEntity = new Map<string, Topic[]>();
  for (const t of pack.topics) {
    const subjects = new Set<string>(t.subjectId ? [t.subjectId] : []);
    for (const id of t.figureIds) {
      const s = figures.get(id)?.subjectId;
      if (s) subjects.add(s);
    }
    for (const s of subjects) topicsByEntity.set(s, [...(topicsByEntity.get(s) ?? []), t]);
  }

  function ref(sourceId: string): SourceRef {
    const s = sources.get(sourceId);
    return s ? sourceRef(s) : unknownSourceRef(sourceId);
  }

  function group(quotes: QuoteView[]): SourceQuotes[] {
    const bySource = new Map<string, QuoteView[]>();
    for (const q of quotes) {
      let list = bySource.get(q.sourceId);
      if (!list) {
        list = [];
        bySource.set(q.sourceId, list);
      }
      list.push(q);
    }
    return [...bySource.entries()]
      .sort(([a], [b]) => (sourceOrder.get(a) ?? 0) - (sourceOrder.get(b) ?? 0))
      .map(([id, list]) => ({ source: ref(id), quotes: list.sort((a, b) => a.start - b.start) }));
  }

  const ctx: ViewContext = {
    claims,
    figures,
    ref,
    quoteOf,
    sourceOrder: (id) => sourceOrder.get(id) ?? 0,
    label: (id) => entities.get(id)?.label,
  };

  /** The quote of one of an entity's claims: its name emphasised, or the words referring to it. */
  function entityQuote(e: Entity, c: Claim): QuoteView {
    const named = findAliases(c.quote, e.aliases);
    const ref = c.references?.find((r) => r.entityId === e.id);
    if (named.length > 0 || !ref) return { ...quoteOf(c), emphasis: named };
    const span = { start: ref.start - c.start, end: ref.end - c.start };
    return {
      ...quoteOf(c),
      emphasis: [span],
      reference: { words: c.quote.slice(span.start, span.end), label: e.label },
    };
  }

  function entityDetail(e: Entity): TermDetail {
    const shown = new Set<string>();
    const questions = questionViews(questionsByEntity.get(e.id) ?? [], ctx, shown);
    const topicList = (topicsByEntity.get(e.id) ?? []).map((t) => topicSummary(t, ctx));
    const disputed = disputedOf(questions, topicList);
    // A sentence quoted in a question is not repeated under "What the sources say".
    const quotes = (claimsByEntity.get(e.id) ?? [])
      .filter((c) => !shown.has(c.id))
      .map((c) => entityQuote(e, c));
    return {
      id: e.id,
      kind: 'entity',
      label: e.label,
      entityKind: e.kind,
      description: e.description,
      aliases: e.aliases.filter((a) => a !== e.label),
      sources: group(quotes),
      topic: null,
      questions,
      topics: topicList,
      disputed,
      disagree: disputed.length > 0,
      related: e.related.flatMap((id) => {
        const r = entities.get(id);
        return r ? [{ id: r.id, label: r.label, entityKind: r.kind }] : [];
      }),
    };
  }

  function topicDetail(t: Topic, req: TermDetailRequest): TermDetail {
    const rows: FigureRow[] = [];
    for (const fid of t.figureIds) {
      const f = figures.get(fid);
      if (f) rows.push(figureRow(f, req));
    }
    rows.sort((a, b) => (sourceOrder.get(a.source.id) ?? 0) - (sourceOrder.get(b.source.id) ?? 0));
    const view: TopicView = {
      id: t.id,
      label: t.label,
      disagree: t.disagree,
      compatible: t.compatible,
      verdict: t.verdict,
      rows,
      pageVerdict: pageVerdict(rows),
    };
    const subject = t.subjectId ? entities.get(t.subjectId) : undefined;
    const sourceCount = new Set(rows.map((r) => r.source.id)).size;
    // Two figures of one sentence (DeepSeek's price and OpenAI's) quote it once.
    const quoted = new Set<string>();
    const quotes = rows.flatMap((r) => {
      if (!r.quote || quoted.has(r.quote.claimId)) return [];
      quoted.add(r.quote.claimId);
      return [r.quote];
    });
    const summary = topicSummary(t, ctx);
    return {
      id: t.id,
      kind: 'figure',
      label: t.label,
      entityKind: null,
      description: `${rows.length} figure${rows.length === 1 ? '' : 's'} in ${sourceCount} source${sourceCount === 1 ? '' : 's'}.`,
      aliases: [],
      sources: group(quotes),
      topic: view,
      questions: [],
      topics: [],
      disputed: disputedOf([], [summary]),
      disagree: t.disagree,
      related: subject ? [{ id: subject.id, label: subject.label, entityKind: subject.kind }] : [],
    };
  }

  function figureRow(f: Figure, req: TermDetailRequest): FigureRow {
    const claim = claims.get(f.claimId);
    let quote: QuoteView | null = null;
    if (claim) {
      const at = f.start - claim.start;
      const inside = at >= 0 && f.end <= claim.end;
      quote = {
        ...quoteOf(claim),
        emphasis: inside ? [{ start: at, end: at + (f.end - f.start) }] : [],
      };
    }
    return {
      source: ref(f.sourceId),
      figureId: f.id,
      text: f.text,
      value: f.value,
      unit: f.unit,
      qualifier: f.qualifier,
      verdict: rowVerdict(req, f),
      quote,
    };
  }

  return {
    detail(req) {
      if (req.kind === 'entity') {
        const e = entities.get(req.id);
        return e ? entityDetail(e) : null;
      }
      // A figure match names its topic, or a lone pack figure when it has none.
      const t = topics.get(req.id);
      if (t) return topicDetail(t, req);
      const f = figures.get(req.id);
      if (!f) return null;
      // A lone figure has nothing to disagree with.
      const ft = f.topicId ? topics.get(f.topicId) : undefined;
      if (ft) return topicDetail(ft, req);
      return topicDetail(
        {
          id: f.id,
          label: f.text,
          subjectId: f.subjectId,
          figureIds: [f.id],
          disagree: false,
          compatible: true,
          varies: false,
          verdict: 'agree',
        },
        req,
      );
    },
  };
}

function quoteOf(c: Claim): Omit<QuoteView, 'emphasis'> {
  return { claimId: c.id, sourceId: c.sourceId, quote: c.quote, start: c.start, end: c.end };
}

const LETTER = /[\p{L}\p{N}]/u;
const HAN = /\p{Script=Han}/u;

/**
 * Where any alias is written in a quote, case-insensitively, on word boundaries for
 * alphabetic aliases (Chinese needs none). Longest alias first; spans never overlap.
 */
export function findAliases(quote: string, aliases: readonly string[]): QuoteView['emphasis'] {
  const lower = quote.toLowerCase();
  const caseless = lower.length === quote.length;
  const hay = caseless ? lower : quote;
  const spans: QuoteView['emphasis'] = [];
  const sorted = [...aliases].filter((a) => a.length > 0).sort((a, b) => b.length - a.length);
  for (const alias of sorted) {
    const needle = caseless ? alias.toLowerCase() : alias;
    if (needle.length !== alias.length) continue;
    const bounded = !HAN.test(alias);
    for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + 1)) {
      const end = i + needle.length;
      if (bounded && (LETTER.test(quote[i - 1] ?? '') || LETTER.test(quote[end] ?? ''))) continue;
      if (spans.some((s) => i < s.end && s.start < end)) continue;
      spans.push({ start: i, end });
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}
