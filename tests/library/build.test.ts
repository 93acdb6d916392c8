/**
 * One pack from the bundled input and the reader's library, through the same build: the
 * background's rebuild with nothing added is the committed pack; an added article becomes a
 * source with verbatim claims and figures that join the topics; a tracked name becomes a
 * core entity with the claims of every source that names it; removing either takes
 * everything built from it away.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildLibraryPack, TRACKED_DESCRIPTION } from '../../lib/library/build';
import { loadArticleFile } from '../../lib/library/load-files';
import type { Library, TrackedName } from '../../lib/library/types';
import { buildPack } from '../../lib/pack/build';
import { pack as bundled, detectorTables } from '../../lib/pack/bundled';
import { packInput } from '../../lib/pack/bundled-input';

const ROOT = join(import.meta.dirname, '..', '..');
const ADDED_AT = '2025-02-05T10:00:00.000Z';
const article = loadArticleFile(join(ROOT, 'tests/e2e/fixtures/added-article.html'), ADDED_AT);
const brief = loadArticleFile(
  join(ROOT, 'tests/library/fixtures/wire-brief.txt'),
  '2025-02-06T10:00:00.000Z',
);
const kestrel: TrackedName = {
  id: 'mine-kestrel-advisory',
  label: 'Kestrel Advisory',
  kind: 'organization',
  aliases: ['Kestrel'],
  addedAt: ADDED_AT,
};

describe('the background rebuild', () => {
  it('with nothing added is the committed pack, and its tables the committed tables', () => {
    expect(buildPack(packInput)).toEqual(bundled);
    const built = buildLibraryPack(packInput, { sources: [], names: [] });
    expect(built.pack).toEqual(bundled);
    expect(built.tables).toEqual(detectorTables);
  });
});

describe('an added article', () => {
  const { pack } = buildLibraryPack(packInput, { sources: [article], names: [] });
  const mine = pack.sources.find((s) => s.added);

  it('is a sixth source, labelled with its address and when it was added', () => {
    expect(pack.sources).toHaveLength(bundled.sources.length + 1);
    expect(mine).toMatchObject({
      title: 'Cheap AI, costly week: what the DeepSeek shock cost chipmakers',
      outlet: 'Harbour Wire',
      date: '2025-02-03',
      text: article.text,
      added: { url: 'file:///added-article.html', addedAt: ADDED_AT },
    });
  });

  it('gives claims that are verbatim slices of its text', () => {
    const claims = pack.claims.filter((c) => c.sourceId === mine?.id);
    expect(claims.length).toBeGreaterThan(5);
    for (const c of claims) expect(mine?.text.slice(c.start, c.end)).toBe(c.quote);
    const deepseek = claims.filter((c) => c.entityIds.includes('deepseek'));
    expect(deepseek.length).toBeGreaterThan(3);
  });

  it("files its figures under the pack's topics, and the topics' verdicts count them", () => {
    const figures = pack.figures.filter((f) => f.sourceId === mine?.id);
    const topicOf = (text: string) => figures.find((f) => f.text === text)?.topicId;
    expect(topicOf('$589 billion')).toBe('nvidia-market-value-loss');
    expect(topicOf('$5.58 million')).toBe('deepseek-training-cost');
    expect(topicOf('2,048 Nvidia H800 chips')).toBe('training-chips');
    expect(topicOf('about 160 researchers')).toBe('deepseek-team-size');
    const topic = (id: string) => pack.topics.find((t) => t.id === id);
    const before = (id: string) => bundled.topics.find((t) => t.id === id);
    // One source said "about $600 billion"; now "$589 billion" sits beside it: they differ, both can be true.
    expect(before('nvidia-market-value-loss')?.disagree).toBe(false);
    expect(topic('nvidia-market-value-loss')).toMatchObject({ disagree: true, compatible: true });
    // "fewer than 140 people" against "about 160 researchers": they cannot both be true.
    expect(topic('deepseek-team-size')).toMatchObject({ disagree: true, compatible: false });
    for (const f of figures) {
      if (f.topicId) expect(topic(f.topicId)?.figureIds).toContain(f.id);
    }
  });

  it('goes, with everything built from it, when removed', () => {
    const again = buildLibraryPack(packInput, { sources: [], names: [] }).pack;
    expect(again).toEqual(bundled);
  });
});

describe('a tracked name', () => {
  const library: Library = { sources: [article, brief], names: [kestrel] };
  const { pack, tables, skipped } = buildLibraryPack(packInput, library);

  it('is a core entity with the claims of every source that names it', () => {
    const entity = pack.entities.find((e) => e.id === kestrel.id);
    expect(entity).toMatchObject({
      label: 'Kestrel Advisory',
      kind: 'organization',
      tier: 'core',
      aliases: ['Kestrel Advisory', 'Kestrel'],
      description: TRACKED_DESCRIPTION,
    });
    const claims = pack.claims.filter((c) => c.entityIds.includes(kestrel.id));
    expect(new Set(claims.map((c) => c.sourceId)).size).toBe(2);
    expect(claims.map((c) => c.quote)).toContain(
      'Analysts at Kestrel Advisory said the recovery was "a pause, not a verdict."',
    );
  });

  it('is in the detector tables as a core name', () => {
    const row = tables.entities.id.indexOf(kestrel.id);
    expect(row).toBeGreaterThanOrEqual(0);
    expect(tables.entities.tier[row]).toBe('core');
    const written = tables.names.written.filter((_, i) => tables.names.entity[i] === row);
    expect(written).toEqual(expect.arrayContaining(['Kestrel Advisory', 'Kestrel']));
  });

  it('leaves out a form the pack has already, and says so, instead of failing the build', () => {
    const nvidia: TrackedName = {
      ...kestrel,
      id: 'mine-nvidia-corp',
      label: 'Nvidia Corp',
      aliases: ['NVIDIA'],
    };
    const built = buildLibraryPack(packInput, { sources: [], names: [nvidia] });
    expect(built.skipped).toEqual([
      { nameId: 'mine-nvidia-corp', form: 'NVIDIA', ownerId: 'nvidia' },
    ]);
    expect(built.pack.entities.find((e) => e.id === nvidia.id)?.aliases).toEqual(['Nvidia Corp']);
    expect(skipped).toEqual([]);
  });

  it('goes from every claim and from the tables when untracked', () => {
    const without = buildLibraryPack(packInput, { ...library, names: [] });
    expect(without.pack.entities.some((e) => e.id === kestrel.id)).toBe(false);
    expect(without.pack.claims.some((c) => c.entityIds.includes(kestrel.id))).toBe(false);
    expect(without.tables.entities.id).not.toContain(kestrel.id);
  });
});
