/** The pack at a glance, for the popup's "About the pack" section. */
import type { PackSummary } from '../messages';
import type { Pack } from '../pack/types';

export function summarizePack(pack: Pack): PackSummary {
  return {
    sources: pack.sources.map((s) => ({
      id: s.id,
      label: s.label,
      title: s.title,
      date: s.date,
      dateAsPrinted: s.dateAsPrinted,
      outlet: s.outlet,
      ...(s.added && { added: s.added }),
    })),
    entityCount: pack.entities.length,
    claimCount: pack.claims.length,
    figureCount: pack.figures.length,
    topicCount: pack.topics.length,
  };
}
