/**
 * The automaton's plan (automaton-plan.ts) as one short string, shipped with the detector
 * tables: `npm run pack` writes it for the bundled pack and the library build for the
 * reader's, so a page decodes it (a fraction of a millisecond) instead of building the
 * trie and its failure links (a few ms cold, issue 15). Each array is a run of
 * variable-length base-64 digits, as source maps write numbers (5 bits a digit, the sixth
 * says another follows); arrays are separated by a '.'. Per-state counts stand for the
 * offset arrays, which follow from them.
 */
import type { AutomatonPlan } from './automaton-plan';

const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < DIGITS.length; i++) VALUE[DIGITS.charCodeAt(i)] = i;

/** Bumped when the string's layout changes: a plan of another format is not read. */
const FORMAT = 'p1';

function encodeInts(list: ArrayLike<number>): string {
  let out = '';
  for (let i = 0; i < list.length; i++) {
    let n = list[i] as number;
    if (!(n >= 0) || n > 0x3fffffff) throw new RangeError(`plan: ${n} is not encodable`);
    do {
      let digit = n & 31;
      n >>>= 5;
      if (n > 0) digit |= 32;
      out += DIGITS[digit];
    } while (n > 0);
  }
  return out;
}

/** The numbers of one array, or null when the text is not such a run. */
function decodeInts(text: string): Int32Array | null {
  const out = new Int32Array(text.length);
  let n = 0;
  let value = 0;
  let shift = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const digit = code < 128 ? (VALUE[code] as number) : -1;
    if (digit < 0 || shift > 25) return null;
    value |= (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      out[n++] = value;
      value = 0;
      shift = 0;
    }
  }
  return shift === 0 ? out.slice(0, n) : null;
}

/** Per-state counts from offsets: `from[s + 1] - from[s]`. */
function countsOf(from: Int32Array): Int32Array {
  const out = new Int32Array(from.length - 1);
  for (let s = 0; s < out.length; s++) out[s] = (from[s + 1] as number) - (from[s] as number);
  return out;
}

/** Offsets from per-state counts. */
function offsetsOf(counts: Int32Array): Int32Array {
  const out = new Int32Array(counts.length + 1);
  for (let s = 0; s < counts.length; s++) out[s + 1] = (out[s] as number) + (counts[s] as number);
  return out;
}

export function encodePlan(plan: AutomatonPlan): string {
  return [
    FORMAT,
    encodeInts([plan.width, plan.acceptIndex]),
    encodeInts(plan.letters),
    encodeInts(plan.fail),
    encodeInts(countsOf(plan.kidFrom)),
    encodeInts(plan.kidSym),
    encodeInts(plan.kidTo),
    encodeInts(countsOf(plan.outStart)),
    encodeInts(plan.outIds),
    encodeInts(plan.lengths),
  ].join('.');
}

const inRange = (list: Int32Array, below: number) => list.every((n) => n < below);

/**
 * The plan a string stands for, for `patterns` keys; null when it is of another format or
 * does not hold together (a table from storage is never trusted to index arrays).
 */
export function decodePlan(text: unknown, patterns: number): AutomatonPlan | null {
  if (typeof text !== 'string') return null;
  const parts = text.split('.');
  if (parts.length !== 10 || parts[0] !== FORMAT) return null;
  const lists = parts.slice(1).map(decodeInts);
  if (lists.some((l) => l === null)) return null;
  const [head, letters, fail, kidCount, kidSym, kidTo, outCount, outIds, lengths] =
    lists as Int32Array[];
  const [width, acceptIndex] = head as Int32Array;
  if (width === undefined || acceptIndex === undefined) return null;
  const count = (fail as Int32Array).length;
  const kidFrom = offsetsOf(kidCount as Int32Array);
  const outStart = offsetsOf(outCount as Int32Array);
  if (
    count === 0 ||
    acceptIndex > count ||
    (letters as Int32Array).length % 2 !== 0 ||
    (kidCount as Int32Array).length !== count ||
    (outCount as Int32Array).length !== count ||
    kidFrom[count] !== (kidSym as Int32Array).length ||
    (kidTo as Int32Array).length !== (kidSym as Int32Array).length ||
    outStart[count] !== (outIds as Int32Array).length ||
    (lengths as Int32Array).length !== patterns ||
    !inRange(fail as Int32Array, count) ||
    !inRange(kidTo as Int32Array, count) ||
    !inRange(kidSym as Int32Array, width) ||
    !inRange(outIds as Int32Array, patterns) ||
    !(letters as Int32Array).every((n, i) => (i % 2 === 0 ? n < 0x10000 : n < width))
  ) {
    return null;
  }
  return {
    width,
    letters: letters as Int32Array,
    acceptIndex,
    fail: fail as Int32Array,
    kidFrom,
    kidSym: kidSym as Int32Array,
    kidTo: kidTo as Int32Array,
    outStart,
    outIds: outIds as Int32Array,
    lengths: lengths as Int32Array,
  };
}
