import { readerHref } from './links';

export interface QuoteProps {
  quote: string;
  sourceId: string;
  sourceTitle: string | null;
  claimId: string;
}

/** A verbatim sentence from a source, always with the source and a way to read it there. */
export function Quote({ quote, sourceId, sourceTitle, claimId }: QuoteProps) {
  return (
    <figure class="quote">
      <blockquote>{quote}</blockquote>
      <figcaption>
        <a href={readerHref(sourceId, claimId)} target="_blank" rel="noopener">
          {sourceTitle ?? `Untitled source (${sourceId})`}
        </a>
      </figcaption>
    </figure>
  );
}
