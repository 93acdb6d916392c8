/**
 * The page-independent half of the name automaton (automaton.ts): the keys as symbols, the
 * trie, its failure links and each state's patterns, in flat typed arrays. The DFA rows are
 * filled from it lazily, on a page, as the scan first enters each state: most of a pack's
 * states are never entered on a given page, and the dense table (states x alphabet) was a
 * megabyte and a half to allocate and fill on every page (issue 15). `npm run pack` and the
 * library build ship the plan with the tables (`encodePlan`), so a page only decodes it.
 */
import { APOS, CLASSIFIED_CODES, charClass, fold, QUOTE, SEP, SKIP } from './chars';

export const OTHER_SYM = 0;
export const SEP_SYM = 1;
export const APOS_SYM = 2;
export const QUOTE_SYM = 3;
export const SKIP_SYM = 4;
const FIRST_LETTER_SYM = 5;

/**
 * States are numbered so that those with output come last (the scan tests output with one
 * comparison), the root first (it has no output: no key is empty).
 */
export interface AutomatonPlan {
  /** Alphabet size. */
  width: number;
  /** Letters: pairs of (code unit, symbol), beyond the separators every automaton shares. */
  letters: Int32Array;
  /** Number of the first state with output; every later state has output too. */
  acceptIndex: number;
  /** Per state, its failure state (the root's is itself). */
  fail: Int32Array;
  /** Children of state s: `kidSym[i]` -> `kidTo[i]` for i in kidFrom[s]..kidFrom[s + 1]. */
  kidFrom: Int32Array;
  kidSym: Int32Array;
  kidTo: Int32Array;
  /** Patterns ending in state s (its own, then along its failure chain): outIds[outStart[s]..outStart[s+1]). */
  outStart: Int32Array;
  outIds: Int32Array;
  /** Length of each pattern in symbols. */
  lengths: Int32Array;
  /** Per state: 1 when it is entered by a separator. */
  viaSep: Uint8Array;
}

let base: Uint16Array | null = null;

/** The symbols every automaton shares (separators, quotes, skipped units), built once. */
export function baseSymbols(): Uint16Array {
  if (base) return base;
  base = new Uint16Array(0x10000);
  for (const c of CLASSIFIED_CODES) {
    const cls = charClass(c);
    if (cls === SKIP) base[c] = SKIP_SYM;
    else if (cls === SEP) base[c] = SEP_SYM;
    else if (cls === APOS) base[c] = APOS_SYM;
    else if (cls === QUOTE) base[c] = QUOTE_SYM;
  }
  return base;
}

/** Code unit -> symbol for a plan: the shared symbols, then its letters. */
export function symbolsOf(plan: Pick<AutomatonPlan, 'letters'>): Uint16Array {
  const symbols = baseSymbols().slice();
  const { letters } = plan;
  for (let i = 0; i < letters.length; i += 2)
    symbols[letters[i] as number] = letters[i + 1] as number;
  return symbols;
}

/**
 * The keys as symbols, one flat array: key `id` is `syms[from[id]..from[id + 1])`. Keys
 * are folded and normalised as `normalize` does, separators as one `SEP_SYM` and never at
 * either end. New letters get the next symbol, with their upper case and the key's own
 * form sharing it.
 */
