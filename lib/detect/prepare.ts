/**
 * The page-independent half of compiling a detector: each alias's written forms and
 * match policy, and which figure values are worth marking. `npm run pack` runs this for the
 * bundled pack and commits the result, so pages skip it; `createDetector(pack)` runs it for
 * any other pack. Either way the tables are the same, so the detector is.
 */
import type { DetectorPack, FigureValue } from '../pack/types';
import { ORDINAL_WORDS } from '../quantity/units';
import { planAutomaton } from './automaton-plan';
import { isWordChar } from './chars';
import { candidateFilter } from './figure-candidates';
import { UNMARKED_UNITS, valueKey } from './figures';
import { normalize } from './normalize';
import { encodePlan } from './plan-codec';
import { type AliasPolicy, aliasPolicy, aliasVariants } from './rules';
import {
  CASE_ANY,
  CASE_EXACT,
  CASE_INITIALS,
  type DetectorTables,
  F_BOUNDARY,
  F_CLOSED,
  F_NEAR_CORE,
  F_PLURAL,
  F_WEAK,
  F_WORD_END,
  F_WORD_START,
  type FigureTables,
  type FigureTarget,
  type NameTables,
  TABLES_VERSION,
  TOPIC_WORD_ROW,
  type TopicTables,
  WORD_ROW,
} from './tables';

/**
 * Durations ("two years", "40 minutes") are common on any page; one is marked only when
 * the pack files it under a topic (DeepSeek's training time, Liang Wenfeng's age).
 */
const DURATIONS: ReadonlySet<string> = new Set([
  'years',
  'months',
  'weeks',
  'days',
  'hours',
  'minutes',
  'decades',
]);

/** Plain words ride along in the name pass: any case, whole words. */
const WORD_POLICY: AliasPolicy = {
  caseMode: 'any',
  boundary: true,
  closed: false,
  plural: false,
  nearCore: false,
  weak: true,
};

export function prepareDetector(pack: DetectorPack): DetectorTables {
  const figures = prepareFigures(pack);
  const topics = prepareTopics(pack);
  if (topics) figures.topics = topics;
  return {
    version: TABLES_VERSION,
    entities: {
      id: pack.entities.map((e) => e.id),
      label: pack.entities.map((e) => e.label),
      kind: pack.entities.map((e) => e.kind),
      tier: pack.entities.map((e) => e.tier),
    },
    names: withPlan(prepareNames(pack.entities, figures.words, topics?.words)),
    figures,
  };
}

/** The names' automaton, planned here so that a page only decodes it (plan-codec.ts). */
function withPlan(names: NameTables): NameTables {
  return { ...names, plan: encodePlan(planAutomaton(names.written)) };
}

/** The flag bits of one written form (see tables.ts). */
function flagsOf(policy: AliasPolicy, written: string): number {
  const mode =
    policy.caseMode === 'exact'
      ? CASE_EXACT
      : policy.caseMode === 'initials'
        ? CASE_INITIALS
        : CASE_ANY;
  return (
    mode |
    (policy.boundary ? F_BOUNDARY : 0) |
    (policy.closed ? F_CLOSED : 0) |
    (policy.plural ? F_PLURAL : 0) |
    (policy.nearCore ? F_NEAR_CORE : 0) |
    (policy.weak ? F_WEAK : 0) |
    (isWordChar(written.charCodeAt(0)) ? F_WORD_START : 0) |
    (isWordChar(written.charCodeAt(written.length - 1)) ? F_WORD_END : 0)
  );
}

/**
 * Every alias of every entity, in its written forms; duplicates (same written form) keep
 * the first. `words` (the number words figures need, such as "two") follow, so the text is
 * walked once for both.
 */
export function prepareNames(
  entities: DetectorPack['entities'],
  words: readonly string[] = [],
  topicWords: readonly string[] = [],
): NameTables {
  const out: NameTables = { written: [], entity: [], flags: [] };
  const seen = new Set<string>();
  const add = (written: string, entity: number, policy: AliasPolicy) => {
    if (written === '' || seen.has(written)) return;
    seen.add(written);
    out.written.push(written);
    out.entity.push(entity);
    out.flags.push(flagsOf(policy, written));
  };
  entities.forEach((e, index) => {
    for (const alias of new Set([e.label, ...e.aliases])) {
      const policy = aliasPolicy(alias, { kind: e.kind, tier: e.tier, rule: e.aliasRules[alias] });
      for (const form of aliasVariants(alias)) add(normalize(form).text.trim(), index, policy);
    }
  });
  for (const word of words) add(normalize(word).text.trim(), WORD_ROW, WORD_POLICY);
  for (const word of topicWords) add(normalize(word).text.trim(), TOPIC_WORD_ROW, WORD_POLICY);
  return out;
}

