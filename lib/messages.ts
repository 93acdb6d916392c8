/**
 * The one message contract between the content script, the background and the extension
 * pages: a table per receiver, each entry a message's name, the valibot schema its payload
 * must pass, the type of its answer, and who may send it (lib/message-table.ts). Request
 * types are inferred from the schemas; callers (lib/transport.ts) and handler maps
 * (`Handlers`) are typed from the tables, so a caller, its check and its handler cannot
 * drift, and a new message is a type error until it is handled. To add a message: an entry
 * here (or in lib/library/protocol.ts), then its handler. No extension API here: the
 * transport is lib/transport.ts.
 */
import * as v from 'valibot';
import type { TermDetail } from './knowledge/types';
import { LIBRARY_MESSAGES } from './library/protocol';
import {
  type Answer,
  type Envelope as AnyEnvelope,
  answer,
  envelope as anyEnvelope,
  checkRequest,
  Empty,
  isEnvelopeFor,
  type MessageSpec,
  type MessageTable,
  type ProtocolOf,
} from './message-table';
import { ENTITY_KINDS, type SourceOrigin } from './pack/types';
import { FIGURE_VERDICTS } from './quantity/figure-verdict';
import type { SearchResult } from './search/types';
import type { HistoryExport } from './store/history-store';
import type { TabProtocol } from './tab-messages';

// The tab's part, in a module of its own for the content script's sake (tab-messages.ts).
export { checkTabRequest, isTabEnvelope, TAB_MESSAGES, type TabProtocol } from './tab-messages';

export type { Answer };

export interface PackSummary {
  sources: {
    id: string;
    /** What to call it (lib/pack/source-label.ts, made at pack build). */
    label: string;
    title: string | null;
    /** ISO date when printed in full. */
    date: string | null;
    /** The date as the source prints it ("Friday, January 31"), when it prints one. */
    dateAsPrinted: string | null;
    outlet: string | null;
    /** One of the reader's own sources (lib/library). */
    added?: SourceOrigin;
  }[];
  entityCount: number;
  claimCount: number;
  figureCount: number;
  topicCount: number;
}

/** `off`: turned off in options; `unavailable`: IndexedDB failed (quota, blocked, missing). */
export type HistoryState = 'on' | 'off' | 'unavailable';

export type HistoryList = { available: false } | { available: true; data: HistoryExport };

export interface SeenBefore {
  /** False when history is off, private, or IndexedDB failed: the UI says so. */
  available: boolean;
  /**
   * How many other pages the term was seen on. Only the count: this goes into the page's
   * renderer, where other sites' addresses and titles have no business (issue 19).
   */
  count: number;
}

const Id = v.pipe(v.string(), v.maxLength(200));
/**
 * A page's address and title are the page's to choose, and can be long (an address of
 * over 4,096 characters was refused: no badge, no history; issue 19). Anything a browser
 * can hold is taken; history keeps a bounded part of it (lib/background/history.ts).
 */
const PageString = v.pipe(v.string(), v.maxLength(2 * 1024 * 1024));

/** One term found on a page, with how often (the popup, the sidebar, the badge, history). */
const TermCountSchema = v.strictObject({
  /** Entity id, or topic id for a figure. */
  id: Id,
  label: v.pipe(v.string(), v.maxLength(500)),
  kind: v.picklist(['entity', 'figure']),
  entityKind: v.nullable(v.picklist(ENTITY_KINDS)),
  count: v.pipe(v.number(), v.integer(), v.minValue(0)),
  /**
   * For a figure term: the figures the page writes for it, each once, with how it stands
   * against the sources' (null: not compared). The popup lists them.
   */
  figures: v.optional(
    v.pipe(
      v.array(
        v.strictObject({
          text: v.pipe(v.string(), v.maxLength(1000)),
          verdict: v.nullable(v.picklist(FIGURE_VERDICTS)),
        }),
      ),
      v.maxLength(100),
    ),
  ),
});
export type TermCount = v.InferOutput<typeof TermCountSchema>;

/** What the card and sidebar ask about one term (and the figure as read on the page). */
const TermDetailRequestSchema = v.strictObject({
  id: Id,
  kind: v.picklist(['entity', 'figure']),
  /** The figure as read on the page, to compare with each source's. */
  pageValue: v.optional(
    v.union([v.number(), v.strictObject({ min: v.number(), max: v.number() })]),
  ),
  pageUnit: v.optional(v.pipe(v.string(), v.maxLength(200))),
  /** Its hedge ("about", "less than"), and whose figure the detector took it for. */
  pageQualifier: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(200)))),
  pageSubjectId: v.optional(v.nullable(Id)),
});
export type TermDetailRequest = v.InferOutput<typeof TermDetailRequestSchema>;

