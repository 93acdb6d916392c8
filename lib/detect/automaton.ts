/**
 * A multi-pattern matcher: an Aho-Corasick automaton compiled to a dense DFA on typed
 * arrays. One RegExp alternation of all aliases stops being optimised by V8 past about
 * 20 KB of source (RECIPES.md); this walks each code unit once, whatever the alias count.
 *
 * It reads the original string directly: a per-code-unit table folds case, drops soft
 * hyphens and zero-width characters, and turns spaces and dashes into one separator symbol
 * (runs collapse to one), exactly as `normalize` does; match starts are recovered by
 * walking back over the original text, so no normalised copy of a page is ever built.
 */
import { APOS, CLASSIFIED_CODES, charClass, fold, isWordChar, QUOTE, SEP, SKIP } from './chars';

const OTHER_SYM = 0;
const SEP_SYM = 1;
const APOS_SYM = 2;
const QUOTE_SYM = 3;
const SKIP_SYM = 4;
const FIRST_LETTER_SYM = 5;

export interface Automaton {
  /** Code unit -> symbol. */
  symbols: Uint16Array;
  /** Alphabet size. */
  width: number;
  /** Transitions; states are stored as row offsets (state * width). */
  delta: Int32Array;
  /** Row offset of the first state with output; every later state has output too. */
  acceptFrom: number;
  /** Patterns ending in each state (by row offset / width): ids in outIds[outStart[s]..outStart[s+1]). */
  outStart: Int32Array;
  outIds: Int32Array;
  /** Length of each pattern in symbols. */
  lengths: Int32Array;
  /** Per pattern: `WORD_START` / `WORD_END` bits, checked before a hit is reported. */
  edges: Uint8Array;
}

/** The pattern may not follow a letter or digit of a spaced script. */
export const WORD_START = 1;
/** The pattern may not be followed by a letter or digit of a spaced script. */
export const WORD_END = 2;

let base: Uint16Array | null = null;

/** The symbols every automaton shares (separators, quotes, skipped units), built once. */
function baseSymbols(): Uint16Array {
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

/**
 * The keys as symbols, one flat array: key `id` is `syms[from[id]..from[id + 1])`. Keys
 * are folded and normalised as `normalize` does, separators as one `SEP_SYM` and never at
 * either end. New letters get the next symbol, with their upper case and the key's own
 * form sharing it.
 */
function symbolize(
  keys: readonly string[],
  symbols: Uint16Array,
): { syms: Int32Array; from: Int32Array; width: number } {
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
          symbols[lower] = sym;
          const upper = String.fromCharCode(lower).toUpperCase();
          if (upper.length === 1) symbols[upper.charCodeAt(0)] = sym;
          if (code !== lower) symbols[code] = sym;
        }
        syms[n++] = sym;
      }
    }
  }
  from[keys.length] = n;
  return { syms, from, width };
}

/**
 * The trie's transitions, `state * width + symbol` -> child state, as an open-addressing
 * hash on typed arrays: a dense table would be states x alphabet, megabytes to fault in on
 * every page; a Map is slow to fill cold.
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

/**
 * `buildAutomaton` in two steps (the trie, then the DFA), for callers that slice work.
 * Built cold on every page, so it runs on typed arrays and linked lists: no Map, no dense
 * trie, and no array per state.
 */
export function* buildAutomatonInSteps(
  keys: readonly string[],
  edges?: ArrayLike<number>,
): Generator<void, Automaton, undefined> {
  const symbols = baseSymbols().slice();
  const { syms, from, width } = symbolize(keys, symbols);
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

  // Numbered so that states with output come last: the hot loop tests output with one
  // comparison. Rows are written in that numbering directly, as row offsets.
  const rank = new Int32Array(count);
  let r = 0;
  for (let s = 0; s < count; s++) if (outCount[s] === 0) rank[s] = r++;
  const acceptIndex = r;
  for (let s = 0; s < count; s++) if ((outCount[s] as number) > 0) rank[s] = r++;

  // The complete DFA, in BFS order: a state's row starts as a copy of its failure state's
  // row (complete already, being shallower), then its own children go in.
  const delta = new Int32Array(count * width);
  for (let t = firstKid[0] as number; t !== -1; t = nextKid[t] as number) {
    delta[symOf[t] as number] = (rank[t] as number) * width;
  }
  for (let i = 0; i < tail; i++) {
    const s = order[i] as number;
    const row = (rank[s] as number) * width;
    const from = (rank[fail[s] as number] as number) * width;
    delta.copyWithin(row, from, from + width);
    for (let t = firstKid[s] as number; t !== -1; t = nextKid[t] as number) {
      delta[row + (symOf[t] as number)] = (rank[t] as number) * width;
    }
  }
  // Normalisation lives in the transitions, so the hot loop has no branches for it: an
  // unknown character returns to the root, a skipped one stays put, and a separator after
  // a separator stays put (runs of spaces and dashes are one separator).
  const viaSep = new Uint8Array(count);
  for (let row = 0; row < count * width; row += width) {
    const t = delta[row + SEP_SYM] as number;
    if (t > 0) viaSep[t / width] = 1;
  }
  for (let k = 0, row = 0; k < count; k++, row += width) {
    delta[row + OTHER_SYM] = 0;
    delta[row + SKIP_SYM] = row;
    if (viaSep[k] === 1) delta[row + SEP_SYM] = row;
  }

  // Each accepting state's patterns: its own, then along its failure chain.
  const byRank = new Int32Array(count);
  for (let s = 0; s < count; s++) byRank[rank[s] as number] = s;
  const outStart = new Int32Array(count + 1);
  let total = 0;
  for (let k = 0; k < count; k++) {
    outStart[k] = total;
    total += outCount[byRank[k] as number] as number;
  }
  outStart[count] = total;
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
  return {
    symbols,
    width,
    delta,
    acceptFrom: acceptIndex * width,
    outStart,
    outIds,
    lengths,
    edges: Uint8Array.from(keys, (_k, i) => edges?.[i] ?? 0),
  };
}

/**
 * Every occurrence of every pattern, overlapping ones included, as flat triples
 * `[start, end, id, ...]` in order of `end`. Offsets are into `text` as given.
 */
export function scanAll(a: Automaton, text: string): number[] {
  const { symbols, delta, acceptFrom, width, outStart, outIds, edges, lengths } = a;
  const found: number[] = [];
  const n = text.length;
  let state = 0;
  for (let i = 0; i < n; i++) {
    const sym = symbols[text.charCodeAt(i)] as number;
    state = delta[state + sym] as number;
    // A skipped unit leaves the state as it was: its output was reported already.
    if (state >= acceptFrom && sym !== SKIP_SYM) {
      const s = state / width;
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
