/**
 * Payload checks at the boundary. The envelope check says a message is ours; these say its
 * payload has the shape its handler relies on, so a malformed request gets a clear error
 * instead of reaching IndexedDB (where a TypeError would look like a storage failure).
 */
import type { BackgroundProtocol, TermCount } from '../messages';
import { ENTITY_KINDS } from '../pack/types';

type Name = keyof BackgroundProtocol;
const ENTITY_KIND_SET: ReadonlySet<string> = new Set(ENTITY_KINDS);

const isString = (v: unknown, max = 4096): v is string => typeof v === 'string' && v.length <= max;
/**
 * A page's address and title are the page's to choose, and can be long (an address of
 * over 4,096 characters was refused: no badge, no history; issue 19). Anything a browser
 * can hold is taken; history keeps a bounded part of it (history.ts).
 */
const PAGE_STRING_MAX = 2 * 1024 * 1024;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

function isTermCount(v: unknown): v is TermCount {
  return (
    isObject(v) &&
    isString(v.id, 200) &&
    isString(v.label, 500) &&
    (v.kind === 'entity' || v.kind === 'figure') &&
    (v.entityKind === null || ENTITY_KIND_SET.has(v.entityKind as string)) &&
    Number.isInteger(v.count) &&
    (v.count as number) >= 0
  );
}

const CHECKS: Partial<Record<Name, (p: Record<string, unknown>) => string | null>> = {
  'page:terms': (p) =>
    !isString(p.url, PAGE_STRING_MAX) || !isString(p.title, PAGE_STRING_MAX)
      ? 'url and title must be strings'
      : !Array.isArray(p.terms) || p.terms.length > 5000 || !p.terms.every(isTermCount)
        ? 'terms must be a list of { id, label, kind, entityKind, count }'
        : null,
  'history:seen': (p) =>
    isString(p.id, 200) && isString(p.url, PAGE_STRING_MAX) ? null : 'id and url must be strings',
  'reader:open': (p) =>
    isString(p.sourceId, 200) && (p.claimId === undefined || isString(p.claimId, 200))
      ? null
      : 'sourceId (and claimId, if given) must be strings',
  'pack:search': (p) => (typeof p.query === 'string' ? null : 'query must be a string'),
  'page:host': (p) => (Number.isInteger(p.tabId) ? null : 'tabId must be a whole number'),
};

/** Throws a clear error naming the message and what is wrong with its payload. */
export function checkPayload(name: Name, payload: Record<string, unknown>): void {
  const problem = CHECKS[name]?.(payload);
  if (problem) throw new Error(`${name}: ${problem}`);
}
