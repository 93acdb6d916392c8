/**
 * Finds where the catalog's aliases occur in a source, for building claims. Longest alias
 * first, no overlaps; an alias that starts or ends with a letter or digit needs a boundary
 * there ("DeepSeek’s" counts, "DeepSeekhas" does not: a glued word is left alone). CJK
 * aliases need no boundary, since CJK text has no spaces.
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
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
const CJK = /[\u3000-\u9fff\uf900-\ufaff]/u;

function needsBoundary(ch: string): boolean {
  return WORD_CHAR.test(ch) && !CJK.test(ch);
}

export function createMentionFinder(entities: Pick<Entity, 'id' | 'aliases' | 'aliasRules'>[]) {
  const forms: Form[] = [];
  for (const e of entities) {
    for (const alias of e.aliases) {
      const sensitive = e.aliasRules[alias]?.case === 'sensitive';
      forms.push({ alias, folded: alias.toLowerCase(), sensitive, entityId: e.id });
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
        if (needsBoundary(f.alias[0] as string) && before && needsBoundary(before)) continue;
        if (needsBoundary(f.alias.at(-1) as string) && after && needsBoundary(after)) continue;
        if (taken.subarray(at, end).some((x) => x === 1)) continue;
        taken.fill(1, at, end);
        found.push({ start: from + at, end: from + end, entityId: f.entityId });
      }
    }
    return found.sort((a, b) => a.start - b.start);
  };
}
