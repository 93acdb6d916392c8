/**
 * Claims: every article sentence that names an entity, refers back to one named in the
 * sentence before (references.ts), or states a figure, quoted verbatim with its offsets,
 * and the figures read from it (each pointing back to its claim). A sentence with a figure
 * but no name still becomes a claim, so every figure has a quote.
 */
import type { Line } from './clean';
import { figuresInSentence, type SentenceFigure } from './figures';
import type { Mention } from './mentions';
import { resolveReference } from './references';
import type { WordFigure } from './schema';
import { splitSentences } from './sentences';
import type { Claim, EntityKind } from './types';

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
  kindOf: (entityId: string) => EntityKind | undefined = () => undefined,
): ClaimWithFigures[] {
  const out: ClaimWithFigures[] = [];
  // The sentence before, with what it names (offsets inside it) and its claim id.
  let previous: { mentions: { start: number; entityId: string }[]; claimId: string } | null = null;
  for (const line of kept) {
    for (const span of splitSentences(text, line.start, line.end)) {
      const quote = text.slice(span.start, span.end);
      const mentions = findMentions(text, span.start, span.end);
      const own = mentions.map((m) => ({ start: m.start - span.start, entityId: m.entityId }));
      const ref = resolveReference(quote, { mentions: own }, previous, kindOf);
      const figures = figuresInSentence(text, span, wordFigures, mentions);
      const id = `${sourceId}-c${pad(out.length + 1)}`;
      const antecedentClaimId = previous?.claimId;
      // Only a sentence that names something can be referred back to: references never chain.
      previous = mentions.length > 0 ? { mentions: own, claimId: id } : null;
      if (mentions.length === 0 && figures.length === 0 && !ref) continue;
      const claim: Claim = {
        id,
        sourceId,
        start: span.start,
        end: span.end,
        quote,
        entityIds: [...new Set(mentions.map((m) => m.entityId))],
      };
      if (ref && antecedentClaimId) {
        claim.references = [
          {
            entityId: ref.entityId,
            via: 'reference',
            start: span.start + ref.start,
            end: span.start + ref.end,
            antecedentClaimId,
          },
        ];
      }
      out.push({ claim, figures });
    }
  }
  return out;
}
