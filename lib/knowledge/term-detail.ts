/**
 * The card and sidebar data for one term, computed from the full pack. Pure: the
 * background calls it, tests call it with a small pack.
 */
import type { Claim, Entity, Figure, Pack, Source, Topic } from '../pack/types';
import { pageVerdict, rowVerdict } from './figure-agreement';
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
  const sourceOrder = new Map(pack.sources.map((s, i) => [s.id, i]));
  const claimsByEntity = new Map<string, Claim[]>();
  for (const c of pack.claims) {
    for (const id of c.entityIds) {
      let list = claimsByEntity.get(id);
      if (!list) {
        list = [];
        claimsByEntity.set(id, list);
      }
      list.push(c);
    }
  }

  function ref(sourceId: string): SourceRef {
    const s = sources.get(sourceId) as Source | undefined;
    return {
      id: sourceId,
      title: s?.title ?? null,
      outlet: s?.outlet ?? null,
      date: s?.date ?? s?.dateAsPrinted ?? null,
    };
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

  function entityDetail(e: Entity): TermDetail {
    const quotes = (claimsByEntity.get(e.id) ?? []).map((c) => ({
      ...quoteOf(c),
      emphasis: findAliases(c.quote, e.aliases),
    }));
    const disputed = pack.topics
      .filter((t) => t.subjectId === e.id && t.disagree)
      .map((t) => ({ id: t.id, label: t.label }));
    return {
      id: e.id,
      kind: 'entity',
      label: e.label,
      entityKind: e.kind,
      description: e.description,
      aliases: e.aliases.filter((a) => a !== e.label),
      sources: group(quotes),
      topic: null,
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
      rows,
      pageVerdict: pageVerdict(rows),
    };
    const subject = t.subjectId ? entities.get(t.subjectId) : undefined;
    const sourceCount = new Set(rows.map((r) => r.source.id)).size;
    return {
      id: t.id,
      kind: 'figure',
      label: t.label,
      entityKind: null,
      description: `${rows.length} figure${rows.length === 1 ? '' : 's'} in ${sourceCount} source${sourceCount === 1 ? '' : 's'}${t.disagree ? ', which disagree' : ''}.`,
      aliases: [],
      sources: group(rows.flatMap((r) => (r.quote ? [r.quote] : []))),
      topic: view,
      disputed: t.disagree ? [{ id: t.id, label: t.label }] : [],
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