function symbolize(keys: readonly string[]): {
  syms: Int32Array;
  from: Int32Array;
  width: number;
  letters: number[];
} {
  const symbols = baseSymbols().slice();
  const letters: number[] = [];
  const assign = (code: number, sym: number) => {
    if (symbols[code] === sym) return;
    symbols[code] = sym;
    letters.push(code, sym);
  };
  let total = 0;
  for (const k of keys) total += k.length;
  const syms = new Int32Array(total);
  const from = new Int32Array(keys.length + 1);
  let width = FIRST_LETTER_SYM;
  let n = 0;
  for (let id = 0; id < keys.length; id++) {
    const key = keys[id] as string;
    from[id] = n;
    let sep = false;
    for (let i = 0; i < key.length; i++) {
      const code = key.charCodeAt(i);
      const cls = charClass(code);
      if (cls === SKIP) continue;
      if (cls === SEP) {
        // Only between symbols: a run is one, and none leads or trails.
        sep = n > (from[id] as number);
        continue;
      }
      if (sep) {
        syms[n++] = SEP_SYM;
        sep = false;
      }
      if (cls === APOS) syms[n++] = APOS_SYM;
      else if (cls === QUOTE) syms[n++] = QUOTE_SYM;
      else {
        const lower = fold(code);
        let sym = symbols[lower] as number;
        if (sym === OTHER_SYM) {
          sym = width++;
          assign(lower, sym);
          const upper = String.fromCharCode(lower).toUpperCase();
          if (upper.length === 1) assign(upper.charCodeAt(0), sym);
          if (code !== lower) assign(code, sym);
        }
        syms[n++] = sym;
      }
    }
  }
  from[keys.length] = n;
  return { syms, from, width, letters };
}

/**
 * The trie's transitions, `state * width + symbol` -> child state, as an open-addressing
 * hash on typed arrays: a dense table would be states x alphabet; a Map is slow to fill cold.
 */
interface Edges {
  keys: Int32Array;
  values: Int32Array;
  mask: number;
  shift: number;
}

const HASH = 0x9e3779b1;

function newEdges(most: number): Edges {
  let bits = 4;
  while (1 << bits < most * 2) bits++;
  const size = 1 << bits;
  return {
    keys: new Int32Array(size).fill(-1),
    values: new Int32Array(size),
    mask: size - 1,
    shift: 32 - bits,
  };
}

/**
 * Where `key` is, or the empty slot where it would go (`keys[slot] === -1`). Fibonacci
 * hashing: the top bits of the product, which every bit of the key moves.
 */
function slotOf(e: Edges, key: number): number {
  const { keys, mask } = e;
  let i = Math.imul(key, HASH) >>> e.shift;
  for (let k = keys[i]; k !== key && k !== -1; k = keys[i]) i = (i + 1) & mask;
  return i;
}

/** The child of a state by a symbol, 0 when it has none (the root is nobody's child). */
function childOf(e: Edges, key: number): number {
  return e.values[slotOf(e, key)] as number;
}

