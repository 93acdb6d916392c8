// The test probe: a second extension, loaded only by the end-to-end suites, whose content
// script answers questions about the page from its own isolated world. It exists because
// Sourcelight's UI lives in a *closed* shadow root that page scripts (and so Playwright and
// Puppeteer) cannot enter; extensions can (chrome.dom.openOrClosedShadowRoot in Chromium,
// Element.openOrClosedShadowRoot in Firefox). Working from an isolated world also keeps the
// probe immune to the hostile fixture's overridden Array.prototype.
//
// Protocol: the page dispatches `sourcelight-probe:ask` on document with a JSON string
// {id, op, args}; the probe answers with `sourcelight-probe:reply` carrying {id, ok, value}.

// Sourcelight's host (lib/page/skip-rules.ts): a plain <div> with this attribute.
const HOST_ATTR = 'data-sourcelight-root';
const HOST = `div[${HOST_ATTR}]`;

// Sourcelight draws its UI's words as generated content from this attribute
// (entrypoints/page-ui/unfindable-text.ts), so the page cannot find them: no text nodes.
const TEXT_ATTR = 'data-sl-text';

/** The words a reader sees in a node of our UI: its text and its drawn text, in order. */
function shownText(node) {
  if (node.nodeType === Node.TEXT_NODE) return node.data;
  if (node.nodeType === Node.ELEMENT_NODE && node.tagName === 'STYLE') return '';
  let out = node.nodeType === Node.ELEMENT_NODE ? (node.getAttribute(TEXT_ATTR) ?? '') : '';
  for (const child of node.childNodes) out += shownText(child);
  return out;
}

function isHost(node) {
  return (
    node.nodeType === Node.ELEMENT_NODE && node.tagName === 'DIV' && node.hasAttribute(HOST_ATTR)
  );
}

function shadowOf(host) {
  // Only HTML elements can host a shadow root; Chromium's API throws for others (an <svg>).
  if (!(host instanceof HTMLElement)) return null;
  if (typeof chrome !== 'undefined' && chrome.dom?.openOrClosedShadowRoot) {
    return chrome.dom.openOrClosedShadowRoot(host);
  }
  return host.openOrClosedShadowRoot ?? null;
}

function hosts() {
  return [...document.querySelectorAll(HOST)];
}

function theShadow() {
  const [host] = hosts();
  return host ? shadowOf(host) : null;
}

/** A node's path from the document as child indexes: comparable across snapshots. */
function pathOf(node) {
  const path = [];
  for (let n = node; n.parentNode; n = n.parentNode) {
    // Counted by siblings, not indexOf: in Firefox the node may be a waived wrapper that
    // is not identical to the Xray nodes childNodes hands out.
    let i = 0;
    for (let sib = n.previousSibling; sib; sib = sib.previousSibling) i += 1;
    path.unshift(i);
  }
  return path;
}

function rangeText(r) {
  const range = document.createRange();
  range.setStart(r.startContainer, r.startOffset);
  range.setEnd(r.endContainer, r.endOffset);
  return range.toString();
}

function closestElement(node) {
  return node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
}

/**
 * The page's highlight registry as [name, ranges[]] pairs. Firefox's Xray view of the
 * maplike registry cannot be iterated from a content script, so there the probe reads it
 * through `wrappedJSObject` (the page's own view; the hostile fixture leaves CSS alone).
 */
function ourHighlights() {
  const registry = window.wrappedJSObject ? window.wrappedJSObject.CSS.highlights : CSS.highlights;
  const out = [];
  for (const [name, highlight] of registry) {
    if (String(name).startsWith('sourcelight-')) out.push([String(name), [...highlight]]);
  }
  return out;
}

/**
 * Every painted mark: each range of every `sourcelight-*` highlight, in document order.
 * The link tint (`sourcelight-<style>-link`) is painted over marks already in a colour's
 * highlight: it is reported as the marks' `inLink`, not as marks of its own.
 */
