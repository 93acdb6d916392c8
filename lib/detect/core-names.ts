/**
 * The core names a page must hold before it is worth the detector: every written form of a
 * `core` entity that alone shows a text is about the story (not a weak alias such as "R1",
 * not one marked only near a core name). Worked out at pack time (`npm run pack` writes
 * lib/pack/generated/core-names.json) for the content script's first stage, which tests a
 * page's text against them case-insensitively (lib/content/core-matcher.ts) and loads the
 * detector only on a hit. The test must never miss a page the detector would mark, so it
 * is looser than the detector: any case, no word boundaries.
 */
import { CASE_MASK, type DetectorTables, F_NEAR_CORE, F_WEAK } from './tables';

/** Sorted, distinct (ignoring case), and none holds another: the smallest set that finds the same pages. */
export function coreForms(tables: DetectorTables): string[] {
  const { written, entity, flags } = tables.names;
  const tier = tables.entities.tier;
  const lower = new Set<string>();
  for (let i = 0; i < written.length; i++) {
    const e = entity[i] as number;
    const f = (flags[i] as number) & ~CASE_MASK;
    if (e < 0 || tier[e] !== 'core' || (f & (F_WEAK | F_NEAR_CORE)) !== 0) continue;
    lower.add((written[i] as string).toLowerCase());
  }
  // "deepseek" finds every page "deepseek-r1" would: keep only the shortest of such forms.
  const byLength = [...lower].sort((a, b) => a.length - b.length || (a < b ? -1 : 1));
  const kept: string[] = [];
  for (const form of byLength) if (!kept.some((k) => form.includes(k))) kept.push(form);
  return kept.sort();
}
