import type { QuoteView } from '../lib/knowledge/types';

/** A verbatim quote with the term emphasised; text only, never parsed as markup. */
export function Quote({ quote }: { quote: QuoteView }) {
  const parts = [];
  let at = 0;
  for (const e of quote.emphasis) {
    if (e.start < at) continue;
    if (e.start > at) parts.push(quote.quote.slice(at, e.start));
    parts.push(<mark key={e.start}>{quote.quote.slice(e.start, e.end)}</mark>);
    at = e.end;
  }
  if (at < quote.quote.length) parts.push(quote.quote.slice(at));
  return <q class="quote">{parts}</q>;
}
