/**
 * Our one element in the page: a `<div data-sourcelight-root>` with a closed shadow root,
 * created only when the card or sidebar first opens. A built-in element, never a custom
 * one: a page that defines a custom element under our name would have its class run on our
 * host and reach the closed root through `attachInternals` (issue 19); a `<div>` created
 * without `is` cannot be upgraded, and `attachInternals` throws on it. Styles are a
 * constructed stylesheet, which a strict Content-Security-Policy does not block (it
 * governs <style> elements, not CSSOM).
 */
import { HOST_ATTR, ROOM_ATTR } from '../page/skip-rules';

export interface UiHost {
  host: HTMLElement;
  shadow: ShadowRoot;
  /** The element Preact renders into. */
  mount: HTMLElement;
  /** Still where we put it: the page can remove it, and `document.open()` drops it. */
  attached(): boolean;
  /** Asks for room beside the page (the sidebar is open) or gives it back. */
  makeRoom(on: boolean): void;
  /** Whether it asks for room now. */
  roomy(): boolean;
  remove(): void;
}

/** Null when the document has no root element to hold it (after `document.open()`). */
export function createUiHost(
  css: string,
  doc: Document = document,
  trusted: (event: Event) => boolean = isTrusted,
): UiHost | null {
  const root = doc.documentElement;
  if (!root) return null;
  const host = doc.createElement('div');
  host.setAttribute(HOST_ATTR, '');
  const shadow = host.attachShadow({ mode: 'closed' });
  if (!adoptStyles(shadow, css, doc)) {
    const style = doc.createElement('style');
    style.textContent = css;
    shadow.append(style);
  }
  const mount = doc.createElement('div');
  mount.className = 'root';
  shadow.append(mount);
  // Beside <body>, not in it: single-page apps replace body's children freely.
  refuseUntrusted(shadow, trusted);
  root.append(host);
  return {
    host,
    shadow,
    mount,
    attached: () => host.isConnected && host.parentNode === doc.documentElement,
    makeRoom: (on) => {
      if (host.hasAttribute(ROOM_ATTR) !== on) host.toggleAttribute(ROOM_ATTR, on);
    },
    roomy: () => host.hasAttribute(ROOM_ATTR),
    remove: () => host.remove(),
  };
}

/** What a reader does to the card and sidebar: each is checked before our handlers run. */
const INPUT_EVENTS = [
  'click',
  'auxclick',
  'dblclick',
  'contextmenu',
  'mousedown',
  'mouseup',
  'mouseover',
  'mouseout',
  'mouseenter',
  'mouseleave',
  'pointerdown',
  'pointerup',
  'pointerover',
  'pointerout',
  'pointerenter',
  'pointerleave',
  'keydown',
  'keyup',
  'keypress',
] as const;

export const isTrusted = (event: Event): boolean => event.isTrusted;

/**
 * Events a script made (`isTrusted: false`) never reach our handlers: a page that got hold
 * of a node of ours must not press "Read in source" or keep the card open. A capture
 * listener on the root runs before any listener inside it, and cancelling also stops a
 * default action such as a button's activation.
 */
function refuseUntrusted(shadow: ShadowRoot, trusted: (event: Event) => boolean): void {
  const refuse = (event: Event) => {
    if (trusted(event)) return;
    event.stopImmediatePropagation();
    event.preventDefault();
  };
  for (const type of INPUT_EVENTS) shadow.addEventListener(type, refuse, true);
}

function adoptStyles(shadow: ShadowRoot, css: string, doc: Document): boolean {
  try {
    const Sheet = (doc.defaultView as Window & typeof globalThis).CSSStyleSheet;
    const sheet = new Sheet();
    sheet.replaceSync(css);
    shadow.adoptedStyleSheets = [sheet];
    return shadow.adoptedStyleSheets.length === 1;
  } catch {
    // Firefox content scripts cannot always hand a stylesheet across the Xray boundary.
    return false;
  }
}
