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

  it('reads roles exactly, class words and ids in any ASCII case, whole words only', () => {
    const d = page(`
      <div role="navigation"><p id="r1">x</p></div>
      <div role="Navigation"><p id="r2">x</p></div>
      <div class="layout  SideBar"><p id="c1">x</p></div>
      <div class="sidebar-wide"><p id="c2">x</p></div>
      <div id="RELATED"><p id="i1">x</p></div>
      <div role="banner"><div><div><p id="deep">x</p></div></div></div>`);
    expect(isFurniture(at(d, '#r1'))).toBe(true);
    expect(isFurniture(at(d, '#r2'))).toBe(false);
    expect(isFurniture(at(d, '#c1'))).toBe(true);
    expect(isFurniture(at(d, '#c2'))).toBe(false);
    expect(isFurniture(at(d, '#i1'))).toBe(true);
    expect(isFurniture(at(d, '#deep'))).toBe(true);
  });

  it('takes a header as the site header only outside article, main and role=main', () => {
    const d = page(`
      <header><div><p id="site">x</p></div></header>
      <div role="main"><header><p id="own">x</p></header></div>
      <header><main><header><p id="inner">x</p></header></main></header>
      <header id="bare">x</header>`);
    expect(isFurniture(at(d, '#site'))).toBe(true);
    expect(isFurniture(at(d, '#own'))).toBe(false);
    expect(isFurniture(at(d, '#inner'))).toBe(false);
    expect(isFurniture(at(d, '#bare'))).toBe(true);
  });

  it('takes a block that is only a link, whitespace and comments aside, as furniture', () => {
    const d = page(`
      <p id="bare"><a href="/x">DeepSeek app tops the charts</a></p>
      <p id="spaced">
        <!-- teaser --> <a href="/x"> DeepSeek app tops the charts </a>
      </p>
      <p id="said">DeepSeek said <a href="/x">its model</a> was cheap.</p>
      <p id="after"><a href="/x">DeepSeek</a>, the Hangzhou start-up</p>`);
    expect(isFurniture(at(d, '#bare'))).toBe(true);
    expect(isFurniture(at(d, '#spaced'))).toBe(true);
    expect(isFurniture(at(d, '#said'))).toBe(false);
    expect(isFurniture(at(d, '#after'))).toBe(false);
  });
});