/** "1,000,000,000": thousands separators without Intl, which costs milliseconds to wake. */
function grouped(v: number): string {
  const [int = '', frac] = String(v).split('.');
  const digits = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac ? `${digits}.${frac}` : digits;
}

function describe(value: FigureValue, unit: string): string {
  const n = grouped;
  return typeof value === 'number'
    ? `${n(value)} ${unit}`
    : `${n(value.min)}-${n(value.max)} ${unit}`;
}

/** Which quantities are marked, and as what. */
export function prepareFigures(pack: Pick<DetectorPack, 'figures' | 'topics'>): FigureTables {
  const topics = new Map(pack.topics.map((t) => [t.id, t.label]));
  const byValue = new Map<string, FigureTarget>();
  const markable = pack.figures.filter(
    (f) => !UNMARKED_UNITS.has(f.unit) && (f.topicId !== null || !DURATIONS.has(f.unit)),
  );
  for (const f of markable) {
    const key = valueKey(f.unit, f.value);
    const topicLabel = f.topicId ? topics.get(f.topicId) : undefined;
    const target =
      f.topicId && topicLabel !== undefined
        ? { key, id: f.topicId, label: topicLabel, subjectId: f.subjectId ?? null }
        : { key, id: f.id, label: describe(f.value, f.unit) };
    // A figure with a topic says more than one without: it wins the key.
    const had = byValue.get(key);
    if (!had || (had.id === f.id && target.id !== f.id)) byValue.set(key, target);
  }
  // Every value a markable figure has; numbers on a page that cannot scale to one of
  // them are not worth parsing (most numbers on most pages).
  const values = new Set<number>();
  for (const f of markable) {
    if (typeof f.value === 'number') values.add(f.value);
    else values.add(f.value.min).add(f.value.max);
  }
  const sorted = [...values].sort((a, b) => a - b);
  return {
    targets: [...byValue.values()],
    values: sorted,
    words: byValue.size === 0 ? [] : candidateFilter(sorted).words,
  };
}

/**
 * Month names that start a date on a page ("January 20"). "May" and "March" are left out:
 * as words they are everywhere, and a window around each would cost every page.
 */
const MONTH_WORDS = [
  'January',
  'February',
  'April',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
  'Jan',
  'Feb',
  'Apr',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Sept',
  'Oct',
  'Nov',
  'Dec',
];
/**
 * Ordinals ("sixth spot") and "top", for the catalog's word figure "the top" (of a chart).
 * Not "first": the commonest of them by far, on every page, where first place is written
 * "No. 1" or "the top" in the sources and the news alike.
 */
const RANK_WORDS = [...Object.keys(ORDINAL_WORDS).filter((w) => w !== 'first'), 'top'];

/** The rules and the sources' figures that file a page's figures under topics. */
export function prepareTopics(
  pack: Pick<DetectorPack, 'figures' | 'topics' | 'topicRules'>,
): TopicTables | null {
  const rules = pack.topicRules?.rules ?? [];
  if (rules.length === 0) return null;
  const units = new Set(rules.flatMap((r) => r.units));
  const words = [
    ...(units.has('date') ? MONTH_WORDS : []),
    ...(units.has('rank') ? RANK_WORDS : []),
  ];
  return {
    rules,
    wordFigures: pack.topicRules?.wordFigures ?? [],
    labels: Object.fromEntries(pack.topics.map((t) => [t.id, t.label])),
    sources: pack.figures.flatMap((f) =>
      f.topicId === null
        ? []
        : [
            {
              topicId: f.topicId,
              subjectId: f.subjectId ?? null,
              unit: f.unit,
              value: f.value,
              qualifier: f.qualifier ?? null,
            },
          ],
    ),
    words,
  };
}
