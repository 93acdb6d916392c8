import { statedText } from '../lib/knowledge/figure-agreement';
import type { TermDetail, TopicView } from '../lib/knowledge/types';
import type { SeenBefore, TermCount } from '../lib/messages';
import type { FigureVerdict } from '../lib/quantity/figure-verdict';
import { AddPageButton, type AddPageButtonProps } from './AddPageButton';
import { Quote, SourceCaveat } from './Quote';
import { InfoIcon } from './shared/InfoIcon';
import { kindLabel } from './shared/kinds';
import { sourceMeta, sourceName } from './source-names';
import { QuestionList, TopicValues, VerdictLine } from './Verdicts';

export interface SidebarProps {
  /** null: the page's list of terms. */
  detail: TermDetail | null | undefined;
  /** The figure as written on the page, for a figure term. */
  pageFigure: string | null;
  seen: SeenBefore | null;
  terms: TermCount[];
  /** Some of a long page is not read yet (read as the reader gets there): counts so far. */
  partial?: boolean;
  canGoBack: boolean;
  onBack: () => void;
  onClose: () => void;
  /** Show one term in the sidebar (related term, or a row of the list). */
  onOpenTerm: (id: string, kind: 'entity' | 'figure') => void;
  /** Scroll the page to the term's next occurrence and flash it. */
  onShowOnPage: (id: string) => void;
  /** "Add this page to my sources" (lib/library/page-extract.ts `addThisPage`); no button without it. */
  onAddPage?: AddPageButtonProps['onAddPage'];
}

export function Sidebar(p: SidebarProps) {
  return (
    <aside class="sidebar" aria-label="Sourcelight">
      <header class="sb-head">
        {p.canGoBack && (
          <button type="button" class="icon" onClick={p.onBack} aria-label="Back">
            ←
          </button>
        )}
        <span class="brand">Sourcelight</span>
        <button type="button" class="icon" onClick={p.onClose} aria-label="Close sidebar">
          ×
        </button>
      </header>
      <div class="sb-body">
        {/* The page's own terms first (issue 18.4): reachable without reading past every quote. */}
        <OnThisPage
          terms={p.terms}
          partial={p.partial}
          onShowOnPage={p.onShowOnPage}
          onOpenTerm={p.onOpenTerm}
        />
        {p.detail === undefined && <p class="muted">Loading…</p>}
        {p.detail && <TermSection {...p} detail={p.detail} />}
        {p.onAddPage && <AddPageButton onAddPage={p.onAddPage} />}
      </div>
    </aside>
  );
}

function TermSection(p: SidebarProps & { detail: TermDetail }) {
  const d = p.detail;
  return (
    <section aria-labelledby="sl-term">
      <h2 id="sl-term" tabIndex={-1}>
        {d.label}
      </h2>
      <p class="kind-line">
        <span class={`kind kind-${d.entityKind ?? 'figure'}`}>{kindLabel(d.entityKind)}</span>
      </p>
      {d.description && <p class="desc">{d.description}</p>}
      {d.aliases.length > 0 && <p class="muted">Also written: {d.aliases.join(', ')}</p>}
      {d.topic && <FigureTable topic={d.topic} pageFigure={p.pageFigure} />}
      {d.questions.length > 0 && (
        <>
          <h3>Questions the sources answer</h3>
          <QuestionList questions={d.questions} />
        </>
      )}
      {d.topics.length > 0 && (
        <>
          <h3>Figures</h3>
          {d.topics.map((t) => (
            <TopicValues key={t.id} topic={t} />
          ))}
        </>
      )}
      <h3>What the sources say</h3>
      {d.sources.length === 0 && <p class="muted">No source quotes this term.</p>}
      {d.sources.map((s) => (
        <article class="source" key={s.source.id}>
          <h4>{sourceName(s.source)}</h4>
          {sourceMeta(s.source) && <p class="muted">{sourceMeta(s.source)}</p>}
          {s.source.caveat && (
            <p>
              <SourceCaveat text={s.source.caveat} />
            </p>
          )}
          {s.quotes.map((q) => {
            // The heading above names the source: each quote keeps only its links.
            const quote = (
              <Quote
                key={q.claimId}
                text={q.quote}
                emphasis={q.emphasis}
                claimId={q.claimId}
                source={s.source}
                showSource={false}
              />
            );
            // A sentence about the term by reference: shown as context, saying whom it means.
            return q.reference ? (
              <div class="context" key={q.claimId}>
                <p class="muted">
                  “{q.reference.words}” here is {q.reference.label}, named in the sentence before.
                </p>
                {quote}
              </div>
            ) : (
              quote
            );
          })}
        </article>
      ))}
      {d.related.length > 0 && (
        <>
          <h3>Related</h3>
          <ul class="related">
            {d.related.map((r) => (
              <li key={r.id}>
                <button type="button" class="chip" onClick={() => p.onOpenTerm(r.id, 'entity')}>
                  {r.label}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {p.seen && (!p.seen.available || p.seen.count > 0) && (
        <p class="muted">
          {p.seen.available
            ? `Seen before on ${p.seen.count} page${p.seen.count === 1 ? '' : 's'}.`
            : 'Reading history is off.'}
        </p>
      )}
    </section>
  );
}

function FigureTable({ topic, pageFigure }: { topic: TopicView; pageFigure: string | null }) {
  return (
    <>
      <h3>{topic.label}</h3>
      {topic.verdict !== 'agree' && (
        <VerdictLine verdict={topic.verdict} answers={topic.rows.length} />
      )}
      <table class="figures">
        <caption class="visually-hidden">This page's figure beside each source's</caption>
        <tbody>
          {pageFigure && (
            <tr class="page-row">
              <th scope="row">This page</th>
              <td>{pageFigure}</td>
              <td>{topic.pageVerdict && <VerdictWord verdict={topic.pageVerdict} />}</td>
            </tr>
          )}
          {topic.rows.map((r) => (
            <tr key={r.figureId}>
              <th scope="row">{sourceName(r.source)}</th>
              {/* The source's own wording holds its qualifier: "less than $6 million". */}
              <td>{statedText(r)}</td>
              <td>{r.verdict && <VerdictWord verdict={r.verdict} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** A figure verdict in words; `differs` stands out by more than its colour. */
function VerdictWord({ verdict }: { verdict: FigureVerdict }) {
  return <span class={verdict === 'differs' ? 'differs' : 'agree'}>{verdict}</span>;
}

function OnThisPage(p: Pick<SidebarProps, 'terms' | 'partial' | 'onShowOnPage' | 'onOpenTerm'>) {
  return (
    <section aria-labelledby="sl-on-page">
      <h3 id="sl-on-page" tabIndex={-1}>
        On this page
      </h3>
      {p.partial && (
        <p class="muted">
          This page is long: the counts cover the part read so far. The rest is counted as you
          scroll to it.
        </p>
      )}
      {p.terms.length === 0 && (
        <p class="muted">
          {p.partial ? 'No terms marked so far.' : 'No terms marked on this page.'}
        </p>
      )}
      <ul class="terms">
        {p.terms.map((t) => (
          <li key={`${t.kind}:${t.id}`}>
            <button type="button" class="term-row" onClick={() => p.onShowOnPage(t.id)}>
              <span>{t.label}</span>
              <span class="count">
                {t.count}
                <span class="visually-hidden"> on this page</span>
              </span>
            </button>
            <button
              type="button"
              class="icon"
              aria-label={`About ${t.label}`}
              onClick={() => p.onOpenTerm(t.id, t.kind)}
            >
              <InfoIcon />
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
