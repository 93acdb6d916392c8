/**
 * A page's metadata from its own markup: JSON-LD (schema.org NewsArticle and kin) first,
 * then meta tags (Open Graph, article:*, Dublin Core, name=author/date), then `<title>`
 * and `<html lang>`. Each field is what the markup states, or null: nothing is inferred
 * from the address, the layout or the text, so a page that prints no byline has none here.
 * Pure: works on any `Document` (the browser's, happy-dom's in the CLI and tests).
 */
import type { PageMetadata } from './types';

const ARTICLE_TYPES =
  /^(?:Article|NewsArticle|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|BlogPosting|LiveBlogPosting|SocialMediaPosting|DiscussionForumPosting|ScholarlyArticle|Report|TechArticle|WebPage)$/;

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null;

/** Trimmed, whitespace collapsed; null when empty or absurdly long (not a field, a blob). */
function clean(value: unknown, max = 500): string | null {
  if (typeof value !== 'string') return null;
  const s = value.replace(/\s+/g, ' ').trim();
  return s && s.length <= max ? s : null;
}

/** Every JSON-LD node on the page, `@graph`s and arrays flattened. Bad JSON is skipped. */
export function jsonLdNodes(doc: Document): Json[] {
  const out: Json[] = [];
  const visit = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (isObject(v)) {
      out.push(v);
      if (Array.isArray(v['@graph'])) v['@graph'].forEach(visit);
    }
  };
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      visit(JSON.parse(script.textContent ?? ''));
    } catch {
      // A broken block says nothing; the rest of the page may.
    }
  }
  return out;
}

function types(node: Json): string[] {
  const t = node['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
}

/** The article node: the first of an article type (a page may also describe its site). */
function articleNode(nodes: Json[]): Json | null {
  return (
    nodes.find((n) => types(n).some((t) => ARTICLE_TYPES.test(t) && t !== 'WebPage')) ??
    nodes.find((n) => types(n).includes('WebPage')) ??
    null
  );
}

/** Names of a JSON-LD author / publisher value: a string, a `{ name }`, or a list of them. */
function names(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.flatMap((v) => {
    const name = clean(typeof v === 'string' ? v : isObject(v) ? v.name : null, 200);
    // An author given as an address is a profile link, not a byline.
    return name && !/^https?:\/\//.test(name) ? [name] : [];
  });
}

function meta(doc: Document, ...keys: string[]): string | null {
  for (const key of keys) {
    for (const attr of ['property', 'name', 'itemprop']) {
      const el = doc.querySelector(`meta[${attr}="${key}" i]`);
      const value = clean(el?.getAttribute('content'));
      if (value) return value;
    }
  }
  return null;
}

/** The calendar date a timestamp states ("2025-01-28T23:10:00-05:00" is the 28th), or null. */
export function isoDay(value: string | null): string | null {
  const m = value?.trim().match(/^(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/);
  if (!m) return null;
  const [, y, mo, d] = m;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  // 2025-02-30 is not a day.
  return date.getUTCMonth() === Number(mo) - 1 && date.getUTCDate() === Number(d)
    ? `${y}-${mo}-${d}`
    : null;
}

const LANGUAGE = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i;

/** `en_US` (Open Graph's form) → `en-US`; anything that is not a language tag → null. */
export function languageTag(value: string | null | undefined): string | null {
  const tag = value?.trim().replace(/_/g, '-');
  return tag && LANGUAGE.test(tag) ? tag : null;
}

export function readMetadata(doc: Document): PageMetadata {
  const article = articleNode(jsonLdNodes(doc));
  const publisher = article ? names(article.publisher)[0] : undefined;
  const authors = article ? names(article.author) : [];
  const relAuthors = [...doc.querySelectorAll('[rel="author"], [itemprop="author"]')]
    .map((el) => clean(el.getAttribute('content') ?? el.textContent, 200))
    .filter((s): s is string => s !== null);
  const byline =
    (authors.length > 0 ? authors.join(', ') : null) ??
    meta(doc, 'author', 'article:author', 'dc.creator', 'parsely-author', 'sailthru.author') ??
    (relAuthors.length > 0 ? [...new Set(relAuthors)].join(', ') : null);
  const timeEl = doc.querySelector('time[itemprop="datePublished"][datetime], time[pubdate]');
  const date =
    isoDay(clean(article?.datePublished)) ??
    isoDay(
      meta(
        doc,
        'article:published_time',
        'datePublished',
        'date',
        'dc.date',
        'dc.date.issued',
        'dcterms.created',
        'parsely-pub-date',
        'sailthru.date',
      ),
    ) ??
    isoDay(timeEl?.getAttribute('datetime') ?? null);
  return {
    title:
      clean(article?.headline) ??
      meta(doc, 'og:title', 'twitter:title', 'dc.title') ??
      clean(doc.title),
    outlet: publisher ?? meta(doc, 'og:site_name', 'application-name'),
    byline: byline && !/^https?:\/\//.test(byline) ? byline : null,
    date,
    language:
      languageTag(doc.documentElement?.getAttribute('lang')) ??
      languageTag(typeof article?.inLanguage === 'string' ? article.inLanguage : null) ??
      languageTag(meta(doc, 'og:locale')) ??
      'und',
  };
}
