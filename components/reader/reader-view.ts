/** What the reader shows for a query string: pure, so the choice is tested without a DOM. */
import type { Claim, Source } from '../../lib/pack/types';

export type ReaderView =
  | { type: 'library' }
  | { type: 'missing-source'; sourceId: string }
  | {
      type: 'source';
      source: Source;
      /** The claim to highlight, when one was asked for and belongs to this source. */
      claim: Claim | null;
      /** Set when a claim was asked for but is not in this source. */
      missingClaimId: string | null;
    };

export function readerView(search: string, sources: Source[], claims: Claim[]): ReaderView {
  const params = new URLSearchParams(search);
  const sourceId = params.get('source');
  if (!sourceId) return { type: 'library' };
  const source = sources.find((s) => s.id === sourceId);
  if (!source) return { type: 'missing-source', sourceId };
  const claimId = params.get('claim');
  const claim = claimId
    ? (claims.find((c) => c.id === claimId && c.sourceId === sourceId) ?? null)
    : null;
  return { type: 'source', source, claim, missingClaimId: claimId && !claim ? claimId : null };
}

/** The text in three parts around the claim; the quote must be the exact slice. */
export function splitAtClaim(text: string, claim: Claim | null): [string, string, string] {
  if (!claim || text.slice(claim.start, claim.end) !== claim.quote) return [text, '', ''];
  return [text.slice(0, claim.start), claim.quote, text.slice(claim.end)];
}

/**
 * The first line of the article body, verbatim (skipping the lines the pack marks as not
 * the article: headline, date, junk), cut at a word near `max` characters. Lets the
 * library tell apart sources that print no headline.
 */
export function opening(
  source: Pick<Source, 'text' | 'excluded'> & { byline?: string | null; outlet?: string | null },
  max = 180,
): string {
  const skip = source.excluded ?? [];
  let at = 0;
  for (;;) {
    while (at < source.text.length && /\s/.test(source.text[at] as string)) at++;
    const inside = skip.find((x) => x.start <= at && at < x.end);
    if (inside) {
      at = inside.end;
      continue;
    }
    // A byline or outlet on its own line is metadata, shown beside the opening already.
    const end = source.text.indexOf('\n', at);
    const line = source.text.slice(at, end < 0 ? undefined : end).trim();
    const meta = [source.byline, source.outlet].some((m) => m && line === m.trim());
    if (!meta || end < 0) break;
    at = end;
  }
  const lineEnd = source.text.indexOf('\n', at);
  const line = source.text.slice(at, lineEnd < 0 ? undefined : lineEnd).trimEnd();
  if (line.length <= max) return line;
  const cut = line.lastIndexOf(' ', max);
  return `${line.slice(0, cut > max / 2 ? cut : max)}…`;
}
