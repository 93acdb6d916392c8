/**
 * The background's handlers for what the card and sidebar ask. Spread into the
 * background's handler map: `{ ...knowledgeHandlers(pack), ... }`.
 */
import type { BackgroundProtocol, Handlers } from '../messages';
import type { Pack } from '../pack/types';
import { createKnowledge } from './term-detail';

export function knowledgeHandlers(pack: Pack): Handlers<Pick<BackgroundProtocol, 'term:detail'>> {
  const knowledge = createKnowledge(pack);
  return {
    'term:detail': (req) => {
      if (typeof req.id !== 'string' || (req.kind !== 'entity' && req.kind !== 'figure'))
        throw new Error('term:detail needs { id: string, kind: "entity" | "figure" }');
      return knowledge.detail(req);
    },
  };
}