function highlights() {
  const out = [];
  const all = ourHighlights();
  const tinted = new Set();
  for (const [name, ranges] of all)
    if (name.endsWith('-link')) for (const r of ranges) tinted.add(r);
  for (const [name, ranges] of all) {
    if (name.endsWith('-link')) continue;
    for (const r of ranges) {
      const connected = r.startContainer.isConnected && r.endContainer.isConnected;
      let valid = connected;
      let text = '';
      if (connected) {
        try {
          text = rangeText(r);
        } catch {
          valid = false; // offsets past a shrunk text node: the browser does not paint it
        }
      }
      const el = closestElement(r.startContainer);
      out.push({
        name,
        text,
        valid,
        editable: !!el?.closest('[contenteditable], textarea, input') || !!el?.isContentEditable,
        tag: el?.tagName ?? null,
        inLink: tinted.has(r),
        path: connected ? pathOf(r.startContainer) : null,
        offset: r.startOffset,
      });
    }
  }
  out.sort((a, b) => {
    const pa = a.path ?? [];
    const pb = b.path ?? [];
    for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
      if (pa[i] !== pb[i]) return pa[i] - pb[i];
    }
    return pa.length - pb.length || a.offset - b.offset;
  });
  return out;
}

/** The page as data, without our host: tags, attributes, text, form state. */
function snapshot() {
  function walk(node) {
    if (node.nodeType === Node.TEXT_NODE) return { t: node.data };
    if (node.nodeType === Node.COMMENT_NODE) return { c: node.data };
    if (node.nodeType !== Node.ELEMENT_NODE) return { n: node.nodeType };
    if (isHost(node)) return null;
    const attrs = [...node.attributes].map((a) => [a.name, a.value]).sort();
    const entry = { e: node.tagName, a: attrs, k: [] };
    if (node.tagName === 'INPUT' || node.tagName === 'TEXTAREA') entry.v = node.value;
    if (node.shadowRoot) entry.s = [...node.shadowRoot.childNodes].map(walk).filter(Boolean);
    for (const child of node.childNodes) {
      const w = walk(child);
      if (w) entry.k.push(w);
    }
    return entry;
  }
  return {
    tree: walk(document.documentElement),
    hosts: hosts().map((h) => ({
      parent: h.parentElement?.tagName ?? null,
      attributes: [...h.attributes].map((a) => a.name),
      childNodes: h.childNodes.length,
    })),
    title: document.title,
  };
}

function visible(el) {
  const rect = el.getBoundingClientRect();
  const style = getComputedStyle(el);
  return (
    rect.width > 0 && rect.height > 0 && style.visibility !== 'hidden' && style.display !== 'none'
  );
}

function describe(el) {
  const rect = el.getBoundingClientRect();
  return {
    tag: el.tagName.toLowerCase(),
    text: shownText(el).replace(/\s+/g, ' ').trim(),
    role: el.getAttribute('role'),
    label: el.getAttribute('aria-label'),
    className: el.getAttribute('class'),
    visible: visible(el),
    rect: { x: rect.x, y: rect.y, width: rect.width, height: rect.height },
  };
}

/** Elements in our shadow root matching a selector (and, optionally, containing text). */
function query({ selector, text, scroll }) {
  const shadow = theShadow();
  if (!shadow) return [];
  const found = [...shadow.querySelectorAll(selector)].filter(
    (el) => text === undefined || shownText(el).includes(text),
  );
  if (scroll && found[0]) found[0].scrollIntoView({ block: 'center' });
  return found.map(describe);
}

function ui() {
  const shadow = theShadow();
  const active = shadow?.activeElement ?? null;
  return {
    hosts: hosts().length,
    hasShadow: !!shadow,
    mode: shadow?.mode ?? null,
    text: shadow ? shownText(shadow).replace(/\s+/g, ' ').trim() : '',
    active: active ? describe(active) : null,
    // Our host is a plain <div>: named apart, so a test can tell focus left on it.
    documentActive: document.activeElement
      ? isHost(document.activeElement)
        ? 'sourcelight host'
        : document.activeElement.tagName
      : null,
  };
}

/**
 * axe-core over our shadow root. axe walks shadow trees through `element.shadowRoot`, which
 * is null for a closed root, so in this world (and only here) the getter is taught to see it.
 */
