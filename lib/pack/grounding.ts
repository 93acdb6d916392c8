/**
 * Grounding: an entity's one-line description may state no name or number that its sources
 * do not. Each entity cites the sentences its description rests on (`basis`, claim
 * locators, see locate.ts); the build resolves them to claim ids and fails, naming the
 * entity and the word, when the description states a name or a number found in none of:
 * its basis claims, its own claims (those that mention it), its label and aliases.
 *
 * What counts as "a name or a number" (decided for a careful reader, tested in
 * tests/pack/grounding.test.ts):
 * - A number: any word with a digit ("$5.6", "2,000", "40-year-old", "R1", "01.AI"). It is
 *   matched whole, as printed, so "$5.6" is not grounded by "5.6 million yuan", and "5" is
 *   not grounded by "$5.6" (a digit next to ".5" or ",000" is part of a longer number).
 * - A name: any word with a capital letter ("DeepSeek", "iPhone", "U.S."). The first word
 *   is capitalised by the sentence, so it counts only when it is not a word the sources
 *   write in lowercase: "Founder of…" and "Where…" pass, but "Swiss town of…" and
 *   "Australian university…" are checked like any other name (a plain "not the first word"
 *   rule would let exactly those through).
 * - Acronyms ("AI", "CEO", "US") are names like any other: "CEO" where a source says
 *   "creator" is a claim the source does not make. They match in their own case only, so
 *   "US" is not grounded by the pronoun "us", nor "IT" by "it"; other names ignore case, so
 *   "Silicon Valley" is grounded by a garbled "silicon valley".
 * - Possessives are the name: "DeepSeek's" / "DeepSeek’s" is checked as "DeepSeek".
 * - Hyphenated words are checked part by part ("U.S.-China" is "U.S." and "China";
 *   "Hangzhou-based" is "Hangzhou"), except words with a digit, which stay whole.
 * - Chinese (Han, kana, hangul) has no capitals; a run of it in an English description is
 *   a name, checked as a substring (CJK text has no spaces, so no word boundaries).
 * - Matching looks for whole words: "Meta" is not grounded by "metadata".
 * What it cannot catch: lowercase words ("town", "think tank", "reasoning model") and a
 * claim assembled from words that are each somewhere in the basis. Those need a careful
 * reading of each description beside its basis, which is why the basis is cited at all.
 */
import { PackInputError } from './errors';
import type { LoadedEntity } from './load';
import { locateClaim } from './locate';
import type { Claim, Entity, Source } from './types';

/**
 * A basis may also cite what a source prints as its metadata: `"s002#byline"`,
 * `"s002#outlet"`. Those lines are not claims (the cleaning rules keep them out), but an
 * entity that only a byline names (an author, an outlet) rests on them.
 */
const META_LOCATOR = /^(s\d{3})#(byline|outlet)$/;

type MetaSource = Pick<Source, 'id' | 'byline' | 'outlet'>;

function metaText(locator: string, sources: readonly MetaSource[]): string | null {
  const m = META_LOCATOR.exec(locator);
  if (!m) return null;
  const source = sources.find((s) => s.id === m[1]);
  return source?.[m[2] as 'byline' | 'outlet'] ?? null;
}

