/**
 * The automaton's plan (automaton-plan.ts) as plain JSON, shipped with the detector
 * tables: `npm run pack` writes it for the bundled pack and the library build for the
 * reader's, so a page takes it in as arrays (JSON and typed-array copies are native code)
 * instead of building the trie and its failure links in script, cold (a few ms, issue 15).
 */
import { type AutomatonPlan, SEP_SYM } from './automaton-plan';

/** Bumped when the layout changes: a plan of another format is not read. */
const FORMAT = 1;

/** What the tables hold: the plan's arrays as JSON arrays. */
export interface PlanJson {
  format: number;
  width: number;
  acceptIndex: number;
  letters: number[];
  fail: number[];
  kidFrom: number[];
  kidSym: number[];
  kidTo: number[];
  outStart: number[];
  outIds: number[];
  lengths: number[];
  /** States entered by a separator (`AutomatonPlan.viaSep` as a list). */
  sepStates: number[];
}

export function encodePlan(plan: AutomatonPlan): PlanJson {
  const sepStates: number[] = [];
  for (let i = 0; i < plan.kidSym.length; i++) {
    if (plan.kidSym[i] === SEP_SYM) sepStates.push(plan.kidTo[i] as number);
  }
  return {
    format: FORMAT,
    width: plan.width,
    acceptIndex: plan.acceptIndex,
    letters: [...plan.letters],
    fail: [...plan.fail],
    kidFrom: [...plan.kidFrom],
    kidSym: [...plan.kidSym],
    kidTo: [...plan.kidTo],
    outStart: [...plan.outStart],
    outIds: [...plan.outIds],
    lengths: [...plan.lengths],
    sepStates,
  };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** Items compared per native call: `Math.min.apply` takes its arguments on the stack. */
const CHUNK = 8192;

/**
 * The array as Int32Array, or null unless every item is a number in [0, below): whatever
 * the tables hold, no index goes outside the arrays. Checked with `Math.min`/`Math.max`
 * on the arrays as parsed (native); a loop over ten thousand items in cold script took
 * 2 to 3 ms on a page, and spreading a typed array is slower still.
 */
function ints(value: unknown, below: number): Int32Array | null {
  if (!Array.isArray(value)) return null;
  for (let i = 0; i < value.length; i += CHUNK) {
    const part = value.length <= CHUNK ? value : value.slice(i, i + CHUNK);
    // NaN (anything not a number) fails both tests.
    if (!(Math.min.apply(null, part) >= 0) || !(Math.max.apply(null, part) < below)) return null;
  }
  return Int32Array.from(value);
}

/** Offsets from 0 to `total` (within bounds: `ints` checked the rest). */
function offsets(list: Int32Array | null, total: number): boolean {
  return list !== null && list[0] === 0 && list[list.length - 1] === total;
}

/**
 * The plan the tables hold, for `patterns` keys; null when it is of another format or does
 * not hold together (tables from storage are never trusted to index arrays).
 */
export function decodePlan(value: unknown, patterns: number): AutomatonPlan | null {
  if (!isObject(value) || value.format !== FORMAT) return null;
  const { width, acceptIndex } = value;
  if (!Number.isInteger(width) || !Number.isInteger(acceptIndex) || !Array.isArray(value.fail)) {
    return null;
  }
  const count = value.fail.length;
  const w = width as number;
  const fail = ints(value.fail, count);
  const kidFrom = ints(value.kidFrom, count + 1);
  const kidSym = ints(value.kidSym, w);
  const kidTo = ints(value.kidTo, count);
  const outStart = ints(value.outStart, 2 ** 31 - 1);
  const outIds = ints(value.outIds, patterns);
  const lengths = ints(value.lengths, 2 ** 31 - 1);
  const letters = ints(value.letters, 0x10000);
  const sepStates = ints(value.sepStates, count);
  if (
    count === 0 ||
    (acceptIndex as number) < 1 ||
    (acceptIndex as number) > count ||
    fail === null ||
    kidSym === null ||
    kidTo === null ||
    kidTo.length !== kidSym.length ||
    outIds === null ||
    lengths === null ||
    lengths.length !== patterns ||
    letters === null ||
    letters.length % 2 !== 0 ||
    sepStates === null ||
    kidFrom?.length !== count + 1 ||
    outStart?.length !== count + 1 ||
    !offsets(kidFrom, kidSym.length) ||
    !offsets(outStart, outIds.length)
  ) {
    return null;
  }
  for (let i = 1; i < letters.length; i += 2) if ((letters[i] as number) >= w) return null;
  const viaSep = new Uint8Array(count);
  for (const s of sepStates) viaSep[s] = 1;
  return {
    width: w,
    letters,
    acceptIndex: acceptIndex as number,
    fail,
    kidFrom,
    kidSym,
    kidTo,
    outStart,
    outIds,
    lengths,
    viaSep,
  };
}
