/**
 * The tables the content script ships (lib/pack/generated/detect-tables.json) make the
 * same detector as the pack they were prepared from.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileTables } from '../../lib/detect/compile';
import { createDetector, prepareDetector } from '../../lib/detect/index';
import type { DetectorTables } from '../../lib/detect/tables';
import type { Detector, DetectorOptions } from '../../lib/detect/types';
import { detectorPack, detectorTables } from '../../lib/pack/bundled';
import { fixturePack } from './fixtures/pack';

function fromTables(tables: DetectorTables, options?: DetectorOptions): Detector {
  const steps = compileTables(tables, options);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** What a page would see: the tables after a trip through JSON. */
const shipped = (tables: DetectorTables) => JSON.parse(JSON.stringify(tables)) as DetectorTables;

const sources = readFileSync(
  join(import.meta.dirname, '../../data/sources/000_bd6d019c7dd83926.txt'),
  'utf8',
);
const texts = [
  'LIANG Wenfeng and Liang Wenfeng of DeepSeek; liang wenfeng; Deepseek and deepseek.',
  'DeepSeek released R1 and V3, not V3.5 or r1. 50,000 H100s, an H800, A100 chips.',
  '由梁文锋创立的深度求索公司与幻方量化, Highflyer, High-Flyer and High Flyer Quant',
  'DeepSeek trained it for two months on 2,048 chips for $5.6 million; a billion dollars.',
  'Press X to win an Apple, read Nature, hear Bernstein; a Meta-analysis; Li and Lee.',
  'DeepSeek posted on X; the Apple App Store; Nature; Bernstein analysts; Ernie Bot; Meta',
  sources,
];

describe('detector tables', () => {
  it('are committed as prepared from the bundled detector pack now', () => {
    expect(detectorTables).toEqual(prepareDetector(detectorPack));
  });

  it.each([{}, { gating: false }])('make the same detector as the real pack (%j)', (options) => {
    const fromPack = createDetector(detectorPack, options);
    const page = fromTables(shipped(detectorTables), options);
    const aliases = detectorPack.entities.flatMap((e) => e.aliases).join(' said; ');
    for (const text of [...texts, `DeepSeek said ${aliases}.`]) {
      const expected = fromPack.detect(text);
      expect(page.detect(text)).toEqual(expected);
      expect(page.detectAll(text)).toEqual(fromPack.detectAll(text));
    }
    expect(fromPack.detect(sources).length).toBeGreaterThan(40);
  });

  it('make the same detector as the fixture pack', () => {
    const fromPack = createDetector(fixturePack, { gating: false });
    const page = fromTables(shipped(prepareDetector(fixturePack)), { gating: false });
    for (const text of texts) expect(page.detect(text)).toEqual(fromPack.detect(text));
  });

  it('hold each distinct written form once, number words then topic words after the aliases', () => {
    const { written, entity, flags } = detectorTables.names;
    expect(new Set(written).size).toBe(written.length);
    expect(entity).toHaveLength(written.length);
    expect(flags).toHaveLength(written.length);
    const firstWord = entity.indexOf(-1);
    const firstTopicWord = entity.indexOf(-2);
    expect(firstWord).toBeGreaterThan(0);
    expect(firstTopicWord).toBeGreaterThan(firstWord);
    expect(entity.slice(firstWord, firstTopicWord).every((e) => e === -1)).toBe(true);
    expect(entity.slice(firstTopicWord).every((e) => e === -2)).toBe(true);
    expect(written.slice(firstWord, firstTopicWord)).toEqual(detectorTables.figures.words);
    // Month names and ordinals, for the topics that measure dates and ranks
    expect(written.slice(firstTopicWord)).toEqual(detectorTables.figures.topics?.words);
    expect(written.slice(firstTopicWord)).toEqual(expect.arrayContaining(['January', 'sixth']));
  });
});
