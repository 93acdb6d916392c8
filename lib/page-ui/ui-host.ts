/**
 * Our one element in the page: `<sourcelight-root>` with a closed shadow root, created
 * only when the card or sidebar first opens. Styles are a constructed stylesheet, which a
 * strict Content-Security-Policy does not block (it governs <style> elements, not CSSOM).
 */
import { HOST_TAG } from '../page/skip-rules';

export interface UiHost {
  host: HTMLElement;
  shadow: ShadowRoot;
  /** The element Preact renders into. */
  mount: HTMLElement;
  remove(): void;
}

export function createUiHost(css: string, doc: Document = document): UiHost {
  const host = doc.createElement(HOST_TAG.toLowerCase());
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
  doc.documentElement.append(host);
  return { host, shadow, mount, remove: () => host.remove() };
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
