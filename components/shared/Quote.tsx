import type { SourceOrigin } from '../../lib/pack/types';
import { readerHref } from './links';

export interface QuoteProps {
  quote: string;
  sourceId: string;
  sourceTitle: string | null;
  /** One of the reader's own sources: labelled as theirs, with when they added it. */
  sourceAdded?: SourceOrigin;
  claimId: string;
}

/** A verbatim sentence from a source, always with the source and a way to read it there. */
export function Quote({ quote, sourceId, sourceTitle, sourceAdded, claimId }: QuoteProps) {
  return (
    <figure class="quote">
      <blockquote>{quote}</blockquote>
      <figcaption>
        <a href={readerHref(sourceId, claimId)} target="_blank" rel="noopener">
          {sourceTitle ?? `Untitled source (${sourceId})`}
        </a>
        {sourceAdded && (
          <span class="muted"> · your source, added {sourceAdded.addedAt.slice(0, 10)}</span>
        )}
      </figcaption>
    </figure>
  );
}
