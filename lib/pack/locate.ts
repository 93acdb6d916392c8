/**
 * Claim locators: how curated data (a description's basis, a question's answers) points at
 * a source sentence without naming a claim id. Claim ids are numbered in reading order, so
 * any change to which sentences are claims would renumber them; a locator instead quotes
 * the sentence: `"s002: was founded in 2023"` is the one claim of source s002 whose quote
 * contains "was founded in 2023" (verbatim, as the source prints it).
 */
import type { Claim } from './types';

export type Locator = string;

const FORM = /^(s\d{3}):\s?([\s\S]+)$/;

export interface ParsedLocator {
  sourceId: string;
  /** Verbatim text of the source that the claim's quote must contain. */
  text: string;
}

/** Null when the locator is not of the form `sNNN: text`. */
export function parseLocator(locator: string): ParsedLocator | null {
  const m = FORM.exec(locator);
  return m ? { sourceId: m[1] as string, text: m[2] as string } : null;
}

export type LocateResult = { ok: true; claim: Claim } | { ok: false; problem: string };

/**
 * Finds the one claim a locator names. Fails (with a sentence a catalog author can act on)
 * when the form is wrong, no claim of that source contains the text, or more than one does.
 */
export function locateClaim(claims: readonly Claim[], locator: string): LocateResult {
  const parsed = parseLocator(locator);
  if (!parsed) {
    return { ok: false, problem: `"${locator}" is not a locator of the form "s000: quoted text"` };
  }
  const hits = claims.filter(
    (c) => c.sourceId === parsed.sourceId && c.quote.includes(parsed.text),
  );
  if (hits.length === 0) {
    return {
      ok: false,
      problem: `no claim of ${parsed.sourceId} contains "${parsed.text}" (quote the source verbatim; it must be a sentence that names an entity or states a figure)`,
    };
  }
  if (hits.length > 1) {
    return {
      ok: false,
      problem: `"${parsed.text}" is in ${hits.length} claims of ${parsed.sourceId} (${hits
        .map((c) => c.id)
        .join(', ')}): quote more of the sentence`,
    };
  }
  return { ok: true, claim: hits[0] as Claim };
}
