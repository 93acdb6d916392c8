/**
 * Questions and numeric topics as the card and sidebar show them: each answer with its
 * sources' quotes side by side, each topic's values on one line, the most serious verdict
 * first, and no sentence shown twice in one detail.
 */
import type { Claim, Figure, Question, Topic } from '../pack/types';
import type { Disputed, QuestionView, QuoteView, SourceRef, TopicSummary } from './types';
import { VERDICT_ORDER } from './verdict-words';

export interface ViewContext {
  claims: ReadonlyMap<string, Claim>;
  figures: ReadonlyMap<string, Figure>;
  ref: (sourceId: string) => SourceRef;
  quoteOf: (claim: Claim) => Omit<QuoteView, 'emphasis'>;
  sourceOrder: (sourceId: string) => number;
  /** An entity's label, to say whose a value is when it is not the topic subject's. */
  label: (entityId: string) => string | undefined;
}

function bySeverity<T extends { verdict: Question['verdict'] }>(list: T[]): T[] {
  return list
    .map((item, i) => ({ item, i }))
    .sort((a, b) => VERDICT_ORDER[a.item.verdict] - VERDICT_ORDER[b.item.verdict] || a.i - b.i)
    .map(({ item }) => item);
}

/** Every place `words` is written in `quote`, to emphasise an answer's gist. */
function spansOf(quote: string, words: string): QuoteView['emphasis'] {
  const at = quote.indexOf(words);
  return at < 0 ? [] : [{ start: at, end: at + words.length }];
}

/**
 * The questions' views, most serious first. `shown` collects the claim ids quoted, so a
 * sentence answering two questions is quoted in the first and marked `repeat` after.
 */
export function questionViews(
  questions: readonly Question[],
  ctx: ViewContext,
  shown: Set<string>,
): QuestionView[] {
  return bySeverity([...questions]).map((q) => ({
    id: q.id,
    question: q.question,
    verdict: q.verdict,
    answers: q.answers.map((a) => ({
      gist: a.gist,
      quotes: a.claimIds.flatMap((id) => {
        const claim = ctx.claims.get(id);
        if (!claim) return [];
        const repeat = shown.has(id);
        shown.add(id);
        return [
          {
            ...ctx.quoteOf(claim),
            emphasis: spansOf(claim.quote, a.gist),
            source: ctx.ref(claim.sourceId),
            ...(repeat ? { repeat } : {}),
          },
        ];
      }),
    })),
  }));
}

/** A topic's values in source order, each once per source and wording. */
export function topicSummary(t: Topic, ctx: ViewContext): TopicSummary {
  const seen = new Set<string>();
  const values: TopicSummary['values'] = [];
  const figs = t.figureIds
    .map((id) => ctx.figures.get(id))
    .filter((f): f is Figure => f !== undefined)
    .sort((a, b) => ctx.sourceOrder(a.sourceId) - ctx.sourceOrder(b.sourceId));
  for (const f of figs) {
    const key = `${f.sourceId}\u0000${f.text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const other = f.subjectId !== t.subjectId && f.subjectId ? ctx.label(f.subjectId) : undefined;
    values.push({
      figureId: f.id,
      text: f.text,
      source: ctx.ref(f.sourceId),
      ...(other ? { subject: other } : {}),
    });
  }
  return { id: t.id, label: t.label, verdict: t.verdict, values };
}

/** What the card names: questions and topics whose verdict is not `agree`, most serious first. */
export function disputedOf(
  questions: readonly QuestionView[],
  topics: readonly TopicSummary[],
): Disputed[] {
  const items: Disputed[] = [
    ...questions.map((q) => ({
      id: q.id,
      label: q.question,
      verdict: q.verdict,
      kind: 'question' as const,
      answers: q.answers.length,
    })),
    ...topics.map((t) => ({
      id: t.id,
      label: t.label,
      verdict: t.verdict,
      kind: 'topic' as const,
      answers: t.values.length,
    })),
  ];
  return bySeverity(items.filter((d) => d.verdict !== 'agree'));
}
