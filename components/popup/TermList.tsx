import type { TermCount } from '../../lib/messages';
import type { MarkKind } from '../../lib/settings';
import { KIND_NAMES } from '../shared/kinds';

export interface TermListProps {
  terms: TermCount[];
  onOpen: (id: string) => void;
}

/** Groups terms by kind, each group and term with its count, in a stable order. */
export function groupTerms(terms: TermCount[]): { kind: MarkKind; terms: TermCount[] }[] {
  const groups = new Map<MarkKind, TermCount[]>();
  for (const term of terms) {
    const kind: MarkKind = term.kind === 'figure' ? 'figure' : (term.entityKind ?? 'concept');
    const list = groups.get(kind) ?? [];
    list.push(term);
    groups.set(kind, list);
  }
  const order = Object.keys(KIND_NAMES) as MarkKind[];
  return [...groups]
    .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
    .map(([kind, list]) => ({
      kind,
      terms: [...list].sort((x, y) => y.count - x.count || x.label.localeCompare(y.label)),
    }));
}

export function TermList({ terms, onOpen }: TermListProps) {
  return (
    <div class="term-groups">
      {groupTerms(terms).map((group) => {
        const headingId = `terms-${group.kind}`;
        return (
          <section key={group.kind} aria-labelledby={headingId}>
            <h3 id={headingId}>
              {KIND_NAMES[group.kind].many} <span class="count">({group.terms.length})</span>
            </h3>
            <ul class="plain term-list">
              {group.terms.map((term) => (
                <li key={term.id}>
                  <button
                    type="button"
                    class="term"
                    onClick={() => onOpen(term.id)}
                    aria-label={`${term.label}, ${term.count} on this page: open in the sidebar`}
                  >
                    <span>{term.label}</span>
                    <span class="count" aria-hidden="true">
                      {term.count}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
            {group.kind === 'figure' && <PageFigures terms={group.terms} />}
          </section>
        );
      })}
    </div>
  );
}

/** The page's figures, each with how it stands against the sources' (same, within, close, differs). */
function PageFigures({ terms }: { terms: TermCount[] }) {
  const rows = terms.flatMap((t) => (t.figures ?? []).map((f) => ({ ...f, topic: t.label })));
  if (rows.length === 0) return null;
  return (
    <ul class="plain page-figures" aria-label="The page's figures against the sources'">
      {rows.map((f) => (
        <li key={`${f.topic}|${f.text}`}>
          <span class="page-figure">{f.text}</span>{' '}
          {f.verdict ? (
            <span class={`verdict verdict-${f.verdict}`}>{f.verdict}</span>
          ) : (
            <span class="muted">not compared</span>
          )}{' '}
          <span class="muted">{f.topic}</span>
        </li>
      ))}
    </ul>
  );
}
