/**
 * A page's figures filed under the pack's topics, with a verdict against the sources'
 * figures on the topic. The rules are the catalog's (lib/quantity/topic-rules.ts), run on
 * the page's sentence, with two page-only conditions: the sentence names whom the figure
 * is about, and the value is within reach of what the sources say (a stock price or a
 * hardware budget in a sentence about Nvidia is not its lost market value).
 *
 * Cheap where it matters: a number is read for a topic only when, in its sentence, stands
 * a name whose topics could take its value (with its scale word); the sentence is walked
 * only around such a number, and the rules run only on such a figure.
 */
import type { FigureValue } from '../pack/types';
import { bestVerdict, type FigureVerdict, type StatedFigure } from '../quantity/figure-verdict';
import { isRankAt } from '../quantity/parse';
import { createTopicMatcher, patternFlags } from '../quantity/topic-rules';
import { ORDINAL_WORDS } from '../quantity/units';
import {
  type Anchors,
  add,
  anchors,
  anyNear,
  firstNear,
  inSentence,
  type NamedSpan,
  type Ranges,
  union,
  within,
} from './anchors';
import { normalizeText } from './normalize';
import { isMoneyAt, isNoRankAt, isPercentAt, scaleAfter } from './number-context';
import { sentenceAround } from './sentence-bounds';
import type { TopicTables } from './tables';

/** A page's figure is plausible for a topic within this factor of the sources' figures. */
const SPREAD = 5;
/** Years: within this many of the sources' years. */
const YEAR_SPREAD = 10;
/** Units whose figures start with a word, never with a bare number ("January 20", "sixth"). */
const WORD_UNITS: ReadonlySet<string> = new Set(['date', 'rank']);
/** Money units: currency codes, and prices such as `USD/1M tokens`. */
const MONEY = /^[A-Z]{3}(?:\/|$)/;

/** Per-entity flags: a figure that starts with a word (a date, a rank) may be about it; a rank may. */
const WORDS = 1;
const RANKS = 2;

export type { Anchors, NamedSpan };

export interface PageFigure {
  start: number;
  end: number;
  value: FigureValue;
  unit: string;
  qualifier: string | null;
}

export interface TopicHit {
  topicId: string;
  label: string;
  subjectId: string | null;
  unit: string;
  verdict: FigureVerdict;
}

export interface WordFigureHit {
  start: number;
  end: number;
  value: number;
  unit: string;
  qualifier: null;
}

export interface FigureTopics {
  /** The names of one text that topics are about; null when there are none. */
  anchorsIn(names: readonly NamedSpan[]): Anchors | null;
  /** Whether the number `n` at `text[at, end)` may be a topic's figure: worth a window. */
  numberWorth(a: Anchors, text: string, at: number, end: number, n: number): boolean;
  /**
   * Whether a topic word ("January", "sixth", "top") at `at` may start a topic's figure:
   * the word reads as one (an ordinal as a place in a ranking, a month with a day number
   * beside it, a word figure as written) and a name such figures are about is in its sentence.
   */
  wordWorth(a: Anchors, text: string, at: number): boolean;
  /** Whether, in its sentence, a name stands whose topics could take this figure. */
  mayAssign(
    a: Anchors,
    text: string,
    start: number,
    end: number,
    unit: string,
    value: FigureValue,
  ): boolean;
  /** The figure's topic and verdict, from its sentence in `text`; null when no topic takes it. */
  assign(text: string, fig: PageFigure, a: Anchors): TopicHit | null;
  /** The verdict of a figure filed under a topic by its value alone (a pack figure's value). */
  verdictOf(topicId: string, subjectId: string | null, fig: StatedFigure): FigureVerdict | null;
  /** The catalog's word figures ("the top") in a window of text. */
  wordFigures(window: string): WordFigureHit[];
}

interface Group {
  sources: StatedFigure[];
  lo: number;
  hi: number;
}

const groupKey = (topicId: string, subjectId: string | null, unit: string) =>
  `${topicId}\u0000${subjectId ?? ''}\u0000${unit}`;

function nominal(v: FigureValue): [number, number] {
  return typeof v === 'number' ? [v, v] : [v.min, v.max];
}

