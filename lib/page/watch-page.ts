/**
 * One MutationObserver for the page, batched: each batch becomes a list of elements to
 * re-read, or a full re-scan when it is large. Single-page-app navigations are noticed
 * when a batch arrives with a new URL (and on popstate / the Navigation API), never by
 * polling.
 */
import { HOST_TAG } from './skip-rules';

export interface WatchEnv {
  root: Element;
  /** Elements whose text changed (already deduplicated) or 'all' for a full re-scan. */
  onChange: (roots: Element[] | 'all') => void;
  onUrlChange: (url: string) => void;
  signal: AbortSignal;
  /** Past this many changed elements, re-scan everything instead. */
  threshold?: number;
  location?: { href: string };
  win?: Window;
  MutationObserver?: typeof MutationObserver;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** Reduces a batch to the elements whose text may have changed. Null means "too many". */
export function changedElements(
  records: readonly MutationRecord[],
  threshold: number,
): Set<Element> | null {
  const out = new Set<Element>();
  for (const r of records) {
    const target = r.target;
    if (r.type === 'characterData') {
      if (target.nodeType === TEXT_NODE && target.parentElement) out.add(target.parentElement);
    } else if (r.type === 'attributes') {
      if (target.nodeType === ELEMENT_NODE) out.add(target as Element);
    } else if (target.nodeType === ELEMENT_NODE) {
      if (isOnlyOurHost(r)) continue;
      out.add(target as Element);
    }
    if (out.size > threshold) return null;
  }
  return out;
}

/** Our own host element being added or removed is not a change to the page's text. */
function isOnlyOurHost(r: MutationRecord): boolean {
  const nodes = [...Array.from(r.addedNodes), ...Array.from(r.removedNodes)];
  return (
    nodes.length > 0 &&
    nodes.every((n) => n.nodeType === ELEMENT_NODE && (n as Element).tagName === HOST_TAG)
  );
}

export function watchPage(env: WatchEnv): void {
  const win = env.win ?? window;
  const loc = env.location ?? win.location;
  const threshold = env.threshold ?? 300;
  let url = loc.href;

  function checkUrl(): boolean {
    if (loc.href === url) return false;
    url = loc.href;
    env.onUrlChange(url);
    return true;
  }

  const Observer = env.MutationObserver ?? MutationObserver;
  const observer = new Observer((records) => {
    if (checkUrl()) return;
    const changed = changedElements(records, threshold);
    if (changed === null) env.onChange('all');
    else if (changed.size > 0) env.onChange([...changed]);
  });
  observer.observe(env.root, {
    childList: true,
    characterData: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['hidden', 'contenteditable'],
  });
  win.addEventListener('popstate', checkUrl, { signal: env.signal });
  const nav = (win as Window & { navigation?: EventTarget }).navigation;
  nav?.addEventListener('navigatesuccess', checkUrl, { signal: env.signal });
  env.signal.addEventListener('abort', () => observer.disconnect());
}
