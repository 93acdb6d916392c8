/**
 * The one typed message contract between the content script, the background and the
 * extension pages. Each entry names a request and its response; `send` and the background's
 * handler map are both typed from this table, so a caller and its handler cannot drift.
 */
import { browser } from 'wxt/browser';

export interface PackSummary {
  sources: { id: string; title: string | null; date: string | null; outlet: string | null }[];
  entityCount: number;
  claimCount: number;
  figureCount: number;
  topicCount: number;
}

export interface Protocol {
  'pack:summary': { req: Record<string, never>; res: PackSummary };
}

export type MessageName = keyof Protocol;
export type RequestOf<N extends MessageName> = Protocol[N]['req'];
export type ResponseOf<N extends MessageName> = Protocol[N]['res'];

export interface Envelope<N extends MessageName = MessageName> {
  /** Marks our own messages apart from anything else on the runtime channel. */
  sourcelight: 1;
  name: N;
  payload: RequestOf<N>;
}

const NAMES: ReadonlySet<string> = new Set<MessageName>(['pack:summary']);

/** Boundary check: anything that is not one of our envelopes is ignored by the handlers. */
export function isEnvelope(value: unknown): value is Envelope {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return v.sourcelight === 1 && typeof v.name === 'string' && NAMES.has(v.name);
}

export function envelope<N extends MessageName>(name: N, payload: RequestOf<N>): Envelope<N> {
  return { sourcelight: 1, name, payload };
}

/** Ask the background. */
export async function send<N extends MessageName>(
  name: N,
  payload: RequestOf<N>,
): Promise<ResponseOf<N>> {
  return (await browser.runtime.sendMessage(envelope(name, payload))) as ResponseOf<N>;
}

export type Handlers = {
  [N in MessageName]: (payload: RequestOf<N>) => ResponseOf<N> | Promise<ResponseOf<N>>;
};
