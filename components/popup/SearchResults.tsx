import { verdictWords } from '../../lib/knowledge/verdict-words';
import type { QuoteRef, SearchHit } from '../../lib/search/types';
import { Quote } from '../Quote';
import { KIND_NAMES } from '../shared/kinds';

function RefQuote({ q }: { q: QuoteRef }) {
  return <Quote text={q.quote} claimId={q.claimId} source={q.source} />;
}

/** One hit: its name, and on demand the quotes behind it (native details: keyboard for free). */
function Hit({ hit }: { hit: SearchHit }) {
  if (hit.type === 'entity') {
    return (
      <details class="hit">
        <summary>
          <strong>{hit.label}</strong>{' '}
          <span class="muted">
            {KIND_NAMES[hit.entityKind].one}
            {hit.matched && ` · “${hit.matched}”`}
          </span>
        </summary>
        <p>{hit.description}</p>
        {hit.quotes.map((q) => (
          <RefQuote key={q.claimId} q={q} />
        ))}
        {hit.quoteCount > hit.quotes.length && (
          <p class="muted">and {hit.quoteCount - hit.quotes.length} more in the sources</p>
        )}
      </details>
    );
  }
  if (hit.type === 'question') {
    const words = verdictWords(hit.verdict, hit.answers.length);
    return (
      <details class="hit">
        <summary>
          <strong>{hit.label}</strong> <span class="muted">Question</span>
          <span class={hit.verdict === 'conflict' ? 'warn' : 'muted'}> · {words.short}</span>
        </summary>
        <p>
          <strong>{words.headline}.</strong> {words.explain}
        </p>
        {hit.answers.map((a) => (
          <div key={a.gist} class="answer">
            <p class="figure-value">{a.gist}</p>
            {a.quotes.map((q) => (
              <RefQuote key={q.claimId} q={q} />
            ))}
          </div>
        ))}
      </details>
    );
  }
  const words = verdictWords(hit.verdict, hit.figures.length);
  return (
    <details class="hit">
      <summary>
        <strong>{hit.label}</strong> <span class="muted">Figures</span>
        {hit.verdict !== 'agree' && (
          <span class={hit.verdict === 'conflict' ? 'warn' : 'muted'}> · {words.short}</span>
        )}
      </summary>
      {hit.verdict !== 'agree' && (
        <p>
          <strong>{words.headline}.</strong> {words.explain}
        </p>
      )}
      {hit.figures.map((f) => (
        <div key={f.figureId}>
          <p class="figure-value">{f.text}</p>
          <RefQuote q={f} />
        </div>
      ))}
    </details>
  );
}

export function SearchResults({ hits, query }: { hits: SearchHit[]; query: string }) {
  if (!query.trim()) return null;
  return (
    <div aria-live="polite">
      {hits.length === 0 ? (
        <p class="muted">Nothing in the pack matches “{query}”.</p>
      ) : (
        <ul class="plain search-results" aria-label="Search results">
          {hits.map((hit) => (
            <li key={`${hit.type}:${hit.id}`}>
              <Hit hit={hit} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