export function compileFigureTopics(
  tables: TopicTables,
  entityIds: readonly string[],
): FigureTopics {
  const matcher = createTopicMatcher(tables.rules);
  const indexOf = new Map(entityIds.map((id, i) => [id, i]));
  const groups = new Map<string, Group>();
  for (const s of tables.sources) {
    const key = groupKey(s.topicId, s.subjectId, s.unit);
    const [lo, hi] = nominal(s.value);
    const g = groups.get(key);
    if (g) {
      g.sources.push(s);
      g.lo = Math.min(g.lo, lo);
      g.hi = Math.max(g.hi, hi);
    } else groups.set(key, { sources: [s], lo, hi });
  }
  for (const [key, g] of groups) {
    const unit = key.slice(key.lastIndexOf('\u0000') + 1);
    if (WORD_UNITS.has(unit)) [g.lo, g.hi] = [-Infinity, Infinity];
    else if (unit === 'year') [g.lo, g.hi] = [g.lo - YEAR_SPREAD, g.hi + YEAR_SPREAD];
    else [g.lo, g.hi] = [g.lo / SPREAD, g.hi * SPREAD];
  }

  // Per anchor entity: the values a number near it may take (any unit; money only; per
  // unit), and whether word figures may be about it.
  const anyUnit: Ranges = [];
  const money: Ranges = [];
  const byUnit = new Map<string, Ranges>();
  const flags = new Uint8Array(entityIds.length);
  const isAnchor = new Uint8Array(entityIds.length);
  let percent = false;
  for (const row of tables.rules) {
    const anchors: number[] = [];
    for (const id of row.entities ?? (row.subjectId ? [row.subjectId] : [])) {
      const e = indexOf.get(id);
      if (e !== undefined) anchors.push(e);
    }
    for (const unit of row.units) {
      const g = groups.get(groupKey(row.topicId, row.subjectId, row.asUnit ?? unit));
      if (!g) continue;
      if (unit === 'percent') percent = true;
      const lo = Math.max(g.lo, row.min ?? -Infinity);
      const hi = Math.min(g.hi, row.max ?? Infinity);
      const unitRanges = byUnit.get(unit) ?? [];
      byUnit.set(unit, unitRanges);
      for (const e of anchors) {
        isAnchor[e] = 1;
        add(unitRanges, e, lo, hi);
        if (WORD_UNITS.has(unit))
          flags[e] = (flags[e] as number) | WORDS | (unit === 'rank' ? RANKS : 0);
        else {
          add(anyUnit, e, lo, hi);
          if (MONEY.test(unit)) add(money, e, lo, hi);
        }
      }
    }
  }

  // Each entity's ranges merged, so a number is held against few of them.
  for (const r of [anyUnit, money, ...byUnit.values()]) {
    r.forEach((list, e) => {
      if (list) r[e] = union([list]);
    });
  }
  const years = byUnit.get('year') ?? [];
  // Whatever the name, a figure outside these is no topic's.
  const unionOf = new Map([...byUnit].map(([unit, r]) => [unit, union(r)]));

  const wordRes = tables.wordFigures.map((w) => ({ w, re: null as RegExp | null }));
  const wordRe = (item: (typeof wordRes)[number]) => {
    item.re ??= new RegExp(item.w.match, patternFlags(item.w.match, 'g'));
    item.re.lastIndex = 0;
    return item.re;
  };

  /** Whether the topic word `text[at, end)` reads as the start of a figure. */
  function wordReads(text: string, at: number, end: number): boolean {
    const word = text.slice(at, end);
    if (ORDINAL_WORDS[word.toLowerCase()] !== undefined) return isRankAt(text, at, word);
    for (let p = Math.max(0, at - 4); p < Math.min(text.length, end + 5); p++) {
      const c = text.charCodeAt(p);
      if (c >= 48 && c <= 57) return true; // a day beside a month: "January 20", "20 Jan"
    }
    const around = text.slice(Math.max(0, at - 8), end + 16);
    return wordRes.some((item) => wordRe(item).test(around));
  }

  // A page repeats its figures: each verdict is worked out once.
  const verdicts = new Map<string, FigureVerdict | null>();
  function verdictIn(key: string, g: Group, fig: StatedFigure): FigureVerdict | null {
    const v = fig.value;
    const k = `${key}\u0000${typeof v === 'number' ? v : `${v.min}-${v.max}`}\u0000${fig.qualifier ?? ''}`;
    let verdict = verdicts.get(k);
    if (verdict === undefined) {
      verdict = bestVerdict(fig, g.sources)?.verdict ?? null;
      verdicts.set(k, verdict);
    }
    return verdict;
  }

  return {
    anchorsIn(names) {
      const starts: number[] = [];
      const ends: number[] = [];
      const entities: number[] = [];
      let sorted = true;
      for (const n of names) {
        if (isAnchor[n.entity] !== 1) continue;
        if (starts.length > 0 && n.start < (starts[starts.length - 1] as number)) sorted = false;
        starts.push(n.start);
        ends.push(n.end);
        entities.push(n.entity);
      }
      if (starts.length === 0) return null;
      if (sorted) return anchors(starts, ends, entities);
      // Names come in order of their end; overlapping ones may be out of order by start.
      const order = starts
        .map((_, i) => i)
        .sort((x, y) => (starts[x] as number) - (starts[y] as number));
      return anchors(
        order.map((i) => starts[i] as number),
        order.map((i) => ends[i] as number),
        order.map((i) => entities[i] as number),
      );
    },

    numberWorth(a, text, at, end, n) {
      // Cheapest first: most numbers have no name near them at all.
      if (!anyNear(a, at, end)) return false;
      if (isNoRankAt(text, at)) return inSentence(a, text, at, end, null, flags, RANKS, 0, 0);
      if (!percent && isPercentAt(text, end)) return false;
      const scale = scaleAfter(text, end);
      const v = n * scale;
      if (isMoneyAt(text, at)) return inSentence(a, text, at, end, money, flags, 0, v, v);
      // "in 2019": the parser reads four plain digits from 1900 to 2099 as a year, nothing else
      const year = scale === 1 && end - at === 4 && n >= 1900 && n <= 2099;
      return inSentence(a, text, at, end, year ? years : anyUnit, flags, 0, v, v);
    },

    wordWorth(a, text, at) {
      if (!anyNear(a, at, at)) return false;
      let end = at;
      while (end < text.length && ((text.charCodeAt(end) | 32) - 97) >>> 0 < 26) end++;
      if (!wordReads(text, at, end)) return false;
      return inSentence(a, text, at, end, null, flags, WORDS, 0, 0);
    },

    mayAssign(a, text, start, end, unit, value) {
      const ranges = byUnit.get(unit);
      if (!ranges) return false;
      const lo = typeof value === 'number' ? value : value.min;
      const hi = typeof value === 'number' ? value : value.max;
      if (!within(unionOf.get(unit), lo, hi) || !anyNear(a, start, end)) return false;
      return inSentence(a, text, start, end, ranges, flags, 0, lo, hi);
    },

    assign(text, fig, a) {
      const s = sentenceAround(text, fig.start, fig.end);
      const ids: string[] = [];
      for (let i = firstNear(a, s.start); i < a.starts.length; i++) {
        if ((a.starts[i] as number) >= s.end) break;
        if ((a.starts[i] as number) < s.start || (a.ends[i] as number) > s.end) continue;
        const id = entityIds[a.entities[i] as number];
        if (id !== undefined && !ids.includes(id)) ids.push(id);
      }
      if (ids.length === 0) return null;
      const choice = matcher.choose(
        {
          value: fig.value,
          unit: fig.unit,
          before: normalizeText(text.slice(s.start, fig.start)),
          after: normalizeText(text.slice(fig.end, s.end)),
          sentence: normalizeText(text.slice(s.start, s.end)),
          entityIds: ids,
        },
        { named: true },
      );
      if (!choice) return null;
      const key = groupKey(choice.topicId, choice.subjectId, choice.unit);
      const g = groups.get(key);
      if (!g) return null;
      const [lo, hi] = nominal(fig.value);
      if (lo < g.lo || hi > g.hi) return null;
      const stated = { value: fig.value, unit: choice.unit, qualifier: fig.qualifier };
      const verdict = verdictIn(key, g, stated);
      if (!verdict) return null;
      return {
        topicId: choice.topicId,
        label: tables.labels[choice.topicId] ?? choice.topicId,
        subjectId: choice.subjectId,
        unit: choice.unit,
        verdict,
      };
    },

    verdictOf(topicId, subjectId, fig) {
      const key = groupKey(topicId, subjectId, fig.unit);
      const g = groups.get(key);
      return g ? verdictIn(key, g, fig) : null;
    },

    wordFigures(window) {
      const out: WordFigureHit[] = [];
      for (const item of wordRes) {
        const re = wordRe(item);
        for (let m = re.exec(window); m !== null; m = re.exec(window)) {
          if (m[0].length === 0) break;
          const start = m.index;
          out.push({
            start,
            end: start + m[0].length,
            value: item.w.value,
            unit: item.w.unit,
            qualifier: null,
          });
        }
      }
      return out;
    },
  };
}
