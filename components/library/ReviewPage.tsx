/**
 * The review of a page the reader wants to add (`library.html?draft=ID`): the text exactly
 * as it will be stored, the metadata the page's markup gave (editable; empty where the
 * page said nothing), the names Sourcelight knows in it, its figures with the topic each
 * joins and what the other sources say there, and candidate new names to track or ignore.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { PreviewFigure } from '../../lib/library/preview';
import type { DraftView } from '../../lib/library/protocol';
import type { PageMetadata } from '../../lib/library/types';
import { KIND_NAMES } from '../shared/kinds';
import { type LibraryApi, shortAddress } from './api';
import { TrackForm } from './TrackForm';

const FIELDS: { key: Exclude<keyof PageMetadata, 'language'>; label: string; hint?: string }[] = [
  { key: 'title', label: 'Headline' },
  { key: 'outlet', label: 'Outlet' },
  { key: 'byline', label: 'Byline' },
  { key: 'date', label: 'Date published', hint: 'YYYY-MM-DD' },
];

/** The topic's verdict with this article in, in words. */
export function topicWords(topic: NonNullable<PreviewFigure['topic']>): string {
  if (!topic.disagree) return 'agrees with the sources';
  return topic.compatible ? 'differs, but all can be true' : 'the figures cannot all be true';
}

