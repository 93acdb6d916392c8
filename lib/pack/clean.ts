/**
 * Which lines of a vendored source are the article. Aggregator, comment-form and plugin
 * lines, photo credits and label lines are dropped by the named rules below; the headline
 * and date lines are metadata (they are in `Source.title` / `dateAsPrinted`), not claims.
 * The text itself is never changed: cleaning only yields line ranges.
 */
import type { ExcludedLine } from './types';

export interface JunkRule {
  name: string;
  /** Tested against the line without its line break and surrounding spaces. */
  test: RegExp;
  why: string;
}

export const JUNK_RULES: readonly JunkRule[] = [
  { name: 'see-also', test: /^See also\s/, why: 'aggregator link to an unrelated story' },
  { name: 'comment-form', test: /^Leave a Reply$/, why: 'comment form heading' },
  {
    name: 'comment-form',
    test: /^Your email address will not be published\./,
    why: 'comment form notice',
  },
  { name: 'source-link', test: /^Source link$/, why: 'aggregator link back to the original' },
  { name: 'more-links', test: /^MORE (?:NEWS|ARTICLES)$/, why: 'site navigation' },
  { name: 'back-to-top', test: /^Back to top button$/, why: 'site navigation' },
  { name: 'plugin', test: /^Social Media Auto Publish Powered By\b/, why: 'publisher plugin' },
  { name: 'site-banner', test: /^Breaking News$/, why: 'site banner above the headline' },
  {
    name: 'photo-credit',
    test: /^(?:Getty Images|CCTV|Reuters|AFP|EPA|AP|Shutterstock(?: US)?)$/,
    why: 'photo credit under a picture',
  },
  { name: 'photo-credit', test: /^\(Image Source: [^)]*\)$/, why: 'photo credit' },
  { name: 'further-reading', test: /^Further Reading:/, why: 'empty reading-list heading' },
  { name: 'source-label', test: /^来源[:：]/, why: 'republisher label ("source: ...")' },
  {
    name: 'summary-label',
    test: /^摘要[:：]/,
    why: 'truncated summary repeating the first paragraph',
  },
];

export interface Line {
  start: number;
  end: number;
}

/** Lines with offsets; the line break (and a trailing \r) is not part of the line. */
export function lines(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  while (start <= text.length) {
    const nl = text.indexOf('\n', start);
    let end = nl === -1 ? text.length : nl;
    const next = nl === -1 ? text.length + 1 : nl + 1;
    if (end > start && text[end - 1] === '\r') end--;
    out.push({ start, end });
    start = next;
  }
  return out;
}

export interface Cleaned {
  /** Non-blank article lines, trimmed of surrounding spaces. */
  kept: Line[];
  excluded: ExcludedLine[];
}

export function cleanSource(
  text: string,
  meta: { title: string | null; dateAsPrinted: string | null },
): Cleaned {
  const kept: Line[] = [];
  const excluded: ExcludedLine[] = [];
  let metadataDone = false;
  for (const line of lines(text)) {
    let { start, end } = line;
    while (start < end && /\s/.test(text[start] as string)) start++;
    while (end > start && /\s/.test(text[end - 1] as string)) end--;
    if (start === end) continue;
    const body = text.slice(start, end);
    // Headline and date are read once, at the top, before the article starts.
    if (!metadataDone && body === meta.dateAsPrinted) {
      excluded.push({ start, end, rule: 'dateline' });
      continue;
    }
    if (!metadataDone && body === meta.title) {
      excluded.push({ start, end, rule: 'headline' });
      metadataDone = true;
      continue;
    }
    const rule = JUNK_RULES.find((r) => r.test.test(body));
    if (rule) {
      excluded.push({ start, end, rule: rule.name });
      continue;
    }
    kept.push({ start, end });
  }
  return { kept, excluded };
}
