/**
 * Finding the pack's names: every alias (and its variants) goes into one automaton; each
 * raw hit is then checked against its alias's case, boundary and context rules on the
 * original text.
 */
import {
  type Automaton,
  automatonFrom,
  buildAutomatonInSteps,
  scanAll,
  WORD_END,
  WORD_START,
} from './automaton';
import { APOS, charClass, isUpper, isWordChar, QUOTE, SEP, SKIP } from './chars';
import { decodePlan } from './plan-codec';
import type { AliasPolicy, CaseMode } from './rules';
import {
  CASE_MASK,
  F_BOUNDARY,
  F_CLOSED,
  F_NEAR_CORE,
  F_PLURAL,
  F_WEAK,
  F_WORD_END,
  F_WORD_START,
  type NameTables,
  WORD_ROW,
} from './tables';

/** How far (UTF-16 units, either side) a core mention may be from a `nearCore` alias. */
export const NEAR_CORE_WINDOW = 300;

interface Variant {
  /** Index into the pack's entities, or `WORD_ROW`. */
  entity: number;
  /** The variant normalised but not folded: one code unit per automaton symbol. */
  written: string;
  /**
   * Per unit of `written`: must be upper case on the page (the `initials` rule). Worked
   * out on the variant's first hit: most variants never match on a given page.
   */
  capital: Uint8Array | null;
  policy: AliasPolicy;
  wordStart: boolean;
  wordEnd: boolean;
}

export interface NameHit {
  start: number;
  end: number;
  /** Index into the pack's entities. */
  entity: number;
  /** The alias alone does not show the text is about the story: gate it as `context`. */
  weak: boolean;
}

export interface NameScan {
  names: NameHit[];
  /** Where the extra words start (see `prepareNames`), whole words only. */
  words: number[];
  /** Where the words that may start a topic's figure start ("January", "sixth"). */
  topicWords: number[];
}

export interface NameMatcher {
  find(text: string): NameScan;
}

function capitals(written: string): Uint8Array {
  const out = new Uint8Array(written.length);
  for (let i = 0; i < written.length; i++) {
    const c = written.charCodeAt(i);
    const prev = i > 0 ? written.charCodeAt(i - 1) : 32;
    if (isUpper(c) && !isWordChar(prev)) out[i] = 1;
  }
  return out;
}

const CASE_MODES: readonly CaseMode[] = ['any', 'initials', 'exact'];

/** The policy a row's flags stand for; rows with the same flags share one. */
function policyOf(flags: number, cache: Map<number, AliasPolicy>): AliasPolicy {
  let policy = cache.get(flags);
  if (!policy) {
    policy = {
      caseMode: CASE_MODES[flags & CASE_MASK] ?? 'any',
      boundary: (flags & F_BOUNDARY) !== 0,
      closed: (flags & F_CLOSED) !== 0,
      plural: (flags & F_PLURAL) !== 0,
      nearCore: (flags & F_NEAR_CORE) !== 0,
      weak: (flags & F_WEAK) !== 0,
    };
    cache.set(flags, policy);
  }
  return policy;
}

/**
 * The name half of a detector, from its tables (see `prepareNames`), in two steps (rows,
 * then the automaton) for callers that slice work. `core[i]`: entity i is `core` tier.
 */
export function* compileNamesInSteps(
  tables: NameTables,
  core: readonly boolean[],
): Generator<void, NameMatcher, undefined> {
  const { written, entity, flags } = tables;
  const variants: Variant[] = new Array(written.length);
  const edges = new Uint8Array(written.length);
  const policies = new Map<number, AliasPolicy>();
  for (let i = 0; i < written.length; i++) {
    const f = flags[i] as number;
    const policy = policyOf(f, policies);
    const wordStart = (f & F_WORD_START) !== 0;
    const wordEnd = (f & F_WORD_END) !== 0;
    variants[i] = {
      entity: entity[i] as number,
      written: written[i] as string,
      capital: null,
      policy,
      wordStart,
      wordEnd,
    };
    edges[i] =
      (policy.boundary && wordStart ? WORD_START : 0) |
      (policy.boundary && wordEnd && !policy.plural ? WORD_END : 0);
  }
  yield;
  // Planned at pack or library build time (plan-codec.ts); built here only for tables without.
  const plan = decodePlan(tables.plan, written.length);
  const automaton = plan
    ? automatonFrom(plan, edges)
    : yield* buildAutomatonInSteps(written, edges);
  return { find: (text) => findNames(automaton, variants, core, text) };
}

