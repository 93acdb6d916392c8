/**
 * The detector: text in, the pack's names and figures out, with offsets into the text as
 * given. Pure TypeScript, shared by the content script and the `scan` command.
 */
import type { DetectorPack } from '../pack/types';
import { compileTables } from './compile';
import { prepareDetector } from './prepare';
import type { Detector, DetectorOptions } from './types';

export { compileTables } from './compile';
export { prepareDetector } from './prepare';
export { gateMatches } from './select';
export type { DetectorTables } from './tables';
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
 * `createDetector` in steps. A page compiles the bundled pack's tables instead
 * (`compileTables`): `npm run pack` prepares them, so they cost the page nothing.
 */
export function* compileDetector(
  pack: DetectorPack,
  options: DetectorOptions = {},
): Generator<void, Detector, undefined> {
  const tables = prepareDetector(pack);
  yield;
  return yield* compileTables(tables, options);
}
