import type { QuoteView } from '../lib/knowledge/types';

// A quote that opens or closes with its own quotation mark gets none of ours: otherwise
// "“DeepSeek will…,” he stated" reads ““DeepSeek will…,” he stated”.
const OWN_MARKS = /^["“‘'«「『]|["”’'»」』]$/u;

/** Whether a quote carries its own quotation marks at either end. */
export function hasOwnMarks(text: string): boolean {
  return OWN_MARKS.test(text);
}

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
  return <q class={hasOwnMarks(quote.quote) ? 'quote own-marks' : 'quote'}>{parts}</q>;
}
