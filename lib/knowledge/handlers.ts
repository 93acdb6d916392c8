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
    // The router has checked the request against its schema (lib/messages.ts).
    'term:detail': (req) => knowledge.detail(req),
  };
}
