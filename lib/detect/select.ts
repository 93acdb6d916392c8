/** Choosing the matches to show, and context gating. */
import type { Match } from './types';

/**
 * Leftmost-longest, never overlapping: "DeepSeek-R1" wins over "DeepSeek" and "R1", and
 * "50,000 H100s" (a figure) over "H100" inside it.
 */
export function selectMatches(candidates: Match[]): Match[] {
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

/**
 * Context gating: `context` entities and figures only count in a text that mentions a
 * `core` entity. The page gates once over all of its blocks' matches.
 */
export function gateMatches(matches: readonly Match[]): Match[] {
  return matches.some((m) => m.tier === 'core') ? matches.slice() : [];
}