function findNames(
  a: Automaton,
  variants: Variant[],
  core: readonly boolean[],
  text: string,
): NameScan {
  const raw = scanAll(a, text);
  const hits: NameHit[] = [];
  const near: NameHit[] = [];
  const words: number[] = [];
  const topicWords: number[] = [];
  for (let k = 0; k < raw.length; k += 3) {
    const start = raw[k] as number;
    const end = raw[k + 1] as number;
    const v = variants[raw[k + 2] as number] as Variant;
    if (!casePasses(text, start, end, v)) continue;
    if (!edgesPass(text, start, end, v)) continue;
    if (v.entity < 0) {
      (v.entity === WORD_ROW ? words : topicWords).push(start);
      continue;
    }
    const hit = { start, end, entity: v.entity, weak: v.policy.weak };
    (v.policy.nearCore ? near : hits).push(hit);
  }
  if (near.length > 0) {
    // Anchors come in order of their end; for each near hit, the anchor ending closest
    // after (h.start - window) decides, so one binary search per hit.
    const ends = hits.filter((h) => core[h.entity] && !h.weak);
    for (const h of near) {
      let lo = 0;
      let hi = ends.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((ends[mid] as NameHit).end < h.start - NEAR_CORE_WINDOW) lo = mid + 1;
        else hi = mid;
      }
      const c = ends[lo];
      if (c && c.start - h.end <= NEAR_CORE_WINDOW) hits.push(h);
    }
    hits.sort((a, b) => a.end - b.end || a.start - b.start);
  }
  return { names: hits, words, topicWords };
}

/** Compares the page's letters with the alias's, as the alias's case mode says. */
function casePasses(text: string, start: number, end: number, v: Variant): boolean {
  const mode = v.policy.caseMode;
  if (mode === 'any') return true;
  const w = v.written;
  let exact = true;
  let shouting = w.length >= 4;
  let j = 0;
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    const cls = charClass(c);
    if (cls === SKIP) {
      i++;
      continue;
    }
    if (cls === SEP) {
      while (
        i < end &&
        (charClass(text.charCodeAt(i)) === SEP || charClass(text.charCodeAt(i)) === SKIP)
      )
        i++;
      j++;
      continue;
    }
    const a = w.charCodeAt(j);
    if (cls !== APOS && cls !== QUOTE) {
      if (mode === 'initials') {
        v.capital ??= capitals(w);
        if (v.capital[j] === 1 && !isUpper(c)) return false;
      } else {
        if (c !== a) exact = false;
        if (String.fromCharCode(a).toUpperCase() !== String.fromCharCode(c)) shouting = false;
        if (!exact && !shouting) return false;
      }
    }
    i++;
    j++;
  }
  return true;
}

function prevUnit(text: string, at: number): number {
  let p = at - 1;
  while (p >= 0 && charClass(text.charCodeAt(p)) === SKIP) p--;
  return p;
}

function nextUnit(text: string, at: number): number {
  let p = at;
  while (p < text.length && charClass(text.charCodeAt(p)) === SKIP) p++;
  return p;
}

/** Whether the hit's edges pass its boundary rules. */
function edgesPass(text: string, start: number, end: number, v: Variant): boolean {
  const { boundary, closed, plural } = v.policy;
  if (!boundary) return true;
  if (v.wordStart) {
    const p = prevUnit(text, start);
    if (p >= 0 && isWordChar(text.charCodeAt(p))) return false;
  }
  if (v.wordEnd) {
    let q = nextUnit(text, end);
    if (q < text.length && isWordChar(text.charCodeAt(q))) {
      if (!plural || text.charCodeAt(q) !== 115) return false;
      q = nextUnit(text, q + 1);
      if (q < text.length && isWordChar(text.charCodeAt(q))) return false;
      return true;
    }
    if (closed && q < text.length) {
      const c = text.charCodeAt(q);
      const after = nextUnit(text, q + 1);
      const then = after < text.length ? text.charCodeAt(after) : 32;
      if ((c === 45 || c === 0x2010 || c === 0x2011) && isWordChar(then)) return false;
      if (c === 46 && then >= 48 && then <= 57) return false;
    }
  }
  return true;
}
