/**
 * One MutationObserver for the page (and the open shadow roots read in it), batched as
 * Dark Reader batches (darkreader/darkreader src/inject/utils/dom.ts): each batch is
 * reduced to the blocks whose text may have changed, or to a full re-scan past a
 * threshold, and handed on at most once per animation frame and MIN_GAP_MS (longer while
 * changes never pause), full re-scans at most once per FULL_GAP_MS: a page rewriting
 * thousands of nodes every 50 ms costs a bounded amount of work, however fast it changes
 * (issue 19). Single-page-app navigations
 * are noticed when a batch arrives with a new URL (and on popstate / the Navigation API),
 * never by polling.
 */
import { INLINE_TAGS } from './skip-cache';
import { isUiHost } from './skip-rules';
import type { ScanRoot } from './text-blocks';

export interface WatchEnv {
  /**
   * What is observed; by default the document itself, not its root element, which
   * `document.open()` or a script can replace (issue 19).
   */
  root?: Node;
  /** Blocks (or shadow roots) whose text changed, deduplicated, or 'all' for a full re-scan. */
  onChange: (roots: ScanRoot[] | 'all') => void;
  onUrlChange: (url: string) => void;
  signal: AbortSignal;
  /** Past this many changed blocks in one hand-over, re-scan everything instead. */
  threshold?: number;
  location?: { href: string };
  win?: Window;
  MutationObserver?: typeof MutationObserver;
  /** Runs `flush` after `delayMs` and a rendered frame (tests run it their own way). */
  schedule?: (flush: () => void, delayMs: number) => void;
  now?: () => number;
}

export interface PageWatch {
  /** Watches an open shadow root too (their changes reach no observer of the document). */
  observe(root: ShadowRoot): void;
}

/**
 * Least time between two hand-overs of changes, ms; doubled (up to MAX_GAP_MS) while the
 * page keeps changing without a pause, back to this after one.
 */
export const MIN_GAP_MS = 200;
export const MAX_GAP_MS = 2000;
/** Least time between two full re-scans, ms. */
export const FULL_GAP_MS = 1000;
/** Inline ancestors climbed to find a change's block; deeper, the element stands for it. */
const MAX_CLIMB = 32;

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
const DOCUMENT_NODE = 9;
const FRAGMENT_NODE = 11;

function addsElement(r: MutationRecord): boolean {
  for (let i = 0; i < r.addedNodes.length; i++) {
    if (r.addedNodes[i]?.nodeType === ELEMENT_NODE) return true;
  }
  return false;
}

/** The block a changed element's text belongs to: its nearest non-inline ancestor. */
function blockOf(el: Element): Element {
  let cur = el;
  for (let i = 0; i < MAX_CLIMB && INLINE_TAGS.has(cur.tagName); i++) {
    const parent = cur.parentElement;
    if (parent === null) break;
    cur = parent;
  }
  return INLINE_TAGS.has(cur.tagName) ? el : cur;
}

/**
 * Reduces a batch to the blocks (or shadow roots) whose text may have changed, added to
 * `into`. False when they pass `threshold`: "too many", re-scan everything.
 */
export function changedRoots(
  records: readonly MutationRecord[],
  threshold: number,
  into: Set<ScanRoot> = new Set(),
): boolean {
  const seen = new Map<Node, ScanRoot>();
  for (const r of records) {
    const target = r.target;
    let at: Node | null = target;
    if (r.type === 'characterData') at = target.nodeType === TEXT_NODE ? target.parentNode : null;
    else if (r.type === 'childList' && target.nodeType === DOCUMENT_NODE && addsElement(r)) {
      return false; // a new root element: the whole page is new
    } else if (r.type === 'childList' && isTopLevel(target) && isOnlyOurHost(r)) continue;
    if (at === null) continue;
    let root = seen.get(at);
    if (root === undefined) {
      if (at.nodeType === ELEMENT_NODE) root = blockOf(at as Element);
      else if (at.nodeType === FRAGMENT_NODE && 'host' in at) root = at as ShadowRoot;
      else continue;
      seen.set(at, root);
    }
    into.add(root);
    if (into.size > threshold) return false;
  }
  return true;
}

