/**
 * How the figure on a page stands against each source's figure on its topic, in the
 * detector's words (lib/quantity/figure-verdict.ts: same, within, close, differs), and the
 * one line the card leads with: "This page: $589 billion. Sources: about $600 billion
 * (close)". The card, the sidebar and the page's mark all say the same word because they
 * all ask `compareFigure`.
 */

import type { Figure } from '../pack/types';
import { compareFigure, type FigureVerdict } from '../quantity/figure-verdict';
import type { FigureRow, TermDetailRequest, TopicView } from './types';

/**
 * One source figure's verdict against the page's; null without a page figure, or for a
 * figure of another subject (OpenAI's price beside DeepSeek's) or unit (yuan, dollars).
 */
export function rowVerdict(
  req: TermDetailRequest,
  f: Pick<Figure, 'value' | 'unit' | 'qualifier' | 'subjectId'>,
): FigureVerdict | null {
  if (req.pageValue === undefined) return null;
  if (req.pageSubjectId !== undefined && req.pageSubjectId !== f.subjectId) return null;
  return compareFigure(
    { value: req.pageValue, unit: req.pageUnit ?? f.unit, qualifier: req.pageQualifier ?? null },
    f,
  );
}

const ORDER: readonly FigureVerdict[] = ['same', 'within', 'close', 'differs'];

/** The best verdict any row gives: the page's figure's verdict on the topic. */
export function pageVerdict(rows: readonly Pick<FigureRow, 'verdict'>[]): FigureVerdict | null {
  let best: FigureVerdict | null = null;
  for (const r of rows) {
    if (r.verdict && (best === null || ORDER.indexOf(r.verdict) < ORDER.indexOf(best))) {
      best = r.verdict;
    }
  }
  return best;
}

/**
 * A source's figure as it states it, hedge included ("less than $6 million"): the qualifier
 * is added only when the figure's own wording lacks it, so it is never printed twice.
 */
export function statedText(r: Pick<FigureRow, 'text' | 'qualifier'>): string {
  if (!r.qualifier || r.text.toLowerCase().includes(r.qualifier.toLowerCase())) return r.text;
  return `${r.qualifier} ${r.text}`;
}

/**
 * "This page: $589 billion. Sources: about $600 billion (close)": the source figures that
 * give the verdict (for `differs`, every figure it was set against), each once.
 */
export function comparisonLine(pageFigure: string, topic: TopicView): string | null {
  const verdict = topic.pageVerdict;
  if (!verdict) return null;
  const rows = topic.rows.filter((r) =>
    verdict === 'differs' ? r.verdict !== null : r.verdict === verdict,
  );
  const texts = [...new Set(rows.map(statedText))];
  return `This page: ${pageFigure}. Sources: ${texts.join(', ')} (${verdict})`;
}
