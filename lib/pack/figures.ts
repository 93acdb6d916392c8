/**
 * Every quantity in a sentence, read by lib/quantity (plus the few word figures the topics
 * file lists, such as "the top" of a chart), and the topic each belongs to by the rules in
 * `data/catalog/topics.json`: units, named entities, words, and what stands next to it.
 */
import { parseQuantities, type Quantity } from '../quantity/parse';
import {
  createTopicMatcher,
  flattenTopicRules,
  type TopicChoice,
  type TopicMatcher,
} from '../quantity/topic-rules';
import { anchorOf, refineFigure } from './figure-context';
import type { TopicDef, WordFigure } from './schema';
import type { FigureValue } from './types';

export type { TopicChoice };

export interface SentenceFigure {
  start: number;
  end: number;
  text: string;
  value: FigureValue;
  unit: string;
  qualifier: string | null;
  /** The moment the sentence gives it ("by 2022", "As of press time"), verbatim. */
  when?: string;
}

interface Span {
  start: number;
  end: number;
}

/** Figures in `text.slice(span.start, span.end)`, with offsets into `text`; none inside a name. */
export function figuresInSentence(
  text: string,
  span: Span,
  wordFigures: readonly WordFigure[],
  names: readonly Span[],
): SentenceFigure[] {
  const sentence = text.slice(span.start, span.end);
  const found: SentenceFigure[] = parseQuantities(sentence).map((q: Quantity) => ({
    ...q,
    start: q.start + span.start,
    end: q.end + span.start,
  }));
  for (const wf of wordFigures) {
    const re = new RegExp(wf.match, 'gu');
    for (let m = re.exec(sentence); m !== null; m = re.exec(sentence)) {
      if (m[0].length === 0) break;
      const start = span.start + m.index;
      found.push({
        start,
        end: start + m[0].length,
        text: m[0],
        value: wf.value,
        unit: wf.unit,
        qualifier: null,
      });
    }
  }
  // A figure may hold a name ("50,000 H100") but may not be one or cut into one ("36K", "Qihoo 360").
  const holds = (f: Span, n: Span) =>
    f.start <= n.start && n.end <= f.end && f.end - f.start > n.end - n.start;
  const inName = (f: Span) => names.some((n) => f.start < n.end && n.start < f.end && !holds(f, n));
  return found
    .filter((f) => !inName(f))
    .map((f) => refineFigure(text, span.start, f))
    .map((f) => {
      const when = anchorOf(text, span, f);
      return when === undefined ? f : { ...f, when };
    })
    .sort((a, b) => a.start - b.start);
}

const matchers = new WeakMap<readonly TopicDef[], TopicMatcher>();

/**
 * The first topic whose rule takes the figure (topics and rules in file order), or null.
 * The rules are read by the engine the detector uses on pages (lib/quantity/topic-rules.ts).
 */
export function chooseTopic(
  topics: readonly TopicDef[],
  fig: SentenceFigure,
  text: string,
  sentence: Span,
  entityIds: readonly string[],
): TopicChoice | null {
  let matcher = matchers.get(topics);
  if (!matcher) {
    matcher = createTopicMatcher(flattenTopicRules(topics));
    matchers.set(topics, matcher);
  }
  return matcher.choose({
    value: fig.value,
    unit: fig.unit,
    before: text.slice(sentence.start, fig.start),
    after: text.slice(fig.end, sentence.end),
    sentence: text.slice(sentence.start, sentence.end),
    entityIds,
  });
}