function MetadataForm(p: { value: PageMetadata; onChange: (m: PageMetadata) => void }) {
  const set = (key: keyof PageMetadata, raw: string) => {
    const text = raw.trim();
    p.onChange({ ...p.value, [key]: key === 'language' ? text || 'und' : text || null });
  };
  return (
    <fieldset class="metadata">
      <legend>About the article (from the page's own markup; empty where it says nothing)</legend>
      {FIELDS.map((f) => (
        <label key={f.key}>
          <span>{f.label}</span>
          <input
            type="text"
            name={f.key}
            value={p.value[f.key] ?? ''}
            placeholder={f.hint ?? 'not given'}
            pattern={f.key === 'date' ? '\\d{4}-\\d{2}-\\d{2}' : undefined}
            onInput={(e) => set(f.key, e.currentTarget.value)}
          />
        </label>
      ))}
      <label>
        <span>Language</span>
        <input
          type="text"
          name="language"
          value={p.value.language}
          onInput={(e) => set('language', e.currentTarget.value)}
        />
      </label>
    </fieldset>
  );
}

function Figures({ figures }: { figures: PreviewFigure[] }) {
  if (figures.length === 0) return <p class="muted">No figures the sources measure.</p>;
  return (
    <ul class="plain figures-list">
      {figures.map((f) => (
        <li key={f.id}>
          {/* The figure's text is verbatim and holds its own qualifier ("about $600 billion"). */}
          <strong>{f.text}</strong>{' '}
          {f.topic ? (
            <>
              <span class="muted">{f.topic.label}:</span> {topicWords(f.topic)}
              {f.topic.others.length > 0 && (
                <span class="muted">
                  {' '}
                  (other sources: {f.topic.others.map((o) => o.text).join('; ')})
                </span>
              )}
            </>
          ) : (
            <span class="muted">no topic of the pack</span>
          )}
        </li>
      ))}
    </ul>
  );
}

export function ReviewPage({ api, draftId }: { api: LibraryApi; draftId: string }) {
  const [draft, setDraft] = useState<DraftView | null | undefined>(undefined);
  const [metadata, setMetadata] = useState<PageMetadata | null>(null);
  const [state, setState] = useState<'review' | 'saving' | 'added' | 'discarded'>('review');
  const [error, setError] = useState('');
  const [ignored, setIgnored] = useState<ReadonlySet<string>>(new Set());
  const [tracking, setTracking] = useState<string | null>(null);

  useEffect(() => {
    void api.ask('library:draft', { id: draftId }).then(
      (d) => {
        setDraft(d);
        if (d) setMetadata(d.page.metadata);
      },
      (e: unknown) => setError(String(e)),
    );
  }, [api, draftId]);

  async function confirm() {
    if (!metadata) return;
    setState('saving');
    const result = await api.ask('library:confirm', { id: draftId, metadata });
    if (result.ok) setState('added');
    else {
      setState('review');
      setError(result.error);
    }
  }

  async function discard() {
    await api.ask('library:discard', { id: draftId });
    setState('discarded');
  }

  if (error && draft === undefined)
    return (
      <Shell>
        <p role="alert">{error}</p>
      </Shell>
    );
  if (draft === undefined)
    return (
      <Shell>
        <p class="muted">Reading the page…</p>
      </Shell>
    );
  if (draft === null) {
    return (
      <Shell>
        <p role="alert">This review has expired. Add the page again from the toolbar button.</p>
      </Shell>
    );
  }
  if (state === 'added' || state === 'discarded') {
    return (
      <Shell>
        <p role="status">
          {state === 'added'
            ? 'Added to your sources. Its quotes and figures now show in cards and the sidebar.'
            : 'Discarded: nothing was stored.'}
        </p>
        <p>
          <a href="/library.html">Your library</a>
        </p>
      </Shell>
    );
  }
  const { page, preview } = draft;
  const candidates = preview.candidates.filter((c) => !ignored.has(c.phrase));
  return (
    <Shell>
      <p>
        From{' '}
        <a href={page.url} target="_blank" rel="noopener noreferrer">
          {shortAddress(page.url)}
        </a>
        . Check what the page says about itself, then add it.
      </p>
      {draft.exists && (
        <p class="warn" role="status">
          This address is in your library already.
        </p>
      )}
      {metadata && <MetadataForm value={metadata} onChange={setMetadata} />}
      <div class="actions">
        <button
          type="button"
          class="primary"
          disabled={state === 'saving' || draft.exists}
          onClick={() => void confirm()}
        >
          Add to my sources
        </button>{' '}
        <button type="button" onClick={() => void discard()}>
          Discard
        </button>
        {error && (
          <p role="alert" class="warn">
            {error}
          </p>
        )}
      </div>

      <section aria-labelledby="known">
        <h2 id="known">Names Sourcelight knows here</h2>
        {preview.terms.length === 0 ? (
          <p class="muted">None.</p>
        ) : (
          <ul class="terms-inline">
            {preview.terms.map((t) => (
              <li key={t.id}>
                {t.label}{' '}
                <span class="muted">
                  ({KIND_NAMES[t.kind].one.toLowerCase()}, {t.sentences})
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="figures">
        <h2 id="figures">Figures</h2>
        <Figures figures={preview.figures} />
      </section>

      <section aria-labelledby="candidates">
        <h2 id="candidates">New names?</h2>
        <p class="muted">Capitalised names the pack does not know. Track the ones you follow.</p>
        {candidates.length === 0 && <p class="muted">None left.</p>}
        <ul class="plain candidates">
          {candidates.map((c) => (
            <li key={c.phrase}>
              <span class="candidate">{c.phrase}</span> <span class="muted">×{c.count}</span>{' '}
              {tracking === c.phrase ? (
                <TrackForm api={api} name={c.phrase} compact />
              ) : (
                <>
                  <button type="button" onClick={() => setTracking(c.phrase)}>
                    Track…
                  </button>{' '}
                  <button type="button" onClick={() => setIgnored(new Set([...ignored, c.phrase]))}>
                    Ignore
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="text">
        <h2 id="text">The text, as it will be stored</h2>
        <p class="muted">
          {page.text.length.toLocaleString()} characters; {preview.claims} sentences name a known
          term or figure. Every quote from this source will be a slice of this text.
        </p>
        <div
          class="source-text"
          lang={metadata?.language === 'und' ? undefined : metadata?.language}
        >
          {page.text}
        </div>
      </section>
    </Shell>
  );
}

function Shell({ children }: { children: ComponentChildren }) {
  return (
    <main class="library review">
      <h1>Add to your sources</h1>
      {children}
    </main>
  );
}
