/**
 * Owns the card and sidebar: their state, the one host element, focus and keys. The
 * components only take props and render.
 *
 * Keys (trusted ones only: a page cannot drive our UI by faking them): with the card open,
 * Tab moves into it and cycles there; Esc closes the card (else the sidebar) and gives
 * focus back to where it was. A key we act on goes no further, so the page's own handlers
 * do not act on it too; every other key passes untouched.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { HoverCard } from '../../components/HoverCard';
import { PAGE_UI_CSS, ROOM_MIN_VIEWPORT_PX } from '../../components/page-ui-styles';
import {
  clipboardCopy,
  QuoteActions,
  type QuoteActionsValue,
} from '../../components/quote-actions';
import { ScrollMarkers } from '../../components/ScrollMarkers';
import { Sidebar } from '../../components/Sidebar';
import { readerHref } from '../../components/shared/links';
import type { TermDetail, TermDetailRequest } from '../knowledge/types';
import type { SeenBefore, TermCount } from '../messages';
import { type CardPlacement, placeCard } from '../page/card-position';
import { rangeBox } from '../page/hit-test';
import { keepPlace } from '../page/keep-place';
import type { Occurrence } from '../page/page-marks';
import type { MarkSpot } from '../page/scroll-ticks';
import { isDocumentEditable } from '../page/text-blocks';
import { createCardFocus } from './card-focus';
import { fitCard as fitCardBox } from './fit-card';
import { createScrollMarkers } from './scroll-markers';
import { createSidebarStack, entryFor, type SidebarEntry } from './sidebar-stack';
import { createUiHost, type UiHost } from './ui-host';
import { drawTextAsGeneratedContent, UNFINDABLE_CSS } from './unfindable-text';

export interface PageUiDeps {
  detail: (req: TermDetailRequest) => Promise<TermDetail | null>;
  seen: (id: string) => Promise<SeenBefore | null>;
  readSource: (sourceId: string, claimId: string) => void;
  terms: () => TermCount[];
  /** Some of a long page is not read yet: the sidebar says its counts cover what is. */
  partial?: () => boolean;
  /** Scrolls to a term's next occurrence, or its `nth`, and flashes it. */
  showOnPage: (id: string, nth?: number) => void;
  /** Where a term's marks are (every term's for null), for the scrollbar markers. */
  markSpots?: (id: string | null) => MarkSpot[];
  /** The card closed (Esc, scroll, pointer gone): hovering the same term opens it again. */
  onCardClosed?: () => void;
  /** The sidebar's "Add this page to my sources" (absent: no button). */
  onAddPage?: () => Promise<{ ok: true } | { ok: false; error: string }>;
  doc?: Document;
  /** Whether the browser made this event (tests stand in for the browser). */
  isTrusted?: (event: Event) => boolean;
  /** Stops the UI for good: closes everything, removes our host and our listeners. */
  signal?: AbortSignal;
}

/** How a card was asked for: hover gives way to a card the reader holds, the others do not. */
export type CardCause = 'hover' | 'key' | 'tap';

const CLOSE_GRACE_MS = 300;
const CARD_GUESS = { width: 340, height: 240 };

