/**
 * Finding the pack's figures on a page: a cheap scan for digits and scale words picks
 * small windows of text; only those are normalised and read by the quantity parser, and a
 * quantity is kept when it states a pack figure's value in the same unit.
 */
import type { DetectorPack, FigureValue } from '../pack/types';
import { parseQuantities } from '../quantity/parse';
import { NUMBER_WORDS } from '../quantity/units';
import { charClass, SEP } from './chars';
import { normalize, toOriginal } from './normalize';

export interface FigureHit {
  start: number;
  end: number;
  /** Topic id, or the pack figure's id when it has no topic. */
  id: string;
  label: string;
  value: FigureValue;
  unit: string;
}

export interface FigureMatcher {
  find(text: string): FigureHit[];
}

/**
 * Units that never say what was measured: a bare count, a year or a percentage on its
 * own could be anything, so they are never marked however well the value agrees.
 */
export const UNMARKED_UNITS: ReadonlySet<string> = new Set(['count', 'year', 'percent', 'rank']);

/** Characters of context the parser needs before a number (qualifiers, "between", "US$"). */
const BEFORE = 48;
/** Characters after a number where its scale and unit noun may be ("2,000 such chips"). */
const AFTER = 120;
/** How far a window edge may move to reach a space, so no word or number is cut. */
const SNAP = 24;
// "a", "an" and "one" count only before a scale word, which is a candidate of its own.
const NUMBER_WORD_SOURCE = Object.keys(NUMBER_WORDS)
  .filter((w) => NUMBER_WORDS[w] !== 1)
  .join('|');
const CANDIDATE_RE = new RegExp(
  `[0-9]|illion|thousand|[万亿]|\\b(?:${NUMBER_WORD_SOURCE})\\b`,
  'gi',
);

function valueKey(unit: string, value: FigureValue): string {
  return typeof value === 'number' ? `${unit}|${value}` : `${unit}|${value.min}|${value.max}`;
}

function describe(value: FigureValue, unit: string): string {
  const n = (v: number) => v.toLocaleString('en-US');
  return typeof value === 'number'
    ? `${n(value)} ${unit}`
    : `${n(value.min)}-${n(value.max)} ${unit}`;
}

export function compileFigures(pack: Pick<DetectorPack, 'figures' | 'topics'>): FigureMatcher {
  const topics = new Map(pack.topics.map((t) => [t.id, t.label]));
  const byValue = new Map<string, { id: string; label: string }>();
  for (const f of pack.figures) {
    if (UNMARKED_UNITS.has(f.unit)) continue;
    const key = valueKey(f.unit, f.value);
    const topicLabel = f.topicId ? topics.get(f.topicId) : undefined;
    const target =
      f.topicId && topicLabel !== undefined
        ? { id: f.topicId, label: topicLabel }
        : { id: f.id, label: describe(f.value, f.unit) };
    // A figure with a topic says more than one without: it wins the key.
    const had = byValue.get(key);
    if (!had || (had.id === f.id && target.id !== f.id)) byValue.set(key, target);
  }
  return { find: (text) => (byValue.size === 0 ? [] : findFigures(byValue, text)) };
}

function snapStart(text: string, at: number): number {
  if (at <= 0) return 0;
  for (let p = at; p > Math.max(0, at - SNAP); p--) {
    if (charClass(text.charCodeAt(p - 1)) === SEP) return p;
  }
  return at;
}

function snapEnd(text: string, at: number): number {
  if (at >= text.length) return text.length;
  for (let p = at; p < Math.min(text.length, at + SNAP); p++) {
    if (charClass(text.charCodeAt(p)) === SEP) return p;
  }
  return at;
}

/** Windows of text around candidates, merged, in order. */
export function candidateWindows(text: string): [number, number][] {
  const windows: [number, number][] = [];
  const re = new RegExp(CANDIDATE_RE.source, CANDIDATE_RE.flags);
  let from = -1;
  let to = -1;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const p = m.index;
    if (from >= 0 && p - BEFORE <= to) {
      to = Math.min(text.length, p + AFTER);
    } else {
      if (from >= 0) windows.push([snapStart(text, from), snapEnd(text, to)]);
      from = Math.max(0, p - BEFORE);
      to = Math.min(text.length, p + AFTER);
    }
    // Skip the rest of a digit run: one candidate per number is enough.
    let q = p + m[0].length;
    while (q < text.length && /[0-9.,]/.test(text[q] as string)) q++;
    re.lastIndex = q;
  }
  if (from >= 0) windows.push([snapStart(text, from), snapEnd(text, to)]);
  return windows;
}

function findFigures(
  byValue: Map<string, { id: string; label: string }>,
  text: string,
): FigureHit[] {
  const hits: FigureHit[] = [];
  let lastEnd = 0;
  for (const [from, to] of candidateWindows(text)) {
    const norm = normalize(text.slice(from, to));
    for (const q of parseQuantities(norm.text)) {
      if (UNMARKED_UNITS.has(q.unit)) continue;
      const target = byValue.get(valueKey(q.unit, q.value));
      if (!target) continue;
      const [s, e] = toOriginal(norm, q.start, q.end);
      const start = from + s;
      const end = from + e;
      if (start < lastEnd || end <= start) continue;
      hits.push({ start, end, id: target.id, label: target.label, value: q.value, unit: q.unit });
      lastEnd = end;
    }
  }
  return hits;
}
