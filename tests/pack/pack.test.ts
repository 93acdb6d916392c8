import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareDetector } from '../../lib/detect/prepare';
import { toDetectorPack } from '../../lib/pack/build';
import { detectorPack, pack } from '../../lib/pack/bundled';
import { DETECT_JSON, PACK_JSON, TABLES_JSON } from '../../lib/pack/paths';
import { stableJson } from '../../lib/pack/serialize';
import { ENTITY_KINDS } from '../../lib/pack/types';
import { freshPack, ROOT } from './helpers';

const sourceText = (id: string) => pack.sources.find((s) => s.id === id)?.text ?? '';

describe('the committed pack', () => {
  it('is what the build makes now, byte for byte, and two builds agree', () => {
    const a = stableJson(freshPack());
    const b = stableJson(freshPack());
    expect(a).toBe(b);
    expect(readFileSync(join(ROOT, PACK_JSON), 'utf8')).toBe(a);
    expect(readFileSync(join(ROOT, DETECT_JSON), 'utf8')).toBe(
      stableJson(toDetectorPack(freshPack())),
    );
    expect(readFileSync(join(ROOT, TABLES_JSON), 'utf8')).toBe(
      stableJson(prepareDetector(toDetectorPack(freshPack()))),
    );
    expect(a.endsWith('}\n')).toBe(true);
  });

  it('carries every source exactly as vendored', () => {
    expect(pack.sources.map((s) => s.file)).toEqual([
      '000_bd6d019c7dd83926.txt',
      '001_26f2138eca27c278.txt',
      '002_f95a344c84f3eb53.txt',
      '003_1d89c171633679ce.txt',
      '004_78f1340a6b633b16.txt',
    ]);
    for (const s of pack.sources) {
      expect(s.text).toBe(readFileSync(join(ROOT, 'data/sources', s.file), 'utf8'));
    }
  });

  it('keeps metadata as printed and null where nothing is printed', () => {
    const [s0, s1, s2, s3, s4] = pack.sources;
    expect(s0).toMatchObject({ date: null, dateAsPrinted: 'Friday, January 31', outlet: null });
    expect(s1).toMatchObject({ date: '2025-01-29', dateAsPrinted: 'Wednesday, January 29, 2025' });
    expect(s2).toMatchObject({ outlet: 'BBC News', byline: 'Fan Wang and João da Silva' });
    expect(s3).toMatchObject({ title: null, date: null, outlet: null, byline: null });
    expect(s4).toMatchObject({ title: null, outlet: 'AsianFin' });
  });

  it('quotes every claim verbatim from its source', () => {
    expect(pack.claims.length).toBeGreaterThan(150);
    for (const c of pack.claims) {
      expect(c.quote).toBe(sourceText(c.sourceId).slice(c.start, c.end));
      expect(c.quote.trim()).toBe(c.quote);
    }
  });

  it('gives every figure its verbatim text, its claim, and a claim that contains it', () => {
    const claims = new Map(pack.claims.map((c) => [c.id, c]));
    for (const f of pack.figures) {
      expect(f.text).toBe(sourceText(f.sourceId).slice(f.start, f.end));
      const claim = claims.get(f.claimId);
      expect(claim?.sourceId).toBe(f.sourceId);
      expect(f.start).toBeGreaterThanOrEqual(claim?.start ?? Number.NaN);
      expect(f.end).toBeLessThanOrEqual(claim?.end ?? Number.NaN);
    }
  });

  it('never quotes a line the cleaning rules dropped', () => {
    for (const s of pack.sources) {
      for (const x of s.excluded ?? []) {
        for (const c of pack.claims.filter((c) => c.sourceId === s.id)) {
          expect(c.end <= x.start || c.start >= x.end, `${c.id} overlaps ${x.rule}`).toBe(true);
        }
      }
    }
  });
});

