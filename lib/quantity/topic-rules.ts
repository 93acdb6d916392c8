/**
 * Which topic a figure measures, by the rules of `data/catalog/topics.json`: its unit, the
 * entities its sentence names, words of the sentence, the text right before and after it,
 * and its value. One engine for the pack build (the sources' figures) and the detector (a
 * page's figures), so both read a sentence the same way. Pure; each regex is compiled the
 * first time a figure reaches its rule, so a page that never gets there never pays for it.
 */
import type { FigureValue } from '../pack/types';

/** One rule, flattened in the order rules are tried, with its topic and subject resolved. */
export interface TopicRuleRow {
  topicId: string;
  /** Whose figure it is: the rule's subject, else the topic's. */
  subjectId: string | null;
  /** Units the parser read (lib/quantity/units.ts). */
  units: string[];
  /** At least one of these entities is named in the sentence. */
  entities?: string[];
  /** Each regex (case-insensitive) matches somewhere in the sentence. */
  words?: string[];
  /** Matches the sentence's text right before / after the figure. */
  before?: string;
  after?: string;
  /** Bounds on the value (a range's min and max both). */
  min?: number;
  max?: number;
  /** The unit the figure really has when the words say so ("2,000 of them" are chips). */
  asUnit?: string;
  /** What exactly the figure counts, when one topic holds more than one kind ("A100"). */
  measure?: string;
}

/** A figure written in words the quantity parser leaves alone on purpose ("the top"). */
export interface WordFigureRow {
  match: string;
  value: number;
  unit: string;
}

/** What the pack and the detector share: the rules in order, and the word figures. */
export interface TopicRules {
  rules: TopicRuleRow[];
  wordFigures: WordFigureRow[];
}

/** The catalog's shape (lib/pack/schema.ts), as far as the flattening needs it. */
interface TopicDefLike {
  id: string;
  subjectId: string | null;
  rules: (Omit<TopicRuleRow, 'topicId' | 'subjectId'> & { subjectId?: string | null })[];
}

/** The catalog's topics as rows in the order they are tried (topics, then their rules). */
export function flattenTopicRules(topics: readonly TopicDefLike[]): TopicRuleRow[] {
  const rows: TopicRuleRow[] = [];
  for (const topic of topics) {
    for (const { subjectId, ...rule } of topic.rules) {
      rows.push({
        ...rule,
        topicId: topic.id,
        subjectId: subjectId === undefined ? topic.subjectId : subjectId,
      });
    }
  }
  return rows;
}

/** A figure and the sentence it stands in, as the rules read it. */
export interface RuleInput {
  value: FigureValue;
  unit: string;
  /** The sentence's text before the figure, and after it. */
  before: string;
  after: string;
  /** The whole sentence. */
  sentence: string;
  /** Ids of the entities the sentence names. */
  entityIds: readonly string[];
}

export interface TopicChoice {
  topicId: string;
  subjectId: string | null;
  /** The figure's unit as the topic counts it (`asUnit`, else the parser's). */
  unit: string;
  /** The rule's `measure`, when it has one. */
  measure?: string;
}

export interface RuleOptions {
  /**
   * A page's sentence must name whom the figure is about. The sources are all about the
   * story, so a rule there may go by words alone ("assets" are High-Flyer's); on any other
   * page "assets" may be anyone's. With this, a rule without `entities` needs its subject
   * named, and a rule without either never applies.
   */
  named?: boolean;
}

interface Compiled {
  row: TopicRuleRow;
  words: RegExp[] | null;
  before: RegExp | null;
  after: RegExp | null;
}

export interface TopicMatcher {
  choose(input: RuleInput, options?: RuleOptions): TopicChoice | null;
}

function bounds(value: FigureValue): [number, number] {
  return typeof value === 'number' ? [value, value] : [value.min, value.max];
}

/**
 * The flags a catalog pattern is run with: case-insensitive, and Unicode-aware where that
 * could change what it matches: a `\p`, `\P` or `\u` escape, a character past ASCII, or
 * what reads a character of any kind (`.`, `[^`, `\S`, `\W`, `\D`: without `u` half of an
 * emoji's pair). Every pattern of the catalog today is plain ASCII words: `i` alone then
 * matches what `iu` did but for "ſ" and the Kelvin sign reading as "s" and "k", and V8
 * compiles it without Unicode case folding (about 2 ms a page over the rules, issue 15).
 * The pack checks every pattern with `iu` (lib/pack/validate.ts).
 */
export function patternFlags(source: string, extra = ''): string {
  return ANY_CHAR.test(source) ? `${extra}iu` : `${extra}i`;
}
const ANY_CHAR = /\\[pPuSWD]|(?:^|[^\\])\.|\[\^|[\u0080-\uffff]/;

/** A matcher over rows in order: the first rule that takes a figure decides its topic. */
export function createTopicMatcher(rows: readonly TopicRuleRow[]): TopicMatcher {
  const compiled: Compiled[] = rows.map((row) => ({
    row,
    words: null,
    before: null,
    after: null,
  }));

  function passes(c: Compiled, input: RuleInput, named: boolean): boolean {
    const { row } = c;
    if (!row.units.includes(input.unit)) return false;
    const [lo, hi] = bounds(input.value);
    if (row.min !== undefined && lo < row.min) return false;
    if (row.max !== undefined && hi > row.max) return false;
    const anchors = row.entities ?? (named && row.subjectId ? [row.subjectId] : null);
    if (anchors) {
      if (!anchors.some((id) => input.entityIds.includes(id))) return false;
    } else if (named) return false;
    if (row.words) {
      c.words ??= row.words.map((w) => new RegExp(w, patternFlags(w)));
      if (!c.words.every((re) => re.test(input.sentence))) return false;
    }
    if (row.before) {
      c.before ??= new RegExp(`(?:${row.before})$`, patternFlags(row.before));
      if (!c.before.test(input.before)) return false;
    }
    if (row.after) {
      c.after ??= new RegExp(`^(?:${row.after})`, patternFlags(row.after));
      if (!c.after.test(input.after)) return false;
    }
    return true;
  }

  return {
    choose(input, options = {}) {
      const named = options.named === true;
      for (const c of compiled) {
        if (!passes(c, input, named)) continue;
        const choice: TopicChoice = {
          topicId: c.row.topicId,
          subjectId: c.row.subjectId,
          unit: c.row.asUnit ?? input.unit,
        };
        if (c.row.measure !== undefined) choice.measure = c.row.measure;
        return choice;
      }
      return null;
    },
  };
}
