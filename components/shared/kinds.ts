/** Human names for what Sourcelight marks, singular and plural. */
import type { MarkKind } from '../../lib/settings';

export const KIND_NAMES: Record<MarkKind, { one: string; many: string }> = {
  person: { one: 'Person', many: 'People' },
  organization: { one: 'Organization', many: 'Organizations' },
  model: { one: 'Model', many: 'Models' },
  product: { one: 'Product', many: 'Products' },
  chip: { one: 'Chip', many: 'Chips' },
  place: { one: 'Place', many: 'Places' },
  publication: { one: 'Publication', many: 'Publications' },
  event: { one: 'Event', many: 'Events' },
  concept: { one: 'Concept', many: 'Concepts' },
  figure: { one: 'Figure', many: 'Figures' },
};