describe('entities', () => {
  const ids = new Set(pack.entities.map((e) => e.id));

  it('are at least 60, well formed, with existing related ids', () => {
    expect(pack.entities.length).toBeGreaterThanOrEqual(60);
    for (const e of pack.entities) {
      expect(ENTITY_KINDS).toContain(e.kind);
      expect(['core', 'context']).toContain(e.tier);
      expect(e.aliases[0]).toBe(e.label);
      expect(e.description.length).toBeGreaterThan(10);
      for (const r of e.related) expect(ids.has(r), `${e.id} -> ${r}`).toBe(true);
    }
  });

  it('each have at least one claim, but the byline and outlet names, which are metadata', () => {
    const claimed = new Set(pack.claims.flatMap((c) => c.entityIds));
    expect(pack.entities.filter((e) => !claimed.has(e.id)).map((e) => e.id)).toEqual([
      'asianfin', // "AsianFin --", the credit before s004's first sentence
      'bbc-news', // s002's outlet line
      'fan-wang', // s002's byline
      'joao-da-silva',
    ]);
    const printed = pack.sources.flatMap((s) => [s.outlet ?? '', s.byline ?? '']).join(' ');
    for (const id of ['asianfin', 'bbc-news', 'fan-wang', 'joao-da-silva']) {
      const e = pack.entities.find((x) => x.id === id);
      expect(printed).toContain(e?.label);
    }
  });

  it('cover every kind the sources name', () => {
    const kinds = new Set(pack.entities.map((e) => e.kind));
    for (const k of [
      'person',
      'organization',
      'model',
      'product',
      'chip',
      'place',
      'publication',
    ]) {
      expect(kinds.has(k as never), k).toBe(true);
    }
  });

  const REQUIRED_ALIASES: [string, string[]][] = [
    ['deepseek', ['DeepSeek', 'Deepsek', 'Depseek', 'Deepseeka', '深度求索']],
    ['liang-wenfeng', ['Liang Wenfeng', 'Liang Weenfeng', 'Liang Wenfung', '梁文锋', '梁文鋒']],
    [
      'high-flyer',
      ['High-Flyer', 'High Flyer', 'High-Flyer Quant', 'High Flyer Quant', '幻方', '幻方量化'],
    ],
    ['deepseek-r1', ['DeepSeek-R1', 'DeepSeek R1', 'R1']],
    ['deepseek-v3', ['DeepSeek-V3', 'V3']],
    ['baidu', ['Baid']],
    ['bytedance', ['Byttenten']],
    ['tiktok', ['Tictoka']],
    ['weibo', ['Weib']],
    ['36kr', ['36Kr', '36K', '36kr']],
    ['xi-jinping', ['XI Jinping']],
  ];
  it.each(REQUIRED_ALIASES)('%s has the aliases the sources use', (id, aliases) => {
    const entity = pack.entities.find((e) => e.id === id);
    for (const a of aliases) expect(entity?.aliases).toContain(a);
  });

  it.each(['R1', 'V3', 'o1', 'Meta', 'Nature', 'Apple', 'Bernstein', 'Ernie', 'Google', 'X'])(
    'short or common alias %s only matches its exact case',
    (alias) => {
      const entity = pack.entities.find((e) => e.aliases.includes(alias));
      expect(entity?.aliasRules[alias]?.case).toBe('sensitive');
    },
  );

  it('puts DeepSeek, its founder, fund, models and app in the core tier', () => {
    const core = pack.entities.filter((e) => e.tier === 'core').map((e) => e.id);
    expect(core.sort()).toEqual(
      [
        'deepseek',
        'deepseek-app',
        'deepseek-r1',
        'deepseek-v3',
        'high-flyer',
        'liang-wenfeng',
      ].sort(),
    );
  });
});

describe('the detector pack', () => {
  it('is the slim projection of the full pack, with no quotes or source text', () => {
    expect(detectorPack).toEqual(toDetectorPack(pack));
    const json = JSON.stringify(detectorPack);
    expect(json).not.toContain('"quote"');
    expect(json).not.toContain('"text"');
  });
});
