/**
 * The per-source mention finder finds exactly what the plain one finds, with thousands of
 * entities (where it prefilters): on the vendored sources (glued words, Chinese, curly
 * quotes included) and on a reader's article.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pack } from '../../lib/pack/bundled';
import { createSourceMentionFinder } from '../../lib/pack/mention-prefilter';
import { createMentionFinder } from '../../lib/pack/mentions';
import type { Entity } from '../../lib/pack/types';
import { rng } from '../../scripts/bench-text';

const ROOT = join(import.meta.dirname, '..', '..');

/** 2,000 invented names, some of them written in the texts below. */
function manyEntities(): Entity[] {
  const r = rng(3);
  const syll = 'ka ren to vi sol mar den lu qua xen bor tal'.split(' ');
  const word = () =>
    Array.from({ length: 2 + Math.floor(r() * 2) }, () => syll[Math.floor(r() * syll.length)]).join(
      '',
    );
  const extra: Entity[] = Array.from({ length: 2000 }, (_, i) => ({
    id: `x-${i}`,
    label: `${word()} ${word()}`,
    kind: 'organization',
    tier: 'core',
    basis: [],
    aliases: [`${word()} ${word()}`, ...(i % 5 === 0 ? [word()] : [])],
    aliasRules: {},
    description: 'x',
    related: [],
  }));
  // A few that the article below names, in other case and spacing.
  extra.push(
    {
      ...(extra[0] as Entity),
      id: 'kestrel',
      label: 'Kestrel Advisory',
      aliases: ['Kestrel Advisory', 'Kestrel'],
    },
    { ...(extra[0] as Entity), id: 'zhipu', label: 'Zhipu AI', aliases: ['Zhipu AI', '智谱'] },
  );
  return [...pack.entities, ...extra];
}

describe('createSourceMentionFinder', () => {
  const entities = manyEntities();
  const plain = createMentionFinder(entities);
  const perSource = createSourceMentionFinder(entities);
  const texts = [
    ...pack.sources.map((s) => s.text),
    readFileSync(join(ROOT, 'tests/library/fixtures/wire-brief.txt'), 'utf8'),
    'Kestrel Advisory and KESTREL said so; 智谱 and zhipu ai agreed. DeepSeekhas glued words.',
  ];

  it.each(texts.map((t, i) => [i, t]))(
    'finds the same mentions in text %i, sentence by sentence',
    (_i, text) => {
      const step = 97;
      for (let from = 0; from < text.length; from += step) {
        const to = Math.min(text.length, from + step * 2);
        expect(perSource(text, from, to)).toEqual(plain(text, from, to));
      }
      expect(perSource(text)).toEqual(plain(text));
    },
  );

  it("finds the reader's names at all (the test is not vacuous)", () => {
    const found = perSource(texts.at(-1) as string).map((m) => m.entityId);
    expect(found).toEqual(expect.arrayContaining(['kestrel', 'zhipu']));
  });
});
