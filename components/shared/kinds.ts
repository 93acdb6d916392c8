/**
 * Human names for what Sourcelight marks, singular and plural: the one table every surface
 * (card, sidebar, popup, options, library) and the e2e tests read.
 */
import type { EntityKind } from '../../lib/pack/types';
import type { MarkKind } from '../../lib/settings';

export const KIND_NAMES: Record<MarkKind, { one: string; many: string }> = {
  person: { one: 'Person', many: 'People' },
  organization: { one: 'Organization', many: 'Organizations' },
  // "Model" alone reads as a person who models; these are AI models.
  model: { one: 'AI model', many: 'AI models' },
  product: { one: 'Product', many: 'Products' },
  chip: { one: 'Chip', many: 'Chips' },
  place: { one: 'Place', many: 'Places' },
  publication: { one: 'Publication', many: 'Publications' },
  event: { one: 'Event', many: 'Events' },
  concept: { one: 'Concept', many: 'Concepts' },
  figure: { one: 'Figure', many: 'Figures' },
};

/** A term's kind in the card and sidebar: a figure has no entity kind. */
export function kindLabel(entityKind: EntityKind | null): string {
  return KIND_NAMES[entityKind ?? 'figure'].one;
}
