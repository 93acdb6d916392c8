/**
 * Which lines of a vendored source are the article. Aggregator, comment-form and plugin
 * lines, photo credits and label lines are dropped by the named junk rules below; the
 * headline, date, byline and outlet lines are metadata (they are in `Source`), and
 * headings, photo captions and a lead dateline are layout (LAYOUT_RULES): none is a claim.
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
  /** Non-blank article lines, trimmed of surrounding spaces (and of a lead dateline). */
  kept: Line[];
  excluded: ExcludedLine[];
}

/** What a source prints about itself: lines that equal these are metadata, not the article. */
export interface SourceLabels {
  title: string | null;
  dateAsPrinted: string | null;
  byline?: string | null;
  outlet?: string | null;
}

/**
 * Layout rules: lines that are the page's furniture rather than sentences of the article.
 * Each is named like the junk rules and recorded in `Source.excluded`.
 */
export const LAYOUT_RULES = {
  byline: 'the byline as the source prints it (Source.byline)',
  outlet: 'the outlet name on a line of its own (Source.outlet)',
  heading: 'a section heading: a short line with no sentence punctuation ("The Talent")',
  'photo-caption': 'the caption under a photo: the line after a photo credit, with no full stop',
  'lead-dateline': 'the place a story was filed from, glued before its first sentence',
} as const;

const SENTENCE_END = /[.!?。！？…"”’')\]:;]$/u;
const WORDS = /\S+/g;
const HEADING_MAX_WORDS = 6;

function isHeading(body: string): boolean {
  if (SENTENCE_END.test(body) || !/^[\p{Lu}\d]/u.test(body)) return false;
  return (body.match(WORDS) ?? []).length <= HEADING_MAX_WORDS;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A dateline glued before the lede: a place the catalog knows ("Hong Kong China’s artificial
 * intelligence lab…", optionally "(AP)" and a dash), or the outlet's own credit with a dash
 * ("AsianFin -- Chinese tech start-up…"), then a capitalised word. Only the first article
 * line is read so. Returns how many characters to cut (0: none).
 */
function leadDateline(body: string, places: readonly string[], outlet: string | null): number {
  const alt = (names: readonly string[]) =>
    [...names]
      .sort((a, b) => b.length - a.length)
      .map(escapeRe)
      .join('|');
  const agency = '(?: \\((?:AP|AFP|Reuters|Xinhua)\\))?';
  const tries: RegExp[] = [];
  if (places.length > 0)
    tries.push(new RegExp(`^(?:${alt(places)})${agency}(?: ?[—–-]+)? (?=\\p{Lu})`, 'u'));
  if (outlet)
    tries.push(new RegExp(`^${escapeRe(outlet)}${agency} ?(?:--|[—–]) ?(?=\\p{Lu})`, 'u'));
  for (const re of tries) {
    const m = re.exec(body);
    if (m) return m[0].length;
  }
  return 0;
}

/**
 * The article's lines. `places` (place names from the catalog) lets the lead dateline be
 * recognised; without them nothing is cut from the first line.
 */
export function cleanSource(
  text: string,
  meta: SourceLabels,
  places: readonly string[] = [],
): Cleaned {
  const kept: Line[] = [];
  const excluded: ExcludedLine[] = [];
  let metadataDone = false;
  let afterPhoto = false;
  for (const line of lines(text)) {
    let { start, end } = line;
    while (start < end && /\s/.test(text[start] as string)) start++;
    while (end > start && /\s/.test(text[end - 1] as string)) end--;
    if (start === end) continue;
    const body = text.slice(start, end);
    const followsPhoto = afterPhoto;
    afterPhoto = false;
    const drop = (rule: string) => excluded.push({ start, end, rule });
    // Headline and date are read once, at the top, before the article starts.
    if (!metadataDone && body === meta.dateAsPrinted) {
      drop('dateline');
      continue;
    }
    if (!metadataDone && body === meta.title) {
      drop('headline');
      metadataDone = true;
      continue;
    }
    // Byline and outlet stand between the headline and the first sentence.
    if (kept.length === 0 && meta.byline && body === meta.byline) {
      drop('byline');
      continue;
    }
    if (kept.length === 0 && meta.outlet && body === meta.outlet) {
      drop('outlet');
      continue;
    }
    const rule = JUNK_RULES.find((r) => r.test.test(body));
    if (rule) {
      drop(rule.name);
      afterPhoto = rule.name === 'photo-credit';
      continue;
    }
    if (followsPhoto && !SENTENCE_END.test(body)) {
      drop('photo-caption');
      continue;
    }
    if (isHeading(body)) {
      drop('heading');
      continue;
    }
    if (kept.length === 0) {
      const cut = leadDateline(body, places, meta.outlet ?? null);
      if (cut > 0) {
        let stop = start + cut;
        while (stop > start && /\s/.test(text[stop - 1] as string)) stop--;
        excluded.push({ start, end: stop, rule: 'lead-dateline' });
        start += cut;
      }
    }
    kept.push({ start, end });
  }
  return { kept, excluded };
}
