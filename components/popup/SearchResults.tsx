import type { SearchHit } from '../../lib/search/types';
import { KIND_NAMES } from '../shared/kinds';
import { Quote } from '../shared/Quote';

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
          <Quote key={q.claimId} {...q} />
        ))}
        {hit.quoteCount > hit.quotes.length && (
          <p class="muted">and {hit.quoteCount - hit.quotes.length} more in the sources</p>
        )}
      </details>
    );
  }
  return (
    <details class="hit">
      <summary>
        <strong>{hit.label}</strong> <span class="muted">Figures</span>
        {hit.disagree && (
          <span class="warn">
            {hit.compatible ? ' · sources differ (all can be true)' : ' · sources disagree'}
          </span>
        )}
      </summary>
      {hit.figures.map((f) => (
        <div key={f.figureId}>
          <p class="figure-value">{f.text}</p>
          <Quote {...f} />
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
