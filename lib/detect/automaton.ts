/**
 * A multi-pattern matcher: an Aho-Corasick automaton run as a DFA on typed arrays. One
 * RegExp alternation of all aliases stops being optimised by V8 past about 20 KB of source
 * (RECIPES.md); this walks each code unit once, whatever the alias count.
 *
 * It reads the original string directly: a per-code-unit table folds case, drops soft
 * hyphens and zero-width characters, and turns spaces and dashes into one separator symbol
 * (runs collapse to one), exactly as `normalize` does; match starts are recovered by
 * walking back over the original text, so no normalised copy of a page is ever built.
 *
 * The trie and its failure links are planned apart (automaton-plan.ts, shipped prepared
 * with the tables); a state's DFA row is filled the first time the scan enters it.
 */
import {
  type AutomatonPlan,
  OTHER_SYM,
  planAutomatonInSteps,
  SEP_SYM,
  SKIP_SYM,
  symbolsOf,
} from './automaton-plan';
import { isWordChar } from './chars';

export interface Automaton {
  /** Code unit -> symbol. */
  symbols: Uint16Array;
  /** Alphabet size. */
  width: number;
  /**
   * Transitions, row by row; the scan's state is the offset of its row. Rows are given out
   * as states are first entered, in two runs (states without output from the start, those
   * with output from `acceptFrom`), so the rows a page fills lie together in memory: the
   * table's pages are touched only where used. An entry below zero is `~state` of a state
   * whose row is not filled yet (`enter`).
   */
  delta: Int32Array;
  /** Row offset of the first state with output; every later row has output too. */
  acceptFrom: number;
  /** The state whose row is at each row index (row offset / width). */
  stateAt: Int32Array;
  /** Patterns ending in each state: ids in outIds[outStart[s]..outStart[s+1]). */
  outStart: Int32Array;
  outIds: Int32Array;
  /** Length of each pattern in symbols. */
  lengths: Int32Array;
  /** Per pattern: `WORD_START` / `WORD_END` bits, checked before a hit is reported. */
  edges: Uint8Array;
  /** What fills a row on first entry. */
  plan: AutomatonPlan;
  /** Per state: the offset of its row, -1 until it is filled. */
  rowOf: Int32Array;
  /** The next free row index without output, and with. */
  nextRow: number;
  nextAcceptRow: number;
  /** Per state: its transition on a separator before the run rule (see `fillRow`). */
  sepTo: Int32Array;
}

/** The pattern may not follow a letter or digit of a spaced script. */
export const WORD_START = 1;
/** The pattern may not be followed by a letter or digit of a spaced script. */
export const WORD_END = 2;

/**
 * Compiles the keys; pattern id = index in `keys`. Empty keys never match. `edges` (per
 * key, `WORD_START | WORD_END`) drops hits glued to a word before they cost anything:
 * "us" inside "because" is most of what a short alias would otherwise report.
 */
