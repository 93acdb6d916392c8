/**
 * How the card and sidebar speak a verdict: the words come from one table
 * (lib/knowledge/verdict-words.ts); these components only lay them out.
 */
import type { Disputed, QuestionView, SourcedQuote, TopicSummary } from '../lib/knowledge/types';
import { verdictWords } from '../lib/knowledge/verdict-words';
import type { Verdict } from '../lib/pack/types';
import { Quote } from './Quote';
import { sourceName } from './source-names';

/** "Sources conflict: Which university is Marina Zhang at?" — at most `max` lines. */
export function DisputedLines({ items, max }: { items: Disputed[]; max: number }) {
  const shown = items.slice(0, max);
  const more = items.length - shown.length;
  return (
    <div class="verdicts" role="note">
      {shown.map((d) => (
        <p key={`${d.kind}:${d.id}`} class={`verdict verdict-${d.verdict}`}>
          <strong>{verdictWords(d.verdict, d.answers).headline}:</strong> {d.label}
        </p>
      ))}
      {more > 0 && <p class="muted">and {more} more in the sidebar</p>}
    </div>
  );
}

/** The verdict in words: a headline and what it means. */
export function VerdictLine({ verdict, answers }: { verdict: Verdict; answers: number }) {
  const w = verdictWords(verdict, answers);
  return (
    <p class={`verdict verdict-${verdict}`}>
      <strong>{w.headline}.</strong> {w.explain}
    </p>
  );
}

function AnswerQuote({ q }: { q: SourcedQuote }) {
  if (q.repeat) {
    return <p class="muted">{sourceName(q.source)}: the sentence quoted above.</p>;
  }
  return (
    <Quote
      class="answer-quote"
      text={q.quote}
      emphasis={q.emphasis}
      claimId={q.claimId}
      source={q.source}
    />
  );
}

/** Each question with its answers side by side (gist, quotes, sources) and its verdict. */
export function QuestionList(p: { questions: QuestionView[] }) {
  return (
    <>
      {p.questions.map((q) => (
        <article class="question" key={q.id} aria-label={q.question}>
          <h4>{q.question}</h4>
          <VerdictLine verdict={q.verdict} answers={q.answers.length} />
          <ul class="answers">
            {q.answers.map((a) => (
              <li class="answer" key={a.gist}>
                <p class="gist">{a.gist}</p>
                {a.quotes.map((quote) => (
                  <AnswerQuote key={quote.claimId} q={quote} />
                ))}
              </li>
            ))}
          </ul>
        </article>
      ))}
    </>
  );
}

/** A numeric topic: its verdict, and every source's value on one line. */
export function TopicValues({ topic }: { topic: TopicSummary }) {
  return (
    <article class="topic" aria-label={topic.label}>
      <h4>{topic.label}</h4>
      {topic.verdict !== 'agree' && (
        <VerdictLine verdict={topic.verdict} answers={topic.values.length} />
      )}
      <ul class="values">
        {topic.values.map((v) => (
          <li key={v.figureId}>
            <strong>{v.text}</strong>{' '}
            <span class="muted">
              {v.subject ? `${v.subject}, ` : ''}
              {sourceName(v.source)}
            </span>
          </li>
        ))}
      </ul>
    </article>
  );
}
