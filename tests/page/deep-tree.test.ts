/**
 * A page can nest elements tens of thousands deep: nothing that reads it may recurse on
 * its structure (issue 19: 50,000 levels overflowed the stack in the skip chain, and
 * nothing was marked). happy-dom itself recurses on a tree that deep, so these tests walk
 * a chain of stand-in elements with just what SkipCache asks of an element; the real
 * browser reads the whole page (tests/e2e/huge.e2e.ts).
 */
import { describe, expect, it } from 'vitest';
import { SkipCache } from '../../lib/page/text-blocks';

const DEPTH = 50_000;
const HTML_NS = 'http://www.w3.org/1999/xhtml';

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
    parentElement,
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
  it('answers for the innermost element without overflowing the stack', () => {
    const body = fake('BODY', null);
    const bottom = chain(body);
    const cache = new SkipCache(() => true);
    expect(cache.skipped(asElement(bottom))).toBe(false);
    // The spans continue the innermost div's block.
    let div = bottom;
    while (div.tagName !== 'DIV') div = div.parentElement as Fake;
    expect(cache.blockOf(asElement(bottom))).toBe(asElement(div));
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
