/**
 * Sentences that go on about an entity the sentence before them named, without naming it:
 * "According to Liang, High-Flyer was a source of some of DeepSeek’s initial staff… He told
 * the Chinese media site 36Kr…". Such a sentence is a claim of that entity too, marked
 * `via: 'reference'` so the UI can show it as context.
 *
 * A wrong attribution is worse than a missing one, so the rules are narrow:
 * - only a few referring words, and only where they open the sentence (after at most a
 *   connective or a short introductory phrase) or introduce a quotation (", he said"):
 *   "He"/"She" for a person, "The company"/"The firm"/"The startup"/"The business" for an
 *   organization, "It said"/"It wrote" for a publication;
 * - the sentence right before must name exactly one entity of that kind (a sentence naming
 *   two people leaves "He" unresolved), and by name: references never chain;
 * - a sentence that itself names an entity of that kind before the referring words, or
 *   (for ", he said") anywhere, is left alone;
 * - an entity the sentence already names gains nothing.
 */
import type { EntityKind } from './types';

export interface Referrer {
  /** Offsets of the referring words inside the sentence. */
  start: number;
  end: number;
  kind: EntityKind;
  /** True when the pattern may stand anywhere in the sentence (", he said"). */
  anywhere: boolean;
}

// A connective or a short introductory phrase ending in a comma: "However, ", "In 2015, ",
// "In a post on the Chinese social media site Weibo, ".
const LEAD =
  /^(?:(?:However|But|And|Later|Additionally|Also|Meanwhile|Still|Yet|So|Then)\b,?\s+|(?:In|On|At|By|After|During|Since|Last|Earlier|Later)\b[^,.;:“”"]{0,60},\s+)?/u;
const OPENERS: readonly { re: RegExp; kind: EntityKind }[] = [
  // "He told…", "she says…": the pronoun is the subject, a verb (lower case) follows.
  { re: /^(?:He|She|he|she)(?=\s+\p{Ll})/u, kind: 'person' },
  {
    re: /^(?:The|the) (?:company|firm|start-?up|business)(?:['’]s)?(?![\p{L}-])/u,
    kind: 'organization',
  },
  { re: /^(?:It|it)(?=\s+(?:said|says|wrote|writes|reported|reports)\b)/u, kind: 'publication' },
];
// A quotation's attribution: "“…,” he stated in a Weibo video." / "…, he said."
const SAID =
  /[,”"]\s*(he|she)\s+(?:said|says|stated|states|told|added|adds|noted|notes|explained|wrote|writes)\b/u;

/** The referring words of a sentence, if it has any the rules above accept. */
export function findReferrer(sentence: string): Referrer | null {
  const lead = (LEAD.exec(sentence)?.[0] ?? '').length;
  const rest = sentence.slice(lead);
  for (const { re, kind } of OPENERS) {
    const m = re.exec(rest);
    if (m) return { start: lead, end: lead + m[0].length, kind, anywhere: false };
  }
  const s = SAID.exec(sentence);
  if (s) {
    const start = s.index + s[0].indexOf(s[1] as string);
    return { start, end: start + (s[1] as string).length, kind: 'person', anywhere: true };
  }
  return null;
}

export interface NamedIn {
  /** Entity ids named in the sentence, with where (offsets inside the sentence). */
  mentions: readonly { start: number; entityId: string }[];
}

/**
 * The entity a sentence refers to, or null. `previous` is the sentence right before it
 * (null at the start of a source); `kindOf` gives an entity's kind.
 */
export function resolveReference(
  sentence: string,
  own: NamedIn,
  previous: NamedIn | null,
  kindOf: (entityId: string) => EntityKind | undefined,
): { entityId: string; start: number; end: number } | null {
  if (!previous) return null;
  const ref = findReferrer(sentence);
  if (!ref) return null;
  const sameKind = (m: { entityId: string }) => kindOf(m.entityId) === ref.kind;
  const ownBefore = own.mentions.filter(
    (m) => sameKind(m) && (ref.anywhere || m.start < ref.start),
  );
  if (ownBefore.length > 0) return null;
  const candidates = [...new Set(previous.mentions.filter(sameKind).map((m) => m.entityId))];
  if (candidates.length !== 1) return null;
  const entityId = candidates[0] as string;
  if (own.mentions.some((m) => m.entityId === entityId)) return null;
  return { entityId, start: ref.start, end: ref.end };
}
