/**
 * Where the hover card goes: below the term if it fits, else above; never over the term;
 * kept inside the viewport horizontally. Pure, so edge cases are tested as data.
 */
import type { RectLike } from './hit-test';

export interface Size {
  width: number;
  height: number;
}

export interface CardPlacement {
  left: number;
  top: number;
  side: 'below' | 'above';
  /** The card scrolls inside this height rather than cover the term or leave the viewport. */
  maxHeight: number;
}

/** Between the card and its term, px. */
export const GAP = 6;
const MARGIN = 8;

export function placeCard(term: RectLike, card: Size, viewport: Size): CardPlacement {
  const spaceBelow = viewport.height - term.bottom - GAP - MARGIN;
  const spaceAbove = term.top - GAP - MARGIN;
  const side: CardPlacement['side'] =
    card.height <= spaceBelow || spaceBelow >= spaceAbove ? 'below' : 'above';
  const maxHeight = Math.max(0, side === 'below' ? spaceBelow : spaceAbove);
  const height = Math.min(card.height, maxHeight);
  const top = side === 'below' ? term.bottom + GAP : term.top - GAP - height;
  const maxLeft = viewport.width - card.width - MARGIN;
  const left = Math.max(MARGIN, Math.min(term.left, maxLeft));
  return { left, top, side, maxHeight };
}