/** `changedRoots` as a set, or null for "too many" (kept for its callers and tests). */
export function changedElements(
  records: readonly MutationRecord[],
  threshold: number,
): Set<ScanRoot> | null {
  const out = new Set<ScanRoot>();
  return changedRoots(records, threshold, out) ? out : null;
}

/** Where our host lives: <html> or <body> (anything else cannot be only our host). */
function isTopLevel(n: Node): boolean {
  if (n.nodeType !== ELEMENT_NODE) return false;
  const tag = (n as Element).tagName;
  return tag === 'HTML' || tag === 'BODY';
}

/**
 * Our own host element being added or removed is not a change to the page's text. No
 * copies of the node lists: most records fail on their first node.
 */
function isOnlyOurHost(r: MutationRecord): boolean {
  const { addedNodes: added, removedNodes: removed } = r;
  if (added.length + removed.length === 0) return false;
  for (let i = 0; i < added.length; i++) if (!isHost(added[i])) return false;
  for (let i = 0; i < removed.length; i++) if (!isHost(removed[i])) return false;
  return true;
}

function isHost(n: Node | undefined): boolean {
  return n !== undefined && n.nodeType === ELEMENT_NODE && isUiHost(n as Element);
}

/** After `delayMs`, on the next animation frame (a hidden tab renders none: at once). */
function frameAfter(win: Window): (flush: () => void, delayMs: number) => void {
  return (flush, delayMs) => {
    const frame = () => {
      if (win.document.visibilityState === 'hidden') flush();
      else win.requestAnimationFrame(() => flush());
    };
    if (delayMs > 0) win.setTimeout(frame, delayMs);
    else frame();
  };
}

const OPTIONS: MutationObserverInit = {
  childList: true,
  characterData: true,
  subtree: true,
  attributes: true,
  attributeFilter: ['hidden', 'contenteditable'],
};

export function watchPage(env: WatchEnv): PageWatch {
  const win = env.win ?? window;
  const loc = env.location ?? win.location;
  const threshold = env.threshold ?? 300;
  const schedule = env.schedule ?? frameAfter(win);
  const now = env.now ?? (() => performance.now());
  let url = loc.href;
  let pending = new Set<ScanRoot>();
  let overflow = false;
  let scheduled = false;
  let lastFlush = Number.NEGATIVE_INFINITY;
  let gap = MIN_GAP_MS;
  let lastFull = Number.NEGATIVE_INFINITY;

  function checkUrl(): boolean {
    if (loc.href === url) return false;
    url = loc.href;
    // What changed before the navigation belongs to the page that is gone.
    pending = new Set();
    overflow = false;
    env.onUrlChange(url);
    return true;
  }

  function flush(): void {
    scheduled = false;
    if (env.signal.aborted) return;
    const t = now();
    if (overflow && t - lastFull < FULL_GAP_MS) {
      plan(FULL_GAP_MS - (t - lastFull));
      return;
    }
    // Changes that kept coming since the last hand-over: a storm; wait longer each time.
    gap = t - lastFlush < 2 * gap ? Math.min(MAX_GAP_MS, gap * 2) : MIN_GAP_MS;
    lastFlush = t;
    if (overflow) {
      lastFull = t;
      overflow = false;
      pending = new Set();
      env.onChange('all');
    } else if (pending.size > 0) {
      const roots = [...pending];
      pending = new Set();
      env.onChange(roots);
    }
  }

  function plan(delayMs: number): void {
    if (scheduled) return;
    scheduled = true;
    schedule(flush, Math.max(0, delayMs));
  }

  const Observer = env.MutationObserver ?? MutationObserver;
  const observer = new Observer((records) => {
    if (checkUrl()) return;
    // Past the threshold, nothing more is collected: the next hand-over reads everything.
    if (!overflow && !changedRoots(records, threshold, pending)) {
      overflow = true;
      pending = new Set();
    }
    if (overflow || pending.size > 0) plan(lastFlush + gap - now());
  });
  observer.observe(env.root ?? win.document, OPTIONS);
  win.addEventListener('popstate', checkUrl, { signal: env.signal });
  const nav = (win as Window & { navigation?: EventTarget }).navigation;
  nav?.addEventListener('navigatesuccess', checkUrl, { signal: env.signal });
  env.signal.addEventListener('abort', () => observer.disconnect());
  return {
    observe(root) {
      if (!env.signal.aborted) observer.observe(root, OPTIONS);
    },
  };
}
