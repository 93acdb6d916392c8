/**
 * The bundled pack's build input (`loadPackInput` of data/, written by `npm run pack` as
 * generated/input.json): the background rebuilds the pack from it with the reader's own
 * sources and names (lib/library/build.ts), through the same `buildPack`. Background only:
 * it holds every source text and the whole catalog.
 */
import inputJson from './generated/input.json';
import type { PackInput } from './load';

// JSON imports widen literal unions (kind, tier) to string; `npm run pack` validated them.
export const packInput: PackInput = inputJson as PackInput;
