/**
 * The mention finder, per source: before a source's sentences are searched, the entities
 * whose aliases do not occur in it are set aside, so a build with thousands of names (a
 * reader tracking 2,000) searches each sentence for the few dozen the source can hold,
 * not for all of them. The answer is the same as `createMentionFinder(entities)`'s.
 *
 * Which aliases occur is found in one pass over the source with the detector's automaton
 * (lib/detect/automaton.ts), with no word-edge rules: it folds case and treats spaces and
 * dashes more loosely than mentions.ts, so it finds every alias mentions.ts could match
 * there, and some more, never fewer. (It assumes what mentions.ts does: a mention is its
 * alias written in the text, letter case aside.)
 */
import { buildAutomaton, scanAll } from '../detect/automaton';
import { createMentionFinder, type Mention } from './mentions';
import type { Entity } from './types';

type FinderEntity = Pick<Entity, 'id' | 'aliases' | 'aliasRules'>;

/** Below this many entities the prefilter costs more than it saves (the bundled pack). */
const WORTH_IT = 300;

export function createSourceMentionFinder(
  entities: readonly FinderEntity[],
): (text: string, from?: number, to?: number) => Mention[] {
  const all = createMentionFinder([...entities]);
  if (entities.length < WORTH_IT) return all;
  const keys: string[] = [];
  const owner: number[] = [];
  entities.forEach((e, i) => {
    for (const alias of e.aliases) {
      keys.push(alias);
      owner.push(i);
    }
  });
  const automaton = buildAutomaton(keys);
  let lastText: string | null = null;
  let forText = all;
  return (text, from = 0, to = text.length) => {
    if (text !== lastText) {
      lastText = text;
      const hit = new Set<number>();
      const found = scanAll(automaton, text);
      for (let k = 2; k < found.length; k += 3) hit.add(owner[found[k] as number] as number);
      forText = createMentionFinder(entities.filter((_e, i) => hit.has(i)));
    }
    return forText(text, from, to);
  };
}
