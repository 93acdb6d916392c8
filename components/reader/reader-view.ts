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
