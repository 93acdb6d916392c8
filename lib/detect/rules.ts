/**
 * How strictly each alias must match. The pack may say `case: 'sensitive' | 'insensitive'`
 * per alias; on top of that the detector applies its own policy by the alias's shape and a
 * short list of words that are ordinary English, because a stray "Apple" or "r1" on a
 * page about something else is worse than a missed mark.
 */
import type { AliasRule, EntityKind, Tier } from '../pack/types';
import { isCjk } from './chars';

/**
 * `exact`: the letters as written in the alias (or, for aliases of four letters or more,
 * all in capitals as headlines write them). `initials`: a letter that begins a word and
 * is upper case in the alias must be upper case on the page ("Liang Wenfeng", "LIANG
 * Wenfeng", "Deepseek", not "high flyer"); other letters may take any case. `any`: no rule.
 */
export type CaseMode = 'exact' | 'initials' | 'any';

export interface AliasPolicy {
  caseMode: CaseMode;
  /** The alias may not touch a letter or digit of a spaced script on either side. */
  boundary: boolean;
  /**
   * The alias may not continue as a compound or a version: "Meta-analysis", "V3.5",
   * "R1-Lite" are other things.
   */
  closed: boolean;
  /** A lower-case plural "s" may follow ("50,000 H100s"); it is not part of the match. */
  plural: boolean;
  /** Marked only within `NEAR_CORE_WINDOW` (names.ts) characters of a core entity in the same text. */
  nearCore: boolean;
  /**
   * The alias alone does not show that a text is about the story (the pack's
   * `needsContext`: "R1", "Liang"): its match counts as `context` for gating and never
   * anchors a `nearCore` alias.
   */
  weak: boolean;
}

/**
 * Ordinary words or common names that are also entities in the story. Capitalised, they
 * are still a name only when the text around them is about DeepSeek.
 */
export const NEAR_CORE_ALIASES: ReadonlySet<string> = new Set([
  'Apple',
  'Bernstein',
  'Ernie',
  'Nature',
  'X',
  'Liang',
  'Gemini',
  'Claude',
  'Llama',
  'Mistral',
  'Stargate',
  'Sputnik',
]);

/**
 * Names that are also common words or everyday brands: capitalised exactly as in the
 * alias, whole words only, never part of a compound.
 */
export const EXACT_CASE_ALIASES: ReadonlySet<string> = new Set([
  'Meta',
  'Google',
  'Amazon',
  'Oracle',
  'Intel',
  'Reuters',
  'Bloomberg',
]);

const CODE_RE = /^[A-Za-z]{0,3}\d[\w.]*$/;
/**
 * A coined name written in camel case ("DeepSeek", "ByteDance", "OpenAI"): no English word
 * is spelled so, and forum posts and sloppy copy write it "deepseek" or "Deepseek", so any
 * case is that name.
 */
const CAMEL_RE = /^[A-Z][a-z]+[A-Z][A-Za-z]*$/;
const LATIN_LETTER_RE = /[A-Za-z]/;

export interface AliasContext {
  kind: EntityKind;
  tier: Tier;
  rule: AliasRule | undefined;
}

/** The policy for one alias of one entity. */
export function aliasPolicy(alias: string, ctx: AliasContext): AliasPolicy {
  const trimmed = alias.trim();
  let cjk = false;
  for (let i = 0; i < trimmed.length; i++) {
    if (isCjk(trimmed.charCodeAt(i))) cjk = true;
  }
  if (cjk && !LATIN_LETTER_RE.test(trimmed)) {
    // Chinese is written without spaces: a name sits inside running text.
    return {
      caseMode: 'any',
      boundary: false,
      closed: false,
      plural: false,
      nearCore: false,
      weak: ctx.rule?.needsContext === true,
    };
  }
  const short = trimmed.length <= 3;
  const code = CODE_RE.test(trimmed) && !/^\d+$/.test(trimmed);
  const weak = ctx.rule?.needsContext === true;
  // Short words and surnames ("Li", "Xu", "Lee") need a DeepSeek mention close by; model
  // codes ("R1", "o1") are distinctive enough once case and boundaries hold.
  const acronym = /^[A-Z]+$/.test(trimmed);
  const nearCore =
    NEAR_CORE_ALIASES.has(trimmed) ||
    (weak && !code) ||
    (short && !code && !acronym && ctx.tier === 'context');
  const strict = nearCore || short || code || EXACT_CASE_ALIASES.has(trimmed);
  let caseMode: CaseMode = 'initials';
  if (strict || ctx.rule?.case === 'sensitive') caseMode = 'exact';
  else if (ctx.rule?.case === 'insensitive' || CAMEL_RE.test(trimmed)) caseMode = 'any';
  return {
    caseMode,
    boundary: true,
    closed: strict,
    plural: code && (ctx.kind === 'chip' || ctx.kind === 'product'),
    nearCore,
    weak,
  };
}

/**
 * Extra written forms of one alias: a hyphenated name is also written joined
 * ("High-Flyer" -> "Highflyer"). Spaced and unspaced hyphens need no variant: the matcher
 * treats any run of spaces and dashes as one separator.
 */
export function aliasVariants(alias: string): string[] {
  const trimmed = alias.trim();
  if (trimmed === '') return [];
  const out = [trimmed];
  if (/[\p{L}\d]-[\p{L}\d]/u.test(trimmed) && trimmed.length > 4) {
    const joined = trimmed.replace(/([\p{L}\d])-(?=[\p{L}\d])/gu, '$1');
    // Joined, only the first letter keeps its capital: "Highflyer", "HighFlyer".
    out.push(joined);
  }
  return out;
}
