/**
 * Which highlight a match is painted with. Seven groups keep the page readable: more
 * colours than that stop meaning anything. An eighth, `differs`, is not a colour of its own
 * kind but a warning: a page figure outside every source's figure on its topic; its line
 * is wavy, so it reads without colour too.
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
  'differs',
] as const;
export type HighlightGroup = (typeof HIGHLIGHT_GROUPS)[number];

/**
 * What the painter registers: each group's colour, and `link`, a second highlight over any
 * mark inside a link. A coloured underline under link text reads as the link's own
 * underline (issue 18.6); the `link` highlight tints such a mark so it reads as marked.
 */
export const PAINT_KEYS = [...HIGHLIGHT_GROUPS, 'link'] as const;
export type PaintKey = (typeof PAINT_KEYS)[number];

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

export function groupOf(match: Pick<Match, 'kind' | 'entityKind' | 'verdict'>): HighlightGroup {
  // same, within, close: the quiet figure style; differs: its own
  if (match.kind === 'figure' || match.entityKind === null) {
    return match.verdict === 'differs' ? 'differs' : 'figure';
  }
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
export function highlightName(style: HighlightStyle, key: PaintKey): string {
  return `sourcelight-${style}-${key}`;
}

export const FLASH_HIGHLIGHT = 'sourcelight-flash';
