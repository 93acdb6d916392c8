/**
 * The one way Sourcelight shows a quote (card, sidebar, answers, popup search): the verbatim
 * sentence with the term emphasised, its source by its label, the source's caveat, and a
 * way to read it in the source and to copy it with its citation. Text only, never parsed
 * as markup.
 */
import { useContext, useState } from 'preact/hooks';
import { citationText } from '../lib/knowledge/citation';
import { hasOwnMarks } from '../lib/knowledge/quote-marks';
import type { SourceRef } from '../lib/knowledge/types';
import { QuoteActions } from './quote-actions';
import { readerHref } from './shared/links';
import { sourceCaption } from './source-names';

export interface QuoteProps {
  /** The verbatim sentence. */
  text: string;
  claimId: string;
  source: SourceRef;
  /** Spans of `text` to emphasise: where the term itself is written. */
  emphasis?: readonly { start: number; end: number }[];
  /** Name the source under the quote; off where a heading above names it already. */
  showSource?: boolean;
  /** The figure in this source's own words, said before the source's name. */
  figure?: string | null;
  class?: string;
}

/** The sentence in a `q` (quotation marks from CSS, unless it carries its own). */
export function QuoteText({ text, emphasis = [] }: Pick<QuoteProps, 'text' | 'emphasis'>) {
  const parts = [];
  let at = 0;
  for (const e of emphasis) {
    if (e.start < at) continue;
    if (e.start > at) parts.push(text.slice(at, e.start));
    parts.push(<mark key={e.start}>{text.slice(e.start, e.end)}</mark>);
    at = e.end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <q class={hasOwnMarks(text) ? 'quote own-marks' : 'quote'}>{parts}</q>;
}

export function Quote(p: QuoteProps) {
  const showSource = p.showSource ?? true;
  return (
    <figure class={p.class ? `sl-quote ${p.class}` : 'sl-quote'}>
      <blockquote>
        <QuoteText text={p.text} emphasis={p.emphasis} />
      </blockquote>
      <figcaption>
        {showSource && (
          <span class="source-name">
            {p.figure ? `${p.figure}: ` : ''}
            {sourceCaption(p.source)}
          </span>
        )}
        {showSource && p.source.caveat && <SourceCaveat text={p.source.caveat} />}
        <QuoteLinks text={p.text} claimId={p.claimId} source={p.source} />
      </figcaption>
    </figure>
  );
}

/** What a reader must know about a source's wording, beside its quotes. */
export function SourceCaveat({ text }: { text: string }) {
  return <span class="caveat">{text}</span>;
}

type CopyState = 'idle' | 'copied' | 'failed';

function QuoteLinks(p: Pick<QuoteProps, 'text' | 'claimId' | 'source'>) {
  const actions = useContext(QuoteActions);
  const [copy, setCopy] = useState<CopyState>('idle');
  const sourceId = p.source.id;
  const onCopy = () => {
    const text = citationText({
      quote: p.text,
      source: p.source,
      readerAddress: actions.readerAddress(sourceId, p.claimId),
    });
    actions.copy(text).then(
      () => setCopy('copied'),
      () => setCopy('failed'),
    );
  };
  return (
    <span class="quote-links">
      {actions.readSource ? (
        <button
          type="button"
          class="link"
          onClick={() => actions.readSource?.(sourceId, p.claimId)}
        >
          Read in source
        </button>
      ) : (
        <a class="link" href={readerHref(sourceId, p.claimId)} target="_blank" rel="noopener">
          Read in source
        </a>
      )}
      <button type="button" class="link" onClick={onCopy}>
        Copy with citation
      </button>
      <span class="copy-status" role="status">
        {copy === 'copied'
          ? 'Copied.'
          : copy === 'failed'
            ? 'Could not copy here: use “Read in source” and copy from the reader.'
            : ''}
      </span>
    </span>
  );
}
