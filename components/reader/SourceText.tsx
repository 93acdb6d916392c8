import { useEffect, useRef } from 'preact/hooks';
import type { Claim } from '../../lib/pack/types';
import { splitAtClaim } from './reader-view';

export interface SourceTextProps {
  text: string;
  claim: Claim | null;
  /** Injected so tests can see the call; browsers scroll the <mark> into view. */
  scrollTo?: (el: HTMLElement) => void;
}

const scrollIntoView = (el: HTMLElement) => el.scrollIntoView({ block: 'center' });

/**
 * The article as text nodes (never parsed as HTML), with the claim in a <mark> that
 * receives focus, so keyboard and screen-reader users land on it too.
 */
export function SourceText({ text, claim, scrollTo = scrollIntoView }: SourceTextProps) {
  const mark = useRef<HTMLElement>(null);
  const [before, quote, after] = splitAtClaim(text, claim);

  useEffect(() => {
    if (!mark.current) return;
    scrollTo(mark.current);
    mark.current.focus({ preventScroll: true });
  }, [claim?.id]);

  return (
    <div class="source-text">
      {before}
      {quote && (
        <mark ref={mark} tabIndex={-1} id="claim">
          {quote}
        </mark>
      )}
      {after}
    </div>
  );
}
