/**
 * Builds the pack from checked input: sources → article lines (clean.ts) → claims with their
 * figures (claims.ts) → figure topics (figures.ts) → topic verdicts (topics.ts) → curated
 * questions resolved against the claims (questions.ts); then each description is checked
 * against the sentences it cites (grounding.ts).
 * Pure: same input, same pack.
 */

import { flattenTopicRules } from '../quantity/topic-rules';
import { claimsOfSource } from './claims';
import { cleanSource } from './clean';
import { chooseTopic } from './figures';
import { groundEntities } from './grounding';
import type { PackInput } from './load';
import { createSourceMentionFinder } from './mention-prefilter';
import { buildQuestions } from './questions';
import { sourceLabel } from './source-label';
import { computeTopic } from './topics';
import type { Claim, DetectorPack, Entity, Figure, Pack, Source } from './types';
import { validatePackInput } from './validate';

export const PACK_VERSION = 1;

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Entities as the catalog gives them; `basis` is resolved once the claims exist. */
export function buildEntities(input: PackInput): Omit<Entity, 'basis'>[] {
  return input.entities
    .map(({ entity }) => ({
      id: entity.id,
      label: entity.label,
      kind: entity.kind,
      tier: entity.tier,
      aliases: [entity.label, ...entity.aliases.filter((a) => a !== entity.label)],
      aliasRules: entity.aliasRules ?? {},
      description: entity.description,
      related: [...entity.related],
    }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function buildPack(input: PackInput): Pack {
  validatePackInput(input);
  const entities = buildEntities(input);
  // Per source: only the entities a source can name are searched (a reader may track thousands).
  const findMentions = createSourceMentionFinder(entities);
  const topicDefs = input.topics.topics;
  // Catalog places, for telling a lead dateline ("Hong Kong China’s…") from the sentence.
  const kinds = new Map(entities.map((e) => [e.id, e.kind]));
  const places = entities.filter((e) => e.kind === 'place').flatMap((e) => e.aliases);
  const sources: Source[] = [];
  const claims: Claim[] = [];
  const figures: Figure[] = [];

  for (const meta of [...input.sources].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const { text } = meta;
    const { kept, excluded } = cleanSource(text, meta, places);
    sources.push({
      id: meta.id,
      file: meta.file,
      title: meta.title,
      date: meta.date,
      dateAsPrinted: meta.dateAsPrinted,
      outlet: meta.outlet,
      byline: meta.byline,
      label: sourceLabel({
        ...meta,
        lede: kept[0] ? text.slice(kept[0].start, kept[0].end) : null,
      }),
      ...(meta.caveat && { caveat: meta.caveat }),
      language: meta.language,
      text,
      excluded,
      ...(meta.added && { added: { url: meta.added.url, addedAt: meta.added.addedAt } }),
    });
    let figureNo = 0;
    for (const { claim, figures: found } of claimsOfSource(
      meta.id,
      text,
      kept,
      findMentions,
      input.topics.wordFigures,
      (id) => kinds.get(id),
    )) {
      claims.push(claim);
      const sentence = { start: claim.start, end: claim.end };
      for (const f of found) {
        const topic = chooseTopic(topicDefs, f, text, sentence, claim.entityIds);
        const figure: Figure = {
          id: `${meta.id}-f${pad(++figureNo, 3)}`,
          sourceId: meta.id,
          start: f.start,
          end: f.end,
          text: f.text,
          value: f.value,
          unit: topic?.unit ?? f.unit,
          qualifier: f.qualifier,
          claimId: claim.id,
          topicId: topic?.topicId ?? null,
          subjectId: topic?.subjectId ?? null,
        };
        if (topic?.measure !== undefined) figure.measure = topic.measure;
        if (f.when !== undefined) figure.when = f.when;
        figures.push(figure);
      }
    }
  }

  const topics = topicDefs.map((t) => computeTopic(t, figures));
  const questions = input.questions
    ? buildQuestions(
        input.questionsFile ?? 'questions',
        input.questions,
        claims,
        new Set(entities.map((e) => e.id)),
      )
    : [];
  const grounded = groundEntities(input.entities, entities, claims, sources);
  const topicRules = {
    rules: flattenTopicRules(topicDefs),
    wordFigures: input.topics.wordFigures,
  };
  return {
    version: PACK_VERSION,
    sources,
    entities: grounded,
    claims,
    figures,
    topics,
    questions,
    topicRules,
  };
}

/** What the content script ships: matching data only, no quotes or source text. */
export function toDetectorPack(pack: Pack): DetectorPack {
  return {
    entities: pack.entities.map(({ id, label, kind, tier, aliases, aliasRules }) => ({
      id,
      label,
      kind,
      tier,
      aliases,
      aliasRules,
    })),
    figures: pack.figures.map(({ id, value, unit, topicId, qualifier, subjectId }) => ({
      id,
      value,
      unit,
      topicId,
      qualifier,
      subjectId,
    })),
    topics: pack.topics.map(({ id, label }) => ({ id, label })),
    topicRules: pack.topicRules,
  };
}
