/**
 * Code the benchmark runs inside the page's own (main) world. Highlights the content
 * script registers in `CSS.highlights` are visible from here (RECIPES.md), so the page can
 * watch marking happen without any hook in the extension.
 *
 * These functions are serialised by playwright and run in the browser: no imports, no
 * closures over module scope.
 */

export interface ProbeState {
  /** Highlight ranges now (all entries of `CSS.highlights`). */
  count: number;
  /** performance.now() (ms since navigation start) at the first non-zero count. */
  firstAny: number | null;
  /** At the first frame with a highlight range inside the viewport (it paints that frame). */
  firstInViewport: number | null;
  lastChange: number | null;
  changes: number;
  running: boolean;
  /** The first animation frame once the DOM is parsed: the earliest a mark can be painted. */
  firstFrameAfterDcl: number | null;
}

declare global {
  interface Window {
    __bench?: ProbeState & { stop(): void; restart(): void };
  }
}

/** Installed before any page script: a rAF loop that counts highlight ranges. */
export function installProbe(): void {
  const state = {
    count: 0,
    firstAny: null as number | null,
    firstInViewport: null as number | null,
    lastChange: null as number | null,
    changes: 0,
    running: true,
    firstFrameAfterDcl: null as number | null,
    stop() {
      state.running = false;
    },
    restart() {
      if (state.running) return;
      state.running = true;
      requestAnimationFrame(tick);
    },
  };
  const total = (): number => {
    let n = 0;
    if (typeof CSS === 'undefined' || !CSS.highlights) return 0;
    for (const h of CSS.highlights.values()) n += h.size;
    return n;
  };
  // Looks at up to 300 ranges a frame: enough to find the first visible one.
  const anyInViewport = (): boolean => {
    let looked = 0;
    const h = window.innerHeight;
    for (const hl of CSS.highlights.values()) {
      for (const r of hl) {
        if (++looked > 300) return false;
        const range = document.createRange();
        try {
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
        } catch {
          continue;
        }
        const rect = range.getBoundingClientRect();
        if (rect.width > 0 && rect.bottom > 0 && rect.top < h) return true;
      }
    }
    return false;
  };
  const tick = () => {
    if (!state.running) return;
    const n = total();
    const now = performance.now();
    if (state.firstFrameAfterDcl === null && document.readyState !== 'loading') {
      state.firstFrameAfterDcl = now;
    }
    if (n !== state.count) {
      state.count = n;
      state.lastChange = now;
      state.changes += 1;
      if (state.firstAny === null && n > 0) state.firstAny = now;
    }
    if (state.firstInViewport === null && n > 0 && anyInViewport()) state.firstInViewport = now;
    requestAnimationFrame(tick);
  };
  window.__bench = state;
  requestAnimationFrame(tick);
}

/**
 * The probe as init-script source. tsx (esbuild keepNames) wraps named inner functions in
 * `__name(...)`, a helper that does not exist in the page; a local no-op stands in for it.
 */
export function probeScript(): string {
  return `(() => { const __name = (f) => f; (${installProbe.toString()})(); })();`;
}

export function readProbe():
  | (ProbeState & { dcl: number; load: number; firstPaint: number | null })
  | null {
  const b = window.__bench;
  if (!b) return null;
  const nav = performance.getEntriesByType('navigation')[0] as
    | PerformanceNavigationTiming
    | undefined;
  return {
    count: b.count,
    firstAny: b.firstAny,
    firstInViewport: b.firstInViewport,
    lastChange: b.lastChange,
    changes: b.changes,
    running: b.running,
    firstFrameAfterDcl: b.firstFrameAfterDcl,
    dcl: nav?.domContentLoadedEventStart ?? -1,
    load: nav?.loadEventEnd ?? -1,
    // The page's own first frame (Paint Timing): no highlight can be painted before it.
    firstPaint: performance.getEntriesByName('first-paint')[0]?.startTime ?? null,
  };
}

/**
 * The floor: walk every text node of the body and touch every character once. Runs
 * `repeat` times; the first run is cold (no JS wrappers for the nodes yet), like the
 * extension's own first walk.
 */
export function walkFloor(repeat: number): { runs: number[]; chars: number; nodes: number } {
  const runs: number[] = [];
  let chars = 0;
  let nodes = 0;
  let sink = 0;
  for (let k = 0; k < repeat; k++) {
    const t = performance.now();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let c = 0;
    let m = 0;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const s = (n as Text).data.toLowerCase();
      c += s.length;
      m += 1;
      sink ^= s.charCodeAt(0) | 0;
    }
    runs.push(performance.now() - t);
    chars = c;
    nodes = m;
  }
  // Keeps the loop's result alive so nothing is optimised away.
  (window as unknown as { __sink: number }).__sink = sink;
  return { runs, chars, nodes };
}

