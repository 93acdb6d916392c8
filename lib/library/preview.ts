/**
 * What the review page shows about an article before the reader confirms it, read from a
 * pack built with the article in it (the same build that will run on confirm): the known
 * names it mentions, its figures with the topic each joins and what the other sources say
 * on that topic, and candidate new names. Pure.
 */
import { createMentionFinder } from '../pack/mentions';
import type { EntityKind, Pack, Source, Tier } from '../pack/types';
import { type Candidate, findCandidates } from './candidates';
import { isTrackedId } from './merge';

export interface PreviewTerm {
  id: string;
  label: string;
  kind: EntityKind;
  tier: Tier;
  /** Sentences of the article that name it. */
  sentences: number;
  /** One of the reader's tracked names. */
  tracked: boolean;
}

export interface PreviewOtherFigure {
  sourceId: string;
  sourceTitle: string | null;
  /** The other source's own wording, verbatim, with its qualifier. */
  text: string;
  qualifier: string | null;
}

export interface PreviewFigure {
  id: string;
  /** Verbatim, as in the article. */
  text: string;
  qualifier: string | null;
  unit: string;
  /** The sentence it stands in, verbatim. */
  quote: string;
  topic: {
    id: string;
    label: string;
    /** With this article in: the sources' figures differ. */
    disagree: boolean;
    /** ...but could all be true at once. */
    compatible: boolean;
    others: PreviewOtherFigure[];
  } | null;
}

export interface Preview {
  sourceId: string;
  claims: number;
  terms: PreviewTerm[];
  figures: PreviewFigure[];
  candidates: Candidate[];
}

export function previewOf(pack: Pack, source: Pick<Source, 'id' | 'text'>): Preview {
  const claims = pack.claims.filter((c) => c.sourceId === source.id);
  const counts = new Map<string, number>();
  for (const c of claims) for (const id of c.entityIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  const terms: PreviewTerm[] = pack.entities
    .filter((e) => counts.has(e.id))
    .map((e) => ({
      id: e.id,
      label: e.label,
      kind: e.kind,
      tier: e.tier,
      sentences: counts.get(e.id) ?? 0,
      tracked: isTrackedId(e.id),
    }))
    .sort((a, b) => b.sentences - a.sentences || a.label.localeCompare(b.label));

  const claimById = new Map(claims.map((c) => [c.id, c]));
  const sources = new Map(pack.sources.map((s) => [s.id, s]));
  const topics = new Map(pack.topics.map((t) => [t.id, t]));
  const figureById = new Map(pack.figures.map((f) => [f.id, f]));
  const figures: PreviewFigure[] = pack.figures
    .filter((f) => f.sourceId === source.id)
    .map((f) => {
      const topic = f.topicId ? topics.get(f.topicId) : undefined;
      return {
        id: f.id,
        text: f.text,
        qualifier: f.qualifier,
        unit: f.unit,
        quote: claimById.get(f.claimId)?.quote ?? '',
        topic: topic
          ? {
              id: topic.id,
              label: topic.label,
              disagree: topic.disagree,
              compatible: topic.compatible,
              others: topic.figureIds.flatMap((id) => {
                const o = figureById.get(id);
                if (!o || o.sourceId === source.id) return [];
                const s = sources.get(o.sourceId);
                return [
                  {
                    sourceId: o.sourceId,
                    sourceTitle: s?.title ?? null,
                    text: o.text,
                    qualifier: o.qualifier,
                  },
                ];
              }),
            }
          : null,
      };
    });

  const known = createMentionFinder(pack.entities)(source.text);
  return {
    sourceId: source.id,
    claims: claims.length,
    terms,
    figures,
    candidates: findCandidates(source.text, known),
  };
}