const DIGIT = /\p{N}/u;
const CAPITAL = /\p{Lu}/u;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
/** Quotes, brackets and sentence punctuation around a word, never part of the name. */
const LEADING = /^[\s"'“”‘’«»([{<—–-]+/u;
const TRAILING = /[\s"'“”‘’«»)\]}>.,;:!?…—–-]+$/u;
const POSSESSIVE = /['’]s$/u;
/** A capital, then lowercase only: how a sentence's first word is written. */
const SENTENCE_CASE = /^\p{Lu}\p{Ll}*$/u;

function trim(word: string): string {
  return word.replace(LEADING, '').replace(TRAILING, '');
}

/** Two capitals or more and no lowercase letter: an acronym, matched in its own case. */
function isAcronym(word: string): boolean {
  return !/\p{Ll}/u.test(word) && (word.match(/\p{Lu}/gu)?.length ?? 0) >= 2;
}

function fold(text: string, keepCase: boolean): string {
  const plain = text.normalize('NFKC').replace(/[‘’]/g, "'");
  return keepCase ? plain : plain.toLowerCase();
}

/** The words the sources write in lowercase ("founder", "where"), from their sentences. */
export function lowercaseWords(texts: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const text of texts) {
    for (const word of text.split(/[^\p{L}]+/u)) if (/^\p{Ll}+$/u.test(word)) out.add(word);
  }
  return out;
}

/**
 * The words of a description that state a name or a number, as they must be found in the
 * grounding texts (trimmed of punctuation and possessive), in order, each once. `common`:
 * words the sources write in lowercase, which may open the description capitalised.
 */
export function statedWords(
  description: string,
  common: ReadonlySet<string> = new Set(),
): string[] {
  const out: string[] = [];
  for (const [i, raw] of description.split(/\s+/u).filter(Boolean).entries()) {
    const word = trim(trim(raw).replace(POSSESSIVE, ''));
    if (!word) continue;
    if (DIGIT.test(word) || CJK.test(word)) {
      out.push(word);
      continue;
    }
    for (const [j, part] of word.split(/[-–—/]/u).entries()) {
      const name = trim(part);
      if (!CAPITAL.test(name)) continue;
      const opensSentence = i === 0 && j === 0 && SENTENCE_CASE.test(name);
      if (opensSentence && common.has(name.toLowerCase())) continue;
      out.push(name);
    }
  }
  return [...new Set(out)];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whole-word search; a number also may not continue into more digits ("5" in "$5.6"). */
function finder(word: string): { re: RegExp; keepCase: boolean } {
  const keepCase = isAcronym(word);
  const w = escapeRegExp(fold(word, keepCase));
  if (CJK.test(word)) return { re: new RegExp(w, 'u'), keepCase };
  const re = new RegExp(`(?<![\\p{L}\\p{N}]|\\p{N}[.,])${w}(?![\\p{L}\\p{N}]|[.,]\\p{N})`, 'u');
  return { re, keepCase };
}

/** The stated words of `description` found in none of `grounds`. */
export function ungroundedWords(
  description: string,
  grounds: readonly string[],
  common: ReadonlySet<string> = new Set(),
): string[] {
  const exact = grounds.map((g) => fold(g, true)).join('\n');
  const folded = exact.toLowerCase();
  return statedWords(description, common).filter((word) => {
    const { re, keepCase } = finder(word);
    return !re.test(keepCase ? exact : folded);
  });
}

/**
 * Resolves each entity's basis to claim ids and checks its description against them, its
 * own claims, its label and aliases. Throws a PackInputError naming the catalog file, the
 * entity and the field (`basis[2]`, `description`).
 */
export function groundEntities(
  loaded: readonly LoadedEntity[],
  entities: readonly Omit<Entity, 'basis'>[],
  claims: readonly Claim[],
  sources: readonly MetaSource[] = [],
): Entity[] {
  const byId = new Map(loaded.map((l) => [l.entity.id, l]));
  const common = lowercaseWords(claims.map((c) => c.quote));
  const claimsOf = new Map<string, Claim[]>();
  for (const claim of claims) {
    for (const id of claim.entityIds) {
      const list = claimsOf.get(id) ?? [];
      list.push(claim);
      claimsOf.set(id, list);
    }
  }
  return entities.map((entity) => {
    const { entity: curated, file } = byId.get(entity.id) as LoadedEntity;
    const basis: Claim[] = [];
    const printed: { ref: string; text: string }[] = [];
    for (const [i, locator] of curated.basis.entries()) {
      if (META_LOCATOR.test(locator)) {
        const text = metaText(locator, sources);
        if (text === null) {
          throw new PackInputError(
            file,
            entity.id,
            `basis[${i}]`,
            `${locator}: that source prints no such line`,
          );
        }
        printed.push({ ref: locator, text });
        continue;
      }
      const found = locateClaim(claims, locator);
      if (!found.ok) throw new PackInputError(file, entity.id, `basis[${i}]`, found.problem);
      if (basis.includes(found.claim)) {
        throw new PackInputError(
          file,
          entity.id,
          `basis[${i}]`,
          `cites ${found.claim.id} a second time`,
        );
      }
      basis.push(found.claim);
    }
    const grounds = [
      ...basis.map((c) => c.quote),
      ...printed.map((p) => p.text),
      ...(claimsOf.get(entity.id) ?? []).map((c) => c.quote),
      ...entity.aliases,
    ];
    const missing = ungroundedWords(entity.description, grounds, common);
    if (missing.length > 0) {
      throw new PackInputError(
        file,
        entity.id,
        'description',
        `states ${missing.map((w) => `"${w}"`).join(', ')}, found in none of its basis claims, its own claims, its label or aliases (cite a sentence that says it in "basis", or leave it out)`,
      );
    }
    return { ...entity, basis: [...basis.map((c) => c.id), ...printed.map((p) => p.ref)] };
  });
}