/** Centre of the first marked term fully inside the viewport, or null. */
export function findMarkedTerm(): { x: number; y: number; text: string } | null {
  for (const hl of CSS.highlights.values()) {
    for (const r of hl) {
      const range = document.createRange();
      try {
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
      } catch {
        continue;
      }
      const rect = range.getClientRects()[0];
      if (!rect || rect.width < 4) continue;
      if (rect.top < 40 || rect.bottom > window.innerHeight - 200) continue;
      return {
        x: rect.left + rect.width / 2,
        y: rect.top + rect.height / 2,
        text: range.toString(),
      };
    }
  }
  return null;
}

/** Appends `n` paragraphs in one task, copied from the page's own (so they hold terms). */
export function burst(n: number): { added: number; chars: number } {
  const source = Array.from(document.querySelectorAll('article p, main p, p'));
  const parent = document.querySelector('article') ?? document.body;
  const frag = document.createDocumentFragment();
  let chars = 0;
  for (let i = 0; i < n; i++) {
    const from = source[i % Math.max(1, source.length)];
    const p = from ? (from.cloneNode(true) as HTMLElement) : document.createElement('p');
    if (!from) p.textContent = `DeepSeek paragraph ${i} on Nvidia H800 chips and $5.6 million.`;
    chars += p.textContent?.length ?? 0;
    frag.append(p);
  }
  window.__benchBurst = Array.from(frag.children);
  performance.mark('bench:burst');
  parent.append(frag);
  return { added: n, chars };
}

/** Scrolls the last paragraph `burst` added into view; its marks are painted from there. */
export function scrollToBurst(): void {
  const added = window.__benchBurst ?? [];
  added[added.length - 1]?.scrollIntoView({ block: 'center' });
}

/**
 * Highlight ranges painted inside the paragraphs `burst` added, and how many of those
 * paragraphs hold one. On a long page only marks near the viewport are registered, so the
 * caller scrolls to the burst first: this proves the added text was marked at all.
 */
export function burstPainted(): { ranges: number; paragraphs: number } {
  const added = new Set(window.__benchBurst ?? []);
  const hit = new Set<Element>();
  let ranges = 0;
  for (const hl of CSS.highlights.values()) {
    for (const r of hl) {
      for (let el = r.startContainer.parentElement; el; el = el.parentElement) {
        if (!added.has(el)) continue;
        ranges += 1;
        hit.add(el);
        break;
      }
    }
  }
  return { ranges, paragraphs: hit.size };
}

export interface CardTimes {
  /** First pointermove after arming (event time, page clock). */
  move: number | null;
  /** `<div data-sourcelight-root>` inserted (the card's first render creates it). */
  inserted: number | null;
  /** End of the first frame after the insertion: the card is on screen. */
  painted: number | null;
}

declare global {
  interface Window {
    __benchCard?: CardTimes;
    /** The paragraphs `burst` appended (kept in the page's world, not in its DOM). */
    __benchBurst?: Element[];
  }
}

/**
 * Watches, from the page, for the card's first appearance: the UI host is created with
 * the first card, so its insertion marks the render; the frame after it paints it. This
 * uses the page's clock only, so a busy main thread cannot skew it (CDP polling would be
 * delayed by the very frames it measures).
 */
export function armCardWatch(): boolean {
  if (document.querySelector('div[data-sourcelight-root]')) return false;
  const t: CardTimes = { move: null, inserted: null, painted: null };
  window.__benchCard = t;
  document.addEventListener(
    'pointermove',
    (e) => {
      if (t.move === null) t.move = e.timeStamp;
    },
    { capture: true },
  );
  const mo = new MutationObserver(() => {
    if (t.inserted !== null || !document.querySelector('div[data-sourcelight-root]')) return;
    t.inserted = performance.now();
    mo.disconnect();
    // rAF runs before the frame's paint; a task posted from it runs after that frame.
    requestAnimationFrame(() => {
      setTimeout(() => {
        t.painted = performance.now();
      }, 0);
    });
  });
  mo.observe(document.documentElement, { childList: true });
  return true;
}

export function readCardTimes(): CardTimes | null {
  return window.__benchCard ?? null;
}