export function createPageUi(deps: PageUiDeps) {
  const doc = deps.doc ?? document;
  const win = doc.defaultView as Window;
  drawTextAsGeneratedContent();
  let ui: UiHost | null = null;
  const trusted = deps.isTrusted ?? ((e: Event) => e.isTrusted);
  let card: {
    o: Occurrence;
    detail: TermDetail | null | undefined;
    at: CardPlacement;
    /** Pinned: stays open when the pointer leaves, and hovering other terms leaves it be. */
    pinned: boolean;
  } | null = null;
  const focus = createCardFocus(doc, () => ui);
  // The sidebar's history: null is the page's list of terms.
  const sidebar = createSidebarStack({ detail: deps.detail, seen: deps.seen, onChange: paint });
  const markers = deps.markSpots ? createScrollMarkers(win, deps.markSpots, paint) : null;
  deps.signal?.addEventListener('abort', stop, { once: true });
  let closeTimer: ReturnType<typeof setTimeout> | undefined;
  let returnFocus: Element | null = null;
  // What had focus in the page when the card opened: a click in the card moves focus
  // to our host, and Esc must give focus back to the page, not to us.
  let pageFocus: Element | null = null;
  let focusNext = false;
  // A web page cannot link to our reader: the background opens it (deps.readSource), and a
  // copied citation names the reader by its extension address.
  const quoteActions: QuoteActionsValue = {
    readSource: deps.readSource,
    readerAddress: (sourceId, claimId) =>
      browser.runtime.getURL(readerHref(sourceId, claimId) as '/reader.html'),
    copy: clipboardCopy,
  };

  // On the window, capturing: the first stop of every key's way, before the page's
  // listeners on the document or its elements (a page's own window capture listener added
  // before ours still runs first: nothing can come before that).
  function onKey(event: KeyboardEvent): void {
    if (!trusted(event) || event.ctrlKey || event.metaKey || event.altKey) return;
    let acted = false;
    if (event.key === 'Escape') {
      if (card) {
        closeCard();
        acted = true;
      } else if (sidebar.open()) {
        closeAll();
        acted = true;
      }
    } else if (event.key === 'Tab' && card) {
      acted = focus.tab(event.shiftKey);
      // Tab between the card's own controls is the browser's to do, and none of the
      // page's business (a page's focus trap would pull focus back to itself).
      if (!acted && focus.inCard()) event.stopImmediatePropagation();
    }
    if (acted) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }

  /**
   * The host, made again if the page removed it or `document.open()` emptied the document:
   * the next card or sidebar appears in a fresh one instead of nowhere. Null when the
   * document has no root element, or the page made all of it editable (designMode): our
   * element would be part of what the reader edits.
   */
  function ensureHost(): UiHost | null {
    if (ui && (!ui.attached() || isDocumentEditable(doc))) dropHost();
    if (isDocumentEditable(doc)) return null;
    if (!ui) ui = createUiHost(PAGE_UI_CSS + UNFINDABLE_CSS, doc, trusted);
    // Again each time: `document.open()` erases the window's listeners (adding is idempotent).
    if (ui) win.addEventListener('keydown', onKey, true);
    return ui;
  }

  function stop(): void {
    clearTimeout(closeTimer);
    win.cancelAnimationFrame(scrollFrame);
    win.removeEventListener('scroll', onScroll, true);
    card = null;
    sidebar.clear();
    markers?.stop();
    win.removeEventListener('keydown', onKey, true);
    // Stopped with the sidebar open (site switched off): the width comes back, the place stays.
    if (ui?.roomy()) keepPlace(dropHost, doc);
    else dropHost();
  }

  function dropHost(): void {
    if (!ui) return;
    render(null, ui.mount);
    ui.remove();
    ui = null;
  }

  function paint(): void {
    if (deps.signal?.aborted || (!ui && !card && !sidebar.open())) return;
    const host = ensureHost();
    if (!host) return;
    const view = sidebar.current();
    // The card's term, else the sidebar's (every term's on its page list), else none.
    const term = card ? card.o.match.id : sidebar.open() ? (view.entry?.req.id ?? null) : undefined;
    markers?.show(term, sidebar.open());
    render(
      <QuoteActions.Provider value={quoteActions}>
        {sidebar.open() && (
          <Sidebar
            detail={view.detail}
            pageFigure={view.entry?.pageFigure ?? null}
            seen={view.seen}
            terms={deps.terms()}
            partial={deps.partial?.() === true}
            canGoBack={view.canGoBack}
            onBack={back}
            onClose={closeAll}
            onAddPage={deps.onAddPage}
            onOpenTerm={(id, kind) => push({ req: { id, kind }, pageFigure: null })}
            onShowOnPage={showOnPage}
          />
        )}
        {card && (
          <HoverCard
            label={card.o.match.label}
            entityKind={card.o.match.entityKind}
            detail={card.detail}
            pageFigure={card.o.match.kind === 'figure' ? card.o.match.text : null}
            left={card.at.left}
            top={card.at.top}
            maxHeight={card.at.maxHeight}
            onOpenSidebar={() => {
              const o = (card as { o: Occurrence }).o;
              hideCard();
              push(entryFor(o));
            }}
            pinned={card.pinned}
            onPin={() => {
              if (!card) return;
              card.pinned = !card.pinned;
              clearTimeout(closeTimer);
              paint();
            }}
            onClose={closeCard}
            onPointerEnter={() => clearTimeout(closeTimer)}
            onPointerLeave={(event) => {
              // A finger or pen lifted off the card leaves it too: a tapped card stays.
              if (event.pointerType === 'mouse') scheduleClose();
            }}
          />
        )}
        {markers && (
          <ScrollMarkers ticks={markers.ticks()} beside={sidebar.open()} onPick={deps.showOnPage} />
        )}
      </QuoteActions.Provider>,
      host.mount,
    );
    // After the render: a card just closed is gone, and the reading point finds page text.
    if (host.roomy() !== sidebar.open()) keepPlace(() => host.makeRoom(sidebar.open()), doc);
    if (focusNext) {
      // The term's heading appears once its detail has loaded; until then keep the wish.
      const selector = !view.entry || view.detail === null ? '#sl-on-page' : '#sl-term';
      const target = host.shadow.querySelector<HTMLElement>(selector);
      if (target) {
        focusNext = false;
        target.focus();
      }
    }
  }

  /** Re-places the card once its real height is known (fit-card.ts). */
  function fitCard(): void {
    const el = ui?.shadow.querySelector<HTMLElement>('.card');
    const current = card;
    if (!current || !el) return;
    const viewport = { width: win.innerWidth, height: win.innerHeight };
    fitCardBox(el, rangeBox(current.o.range, doc), viewport, current.at, (at) => {
      current.at = at;
      paint();
    });
  }

  const isHost = (el: Element | null) => ui !== null && el === ui.host;

  function push(entry: SidebarEntry | null): void {
    if (!sidebar.open()) returnFocus = isHost(doc.activeElement) ? pageFocus : doc.activeElement;
    sidebar.push(entry);
    focusNext = true;
    paint();
  }

  function back(): void {
    if (!sidebar.back()) return;
    focusNext = true;
    paint();
  }

  function hideCard(): void {
    clearTimeout(closeTimer);
    if (card) {
      card = null;
      win.removeEventListener('scroll', onScroll, true);
      deps.onCardClosed?.();
    }
  }

  // The card follows its term while the page scrolls (once per frame), and closes when the
  // term leaves the viewport.
  let scrollFrame = 0;
  function onScroll(): void {
    if (scrollFrame !== 0) return;
    scrollFrame = win.requestAnimationFrame(() => {
      scrollFrame = 0;
      if (!card) return;
      const term = rangeBox(card.o.range, doc);
      if (term.bottom < 0 || term.top > win.innerHeight) {
        // A card the reader holds stays where it is.
        if (held()) return;
        hideCard();
        paint();
      } else fitCard();
    });
  }

  /** The reader holds the card: pinned, or focus inside it. */
  function held(): boolean {
    return card !== null && (card.pinned || focus.inCard());
  }

  function scheduleClose(): void {
    clearTimeout(closeTimer);
    if (held()) return;
    closeTimer = setTimeout(() => {
      if (held()) return;
      hideCard();
      paint();
    }, CLOSE_GRACE_MS);
  }

  /** Esc or the close button: the card closes and focus, if it was in the card, goes back. */
  function closeCard(): void {
    // Closing takes the card's elements, and focus with them: ask first, move after.
    const hadFocus = focus.inCard();
    hideCard();
    paint();
    focus.closed(hadFocus, pageFocus);
  }

  /**
   * "On this page". A window too narrow for room beside the page has the sidebar over it:
   * it steps aside (closes) so it never hides the term it points to.
   */
  function showOnPage(id: string): void {
    if (!win.matchMedia(`(min-width: ${ROOM_MIN_VIEWPORT_PX}px)`).matches) closeAll();
    deps.showOnPage(id);
  }

  function closeAll(): void {
    hideCard();
    const hadSidebar = sidebar.open();
    sidebar.clear();
    paint();
    if (hadSidebar) {
      if (returnFocus instanceof HTMLElement && !isHost(returnFocus)) returnFocus.focus();
      else if (ui && isHost(doc.activeElement)) ui.host.blur();
    }
    returnFocus = null;
  }

  return {
    /** Opens the card on a term; a hover does not replace a card the reader holds. */
    showCard(o: Occurrence, cause: CardCause = 'hover'): void {
      if (card?.o === o) {
        clearTimeout(closeTimer);
        return;
      }
      if (cause === 'hover' && held()) return;
      clearTimeout(closeTimer);
      const at = placeCard(rangeBox(o.range, doc), CARD_GUESS, {
        width: win.innerWidth,
        height: win.innerHeight,
      });
      const current = { o, detail: undefined as TermDetail | null | undefined, at, pinned: false };
      if (!card) {
        pageFocus = isHost(doc.activeElement) ? pageFocus : doc.activeElement;
        win.addEventListener('scroll', onScroll, { capture: true, passive: true });
      }
      card = current;
      paint();
      fitCard();
      deps.detail(entryFor(o).req).then(
        (d) => {
          if (card !== current) return;
          current.detail = d;
          paint();
          fitCard();
        },
        () => {
          if (card !== current) return;
          current.detail = null;
          paint();
        },
      );
    },
    /** The pointer left the term: close soon, unless it moves into the card. */
    leaveTerm: scheduleClose,
    /** A tap elsewhere on the page: the card closes unless pinned. */
    dismissCard(): void {
      if (!card || card.pinned) return;
      hideCard();
      paint();
    },
    /**
     * The page moved to another address (an SPA route): the card's term may be gone, so the
     * card closes, pinned or not; the sidebar stays open and its list follows the new page.
     */
    pageChanged(): void {
      hideCard();
      markers?.invalidate();
      paint();
    },
    /** The term whose card is open. */
    cardTerm: (): Occurrence | null => card?.o ?? null,
    openSidebar(o: Occurrence | null): void {
      hideCard();
      push(o ? entryFor(o) : null);
    },
    /** Whether an event target is our host (events from a closed shadow root retarget to it). */
    isOurs: (target: EventTarget | null): boolean => ui !== null && target === ui.host,
    /** A scan finished: refresh the open list, and the markers if the marks moved. */
    refresh(marksChanged = true): void {
      if (marksChanged) markers?.invalidate();
      paint();
    },
  };
}

export type PageUi = ReturnType<typeof createPageUi>;
