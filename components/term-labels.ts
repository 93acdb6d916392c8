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

/** "AsianFin · 2025-01-29", leaving out what the source does not print; a reader's source says so. */
export function sourceMeta(s: SourceRef): string {
  const mine = s.added ? [yours(s.added)] : [];
  return [...mine, s.title ? s.outlet : null, s.date].filter((x) => x).join(' · ');
}

/** A quote's caption: the source's name, and "your source" for one the reader added. */
export function sourceCaption(s: SourceRef): string {
  return s.added ? `${sourceName(s)} (${yours(s.added)})` : sourceName(s);
}

/** "your source, example.com, added 2025-02-03" */
function yours(added: NonNullable<SourceRef['added']>): string {
  let host = added.url;
  try {
    const u = new URL(added.url);
    host = u.protocol === 'file:' ? decodeURIComponent(u.pathname.slice(1)) : u.host;
  } catch {}
  return `your source, ${host}, added ${added.addedAt.slice(0, 10)}`;
}
