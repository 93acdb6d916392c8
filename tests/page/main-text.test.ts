// @vitest-environment happy-dom
/**
 * Main text or furniture: the blocks whose core terms make a page about the story.
 */
import { describe, expect, it } from 'vitest';
import { isFurniture } from '../../lib/page/main-text';

function page(html: string): Document {
  return new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
}
const at = (doc: Document, selector: string) => doc.querySelector(selector) as Element;

describe('isFurniture', () => {
  const doc = () =>
    page(`
    <header class="site"><p id="masthead">DeepSeek news</p></header>
    <nav><ul><li id="nav-item">DeepSeek</li></ul></nav>
    <main class="layout has-sidebar">
      <article class="commentary">
        <header><h1 id="headline">DeepSeek shakes markets</h1></header>
        <p id="body">DeepSeek said on Monday <a href="#">its model</a> was cheap.</p>
        <p id="link-only"><a href="/x">Trending: DeepSeek app tops the charts</a></p>
      </article>
      <div class="related"><p id="related">DeepSeek, again</p></div>
      <section id="comments"><p id="comment">deepseek is overrated</p></section>
    </main>
    <aside><p id="rail">DeepSeek app tops the charts</p></aside>
    <footer><p id="footer">DeepSeek</p></footer>`);

  it.each(['#headline', '#body'])('%s is main text', (sel) => {
    expect(isFurniture(at(doc(), sel))).toBe(false);
  });

  it.each(['#masthead', '#nav-item', '#link-only', '#related', '#comment', '#rail', '#footer'])(
    '%s is furniture',
    (sel) => {
      expect(isFurniture(at(doc(), sel))).toBe(true);
    },
  );

  it('takes a page with no landmarks at all as main text', () => {
    expect(isFurniture(at(page('<div><p id="p">DeepSeek</p></div>'), '#p'))).toBe(false);
  });
});
