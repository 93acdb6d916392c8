/**
 * The tab's part of the contract (lib/messages.ts, which re-exports it): the messages a
 * tab's content script handles, sent with `sendToTab` (lib/transport.ts). A module of its
 * own so the content script, which checks these on every page, does not also bundle the
 * background's table and the library's schemas it never uses (about 4 KB).
 */
import * as v from 'valibot';
import type { ExtractResult } from './library/protocol';
import {
  answer,
  checkRequest,
  Empty,
  type Envelope,
  isEnvelopeFor,
  type MessageTable,
  type ProtocolOf,
} from './message-table';
import type { TermCount } from './messages';

export const TAB_MESSAGES = {
  /** Terms marked on this page now. */
  'tab:terms': { req: Empty, res: answer<TermCount[]>() },
  /** Open the sidebar, on one term or (no id) on the page's list of terms. */
  'tab:open-sidebar': {
    req: v.strictObject({ id: v.optional(v.pipe(v.string(), v.maxLength(200))) }),
    res: answer<null>(),
  },
  /** "Add this page": the article and its metadata (lib/library/page-extract.ts). */
  'tab:extract': { req: Empty, res: answer<ExtractResult>() },
} as const satisfies MessageTable;

export type TabProtocol = ProtocolOf<typeof TAB_MESSAGES>;

/** Whether `value` is one of our envelopes for a tab message (anything else: not ours). */
export function isTabEnvelope(value: unknown): value is Envelope<keyof TabProtocol, unknown> {
  return isEnvelopeFor(TAB_MESSAGES, value);
}

/** The payload of a tab message as its schema reads it, or an error naming the field. */
export function checkTabRequest<N extends keyof TabProtocol>(
  name: N,
  payload: unknown,
): TabProtocol[N]['req'] {
  return checkRequest(TAB_MESSAGES, name, payload) as TabProtocol[N]['req'];
}
