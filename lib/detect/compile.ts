/**
 * A detector from its tables (tables.ts): what a page runs. The tables of the bundled pack
 * are prepared at pack time, so this only builds the automaton and a few maps.
 */
import type { EntityKind, Tier } from '../pack/types';
import { compileFigures } from './figures';
import { compileNamesInSteps } from './names';
import { gateMatches, mergeMatches, selectMatches } from './select';
import type { DetectorTables } from './tables';
import type { Detector, DetectorOptions, Match, ScanOptions } from './types';

/**
 * The detector as a few steps of a few ms each: a page can build it between its own tasks
 * instead of in one long one.
 */
export function* compileTables(
  tables: DetectorTables,
  options: DetectorOptions = {},
): Generator<void, Detector, undefined> {
  const { id, label, kind, tier } = tables.entities;
  const figures = compileFigures(tables.figures, id);
  const names = yield* compileNamesInSteps(
    tables.names,
    tier.map((t) => t === 'core'),
  );
  const gating = options.gating !== false;

  function detectAll(text: string, scanOptions: ScanOptions = {}): Match[] {
    if (typeof text !== 'string' || text.length === 0) return [];
    try {
      const found: Match[] = [];
      const figs: Match[] = [];
      const scan = names.find(text);
      for (const h of scan.names) {
        const e = h.entity;
        if (e < 0 || e >= id.length) continue;
        found.push({
          start: h.start,
          end: h.end,
          text: text.slice(h.start, h.end),
          kind: 'entity',
          id: id[e] as string,
          label: label[e] as string,
          entityKind: kind[e] as EntityKind,
          // A weak alias ("R1", "Liang") alone does not make a page about DeepSeek.
          tier: h.weak ? 'context' : (tier[e] as Tier),
        });
      }
      const pageFigures =
        scanOptions.figures === false
          ? []
          : figures.find(
              text,
              scan.words.sort((a, b) => a - b),
              scan,
            );
      for (const f of pageFigures) {
        figs.push({
          start: f.start,
          end: f.end,
          text: text.slice(f.start, f.end),
          kind: 'figure',
          id: f.id,
          label: f.label,
          entityKind: null,
          tier: 'context',
          value: f.value,
          unit: f.unit,
          qualifier: f.qualifier,
          topicId: f.topicId,
          subjectId: f.subjectId,
          verdict: f.verdict,
        });
      }
      return mergeMatches(selectMatches(found), figs);
    } catch {
      // A detector bug must never break a page: mark nothing rather than throw.
      return [];
    }
  }

  return {
    detectAll,
    detect: (text) => (gating ? gateMatches(detectAll(text)) : detectAll(text)),
  };
}
