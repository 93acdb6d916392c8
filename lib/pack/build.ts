/**
 * Builds the pack from checked input: sources → article lines (clean.ts) → claims with their
 * figures (claims.ts) → figure topics (figures.ts) → topic verdicts (topics.ts).
 * Pure: same input, same pack.
 */

import { flattenTopicRules } from '../quantity/topic-rules';
import { claimsOfSource } from './claims';
import { cleanSource } from './clean';
import { chooseTopic } from './figures';
import type { PackInput } from './load';
import { createMentionFinder } from './mentions';
import { computeTopic } from './topics';
import type { Claim, DetectorPack, Entity, Figure, Pack, Source } from './types';
import { validatePackInput } from './validate';

export const PACK_VERSION = 1;

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

export function buildEntities(input: PackInput): Entity[] {
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
  const findMentions = createMentionFinder(entities);
  const topicDefs = input.topics.topics;
  const sources: Source[] = [];
  const claims: Claim[] = [];
  const figures: Figure[] = [];

  for (const meta of [...input.sources].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const { text } = meta;
    const { kept, excluded } = cleanSource(text, meta);
    sources.push({
      id: meta.id,
      file: meta.file,
      title: meta.title,
      date: meta.date,
      dateAsPrinted: meta.dateAsPrinted,
      outlet: meta.outlet,
      byline: meta.byline,
      language: meta.language,
      text,
      excluded,
    });
    let figureNo = 0;
    for (const { claim, figures: found } of claimsOfSource(
      meta.id,
      text,
      kept,
      findMentions,
      input.topics.wordFigures,
    )) {
      claims.push(claim);
      const sentence = { start: claim.start, end: claim.end };
      for (const f of found) {
        const topic = chooseTopic(topicDefs, f, text, sentence, claim.entityIds);
        figures.push({
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
        });
      }
    }
  }

  const topics = topicDefs.map((t) => computeTopic(t, figures));
  const topicRules = {
    rules: flattenTopicRules(topicDefs),
    wordFigures: input.topics.wordFigures,
  };
  return { version: PACK_VERSION, sources, entities, claims, figures, topics, topicRules };
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
