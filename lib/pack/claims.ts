/**
 * Claims: every article sentence that names an entity or states a figure, quoted verbatim
 * with its offsets, and the figures read from it (each pointing back to its claim). A
 * sentence with a figure but no name still becomes a claim, so every figure has a quote.
 */
import type { Line } from './clean';
import { figuresInSentence, type SentenceFigure } from './figures';
import type { Mention } from './mentions';
import type { WordFigure } from './schema';
import { splitSentences } from './sentences';
import type { Claim } from './types';

export interface ClaimWithFigures {
  claim: Claim;
  figures: SentenceFigure[];
}

function pad(n: number): string {
  return String(n).padStart(3, '0');
}

export function claimsOfSource(
  sourceId: string,
  text: string,
  kept: readonly Line[],
  findMentions: (text: string, from: number, to: number) => Mention[],
  wordFigures: readonly WordFigure[],
): ClaimWithFigures[] {
  const out: ClaimWithFigures[] = [];
  for (const line of kept) {
    for (const span of splitSentences(text, line.start, line.end)) {
      const mentions = findMentions(text, span.start, span.end);
      const figures = figuresInSentence(text, span, wordFigures, mentions);
      if (mentions.length === 0 && figures.length === 0) continue;
      out.push({
        claim: {
          id: `${sourceId}-c${pad(out.length + 1)}`,
          sourceId,
          start: span.start,
          end: span.end,
          quote: text.slice(span.start, span.end),
          entityIds: [...new Set(mentions.map((m) => m.entityId))],
        },
        figures,
      });
    }
  }
  return out;
}