async function axeRun() {
  const shadow = theShadow();
  if (!shadow) throw new Error('no Sourcelight host shadow root to check');
  const proto = Element.prototype;
  const own = Object.getOwnPropertyDescriptor(proto, 'shadowRoot');
  Object.defineProperty(proto, 'shadowRoot', {
    configurable: true,
    get() {
      return shadowOf(this);
    },
  });
  try {
    const [host] = hosts();
    const result = await axe.run(
      { include: [host] },
      { resultTypes: ['violations'], runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice'] },
    );
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => JSON.stringify(n.target)),
    }));
  } finally {
    if (own) Object.defineProperty(proto, 'shadowRoot', own);
  }
}

/** Scroll the n-th painted range reading `text` into view and give its first box. */
function markRect({ text, nth = 0, scroll = true }) {
  const found = [];
  for (const [name, ranges] of ourHighlights()) {
    if (name.endsWith('-link')) continue; // the tint over marks in links: the same ranges
    for (const r of ranges) {
      if (!r.startContainer.isConnected) continue;
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      if (range.toString() === text) found.push(range);
    }
  }
  found.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
  const range = found[nth];
  if (!range) return null;
  if (scroll) range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
  const box = range.getClientRects()[0];
  return box ? { x: box.x, y: box.y, width: box.width, height: box.height } : null;
}

/**
 * Where the range flashed by "On this page" is, in viewport coordinates, beside the
 * viewport's own size; null while nothing is flashed.
 */
function flashRect() {
  for (const [name, ranges] of ourHighlights()) {
    if (name !== 'sourcelight-flash' || ranges.length === 0) continue;
    const r = ranges[0];
    const range = document.createRange();
    range.setStart(r.startContainer, r.startOffset);
    range.setEnd(r.endContainer, r.endOffset);
    const box = range.getClientRects()[0];
    if (!box) return null;
    return {
      rect: { x: box.x, y: box.y, width: box.width, height: box.height },
      text: range.toString(),
      viewport: { width: document.documentElement.clientWidth, height: innerHeight },
      // Read with the rect, in one go: a smooth scroll may still be moving the page.
      docY: box.y + scrollY,
      docHeight: document.documentElement.scrollHeight,
    };
  }
  return null;
}

// The page as parsed, at DOMContentLoaded (the probe runs at document_start; Sourcelight
// also starts there but first reads the page in the DOMContentLoaded task, and reading
// changes nothing): the baseline that "the page is never changed" is checked against.
let initialSnapshot = null;
document.addEventListener('DOMContentLoaded', () => {
  initialSnapshot = snapshot();
});

/** The colour actually behind an element: its own background, or the nearest ancestor's. */
function effectiveBackground(el) {
  for (let e = el; e; e = e.parentElement ?? e.getRootNode()?.host ?? null) {
    const bg = getComputedStyle(e).backgroundColor;
    if (bg && bg !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(bg)) return bg;
  }
  return null;
}

function colors({ selector }) {
  const el = theShadow()?.querySelector(selector);
  if (!el) return null;
  return { background: effectiveBackground(el), color: getComputedStyle(el).color };
}

/** How many CSS animations and transitions in our UI are still running. */
function animating() {
  const shadow = theShadow();
  if (!shadow) return 0;
  return shadow.getAnimations().filter((a) => a.playState === 'running').length;
}

const OPS = {
  animating,
  colors,
  flashRect,
  initialSnapshot: () => initialSnapshot,
  markRect,
  ping: () => true,
  highlights,
  snapshot,
  query,
  ui,
  axe: axeRun,
};

document.addEventListener('sourcelight-probe:ask', async (event) => {
  let request;
  try {
    request = JSON.parse(String(event.detail));
  } catch {
    return;
  }
  let reply;
  try {
    const op = OPS[request.op];
    if (!op) throw new Error(`unknown probe op ${request.op}`);
    reply = { id: request.id, ok: true, value: await op(request.args ?? {}) };
  } catch (error) {
    reply = { id: request.id, ok: false, error: `${error}\n${error?.stack ?? ''}` };
  }
  document.dispatchEvent(
    new CustomEvent('sourcelight-probe:reply', { detail: JSON.stringify(reply) }),
  );
});
