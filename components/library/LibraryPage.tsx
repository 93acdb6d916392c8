/**
 * Your library (`library.html`): the articles you added and the names you track, each
 * removable (everything built from it goes with it), the library file to export and
 * import, and clear all. `?draft=ID` is the review of a page being added, `?track=NAME` the
 * form to track a name (the context menu opens it).
 */
import { useEffect, useState } from 'preact/hooks';
import type { LibraryListing } from '../../lib/library/protocol';
import { sourceLabel } from '../../lib/pack/source-label';
import { KIND_NAMES } from '../shared/kinds';
import { readerHref } from '../shared/links';
import { day, type LibraryApi, libraryView, shortAddress } from './api';
import { LibraryFileActions } from './LibraryFileActions';
import { ReviewPage } from './ReviewPage';
import { TrackForm } from './TrackForm';

export function LibraryRoot({ api, search }: { api: LibraryApi; search: string }) {
  const view = libraryView(search);
  if (view.type === 'review') return <ReviewPage api={api} draftId={view.draftId} />;
  if (view.type === 'track') {
    return (
      <main class="library">
        <h1>Track a name</h1>
        <p class="muted">
          A tracked name is marked on every page, like DeepSeek's own names, and its card quotes
          every source that names it: the pack's and yours.
        </p>
        <TrackForm api={api} name={view.name} />
        <p>
          <a href="/library.html">Your library</a>
        </p>
      </main>
    );
  }
  return <LibraryPage api={api} />;
}

export function LibraryPage({ api }: { api: LibraryApi }) {
  const [listing, setListing] = useState<LibraryListing | null>(null);
  const [message, setMessage] = useState('');
  const load = () => void api.ask('library:list', {}).then(setListing);
  useEffect(load, [api]);

  async function run(what: Promise<{ ok: boolean; error?: string }>, done: string) {
    const result = await what;
    setMessage(result.ok ? done : (result.error ?? 'Failed.'));
    load();
  }

  if (!listing) {
    return (
      <main class="library">
        <h1>Your library</h1>
        <p class="muted">Loading…</p>
      </main>
    );
  }
  const { status, sources, names } = listing;
  return (
    <main class="library">
      <h1>Your library</h1>
      {!status.available && (
        <p class="warn" role="status">
          Your library is unavailable right now ({status.reason ?? 'no reason given'}). The bundled
          sources keep working.
        </p>
      )}
      <p role="status" class="muted">
        {message}
      </p>

      <section aria-labelledby="my-sources">
        <h2 id="my-sources">Your sources ({sources.length})</h2>
        {sources.length === 0 && (
          <p class="muted">
            None yet. On an article, open the toolbar button and choose “Add this page to my
            sources”.
          </p>
        )}
        <ul class="plain library-list">
          {sources.map((s) => {
            const label = sourceLabel({
              id: s.sourceId,
              title: s.title,
              outlet: s.outlet,
              added: s,
            });
            return (
              <li key={s.url}>
                <h3>
                  <a href={readerHref(s.sourceId)}>{label}</a>
                </h3>
                <p class="muted">
                  {[s.outlet, s.byline, s.date].filter(Boolean).join(' · ') || 'no metadata'} ·{' '}
                  <a href={s.url} target="_blank" rel="noopener noreferrer">
                    {shortAddress(s.url)}
                  </a>{' '}
                  · added {day(s.addedAt)} · {s.claims} quoted sentences
                </p>
                <button
                  type="button"
                  aria-label={`Remove ${label}`}
                  onClick={() =>
                    void run(api.ask('library:remove-source', { url: s.url }), 'Source removed.')
                  }
                >
                  Remove
                </button>
              </li>
            );
          })}
        </ul>
      </section>

      <section aria-labelledby="my-names">
        <h2 id="my-names">Names you track ({names.length})</h2>
        {status.skipped.length > 0 && (
          <p class="warn">
            Left out because Sourcelight knows them already:{' '}
            {status.skipped.map((s) => `“${s.form}”`).join(', ')}.
          </p>
        )}
        <ul class="plain library-list">
          {names.map((n) => (
            <li key={n.id}>
              <strong>{n.label}</strong>{' '}
              <span class="muted">
                {KIND_NAMES[n.kind].one}
                {n.aliases.length > 0 && ` · also ${n.aliases.join(', ')}`} · named in {n.sentences}{' '}
                sentences of the sources · since {day(n.addedAt)}
              </span>{' '}
              <button
                type="button"
                aria-label={`Stop tracking ${n.label}`}
                onClick={() =>
                  void run(api.ask('library:untrack', { id: n.id }), `Stopped tracking ${n.label}.`)
                }
              >
                Stop tracking
              </button>
            </li>
          ))}
        </ul>
        <details>
          <summary>Track a name</summary>
          <TrackForm key={names.length} api={api} name="" onTracked={load} />
        </details>
      </section>

      <LibraryFileActions api={api} onChanged={load} onMessage={setMessage} />
    </main>
  );
}
