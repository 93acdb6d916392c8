/**
 * Focus and the card: Tab from the page moves into the open card, and cycles inside it;
 * closing the card gives focus back to where it was before Tab moved it. Our UI is in a
 * closed shadow root, so the page's `document.activeElement` is our host element while
 * focus is in it; the element itself is the shadow root's `activeElement`.
 */
import type { UiHost } from './ui-host';

const FOCUSABLE = 'button:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])';

export interface CardFocus {
  /** Whether focus is on one of the card's controls. */
  inCard(): boolean;
  /**
   * Tab (back: Shift+Tab): from outside the card, to its first (last) control; from its
   * last (first), round to the first (last). Within it the browser's own order is the
   * card's. Whether it moved focus.
   */
  tab(back: boolean): boolean;
  /**
   * The card closed; `hadFocus`: focus was in it (asked before it closed). Focus goes back
   * where it was before Tab moved it in, else to `fallback`.
   */
  closed(hadFocus: boolean, fallback?: Element | null): void;
}

export function createCardFocus(doc: Document, ui: () => UiHost | null): CardFocus {
  let returnTo: Element | null = null;
  const isHost = (el: Element | null) => el !== null && el === ui()?.host;

  const card = () => ui()?.shadow.querySelector<HTMLElement>('.card') ?? null;
  /** The element focused in our shadow root, if focus is in it at all. */
  const ours = () => (isHost(doc.activeElement) ? (ui()?.shadow.activeElement ?? null) : null);

  function inCard(): boolean {
    const el = ours();
    return el !== null && (card()?.contains(el) ?? false);
  }

  return {
    inCard,
    tab(back) {
      const items = [...(card()?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])];
      const first = items[0];
      const last = items[items.length - 1];
      if (!first || !last) return false;
      const i = items.indexOf(ours() as HTMLElement);
      let target: HTMLElement;
      if (i === -1) {
        returnTo = ours() ?? doc.activeElement;
        target = back ? last : first;
      } else if (!back && i === items.length - 1) target = first;
      else if (back && i === 0) target = last;
      else return false;
      target.focus();
      return true;
    },
    closed(hadFocus, fallback = null) {
      const to = returnTo ?? fallback;
      returnTo = null;
      if (!hadFocus) return;
      if (to instanceof HTMLElement && to.isConnected && to !== doc.body && !isHost(to)) to.focus();
      else if (isHost(doc.activeElement)) ui()?.host.blur();
    },
  };
}