/** `planAutomatonInSteps` at once. */
export function planAutomaton(keys: readonly string[]): AutomatonPlan {
  const steps = planAutomatonInSteps(keys);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * The plan for `keys` (pattern id = index; empty keys never match), in two steps (the
 * trie, then failure links and numbering) for callers that slice work.
 */
export function* planAutomatonInSteps(
  keys: readonly string[],
): Generator<void, AutomatonPlan, undefined> {
  const { syms, from, width, letters } = symbolize(keys);
  const patterns = keys.length;
  // At most one state per symbol of a key, so the trie's tables are sized to that bound.
  const most = syms.length + 1;
  const child = newEdges(most);
  // Children of a state in the order they were added: first, next sibling, last.
  const firstKid = new Int32Array(most).fill(-1);
  const lastKid = new Int32Array(most);
  const nextKid = new Int32Array(most).fill(-1);
  const symOf = new Int32Array(most);
  // Patterns ending in a state, in id order: first, next (by pattern id), last.
  const firstOwn = new Int32Array(most).fill(-1);
  const lastOwn = new Int32Array(most);
  const nextOwn = new Int32Array(patterns).fill(-1);
  const ownCount = new Int32Array(most);
  let count = 1;
  for (let id = 0; id < patterns; id++) {
    const end = from[id + 1] as number;
    if (end === from[id]) continue;
    let s = 0;
    for (let k = from[id] as number; k < end; k++) {
      const sym = syms[k] as number;
      const key = s * width + sym;
      const slot = slotOf(child, key);
      let t = child.values[slot] as number;
      if (t === 0) {
        t = count++;
        child.keys[slot] = key;
        child.values[slot] = t;
        symOf[t] = sym;
        if (firstKid[s] === -1) firstKid[s] = t;
        else nextKid[lastKid[s] as number] = t;
        lastKid[s] = t;
      }
      s = t;
    }
    if (firstOwn[s] === -1) firstOwn[s] = id;
    else nextOwn[lastOwn[s] as number] = id;
    lastOwn[s] = id;
    ownCount[s] = (ownCount[s] as number) + 1;
  }

  yield;
  // Failure links, in BFS order (a state's fail is shallower, so done); with them, how
  // many patterns end in each state, its own and those along its failure chain.
  const fail = new Int32Array(count);
  const order = new Int32Array(count);
  const outCount = new Int32Array(count);
  let head = 0;
  let tail = 0;
  for (let t = firstKid[0] as number; t !== -1; t = nextKid[t] as number) order[tail++] = t;
  while (head < tail) {
    const s = order[head++] as number;
    outCount[s] = (ownCount[s] as number) + (outCount[fail[s] as number] as number);
    for (let t = firstKid[s] as number; t !== -1; t = nextKid[t] as number) {
      const sym = symOf[t] as number;
      let f = fail[s] as number;
      let g = childOf(child, f * width + sym);
      while (g === 0 && f !== 0) {
        f = fail[f] as number;
        g = childOf(child, f * width + sym);
      }
      fail[t] = g;
      order[tail++] = t;
    }
  }

  // Numbered so that states with output come last; the root (no output) stays 0.
  const rank = new Int32Array(count);
  let r = 0;
  for (let s = 0; s < count; s++) if (outCount[s] === 0) rank[s] = r++;
  const acceptIndex = r;
  for (let s = 0; s < count; s++) if ((outCount[s] as number) > 0) rank[s] = r++;
  const byRank = new Int32Array(count);
  for (let s = 0; s < count; s++) byRank[rank[s] as number] = s;

  const failByRank = new Int32Array(count);
  const kidFrom = new Int32Array(count + 1);
  const kidSym = new Int32Array(Math.max(0, count - 1));
  const kidTo = new Int32Array(Math.max(0, count - 1));
  const outStart = new Int32Array(count + 1);
  let kids = 0;
  let total = 0;
  for (let k = 0; k < count; k++) {
    const s = byRank[k] as number;
    failByRank[k] = rank[fail[s] as number] as number;
    kidFrom[k] = kids;
    for (let t = firstKid[s] as number; t !== -1; t = nextKid[t] as number) {
      kidSym[kids] = symOf[t] as number;
      kidTo[kids++] = rank[t] as number;
    }
    outStart[k] = total;
    total += outCount[s] as number;
  }
  kidFrom[count] = kids;
  outStart[count] = total;
  // Each accepting state's patterns: its own, then along its failure chain.
  const outIds = new Int32Array(total);
  let at = 0;
  for (let k = acceptIndex; k < count; k++) {
    for (let s = byRank[k] as number; s !== 0; s = fail[s] as number) {
      for (let id = firstOwn[s] as number; id !== -1; id = nextOwn[id] as number) outIds[at++] = id;
    }
  }
  const lengths = new Int32Array(patterns);
  for (let id = 0; id < patterns; id++)
    lengths[id] = (from[id + 1] as number) - (from[id] as number);
  const viaSep = new Uint8Array(count);
  for (let i = 0; i < kids; i++) if (kidSym[i] === SEP_SYM) viaSep[kidTo[i] as number] = 1;
  return {
    viaSep,
    width,
    letters: Int32Array.from(letters),
    acceptIndex,
    fail: failByRank,
    kidFrom,
    kidSym,
    kidTo,
    outStart,
    outIds,
    lengths,
  };
}
