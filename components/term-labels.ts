import type { SourceRef } from '../lib/knowledge/types';
import type { EntityKind } from '../lib/pack/types';

const KIND_LABELS: Record<EntityKind, string> = {
  person: 'Person',
  organization: 'Organization',
  model: 'AI model',
  product: 'Product',
  chip: 'Chip',
  place: 'Place',
  publication: 'Publication',
  event: 'Event',
  concept: 'Concept',
};

export function kindLabel(entityKind: EntityKind | null): string {
  return entityKind === null ? 'Figure' : KIND_LABELS[entityKind];
}

/** A source as the reader knows it: headline, else outlet, else its id. */
export function sourceName(s: SourceRef): string {
  return s.title ?? s.outlet ?? `Source ${s.id}`;
}

/** "AsianFin · 2025-01-29", leaving out what the source does not print. */
export function sourceMeta(s: SourceRef): string {
  return [s.title ? s.outlet : null, s.date].filter((x) => x).join(' · ');
}
