/** Reading history: by term or by page, searchable, with export and clear all. */
import { useEffect, useState } from 'preact/hooks';
import type { HistoryList } from '../../lib/messages';
import { HistoryActions } from '../shared/HistoryActions';
import type { HistoryApi } from '../shared/history-api';
import { byPage, byTerm } from './group';

type View = 'term' | 'page';

/** Groups rendered at first; months of reading can hold thousands, and each is a list. */
export const PAGE_SIZE = 100;

function when(ms: number): string {
  return new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

function PageLink({ url, title }: { url: string; title: string }) {
  return (
    <a href={url} target="_blank" rel="noopener noreferrer">
      {title || url}
    </a>
  );
}

export interface HistoryPageProps {
  api: HistoryApi;
  download?: (name: string, value: unknown) => void;
}

export function HistoryPage({ api, download }: HistoryPageProps) {
  const [list, setList] = useState<HistoryList | null>(null);
  const [view, setView] = useState<View>('term');
  const [query, setQuery] = useState('');
  const [shown, setShown] = useState(PAGE_SIZE);

  const load = () => void api.list().then(setList, () => setList({ available: false }));
  useEffect(load, [api]);

  let body = null;
  let total = 0;
  if (!list) body = <p class="muted">Loading…</p>;
  else if (!list.available) {
    body = (
      <p class="warn" role="status">
        Reading history is unavailable in this browser profile right now. Marking and cards keep
        working.
      </p>
    );
  } else if (list.data.sightings.length === 0) {
    body = <p class="muted">No history yet: terms you meet on web pages will be listed here.</p>;
  } else if (view === 'term') {
    const groups = byTerm(list.data, query);
    total = groups.length;
    body = groups.length ? (
      <ul class="plain history-list" aria-label="Terms">
        {groups.slice(0, shown).map((g) => (
          <li key={g.termId}>
            <h3>
              {g.label}{' '}
              <span class="muted">
                seen on {g.pages.length} {g.pages.length === 1 ? 'page' : 'pages'}
              </span>
            </h3>
            <ul>
              {g.pages.map((p) => (
                <li key={p.url}>
                  <PageLink url={p.url} title={p.title} />{' '}
                  <span class="muted">{when(p.lastSeen)}</span>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    ) : (
      <p class="muted">Nothing matches “{query}”.</p>
    );
  } else {
    const groups = byPage(list.data, query);
    total = groups.length;
    body = groups.length ? (
      <ul class="plain history-list" aria-label="Pages">
        {groups.slice(0, shown).map((g) => (
          <li key={g.page.url}>
            <h3>
              <PageLink url={g.page.url} title={g.page.title} />{' '}
              <span class="muted">{when(g.page.lastSeen)}</span>
            </h3>
            <p>{g.terms.map((t) => t.label).join(' · ')}</p>
          </li>
        ))}
      </ul>
    ) : (
      <p class="muted">Nothing matches “{query}”.</p>
    );
  }

  return (
    <main class="history">
      <h1>Reading history</h1>
      <div class="toolbar">
        <fieldset class="view-switch">
          <legend class="visually-hidden">Show history</legend>
          {(['term', 'page'] as const).map((v) => (
            <label key={v}>
              <input type="radio" name="view" checked={view === v} onChange={() => setView(v)} /> By{' '}
              {v}
            </label>
          ))}
        </fieldset>
        <input
          type="search"
          aria-label="Search history"
          placeholder="Search terms and pages"
          value={query}
          onInput={(e) => setQuery(e.currentTarget.value)}
        />
      </div>
      {body}
      {list?.available && total > shown && (
        <button type="button" onClick={() => setShown(shown + PAGE_SIZE)}>
          Show more ({total - shown} left)
        </button>
      )}
      <HistoryActions api={api} onCleared={load} download={download} />
    </main>
  );
}
