/**
 * Metadata from the page's own markup, table-driven: JSON-LD in its common shapes, meta
 * tags, `<title>` and `<html lang>`; null where the page says nothing, never guessed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../lib/library/load-files';
import { isoDay, languageTag, readMetadata } from '../../lib/library/metadata';

const ROOT = join(import.meta.dirname, '..', '..');
const page = (head: string, body = '<p>text</p>', lang = '') =>
  readMetadata(
    parseHtml(`<html${lang}><head>${head}</head><body>${body}</body></html>`, 'https://a.test/'),
  );
const ld = (value: unknown) =>
  `<script type="application/ld+json">${JSON.stringify(value)}</script>`;

describe('readMetadata', () => {
  it('reads the wire story fixture from JSON-LD and Open Graph', () => {
    const doc = parseHtml(
      readFileSync(join(ROOT, 'tests/e2e/fixtures/added-article.html'), 'utf8'),
      'https://a.test/',
    );
    expect(readMetadata(doc)).toEqual({
      title: 'Cheap AI, costly week: what the DeepSeek shock cost chipmakers',
      outlet: 'Harbour Wire',
      byline: 'Tomasz Brennan, Ama Okafor',
      date: '2025-02-03',
      language: 'en-GB',
    });
  });

  it('says nothing where a page says nothing: no outlet, byline or date from a bare blog', () => {
    const doc = parseHtml(
      readFileSync(join(ROOT, 'tests/library/fixtures/no-metadata.html'), 'utf8'),
      'https://blog.test/notes',
    );
    expect(readMetadata(doc)).toEqual({
      title: 'Notes on a cheap model',
      outlet: null,
      byline: null,
      date: null,
      language: 'und',
    });
  });

  it('reads a Chinese page (JSON-LD in an array, a date with a space, an author as a string)', () => {
    const doc = parseHtml(
      readFileSync(join(ROOT, 'tests/library/fixtures/chinese-news.html'), 'utf8'),
      'https://a.test/',
    );
    expect(readMetadata(doc)).toEqual({
      title: '深度求索发布新模型 引发芯片股震荡',
      outlet: '江南日报',
      byline: '记者 周明远',
      date: '2025-01-29',
      language: 'zh-CN',
    });
  });

  it.each([
    [
      'headline from JSON-LD before og:title',
      ld({ '@type': 'NewsArticle', headline: 'From LD' }) +
        '<meta property="og:title" content="From OG">',
      { title: 'From LD' },
    ],
    [
      'og:title before <title>',
      '<meta property="og:title" content="From OG"><title>Tab | Site</title>',
      { title: 'From OG' },
    ],
    [
      'the <title> as printed when nothing else',
      '<title> Tab  |  Site </title>',
      { title: 'Tab | Site' },
    ],
    [
      'authors as objects, a list',
      ld({
        '@type': 'Article',
        author: [{ '@type': 'Person', name: 'A. One' }, { name: 'B. Two' }],
      }),
      { byline: 'A. One, B. Two' },
    ],
    [
      'an author given only as an address is no byline',
      ld({ '@type': 'Article', author: 'https://site.test/staff/x' }),
      { byline: null },
    ],
    ['meta name=author', '<meta name="author" content="Kim Lee">', { byline: 'Kim Lee' }],
    [
      'rel=author link text',
      '',
      { byline: 'Dana Cruz' },
      '<a rel="author" href="/d">Dana Cruz</a>',
    ],
    [
      'publisher name as outlet',
      ld({
        '@type': 'NewsArticle',
        publisher: { '@type': 'Organization', name: 'The Daily Test' },
      }),
      { outlet: 'The Daily Test' },
    ],
    [
      'og:site_name as outlet',
      '<meta property="og:site_name" content="Site Test">',
      { outlet: 'Site Test' },
    ],
    [
      '@graph with a WebSite and the article',
      ld({
        '@graph': [
          { '@type': 'WebSite', name: 'Not an outlet here' },
          {
            '@type': 'ReportageNewsArticle',
            headline: 'H',
            datePublished: '2025-01-27T23:59:00-05:00',
          },
        ],
      }),
      { title: 'H', date: '2025-01-27', outlet: null },
    ],
    [
      'article:published_time',
      '<meta property="article:published_time" content="2025-01-31T06:00:00Z">',
      { date: '2025-01-31' },
    ],
    ['a date with no day is not a date', '<meta name="date" content="2025-01">', { date: null }],
    [
      'an impossible date is not a date',
      ld({ '@type': 'Article', datePublished: '2025-02-30' }),
      { date: null },
    ],
    [
      'time[itemprop=datePublished]',
      '',
      { date: '2024-12-26' },
      '<time itemprop="datePublished" datetime="2024-12-26T10:00">Dec 26</time>',
    ],
    [
      'broken JSON-LD is skipped, meta tags still read',
      '<script type="application/ld+json">{ not json</script><meta name="author" content="Kim Lee">',
      { byline: 'Kim Lee' },
    ],
    [
      'og:locale with an underscore',
      '<meta property="og:locale" content="en_US">',
      { language: 'en-US' },
    ],
  ])('%s', (_why, head, expected, body = '<p>text</p>') => {
    expect(page(head, body)).toMatchObject(expected);
  });

  it('prefers <html lang>', () => {
    expect(
      page('<meta property="og:locale" content="de_DE">', '<p>x</p>', ' lang="fr"').language,
    ).toBe('fr');
  });
});

describe('isoDay and languageTag', () => {
  it.each([
    ['2025-01-28T23:10:00-05:00', '2025-01-28'],
    ['2025-01-28 08:30', '2025-01-28'],
    ['2025-01-28', '2025-01-28'],
    ['28 January 2025', null],
    ['2025-13-01', null],
    [null, null],
  ])('isoDay(%s) = %s', (value, day) => {
    expect(isoDay(value)).toBe(day);
  });

  it.each([
    ['en', 'en'],
    ['zh_CN', 'zh-CN'],
    ['english', null],
    ['', null],
  ])('languageTag(%s) = %s', (value, tag) => {
    expect(languageTag(value)).toBe(tag);
  });
});
