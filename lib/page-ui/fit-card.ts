/**
 * The card placed again once its real size is known: `placeCard` first guessed its
 * height. Whatever fonts or rounding then did, the card must not cover its term, so a card
 * still overlapping it is trimmed (above) or moved down (below).
 */
import { type CardPlacement, GAP, placeCard } from '../page/card-position';

export function fitCard(
  el: HTMLElement,
  term: DOMRect,
  viewport: { width: number; height: number },
  at: CardPlacement,
  apply: (at: CardPlacement) => void,
): void {
  const box = el.getBoundingClientRect();
  // scrollHeight leaves out the borders; the card's real height includes them.
  const height = el.scrollHeight + (el.offsetHeight - el.clientHeight);
  const next = placeCard(term, { width: box.width, height }, viewport);
  if (next.top !== at.top || next.left !== at.left || next.maxHeight !== at.maxHeight) apply(next);
  const shown = el.getBoundingClientRect();
  if (next.side === 'above' && shown.bottom > term.top) {
    const maxHeight = Math.max(0, next.maxHeight - (shown.bottom - term.top) - 1);
    apply({ ...next, maxHeight, top: term.top - GAP - Math.min(shown.height, maxHeight) });
  } else if (next.side === 'below' && shown.top < term.bottom) {
    apply({ ...next, top: term.bottom + GAP });
  }
}
