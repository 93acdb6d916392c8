/** Choosing the matches to show, and context gating. */
import type { Tier } from '../pack/types';
import type { Match } from './types';

/**
 * Leftmost-longest, never overlapping: "DeepSeek-R1" wins over "DeepSeek" and "R1", and
 * "50,000 H100s" (a figure) over "H100" inside it.
 */
export function selectMatches(candidates: Match[]): Match[] {
  if (inOrderAndDisjoint(candidates)) return candidates;
  const sorted = candidates
    .slice()
    .sort((a, b) => a.start - b.start || b.end - a.end || (a.kind === 'figure' ? -1 : 1));
  const out: Match[] = [];
  let lastEnd = 0;
  for (const m of sorted) {
    if (m.start < lastEnd) continue;
    out.push(m);
    lastEnd = m.end;
  }
  return out;
}

/** Most texts' matches need no choosing: they are already in order and apart. */
function inOrderAndDisjoint(ms: readonly Match[]): boolean {
  let lastEnd = 0;
  for (const m of ms) {
    if (m.start < lastEnd) return false;
    lastEnd = m.end;
  }
  return true;
}

/**
 * Merges two lists that are each in order and disjoint, keeping the leftmost (then the
 * longest, then the figure) where they overlap.
 */
export function mergeMatches(a: readonly Match[], b: readonly Match[]): Match[] {
  if (b.length === 0) return a.slice();
  if (a.length === 0) return b.slice();
  const out: Match[] = [];
  let i = 0;
  let j = 0;
  let lastEnd = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    let take: Match;
    if (x && (!y || x.start < y.start || (x.start === y.start && x.end > y.end))) {
      take = x;
      i++;
    } else {
      take = y as Match;
      j++;
    }
    if (take.start < lastEnd) continue;
    out.push(take);
    lastEnd = take.end;
  }
  return out;
}

/**
 * Context gating, the one rule (the detector's `detect` and the page's `paintable` both
 * ask it): a `context` entity or figure counts only where a `core` entity is mentioned.
 * "Where" is the caller's: one text here, the whole page for the page (one paragraph may
 * name DeepSeek and the next only Nvidia).
 */
export function passesGate(tier: Tier, coreMentioned: boolean): boolean {
  return tier === 'core' || coreMentioned;
}

/** A text's matches, gated over that text. */
export function gateMatches(matches: readonly Match[]): Match[] {
  const core = matches.some((m) => m.tier === 'core');
  return matches.filter((m) => passesGate(m.tier, core));
}
