/**
 * Which text the walk may read, per element, cached: an element's own tag and attributes,
 * its ancestors' (up through shadow hosts), and which block it belongs to. Pages nest
 * elements tens of thousands deep, so nothing here recurses on the page's structure: each
 * question walks up to the first answered ancestor and answers every element on the way.
 */
import { isEditableValue, isUiHost, SKIP_TAGS } from './skip-rules';

/** Elements that continue the surrounding block rather than start one. */
export const INLINE_TAGS: ReadonlySet<string> = new Set([
  'A',
  'ABBR',
  'B',
  'BDI',
  'BDO',
  'CITE',
  'DATA',
  'DEL',
  'DFN',
  'EM',
  'FONT',
  'I',
  'INS',
  'MARK',
  'Q',
  'RUBY',
  'RB',
  'S',
  'SMALL',
  'SPAN',
  'STRONG',
  'SUB',
  'SUP',
  'TIME',
  'U',
  'VAR',
]);

const HTML_NS = 'http://www.w3.org/1999/xhtml';
/**
 * Most unanswered ancestors one question climbs. Past it, the text is taken as skipped:
 * prose is never thousands of elements deep, and a page that nests 50,000 (issue 19) must
 * not make one question a long task.
 */
export const MAX_CLIMB = 2048;
const FRAGMENT_NODE = 11;

function defaultIsVisible(el: Element): boolean {
  return typeof el.checkVisibility === 'function' ? el.checkVisibility() : true;
}

/**
 * The element a node's text is shown in: its parent element, or for a node at the top of
 * a shadow tree, the tree's host (a ShadowRoot's `host`; null for any other fragment).
 */
export function parentOf(node: Node): Element | null {
  const parent = node.parentElement;
  if (parent !== null) return parent;
  const up = node.parentNode;
  return up !== null && up.nodeType === FRAGMENT_NODE
    ? ((up as Partial<ShadowRoot>).host ?? null)
    : null;
}

/**
 * Decides whether text under an element is off limits, by tag and attribute (its own and
 * its ancestors'). Whether an element is rendered is a separate, costlier question
 * (`rendered`), asked only of blocks and inline elements where a match falls.
 */
export class SkipCache {
  private readonly own = new WeakMap<Element, boolean>();
  private readonly shown = new WeakMap<Element, boolean>();
  private deferring = false;
  private readonly blocks = new WeakMap<Element, Element>();

  constructor(private readonly isVisible: (el: Element) => boolean = defaultIsVisible) {}

  /** True when text directly under `el` must not be read (tags and attributes only). */
  skipped(el: Element): boolean {
    const cached = this.own.get(el);
    if (cached !== undefined) return cached;
    // Up to the first answered ancestor, or the first that skips (everything under it
    // does too); then every element on the way gets the answer.
    const path: Element[] = [];
    let result = false;
    for (let cur: Element | null = el; cur !== null; cur = parentOf(cur)) {
      const known = this.own.get(cur);
      if (known !== undefined) {
        result = known;
        break;
      }
      path.push(cur);
      if (ownSkip(cur) || path.length > MAX_CLIMB) {
        result = true;
        break;
      }
    }
    for (const p of path) this.own.set(p, result);
    return result;
  }

  /**
   * True when text directly under an inline element of a readable block must not be read.
   * Inline tags are never skipped by name, so only the element's own attributes are asked.
   */
  inlineSkipped(el: Element): boolean {
    return el.hasAttributes() && skippedByAttribute(el);
  }

  /**
   * Whether an element is rendered; cached. Asked of a block and of an inline element only
   * where a match falls: a style lookup per element of the page would cost more than
   * reading its text (issue 15), and hidden text with nothing in it costs nothing.
   */
  rendered(el: Element): boolean {
    let vis = this.shown.get(el);
    if (vis === undefined) {
      if (this.deferring) return true;
      vis = this.isVisible(el);
      this.shown.set(el, vis);
    }
    return vis;
  }

  /**
   * Until `settle`, every element is taken as rendered without asking: at
   * DOMContentLoaded the page has no style yet, and asking would compute it for the whole
   * document inside our task. The caller asks again (`rendered`) once the page has
   * rendered a frame.
   */
  deferVisibility(): void {
    this.deferring = true;
  }

  settle(): void {
    this.deferring = false;
  }

  /** The nearest ancestor (or self) that is not an inline element. */
  blockOf(el: Element): Element {
    const path: Element[] = [];
    let block: Element = el;
    for (let cur: Element = el; ; ) {
      const cached = this.blocks.get(cur);
      if (cached) {
        block = cached;
        break;
      }
      path.push(cur);
      const parent = cur.parentElement;
      if (!INLINE_TAGS.has(cur.tagName) || parent === null || path.length > MAX_CLIMB) {
        block = cur;
        break;
      }
      cur = parent;
    }
    for (const p of path) this.blocks.set(p, block);
    return block;
  }
}

function ownSkip(el: Element): boolean {
  if (el.namespaceURI !== HTML_NS) return true; // SVG and MathML text is not prose
  const tag = el.tagName;
  if (SKIP_TAGS.has(tag) || isUiHost(el)) return true;
  return skippedByAttribute(el);
}

/** `hidden`, or editable: what an element's own attributes say about reading its text. */
export function skippedByAttribute(el: Element): boolean {
  return el.hasAttribute('hidden') || isEditableValue(el.getAttribute('contenteditable'));
}
