/**
 * Checks across entries that a schema cannot see: unique ids, one owner per alias, related
 * ids and topic references that exist, rules that name real aliases, regexes that compile.
 */
import { PackInputError } from './errors';
import type { PackInput } from './load';
import type { AliasRule } from './types';

export function validatePackInput(input: PackInput): void {
  const byId = new Map<string, string>();
  for (const { entity, file } of input.entities) {
    const first = byId.get(entity.id);
    if (first) {
      throw new PackInputError(file, entity.id, 'id', `duplicate id (first defined in ${first})`);
    }
    byId.set(entity.id, file);
  }

  // Two aliases clash when they fold to the same letters, unless both are case-sensitive and
  // spelled differently ("Li" and "LI" would both be exact).
  const owners = new Map<
    string,
    { id: string; alias: string; sensitive: boolean; shared: boolean }[]
  >();
  for (const { entity, file } of input.entities) {
    const rules: Record<string, AliasRule> = entity.aliasRules ?? {};
    const forms = [entity.label, ...entity.aliases];
    for (const alias of Object.keys(rules)) {
      if (!forms.includes(alias)) {
        throw new PackInputError(
          file,
          entity.id,
          `aliasRules.${alias}`,
          'names no alias of this entity',
        );
      }
    }
    const seen = new Set<string>();
    for (const alias of forms) {
      if (seen.has(alias)) {
        throw new PackInputError(file, entity.id, 'aliases', `"${alias}" is listed twice`);
      }
      seen.add(alias);
      const sensitive = rules[alias]?.case === 'sensitive';
      const shared = rules[alias]?.shared === true;
      const key = alias.toLowerCase();
      const list = owners.get(key) ?? [];
      for (const other of list) {
        if (other.id === entity.id) continue;
        if (other.alias !== alias && sensitive && other.sensitive) continue;
        if (other.shared && shared) continue;
        throw new PackInputError(
          file,
          entity.id,
          'aliases',
          `alias "${alias}" is also claimed by "${other.id}" (give both aliasRules { "shared": true } to allow it)`,
        );
      }
      list.push({ id: entity.id, alias, sensitive, shared });
      owners.set(key, list);
    }
  }

  for (const { entity, file } of input.entities) {
    for (const [i, rel] of entity.related.entries()) {
      if (!byId.has(rel)) {
        throw new PackInputError(file, entity.id, `related.${i}`, `unknown entity id "${rel}"`);
      }
      if (rel === entity.id) {
        throw new PackInputError(
          file,
          entity.id,
          `related.${i}`,
          'an entity is not related to itself',
        );
      }
    }
  }

  const file = input.topicsFile;
  const topicIds = new Set<string>();
  for (const topic of input.topics.topics) {
    const where = topic.id;
    if (topicIds.has(topic.id))
      throw new PackInputError(file, where, 'id', 'duplicate topic id', 'topic');
    topicIds.add(topic.id);
    if (topic.subjectId && !byId.has(topic.subjectId)) {
      throw new PackInputError(
        file,
        where,
        'subjectId',
        `unknown entity id "${topic.subjectId}"`,
        'topic',
      );
    }
    for (const [i, rule] of topic.rules.entries()) {
      for (const id of [...(rule.entities ?? []), ...(rule.subjectId ? [rule.subjectId] : [])]) {
        if (!byId.has(id)) {
          throw new PackInputError(file, where, `rules.${i}`, `unknown entity id "${id}"`, 'topic');
        }
      }
      for (const re of [...(rule.words ?? []), rule.before, rule.after]) {
        if (re === undefined) continue;
        try {
          new RegExp(re, 'iu');
        } catch (e) {
          throw new PackInputError(file, where, `rules.${i}`, (e as Error).message, 'topic');
        }
      }
    }
  }
  for (const [i, wf] of input.topics.wordFigures.entries()) {
    try {
      new RegExp(wf.match, 'gu');
    } catch (e) {
      throw new PackInputError(file, null, `wordFigures.${i}.match`, (e as Error).message, 'topic');
    }
  }
}
