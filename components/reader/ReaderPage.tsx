/**
 * The source library (`reader.html`) and the reader (`reader.html?source=ID&claim=ID`):
 * the five articles with what is known about each, and one article in full with a claim
 * highlighted.
 */
import type { Claim, Source } from '../../lib/pack/types';
import { readerHref } from '../shared/links';
import { opening, readerView } from './reader-view';
import { SourceText } from './SourceText';

function Meta({ source }: { source: Source }) {
  const rows: [string, string][] = [
    // The label may be the outlet or the lede's first words: the headline, if any, is here.
    ['Headline', source.title ?? 'not printed'],
    ['Outlet', source.outlet ?? 'not printed'],
    ['Byline', source.byline ?? 'not printed'],
    ['Date', source.dateAsPrinted ?? source.date ?? 'not printed'],
    ['Language', source.language],
    // The reader's own source: where it came from and when they added it.
    ...(source.added
      ? ([
          ['Your source, from', source.added.url],
          ['Added', source.added.addedAt.slice(0, 10)],
        ] as [string, string][])
      : ([['File', source.file]] as [string, string][])),
  ];
  return (
    <>
      {source.caveat && (
        <p class="caveat" role="note">
          {source.caveat}
        </p>
      )}
      <dl class="meta">
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}

function Library({ sources, claims }: { sources: Source[]; claims: Claim[] }) {
  return (
    <main class="reader">
      <h1>Source library</h1>
      <p class="muted">
        Everything Sourcelight says comes from these {sources.length} articles, quoted as printed.
      </p>
      <ul class="plain library">
        {sources.map((s) => (
          <li key={s.id}>
            <h2>
              <a href={readerHref(s.id)}>{s.label}</a>
            </h2>
            <Meta source={s} />
            <p class="opening">“{opening(s)}”</p>
            <p class="muted">
              {claims.filter((c) => c.sourceId === s.id).length} quoted sentences ·{' '}
              {s.text.length.toLocaleString('en')} characters
            </p>
          </li>
        ))}
      </ul>
    </main>
  );
}

export interface ReaderPageProps {
  sources: Source[];
  claims: Claim[];
  /** `location.search` */
  search: string;
  scrollTo?: (el: HTMLElement) => void;
}

export function ReaderPage({ sources, claims, search, scrollTo }: ReaderPageProps) {
  const view = readerView(search, sources, claims);
  if (view.type === 'library') return <Library sources={sources} claims={claims} />;
  if (view.type === 'missing-source') {
    return (
      <main class="reader">
        <h1>No such source</h1>
        <p role="alert">
          There is no source “{view.sourceId}” in this version of Sourcelight.{' '}
          <a href={readerHref()}>See all sources</a>.
        </p>
      </main>
    );
  }
  const { source, claim, missingClaimId } = view;
  return (
    <main class="reader">
      <nav>
        <a href={readerHref()}>All sources</a>
      </nav>
      <article lang={source.language}>
        <h1>{source.label}</h1>
        <Meta source={source} />
        {missingClaimId && (
          <p role="alert" class="warn">
            The quote “{missingClaimId}” is not in this source; showing the whole text.
          </p>
        )}
        <SourceText text={source.text} claim={claim} scrollTo={scrollTo} />
      </article>
    </main>
  );
}
