/**
 * How a table of messages is written (lib/messages.ts, lib/library/protocol.ts): each
 * entry is a valibot schema for its request, the type of its answer, and who may send it.
 * The request types are inferred from the schemas, so a message's name, its check and its
 * type are written once. Answers are ours (the background builds them), so only their type
 * is carried. Pure: no extension API here.
 */
import * as v from 'valibot';

declare const ANSWER: unique symbol;
/** An answer's type, carried by a table entry for the type checker only. */
export interface Answer<T> {
  readonly [ANSWER]?: T;
}
/** `res: answer<PackSummary>()`: the message answers a `PackSummary`. */
export const answer = <T>(): Answer<T> => ({});

export interface MessageSpec {
  req: v.GenericSchema;
  res: Answer<unknown>;
  /**
   * Only our own extension pages may send it: it reads or wipes history or the library, or
   * reads about other tabs. A content script speaks for a page, which may be hostile.
   */
  pagesOnly?: true;
}

export type MessageTable = Record<string, MessageSpec>;

/** A request with nothing in it: `{}` and nothing else. */
export const Empty = v.strictObject({});

/** `{}` reads as "anything but null" to TypeScript; an empty request is typed as what it is. */
type Request<S extends v.GenericSchema> = keyof v.InferOutput<S> extends never
  ? Record<string, never>
  : v.InferOutput<S>;

/** A table's messages as `{ name: { req, res } }`, the shape `Handlers` and callers use. */
export type ProtocolOf<T extends MessageTable> = {
  -readonly [N in keyof T]: {
    req: Request<T[N]['req']>;
    res: T[N]['res'] extends Answer<infer R> ? R : never;
  };
};

/** A message on the wire: its name and payload, marked as ours. */
export interface Envelope<N extends string = string, P = unknown> {
  /** Marks our own messages apart from anything else on the runtime channel. */
  sourcelight: 1;
  name: N;
  payload: P;
}

export function envelope<N extends string, P>(name: N, payload: P): Envelope<N, P> {
  return { sourcelight: 1, name, payload };
}

/** Whether `value` is one of our envelopes for a message of `table` (else: not ours). */
export function isEnvelopeFor(table: MessageTable, value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const e = value as Record<string, unknown>;
  return (
    e.sourcelight === 1 &&
    typeof e.name === 'string' &&
    Object.hasOwn(table, e.name) &&
    typeof e.payload === 'object' &&
    e.payload !== null
  );
}

/**
 * The payload as its schema reads it (strings trimmed where the schema says so), or a
 * clear error naming the message and the field: `page:terms: terms.0.kind: Invalid type…`.
 */
export function checkRequest(table: MessageTable, name: string, payload: unknown): unknown {
  const spec = table[name];
  if (!spec) throw new Error(`${name}: not a message of this contract`);
  const parsed = v.safeParse(spec.req, payload);
  if (parsed.success) return parsed.output;
  const issue = parsed.issues[0];
  const field = v.getDotPath(issue);
  throw new Error(`${name}: ${field ? `${field}: ` : ''}${issue.message}`);
}
