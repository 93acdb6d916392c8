import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { generatePage, TERMS } from '../../scripts/bench/generate-page';

const MB = 1024 * 1024;

/** Text nodes under <body> as a browser's parser builds them. */
function parse(html: string): { nodes: number; chars: number; doc: Document } {
  const window = new Window();
  const doc = window.document as unknown as Document;
  doc.write(html);
  const walker = doc.createTreeWalker(doc.body, 4 /* SHOW_TEXT */);
  let nodes = 0;
  let chars = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    nodes += 1;
    chars += (n as Text).data.length;
  }
  return { nodes, chars, doc };
}

describe('generatePage', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    const a = generatePage({ targetChars: 50_000, seed: 3 });
    const b = generatePage({ targetChars: 50_000, seed: 3 });
    const c = generatePage({ targetChars: 50_000, seed: 4 });
    expect(a.html).toBe(b.html);
    expect(c.html).not.toBe(a.html);
  });

  it('counts the text nodes and characters the parser makes', () => {
    const g = generatePage({ targetChars: 60_000, seed: 11 });
    const parsed = parse(g.html);
    expect(parsed.nodes).toBe(g.textNodes);
    expect(parsed.chars).toBe(g.textChars);
  });

  it('reaches the target size with about one text node per 90 characters', () => {
    const g = generatePage({ targetChars: MB, seed: 1 });
    expect(g.textChars).toBeGreaterThanOrEqual(MB);
    expect(g.textChars).toBeLessThan(MB + 2_000);
    const perNode = g.textChars / g.textNodes;
    expect(perNode).toBeGreaterThan(80);
    expect(perNode).toBeLessThan(140);
  });

  it('puts terms at a news density, some split across inline elements', () => {
    const g = generatePage({ targetChars: 200_000, seed: 2 });
    const perTerm = g.textChars / g.terms;
    expect(perTerm).toBeGreaterThan(150);
    expect(perTerm).toBeLessThan(450);
    expect(g.splitTerms / g.terms).toBeGreaterThan(0.05);
    expect(g.html).toMatch(/Liang <b>Wenfeng<\/b>|<a href="#t">Liang <\/a>Wenfeng/);
    const text = parse(g.html).doc.body.textContent ?? '';
    for (const term of ['DeepSeek', 'Nvidia', 'Liang Wenfeng']) expect(text).toContain(term);
    expect(TERMS.length).toBeGreaterThan(20);
  });

  it('includes regions a scanner must skip', () => {
    const g = generatePage({ targetChars: 100_000, seed: 5 });
    const { doc } = parse(g.html);
    expect(doc.querySelector('pre code')).not.toBeNull();
    expect(doc.querySelector('[contenteditable="true"]')).not.toBeNull();
    expect(doc.querySelector('input')).not.toBeNull();
    expect(doc.querySelector('script')).not.toBeNull();
  });
});
