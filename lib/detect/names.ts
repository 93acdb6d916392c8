/**
 * Finding the pack's names: every alias (and its variants) goes into one automaton; each
 * raw hit is then checked against its alias's case, boundary and context rules on the
 * original text.
 */
import type { DetectorPack } from '../pack/types';
import { type Automaton, buildAutomatonInSteps, scanAll, WORD_END, WORD_START } from './automaton';
import { APOS, charClass, isUpper, isWordChar, QUOTE, SEP, SKIP } from './chars';
import { normalize } from './normalize';
import { type AliasPolicy, aliasPolicy, aliasVariants, NEAR_CORE_WINDOW } from './rules';

type PackEntity = DetectorPack['entities'][number];

interface Variant {
  entity: number;
  /** The variant normalised but not folded: one code unit per automaton symbol. */
  written: string;
  /** Per unit of `written`: must be upper case on the page (the `initials` rule). */
  capital: Uint8Array;
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
  /** Where the extra words start (see `compileNames`), whole words only. */
  words: number[];
}

export interface NameMatcher {
  find(text: string): NameScan;
}

/** Plain words ride along in the same pass: any case, whole words. */
const WORD_POLICY: AliasPolicy = {
  caseMode: 'any',
  boundary: true,
  closed: false,
  plural: false,
  nearCore: false,
  weak: true,
};
/** `Variant.entity` of an extra word. */
const WORD = -1;

function capitals(written: string): Uint8Array {
  const out = new Uint8Array(written.length);
  for (let i = 0; i < written.length; i++) {
    const c = written.charCodeAt(i);
    const prev = i > 0 ? written.charCodeAt(i - 1) : 32;
    if (isUpper(c) && !isWordChar(prev)) out[i] = 1;
  }
  return out;
}

/**
 * Compiles every alias of every entity; duplicates (same written form) keep the first.
 * `words` (the number words figures need, such as "two") are found in the same pass, so
 * the text is walked once for both.
 */
export function compileNames(
  entities: readonly PackEntity[],
  words: readonly string[] = [],
): NameMatcher {
  const steps = compileNamesInSteps(entities, words);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** `compileNames` in two steps (aliases, then the automaton), for callers that slice work. */
export function* compileNamesInSteps(
  entities: readonly PackEntity[],
  words: readonly string[] = [],
): Generator<void, NameMatcher, undefined> {
  const variants: Variant[] = [];
  const keys: string[] = [];
  const seen = new Set<string>();
  entities.forEach((e, index) => {
    const aliases = new Set([e.label, ...e.aliases]);
    for (const alias of aliases) {
      const policy = aliasPolicy(alias, {
        kind: e.kind,
        tier: e.tier,
        rule: e.aliasRules[alias],
      });
      for (const form of aliasVariants(alias)) {
        const written = normalize(form).text.trim();
        if (written === '' || seen.has(written)) continue;
        seen.add(written);
        variants.push({
          entity: index,
          written,
          capital: capitals(written),
          policy,
          wordStart: isWordChar(written.charCodeAt(0)),
          wordEnd: isWordChar(written.charCodeAt(written.length - 1)),
        });
        keys.push(written);
      }
    }
  });
  for (const word of words) {
    const written = normalize(word).text.trim();
    if (written === '' || seen.has(written)) continue;
    seen.add(written);
    variants.push({
      entity: WORD,
      written,
      capital: capitals(written),
      policy: WORD_POLICY,
      wordStart: true,
      wordEnd: true,
    });
    keys.push(written);
  }
  const edges = variants.map(
    (v) =>
      (v.policy.boundary && v.wordStart ? WORD_START : 0) |
      (v.policy.boundary && v.wordEnd && !v.policy.plural ? WORD_END : 0),
  );
  yield;
  const automaton = yield* buildAutomatonInSteps(keys, edges);
  const core = entities.map((e) => e.tier === 'core');
  return { find: (text) => findNames(automaton, variants, core, text) };
}

function findNames(a: Automaton, variants: Variant[], core: boolean[], text: string): NameScan {
  const raw = scanAll(a, text);
  const hits: NameHit[] = [];
  const near: NameHit[] = [];
  const words: number[] = [];
  for (let k = 0; k < raw.length; k += 3) {
    const start = raw[k] as number;
    const end = raw[k + 1] as number;
    const v = variants[raw[k + 2] as number] as Variant;
    if (!casePasses(text, start, end, v)) continue;
    if (!edgesPass(text, start, end, v)) continue;
    if (v.entity === WORD) {
      words.push(start);
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
  return { names: hits, words };
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
