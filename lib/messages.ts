/**
 * The one typed message contract between the content script, the background and the
 * extension pages. Each entry names a request and its response; callers (`send`,
 * `sendToTab`) and handler maps (`Handlers`) are typed from these tables, so a caller and
 * its handler cannot drift. Extend the tables; never send an untyped message.
 */
import { browser } from 'wxt/browser';
import type { TermDetail, TermDetailRequest } from './knowledge/types';
import { type ExtractResult, LIBRARY_MESSAGES, type LibraryProtocol } from './library/protocol';
import type { EntityKind, SourceOrigin } from './pack/types';
import type { FigureVerdict } from './quantity/figure-verdict';
import type { SearchResult } from './search/types';
import type { HistoryExport } from './store/history-store';

export interface PackSummary {
  sources: {
    id: string;
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

/** One term found on a page, with how often. */
export interface TermCount {
  /** Entity id, or topic id for a figure. */
  id: string;
  label: string;
  kind: 'entity' | 'figure';
  entityKind: EntityKind | null;
  count: number;
  /**
   * For a figure term: the figures the page writes for it, each once, with how it stands
   * against the sources' (null: not compared). The popup lists them.
   */
  figures?: { text: string; verdict: FigureVerdict | null }[];
}

/** Messages the background handles (sent with `send`); the library's are in lib/library/protocol.ts. */
export interface BackgroundProtocol extends LibraryProtocol {
  'pack:summary': { req: Record<string, never>; res: PackSummary };
  /** The content script reports what it marked: badge count and reading history. */
  'page:terms': { req: { url: string; title: string; terms: TermCount[] }; res: null };
  /** Reading history for one term: how many pages it was seen on before (not this one). */
  'history:seen': { req: { id: string; url: string }; res: SeenBefore };
  /** Open the source reader in a tab, scrolled to a claim: `reader.html?source=ID&claim=ID`. */
  'reader:open': { req: { sourceId: string; claimId?: string }; res: null };
  /** Search the pack (popup). */
  'pack:search': { req: { query: string }; res: SearchResult };
  /** Whether history is being kept, for the popup's one line about it. */
  'history:status': { req: Record<string, never>; res: { state: HistoryState } };
  /** Everything in history (history page; export is this, as JSON). Extension pages only. */
  'history:list': { req: Record<string, never>; res: HistoryList };
  /** Forget all history. Extension pages only. */
  'history:clear': { req: Record<string, never>; res: { available: boolean } };
  /**
   * The hostname a tab's content script last reported from (popup, when `activeTab` gave
   * it no URL). Extension pages only.
   */
  'page:host': { req: { tabId: number }; res: { hostname: string | null } };
  /** What the card and sidebar show about one term; null when the pack does not know it. */
  'term:detail': { req: TermDetailRequest; res: TermDetail | null };
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

/** Messages a tab's content script handles (sent with `sendToTab`). */
export interface TabProtocol {
  /** Terms marked on this page now. */
  'tab:terms': { req: Record<string, never>; res: TermCount[] };
  /** Open the sidebar, on one term or (no id) on the page's list of terms. */
  'tab:open-sidebar': { req: { id?: string }; res: null };
  /** "Add this page": the article and its metadata (lib/library/page-extract.ts). */
  'tab:extract': { req: Record<string, never>; res: ExtractResult };
}

type Protocol = BackgroundProtocol & TabProtocol;
export type MessageName = keyof Protocol;
export type RequestOf<N extends MessageName> = Protocol[N]['req'];
export type ResponseOf<N extends MessageName> = Protocol[N]['res'];

export interface Envelope<N extends MessageName = MessageName> {
  /** Marks our own messages apart from anything else on the runtime channel. */
  sourcelight: 1;
  name: N;
  payload: RequestOf<N>;
}

const BACKGROUND_NAMES: ReadonlySet<string> = new Set<keyof BackgroundProtocol>([
  'pack:summary',
  'page:terms',
  'history:seen',
  'reader:open',
  'pack:search',
  'history:status',
  'history:list',
  'history:clear',
  'page:host',
  'term:detail',
  ...LIBRARY_MESSAGES,
]);
const TAB_NAMES: ReadonlySet<string> = new Set<keyof TabProtocol>([
  'tab:terms',
  'tab:open-sidebar',
  'tab:extract',
]);

function isEnvelopeIn(names: ReadonlySet<string>, value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    v.sourcelight === 1 &&
    typeof v.name === 'string' &&
    names.has(v.name) &&
    typeof v.payload === 'object' &&
    v.payload !== null
  );
}

/** Boundary checks: anything that is not one of our envelopes is ignored by the handlers. */
export function isBackgroundEnvelope(value: unknown): value is Envelope<keyof BackgroundProtocol> {
  return isEnvelopeIn(BACKGROUND_NAMES, value);
}
export function isTabEnvelope(value: unknown): value is Envelope<keyof TabProtocol> {
  return isEnvelopeIn(TAB_NAMES, value);
}

export function envelope<N extends MessageName>(name: N, payload: RequestOf<N>): Envelope<N> {
  return { sourcelight: 1, name, payload };
}

/** Ask the background. */
export async function send<N extends keyof BackgroundProtocol>(
  name: N,
  payload: RequestOf<N>,
): Promise<ResponseOf<N>> {
  return (await browser.runtime.sendMessage(envelope(name, payload))) as ResponseOf<N>;
}

/** Ask a tab's content script (top frame only). */
export async function sendToTab<N extends keyof TabProtocol>(
  tabId: number,
  name: N,
  payload: RequestOf<N>,
): Promise<ResponseOf<N>> {
  return (await browser.tabs.sendMessage(tabId, envelope(name, payload), {
    frameId: 0,
  })) as ResponseOf<N>;
}

/** A handler per message; `sender` lets a handler check who asked. */
export type Handlers<P extends { [N in keyof P]: { req: unknown; res: unknown } }> = {
  [N in keyof P]: (
    payload: P[N]['req'],
    sender: { tabId?: number; url?: string; frameId?: number; incognito?: boolean },
  ) => P[N]['res'] | Promise<P[N]['res']>;
};
