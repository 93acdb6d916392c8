import type { TermDetail } from '../lib/knowledge/types';
import type { EntityKind } from '../lib/pack/types';
import { Quote } from './Quote';
import { kindLabel, sourceCaption, sourceName } from './term-labels';
import { DisputedLines } from './Verdicts';

export interface HoverCardProps {
  /** The term as found on the page. */
  label: string;
  entityKind: EntityKind | null;
  /** undefined while loading; null when the pack has nothing more. */
  detail: TermDetail | null | undefined;
  left: number;
  top: number;
  maxHeight: number;
  onOpenSidebar: () => void;
  onPointerEnter: () => void;
  onPointerLeave: () => void;
}

/** The card beside a hovered term: what it is, a quote or two, and a way to the sidebar. */
export function HoverCard(p: HoverCardProps) {
  const d = p.detail;
  // One quote from each of the first two sources: two voices say more than two lines of one.
  // (A term whose every sentence answers a question quotes those answers instead.)
  const answered = (d?.questions ?? []).flatMap((q) =>
    q.answers.flatMap((a) => a.quotes.filter((x) => !x.repeat)),
  );
  const groups =
    d && d.sources.length > 0
      ? d.sources.map((s) => ({ source: s.source, quotes: s.quotes }))
      : answered.map((x) => ({ source: x.source, quotes: [x] }));
  const quotes = groups.slice(0, 2).flatMap((s) => {
    const q = s.quotes[0];
    return q ? [{ q, source: s.source }] : [];
  });
  return (
    <div
      class="card"
      role="dialog"
      aria-label={`${p.label}: what the sources say`}
      style={{ left: `${p.left}px`, top: `${p.top}px`, maxHeight: `${p.maxHeight}px` }}
      onPointerEnter={p.onPointerEnter}
      onPointerLeave={p.onPointerLeave}
    >
      <div class="card-head">
        <strong class="term">{d?.label ?? p.label}</strong>
        <span class={`kind kind-${p.entityKind ?? 'figure'}`}>{kindLabel(p.entityKind)}</span>
      </div>
      {d === undefined && <p class="muted">Loading…</p>}
      {d === null && <p class="muted">No more is known about this term.</p>}
      {d?.description && <p class="desc">{d.description}</p>}
      {d && d.disputed.length > 0 && <DisputedLines items={d.disputed} max={2} />}
      {quotes.map(({ q, source }) => (
        <figure class="card-quote" key={q.claimId}>
          <Quote quote={q} />
          <figcaption>{sourceCaption(source)}</figcaption>
        </figure>
      ))}
      <div class="card-foot">
        <button type="button" class="link" onClick={p.onOpenSidebar}>
          Open in sidebar
        </button>
      </div>
    </div>
  );
}
