/**
 * Finds where the catalog's aliases occur in a source, for building claims. Longest alias
 * first, no overlaps; an alias that starts or ends with a letter or digit needs a boundary
 * there ("DeepSeek’s" counts, "DeepSeeking" would not). CJK aliases need no boundary, since
 * CJK text has no spaces.
 *
 * Sources lose spaces ("the Chinese startup DeepSeekhas caused a stir", "The PresidentDonald
 * Trump stated"), which would drop a whole sentence from its entity. Two glued seams are
 * accepted, both only where the alias is written in its exact letter case:
 * - a full name (two words or more) right after a lower-case letter: "PresidentDonald Trump";
 * - a one-word name with a capital inside it ("DeepSeek", "OpenAI") followed by two or more
 *   lower-case letters: "DeepSeekhas".
 * Short or plain words never glue: "36Kr" is no "36K", "ChatGPT" no "GPT".
 */
import type { Entity } from './types';

export interface Mention {
  start: number;
  end: number;
  entityId: string;
}

interface Form {
  alias: string;
  folded: string;
  sensitive: boolean;
  entityId: string;
  /** May follow a lower-case letter with no space (a full name: "PresidentDonald Trump"). */
  gluesAfter: boolean;
  /** May run into lower-case letters with no space (a camel-case name: "DeepSeekhas"). */
  gluesBefore: boolean;
}

/** Whether `slice` has lower-case letters (two or more) from `at` to the next non-letter. */
function lowerTail(slice: string, at: number): boolean {
  let i = at;
  while (i < slice.length && LOWER.test(slice[i] as string)) i++;
  return i - at >= 2 && !WORD_CHAR.test(slice[i] ?? ' ');
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
const LOWER = /\p{Ll}/u;
/** A capital after a lower-case letter inside one word: "DeepSeek", "OpenAI", "WeChat". */
const INNER_CAPITAL = /^\S*\p{Ll}\p{Lu}\S*$/u;
const CJK = /[\u3000-\u9fff\uf900-\ufaff]/u;

function needsBoundary(ch: string): boolean {
  return WORD_CHAR.test(ch) && !CJK.test(ch);
}

export function createMentionFinder(entities: Pick<Entity, 'id' | 'aliases' | 'aliasRules'>[]) {
  const forms: Form[] = [];
  for (const e of entities) {
    for (const alias of e.aliases) {
      const sensitive = e.aliasRules[alias]?.case === 'sensitive';
      forms.push({
        alias,
        folded: alias.toLowerCase(),
        sensitive,
        entityId: e.id,
        gluesAfter: /^\p{Lu}/u.test(alias) && /\s/.test(alias),
        gluesBefore: INNER_CAPITAL.test(alias),
      });
    }
  }
  // Longest first so "DeepSeek-R1" wins over "DeepSeek"; ties by alias for a stable order.
  forms.sort((a, b) => b.alias.length - a.alias.length || (a.alias < b.alias ? -1 : 1));

  return function findMentions(text: string, from = 0, to = text.length): Mention[] {
    const slice = text.slice(from, to);
    const folded = slice.toLowerCase();
    const taken = new Uint8Array(slice.length);
    const found: Mention[] = [];
    for (const f of forms) {
      const hay = f.sensitive ? slice : folded;
      const needle = f.sensitive ? f.alias : f.folded;
      for (let at = hay.indexOf(needle); at !== -1; at = hay.indexOf(needle, at + 1)) {
        const end = at + needle.length;
        const before = slice[at - 1];
        const after = slice[end];
        const exact = slice.startsWith(f.alias, at);
        if (needsBoundary(f.alias[0] as string) && before && needsBoundary(before)) {
          if (!(f.gluesAfter && exact && LOWER.test(before))) continue;
        }
        if (needsBoundary(f.alias.at(-1) as string) && after && needsBoundary(after)) {
          if (!(f.gluesBefore && exact && lowerTail(slice, end))) continue;
        }
        if (taken.subarray(at, end).some((x) => x === 1)) continue;
        taken.fill(1, at, end);
        found.push({ start: from + at, end: from + end, entityId: f.entityId });
      }
    }
    return found.sort((a, b) => a.start - b.start);
  };
}
