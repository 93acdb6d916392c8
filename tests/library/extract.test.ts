/**
 * "Add this page": the article from pages written for these tests (a wire story with
 * navigation, comments and a related rail; a forum thread; a Chinese news page; a blog with
 * no metadata), with Readability on happy-dom, as the CLI runs it. What is stored is
 * what a reader reads: the article's paragraphs, none of the page around them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleText } from '../../lib/library/article-text';
import { ExtractionError, extractArticle, pageAddress } from '../../lib/library/extract';
import { parseHtml } from '../../lib/library/load-files';

const ROOT = join(import.meta.dirname, '..', '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const WIRE = 'tests/e2e/fixtures/added-article.html';
const FIXTURES = 'tests/library/fixtures';

function extract(path: string, url = 'https://news.test/story#comments') {
  const doc = parseHtml(read(path), url);
  return { doc, page: extractArticle(doc, url) };
}

describe('extractArticle', () => {
  it('keeps the article, paragraph by paragraph, and none of the page around it', () => {
    const { page } = extract(WIRE);
    const paragraphs = page.text.split('\n\n');
    expect(paragraphs[0]).toBe('By Tomasz Brennan and Ama Okafor, Harbour Wire');
    expect(paragraphs).toContain('Chipmaker shares, last five trading days.');
    expect(
      paragraphs.some((p) =>
        p.startsWith(
          'According to the report, DeepSeek trained the model on 2,048 Nvidia H800 chips, and the Hangzhou start-up built it in about two months. The H800',
        ),
      ),
    ).toBe(true);
    // Line breaks and indentation of the HTML source are collapsed as a browser renders them.
    expect(page.text).not.toMatch(/ {2}|\t|\n{3}/);
    expect(page.text).toContain('Nvidia lost $589 billion in market value on Monday');
    expect(page.text).toContain('“impressive”'.replace(/[“”]/g, '"'));
    for (const junk of [
      'Subscribe for 1 euro',
      'More from Harbour Wire',
      'lol nvidia',
      'All rights reserved',
      'Markets',
    ]) {
      expect(page.text).not.toContain(junk);
    }
    // The address without its fragment: #comments is the same article.
    expect(page.url).toBe('https://news.test/story');
  });

  it('reads a clone: the page is not changed', () => {
    const { doc } = extract(WIRE);
    const shape = () => [doc.querySelectorAll('*').length, doc.documentElement.textContent];
    const before = shape();
    extractArticle(doc, 'https://news.test/story');
    expect(shape()).toEqual(before);
    expect(doc.querySelectorAll('nav, footer, .comments').length).toBe(3);
    // The lazy image's real address stays where the page put it (the clone is what changed).
    expect(doc.querySelector('img')?.getAttribute('src')).toMatch(/^data:/);
  });

  it('reads a forum thread: every post, as written, in lower case too', () => {
    const { page } = extract(`${FIXTURES}/forum-thread.html`);
    expect(page.text).toContain(
      "ok so i've been using deepseek's r1 for a week on a rust codebase",
    );
    expect(page.text).toContain('does anyone trust the $5.6 million training number?');
    expect(page.text).not.toContain('gpu prices again');
    expect(page.text).not.toContain('write a reply');
  });

  it('reads a Chinese page', () => {
    const { page } = extract(`${FIXTURES}/chinese-news.html`);
    expect(page.text).toContain('深度求索创始人梁文锋此前在接受采访时表示');
    expect(page.text).not.toContain('相关新闻');
    expect(page.metadata.language).toBe('zh-CN');
  });

  it('says why when a page has no article', () => {
    const doc = parseHtml(
      '<html><body><nav><a href="/">Home</a></nav><p>Sign in to continue.</p></body></html>',
      'https://news.test/login',
    );
    expect(() => extractArticle(doc, 'https://news.test/login')).toThrow(ExtractionError);
    expect(() => extractArticle(doc, 'https://news.test/login')).toThrow(
      /No article was found|too short to be a source/,
    );
  });

  it('drops only the fragment of the address', () => {
    expect(pageAddress('https://a.test/x?id=1#top')).toBe('https://a.test/x?id=1');
  });
});

describe('articleText', () => {
  const el = (html: string) =>
    parseHtml(`<div id="r">${html}</div>`, 'https://a.test/').getElementById('r') as Element;

  it.each([
    ['<p>One <b>two</b>\n   three.</p><p>Four.</p>', 'One two three.\n\nFour.'],
    ['<h2>Head</h2><ul><li>a</li><li>b</li></ul>', 'Head\n\na\n\nb'],
    ['<p>line one<br>line two</p>', 'line one\nline two'],
    ['<p>Deep<span>Seek</span> said</p>', 'DeepSeek said'],
    ['<p>a</p><script>alert(1)</script><style>p{}</style><p hidden>secret</p><p>b</p>', 'a\n\nb'],
    ['<pre>  keep\n    this</pre>', '  keep\n    this'],
    ['<p>NBSP\u00a0stays</p>', 'NBSP\u00a0stays'],
  ])('%s', (html, text) => {
    expect(articleText(el(html))).toBe(text);
  });

  it('walks 50,000 nested elements without overflowing the stack', () => {
    // A minimal node tree: happy-dom itself recurses on trees this deep.
    let node: unknown = { nodeType: 3, data: 'deep text' };
    for (let i = 0; i < 50_000; i++) {
      node = { nodeType: 1, tagName: 'SPAN', hasAttribute: () => false, childNodes: [node] };
    }
    expect(articleText(node as Element)).toBe('deep text');
  });
});
