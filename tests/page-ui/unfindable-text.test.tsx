// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { drawTextAsGeneratedContent, TEXT_ATTR } from '../../lib/page-ui/unfindable-text';

describe('words drawn as generated content', () => {
  it('leaves no text node in what Preact renders, only the words in an attribute', () => {
    drawTextAsGeneratedContent();
    const root = document.createElement('div');
    const n: number = 3;
    render(
      <p>
        Seen before on {n} page{n === 1 ? '' : 's'}. <b>DeepSeek</b>
      </p>,
      root,
    );
    const texts: Node[] = [];
    const walker = document.createTreeWalker(root, 4);
    for (let t = walker.nextNode(); t; t = walker.nextNode()) texts.push(t);
    expect(texts).toEqual([]);
    const drawn = [...root.querySelectorAll(`[${TEXT_ATTR}]`)].map((e) =>
      e.getAttribute(TEXT_ATTR),
    );
    expect(drawn.join('')).toBe('Seen before on 3 pages. DeepSeek');
  });

  it('names a button by its words; an aria-label it has stays', () => {
    drawTextAsGeneratedContent();
    const root = document.createElement('div');
    render(
      <>
        <button type="button">Read in source</button>
        <button type="button">
          <span>Liang Wenfeng</span>
          <span class="count">{3}</span>
        </button>
        <button type="button" aria-label="Close sidebar">
          ×
        </button>
      </>,
      root,
    );
    const names = [...root.querySelectorAll('button')].map((b) => b.getAttribute('aria-label'));
    expect(names).toEqual(['Read in source', 'Liang Wenfeng 3', 'Close sidebar']);
  });
});
