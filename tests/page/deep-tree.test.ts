/**
 * A page can nest elements tens of thousands deep: nothing that reads it may recurse on
 * its structure (issue 19: 50,000 levels overflowed the stack in the skip chain, and
 * nothing was marked). happy-dom itself recurses on a tree that deep, so these tests walk
 * a chain of stand-in elements with just what SkipCache asks of an element; the real
 * browser reads the whole page (tests/e2e/huge.e2e.ts).
 */
import { describe, expect, it } from 'vitest';
import { MAX_CLIMB } from '../../lib/page/skip-cache';
import { SkipCache } from '../../lib/page/text-blocks';

const DEPTH = 50_000;
const HTML_NS = 'http://www.w3.org/1999/xhtml';

/** How often any stand-in was asked for its parent: the work a question costs. */
let climbs = 0;

interface Fake {
  tagName: string;
  namespaceURI: string;
  parentElement: Fake | null;
  parentNode: Fake | null;
  attrs: Map<string, string>;
  hasAttribute(name: string): boolean;
  getAttribute(name: string): string | null;
  hasAttributes(): boolean;
}

function fake(tagName: string, parentElement: Fake | null, attrs: [string, string][] = []): Fake {
  const map = new Map(attrs);
  return {
    tagName,
    namespaceURI: HTML_NS,
    get parentElement() {
      climbs++;
      return parentElement;
    },
    parentNode: parentElement,
    attrs: map,
    hasAttribute: (n) => map.has(n),
    getAttribute: (n) => map.get(n) ?? null,
    hasAttributes: () => map.size > 0,
  };
}

/** A chain `DEPTH` deep under `top`: divs, then spans; returns the innermost. */
function chain(top: Fake): Fake {
  let cur = top;
  for (let i = 0; i < DEPTH; i++) cur = fake(i < DEPTH / 2 ? 'DIV' : 'SPAN', cur);
  return cur;
}

const asElement = (f: Fake) => f as unknown as Element;

describe('SkipCache on a 50,000-deep tree', () => {
  it('answers for the innermost element in bounded work, without overflowing the stack', () => {
    const body = fake('BODY', null);
    const bottom = chain(body);
    const cache = new SkipCache(() => true);
    climbs = 0;
    // Text 50,000 levels deep is not prose: past MAX_CLIMB unanswered ancestors, skipped.
    expect(cache.skipped(asElement(bottom))).toBe(true);
    expect(climbs).toBeLessThanOrEqual(MAX_CLIMB + 2);
    climbs = 0;
    cache.blockOf(asElement(bottom));
    expect(climbs).toBeLessThanOrEqual(MAX_CLIMB + 2);
  });

  it('answers every level asked from the top down (as the walk meets them), once each', () => {
    const body = fake('BODY', null);
    const levels: Fake[] = [];
    for (let cur = chain(body); cur !== body; cur = cur.parentElement as Fake) levels.push(cur);
    levels.reverse();
    const cache = new SkipCache(() => true);
    climbs = 0;
    expect(levels.filter((el) => cache.skipped(asElement(el)))).toEqual([]);
    const bottom = levels.at(-1) as Fake;
    // The spans continue the innermost div's block.
    let div = bottom;
    while (div.tagName !== 'DIV') div = div.parentElement as Fake;
    for (const el of levels) cache.blockOf(asElement(el));
    expect(cache.blockOf(asElement(bottom))).toBe(asElement(div));
    expect(climbs).toBeLessThanOrEqual(4 * DEPTH);
  });

  it('finds an editable or hidden ancestor 50,000 levels up', () => {
    for (const attr of [
      ['contenteditable', 'true'],
      ['hidden', ''],
    ] as [string, string][]) {
      const top = fake('DIV', fake('BODY', null), [attr]);
      expect(new SkipCache(() => true).skipped(asElement(chain(top)))).toBe(true);
    }
  });

  it('finds a skipped tag (code) 50,000 levels up, and caches every level on the way', () => {
    const code = fake('CODE', fake('BODY', null));
    const bottom = chain(code);
    const cache = new SkipCache(() => true);
    expect(cache.skipped(asElement(bottom))).toBe(true);
    // Halfway up was answered on the way: no second walk, the same answer.
    let mid = bottom;
    for (let i = 0; i < DEPTH / 2; i++) mid = mid.parentElement as Fake;
    expect(cache.skipped(asElement(mid))).toBe(true);
  });
});