/** Messages the background handles (sent with `send`, lib/transport.ts). */
export const BACKGROUND_MESSAGES = {
  'pack:summary': { req: Empty, res: answer<PackSummary>() },
  /** The content script reports what it marked: badge count and reading history. */
  'page:terms': {
    req: v.strictObject({
      url: PageString,
      title: PageString,
      terms: v.pipe(
        v.array(TermCountSchema, 'must be a list of { id, label, kind, entityKind, count }'),
        v.maxLength(5000),
      ),
    }),
    res: answer<null>(),
  },
  /** Reading history for one term: how many pages it was seen on before (not this one). */
  'history:seen': {
    req: v.strictObject({ id: Id, url: PageString }),
    res: answer<SeenBefore>(),
  },
  /** Open the source reader in a tab, scrolled to a claim: `reader.html?source=ID&claim=ID`. */
  'reader:open': {
    req: v.strictObject({ sourceId: Id, claimId: v.optional(Id) }),
    res: answer<null>(),
  },
  /** Search the pack (popup). */
  'pack:search': { req: v.strictObject({ query: v.string() }), res: answer<SearchResult>() },
  /** Whether history is being kept, for the popup's one line about it. */
  'history:status': { req: Empty, res: answer<{ state: HistoryState }>() },
  /** Everything in history (history page; export is this, as JSON). */
  'history:list': { req: Empty, res: answer<HistoryList>(), pagesOnly: true },
  /** Forget all history. */
  'history:clear': { req: Empty, res: answer<{ available: boolean }>(), pagesOnly: true },
  /** The hostname a tab's content script last reported from (popup, when `activeTab` gave it no URL). */
  'page:host': {
    req: v.strictObject({ tabId: v.pipe(v.number(), v.integer()) }),
    res: answer<{ hostname: string | null }>(),
    pagesOnly: true,
  },
  /** What the card and sidebar show about one term; null when the pack does not know it. */
  'term:detail': { req: TermDetailRequestSchema, res: answer<TermDetail | null>() },
  // The reader's library (lib/library/protocol.ts).
  ...LIBRARY_MESSAGES,
} as const satisfies MessageTable;

export type BackgroundProtocol = ProtocolOf<typeof BACKGROUND_MESSAGES>;

type Protocol = BackgroundProtocol & TabProtocol;
export type MessageName = keyof Protocol;
export type RequestOf<N extends MessageName> = Protocol[N]['req'];
export type ResponseOf<N extends MessageName> = Protocol[N]['res'];

export type Envelope<N extends MessageName = MessageName> = AnyEnvelope<N, RequestOf<N>>;

/** Boundary checks: anything that is not one of our envelopes is ignored by the handlers. */
export function isBackgroundEnvelope(value: unknown): value is Envelope<keyof BackgroundProtocol> {
  return isEnvelopeFor(BACKGROUND_MESSAGES, value);
}

/**
 * The payload of a background message as its schema reads it, or an error naming the
 * message and the field (`history:seen: url: Invalid type: …`).
 */
export function checkBackgroundRequest<N extends keyof BackgroundProtocol>(
  name: N,
  payload: unknown,
): BackgroundProtocol[N]['req'] {
  return checkRequest(BACKGROUND_MESSAGES, name, payload) as BackgroundProtocol[N]['req'];
}
/** Whether only our extension pages may send `name` (never a content script). */
export function isPagesOnly(name: keyof BackgroundProtocol): boolean {
  const spec: MessageSpec = BACKGROUND_MESSAGES[name];
  return spec.pagesOnly === true;
}

/** A message of the contract, ready to send. */
export const envelope: <N extends MessageName>(name: N, payload: RequestOf<N>) => Envelope<N> =
  anyEnvelope;

/** A handler per message; `sender` lets a handler check who asked. */
export type Handlers<P extends { [N in keyof P]: { req: unknown; res: unknown } }> = {
  [N in keyof P]: (
    payload: P[N]['req'],
    sender: { tabId?: number; url?: string; frameId?: number; incognito?: boolean },
  ) => P[N]['res'] | Promise<P[N]['res']>;
};