export function buildAutomaton(keys: readonly string[], edges?: ArrayLike<number>): Automaton {
  const steps = buildAutomatonInSteps(keys, edges);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** `buildAutomaton` in steps (the trie, then its links), for callers that slice work. */
export function* buildAutomatonInSteps(
  keys: readonly string[],
  edges?: ArrayLike<number>,
): Generator<void, Automaton, undefined> {
  const plan = yield* planAutomatonInSteps(keys);
  return automatonFrom(plan, edges);
}

/** The automaton a plan stands for (`edges` per pattern, as `buildAutomaton`); no row filled yet. */
export function automatonFrom(plan: AutomatonPlan, edges?: ArrayLike<number>): Automaton {
  const { width, fail } = plan;
  const count = fail.length;
  const a: Automaton = {
    symbols: symbolsOf(plan),
    width,
    delta: new Int32Array(count * width),
    acceptFrom: plan.acceptIndex * width,
    stateAt: new Int32Array(count),
    outStart: plan.outStart,
    outIds: plan.outIds,
    lengths: plan.lengths,
    edges: Uint8Array.from(plan.lengths, (_n, i) => edges?.[i] ?? 0),
    plan,
    rowOf: new Int32Array(count).fill(-1),
    nextRow: 0,
    nextAcceptRow: plan.acceptIndex,
    sepTo: new Int32Array(count),
  };
  fillRow(a, 0);
  return a;
}

/** A state as an entry of another row: its row's offset, or `~state` until it is filled. */
function entryFor(a: Automaton, state: number): number {
  const row = a.rowOf[state] as number;
  return row >= 0 ? row : ~state;
}

/**
 * Fills a state's row: a copy of its failure state's row (filled first: it is shallower),
 * then its own children. Normalisation lives in the transitions, so the scan has no
 * branches for it: an unknown character returns to the root, a skipped one stays put,
 * and a separator after a separator stays put (runs of spaces and dashes are one).
 */
function fillRow(a: Automaton, state: number): number {
  const known = a.rowOf[state] as number;
  if (known >= 0) return known;
  const { delta, width, plan } = a;
  const f = plan.fail[state] as number;
  // The root (state 0) is its own failure state, and has no output.
  const from = state !== 0 ? fillRow(a, f) : -1;
  const index = state < plan.acceptIndex ? a.nextRow++ : a.nextAcceptRow++;
  const row = index * width;
  a.rowOf[state] = row;
  a.stateAt[index] = state;
  let sepTo = 0;
  if (from >= 0) {
    delta.copyWithin(row, from, from + width);
    sepTo = a.sepTo[f] as number;
  }
  for (let i = plan.kidFrom[state] as number; i < (plan.kidFrom[state + 1] as number); i++) {
    const sym = plan.kidSym[i] as number;
    const to = entryFor(a, plan.kidTo[i] as number);
    delta[row + sym] = to;
    if (sym === SEP_SYM) sepTo = to;
  }
  a.sepTo[state] = sepTo;
  delta[row + OTHER_SYM] = 0;
  delta[row + SKIP_SYM] = row;
  delta[row + SEP_SYM] = plan.viaSep[state] === 1 ? row : sepTo;
  return row;
}

/** The scan's way into a state whose row is not filled yet: fills it, and mends the entry. */
function enter(a: Automaton, at: number, entry: number): number {
  const row = fillRow(a, ~entry);
  a.delta[at] = row;
  return row;
}

/**
 * Every occurrence of every pattern, overlapping ones included, as flat triples
 * `[start, end, id, ...]` in order of `end`. Offsets are into `text` as given.
 */
export function scanAll(a: Automaton, text: string): number[] {
  const { symbols, delta, acceptFrom, width, stateAt, outStart, outIds, edges, lengths } = a;
  const found: number[] = [];
  const n = text.length;
  let state = 0;
  for (let i = 0; i < n; i++) {
    const sym = symbols[text.charCodeAt(i)] as number;
    const at = state + sym;
    state = delta[at] as number;
    if (state < 0) state = enter(a, at, state);
    // A skipped unit leaves the state as it was: its output was reported already.
    if (state >= acceptFrom && sym !== SKIP_SYM) {
      const s = stateAt[state / width] as number;
      for (let k = outStart[s] as number; k < (outStart[s + 1] as number); k++) {
        const id = outIds[k] as number;
        const edge = edges[id] as number;
        if ((edge & WORD_END) !== 0 && i + 1 < n && isWordChar(text.charCodeAt(i + 1))) continue;
        const start = startOf(a, text, i, lengths[id] as number);
        if ((edge & WORD_START) !== 0 && start > 0 && isWordChar(text.charCodeAt(start - 1))) {
          continue;
        }
        found.push(start, i + 1, id);
      }
    }
  }
  return found;
}

/** Where a match of `len` symbols ending at code unit `last` starts in the original text. */
function startOf(a: Automaton, text: string, last: number, len: number): number {
  let left = len;
  let p = last;
  let start = last;
  while (p >= 0 && left > 0) {
    const sym = a.symbols[text.charCodeAt(p)] as number;
    if (sym === SKIP_SYM) {
      p--;
      continue;
    }
    if (sym === SEP_SYM) {
      // A run of separators (with skipped units inside) is one symbol.
      while (p >= 0) {
        const s = a.symbols[text.charCodeAt(p)] as number;
        if (s !== SEP_SYM && s !== SKIP_SYM) break;
        p--;
      }
      left--;
      continue;
    }
    start = p;
    left--;
    p--;
  }
  return start;
}
