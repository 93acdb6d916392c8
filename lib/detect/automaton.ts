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

/** A pattern key: folded and normalised text (see `normalize`), separators as " " or "-". */
function symbolize(key: string, symbols: Uint16Array, next: { sym: number }): number[] {
  const out: number[] = [];
  for (let i = 0; i < key.length; i++) {
    const code = key.charCodeAt(i);
    const cls = charClass(code);
    if (cls === SKIP) continue;
    if (cls === SEP) {
      if (out.length > 0 && out[out.length - 1] !== SEP_SYM) out.push(SEP_SYM);
      continue;
    }
    if (cls === APOS) out.push(APOS_SYM);
    else if (cls === QUOTE) out.push(QUOTE_SYM);
    else {
      const lower = fold(code);
      let sym = symbols[lower] ?? 0;
      if (sym === OTHER_SYM) {
        sym = next.sym++;
        symbols[lower] = sym;
        const upper = String.fromCharCode(lower).toUpperCase();
        if (upper.length === 1) symbols[upper.charCodeAt(0)] = sym;
        if (code !== lower) symbols[code] = sym;
      }
      out.push(sym);
    }
  }
  while (out.length > 0 && out[out.length - 1] === SEP_SYM) out.pop();
  return out;
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

/** `buildAutomaton` in two steps (the trie, then the DFA), for callers that slice work. */
export function* buildAutomatonInSteps(
  keys: readonly string[],
  edges?: ArrayLike<number>,
): Generator<void, Automaton, undefined> {
  const symbols = baseSymbols().slice();
  const next = { sym: FIRST_LETTER_SYM };
  const patterns = keys.map((k) => symbolize(k, symbols, next));
  const width = next.sym;
  // A sparse trie first (children per node), so the dense table is sized to the states.
  const kids: number[][] = [[]];
  const own: number[][] = [[]];
  const child = new Map<number, number>();
  let count = 1;
  patterns.forEach((p, id) => {
    if (p.length === 0) return;
    let s = 0;
    for (const sym of p) {
      const at = s * width + sym;
      let t = child.get(at);
      if (t === undefined) {
        t = count++;
        child.set(at, t);
        (kids[s] as number[]).push(sym);
        kids.push([]);
        own.push([]);
      }
      s = t;
    }
    (own[s] as number[]).push(id);
  });

  yield;
  // Failure links on the sparse trie, in BFS order (a state's fail is shallower, so done).
  const fail = new Int32Array(count);
  const order = new Int32Array(count);
  let head = 0;
  let tail = 0;
  for (const sym of kids[0] as number[]) order[tail++] = child.get(sym) as number;
  while (head < tail) {
    const s = order[head++] as number;
    for (const sym of kids[s] as number[]) {
      const t = child.get(s * width + sym) as number;
      let f = fail[s] as number;
      let g = child.get(f * width + sym);
      while (g === undefined && f !== 0) {
        f = fail[f] as number;
        g = child.get(f * width + sym);
      }
      fail[t] = g ?? 0;
      order[tail++] = t;
    }
  }

  // Output closure along failure links, in BFS order so a state's fail is done first.
  const outs: number[][] = new Array(count);
  outs[0] = [];
  for (let i = 0; i < tail; i++) {
    const s = order[i] as number;
    const mine = own[s] as number[];
    const inherited = outs[fail[s] as number] as number[];
    outs[s] = inherited.length === 0 ? mine : mine.concat(inherited);
  }

  // Numbered so that states with output come last: the hot loop tests output with one
  // comparison. Rows are written in that numbering directly, as row offsets.
  const rank = new Int32Array(count);
  let r = 0;
  for (let s = 0; s < count; s++) if ((outs[s] as number[]).length === 0) rank[s] = r++;
  const acceptIndex = r;
  for (let s = 0; s < count; s++) if ((outs[s] as number[]).length > 0) rank[s] = r++;

  // The complete DFA, in BFS order: a state's row starts as a copy of its failure state's
  // row (complete already, being shallower), then its own children go in.
  const delta = new Int32Array(count * width);
  for (const sym of kids[0] as number[]) {
    delta[sym] = (rank[child.get(sym) as number] as number) * width;
  }
  for (let i = 0; i < tail; i++) {
    const s = order[i] as number;
    const row = (rank[s] as number) * width;
    const from = (rank[fail[s] as number] as number) * width;
    delta.copyWithin(row, from, from + width);
    for (const sym of kids[s] as number[]) {
      delta[row + sym] = (rank[child.get(s * width + sym) as number] as number) * width;
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

  const outStart = new Int32Array(count + 1);
  const byRank: number[][] = new Array(count);
  for (let s = 0; s < count; s++) byRank[rank[s] as number] = outs[s] as number[];
  const ids: number[] = [];
  for (let k = 0; k < count; k++) {
    outStart[k] = ids.length;
    for (const id of byRank[k] as number[]) ids.push(id);
  }
  outStart[count] = ids.length;
  return {
    symbols,
    width,
    delta,
    acceptFrom: acceptIndex * width,
    outStart,
    outIds: Int32Array.from(ids),
    lengths: Int32Array.from(patterns, (p) => p.length),
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
