/** The one way a site is named (lib/site.ts): from a page's address, and as the reader types it. */
import { describe, expect, it } from 'vitest';
import { siteFromInput, siteOf } from '../lib/site';

describe('siteOf', () => {
  it.each([
    ['https://www.bbc.com/news', 'www.bbc.com'],
    ['http://127.0.0.1:8080/a', '127.0.0.1'],
    ['HTTPS://News.Example.ORG/', 'news.example.org'],
    ['https://bücher.example/', 'xn--bcher-kva.example'],
    ['chrome://extensions', null],
    ['about:blank', null],
    ['file:///home/a.html', null],
    ['not a url', null],
    [undefined, null],
  ])('siteOf(%s) = %s', (url, host) => {
    expect(siteOf(url)).toBe(host);
  });
});

describe('siteFromInput', () => {
  it.each([
    ['www.bbc.com', 'www.bbc.com'],
    ['  News.Example.ORG ', 'news.example.org'],
    ['https://www.bbc.com/news?x=1', 'www.bbc.com'],
    ['127.0.0.1', '127.0.0.1'],
    ['', null],
    ['not a site', null],
    ['localhost', null],
    ['javascript:alert(1)', null],
  ])('%j -> %j', (input, host) => {
    expect(siteFromInput(input)).toBe(host);
  });

  // What the reader types must be the string a page of that site reports.
  it.each(['https://bücher.example/a', 'BÜCHER.example'])('agrees with siteOf for %s', (input) => {
    expect(siteFromInput(input)).toBe(siteOf('https://bücher.example/'));
  });
});
