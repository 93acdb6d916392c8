/**
 * Which highlight a match is painted with. Seven groups keep the page readable: more
 * colours than that stop meaning anything.
 */
import type { Match } from '../detect/types';
import type { EntityKind } from '../pack/types';
import type { HighlightStyle, MarkKind } from '../settings';

export const HIGHLIGHT_GROUPS = [
  'person',
  'organization',
  'model',
  'chip',
  'place',
  'other',
  'figure',
] as const;
export type HighlightGroup = (typeof HIGHLIGHT_GROUPS)[number];

const GROUP_OF_KIND: Record<EntityKind, HighlightGroup> = {
  person: 'person',
  organization: 'organization',
  model: 'model',
  product: 'model',
  chip: 'chip',
  place: 'place',
  publication: 'other',
  event: 'other',
  concept: 'other',
};

export function groupOf(match: Pick<Match, 'kind' | 'entityKind'>): HighlightGroup {
  if (match.kind === 'figure' || match.entityKind === null) return 'figure';
  return GROUP_OF_KIND[match.entityKind];
}

export function markKindOf(match: Pick<Match, 'kind' | 'entityKind'>): MarkKind {
  return match.kind === 'figure' || match.entityKind === null ? 'figure' : match.entityKind;
}

/**
 * The registered name of a highlight. The style is part of the name, so switching the
 * style setting swaps names; the page's own styles are never edited. The `::highlight()`
 * rules for every name live in the content script's manifest CSS.
 */
export function highlightName(style: HighlightStyle, group: HighlightGroup): string {
  return `sourcelight-${style}-${group}`;
}

export const FLASH_HIGHLIGHT = 'sourcelight-flash';
