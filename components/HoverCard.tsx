import { comparisonLine, statedText } from '../lib/knowledge/figure-agreement';
import type { TermDetail } from '../lib/knowledge/types';
import type { EntityKind } from '../lib/pack/types';
import { Quote } from './Quote';
import { kindLabel } from './shared/kinds';
import { DisputedLines } from './Verdicts';

export interface HoverCardProps {
  /** The term as found on the page. */
  label: string;
  entityKind: EntityKind | null;
  /** undefined while loading; null when the pack has nothing more. */
  detail: TermDetail | null | undefined;
  /** For a figure: how the page writes it, set against the sources' figures first. */
  pageFigure?: string | null;
  left: number;
  top: number;
  maxHeight: number;
  onOpenSidebar: () => void;
  /** Pinned: the card stays open when the pointer leaves it. */
  pinned: boolean;
  onPin: () => void;
  onClose: () => void;
  onPointerEnter: () => void;
  onPointerLeave: (event: PointerEvent) => void;
}

/** Source figures shown on a figure's card; the sidebar has them all. */
const MAX_FIGURE_ROWS = 3;

/** The card beside a hovered term: what it is, a quote or two, and a way to the sidebar. */
export function HoverCard(p: HoverCardProps) {
  const d = p.detail;
  // One quote from each of the first two sources: two voices say more than two lines of one.
  // A page figure compared: each source's figure with its quote (those it was set against).
  const compared = d?.topic && p.pageFigure ? comparisonLine(p.pageFigure, d.topic) : null;
  const rows = compared ? (d?.topic?.rows ?? []).filter((r) => r.verdict !== null) : [];
  // (A term whose every sentence answers a question quotes those answers instead.)
  const answered = (d?.questions ?? []).flatMap((q) =>
    q.answers.flatMap((a) => a.quotes.filter((x) => !x.repeat)),
  );
  const groups =
    d && d.sources.length > 0
      ? d.sources.map((s) => ({ source: s.source, quotes: s.quotes }))
      : answered.map((x) => ({ source: x.source, quotes: [x] }));
  const quotes = compared
    ? rows
        .slice(0, MAX_FIGURE_ROWS)
        .flatMap((r) => (r.quote ? [{ q: r.quote, source: r.source, figure: statedText(r) }] : []))
    : groups.slice(0, 2).flatMap((s) => {
        const q = s.quotes[0];
        return q ? [{ q, source: s.source, figure: null as string | null }] : [];
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
        <span class="card-tools">
          <button
            type="button"
            class="tool"
            aria-pressed={p.pinned}
            aria-label="Keep this card open"
            title={p.pinned ? 'Pinned: stays open until closed' : 'Keep this card open'}
            onClick={p.onPin}
          >
            <PinIcon />
          </button>
          <button
            type="button"
            class="tool"
            aria-label="Close"
            title="Close (Esc)"
            onClick={p.onClose}
          >
            <CloseIcon />
          </button>
        </span>
      </div>
      {d === undefined && <p class="muted">Loading…</p>}
      {d === null && <p class="muted">No more is known about this term.</p>}
      {compared && (
        <p class={`compare compare-${d?.topic?.pageVerdict}`} role="note">
          {compared}
        </p>
      )}
      {d?.description && <p class="desc">{d.description}</p>}
      {d && d.disputed.length > 0 && <DisputedLines items={d.disputed} max={2} />}
      {quotes.map(({ q, source, figure }) => (
        <Quote
          key={q.claimId}
          class="card-quote"
          text={q.quote}
          emphasis={q.emphasis}
          claimId={q.claimId}
          source={source}
          figure={figure}
        />
      ))}
      <div class="card-foot">
        <button type="button" class="link" onClick={p.onOpenSidebar}>
          Open in sidebar
        </button>
      </div>
    </div>
  );
}

// Drawn, not a font's glyph: a machine without the font would show a missing-glyph box.
function PinIcon() {
  return (
    <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
      <path
        d="M6 1.5h4l-.6 4.2 2.6 2.3v1.5H8.7V15h-1.4V9.5H4V8l2.6-2.3z"
        fill="currentColor"
        stroke="none"
      />
    </svg>
  );
}

function CloseIcon() {
  return (
    <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
      <path d="M3.5 3.5l9 9m0-9l-9 9" stroke="currentColor" stroke-width="1.8" fill="none" />
    </svg>
  );
}
