/**
 * The detector: text in, the pack's names and figures out, with offsets into the text as
 * given. Pure TypeScript, shared by the content script and the `scan` command.
 */
import type { DetectorPack } from '../pack/types';
import { compileFigures } from './figures';
import { compileNamesInSteps } from './names';
import { gateMatches, mergeMatches, selectMatches } from './select';
import type { Detector, DetectorOptions, Match } from './types';

export { gateMatches } from './select';
export type { Detector, DetectorOptions, Match } from './types';

/** Compiles the pack once; the returned detector is cheap to call on any number of texts. */
export function createDetector(pack: DetectorPack, options: DetectorOptions = {}): Detector {
  const steps = compileDetector(pack, options);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * `createDetector` as a few steps of a few ms each: a page can build the detector between
 * its own tasks instead of in one long one.
 */
export function* compileDetector(
  pack: DetectorPack,
  options: DetectorOptions = {},
): Generator<void, Detector, undefined> {
  const figures = compileFigures(pack);
  yield;
  const names = yield* compileNamesInSteps(pack.entities, figures.words);
  const gating = options.gating !== false;

  function detectAll(text: string): Match[] {
    if (typeof text !== 'string' || text.length === 0) return [];
    try {
      const found: Match[] = [];
      const figs: Match[] = [];
      const scan = names.find(text);
      for (const h of scan.names) {
        const e = pack.entities[h.entity];
        if (!e) continue;
        found.push({
          start: h.start,
          end: h.end,
          text: text.slice(h.start, h.end),
          kind: 'entity',
          id: e.id,
          label: e.label,
          entityKind: e.kind,
          // A weak alias ("R1", "Liang") alone does not make a page about DeepSeek.
          tier: h.weak ? 'context' : e.tier,
        });
      }
      for (const f of figures.find(
        text,
        scan.words.sort((a, b) => a - b),
      )) {
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
