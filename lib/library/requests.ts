/**
 * The library messages' payloads, checked with valibot at the boundary before anything
 * reaches storage (background only; the lead ports these into the contract's schemas).
 */
import * as v from 'valibot';
import { ENTITY_KINDS } from '../pack/types';
import { LIBRARY_LIMITS as LIMITS, LibrarySourceSchema } from './file';
import type { LibraryProtocol } from './protocol';

const Str = (max: number) => v.pipe(v.string(), v.maxLength(max));
const Empty = v.strictObject({});
const Metadata = v.strictObject({
  title: LibrarySourceSchema.entries.title,
  outlet: LibrarySourceSchema.entries.outlet,
  byline: LibrarySourceSchema.entries.byline,
  date: LibrarySourceSchema.entries.date,
  language: LibrarySourceSchema.entries.language,
});

export const LIBRARY_REQUESTS = {
  'library:status': Empty,
  'library:list': Empty,
  'library:stage': v.strictObject({
    page: v.strictObject({
      url: LibrarySourceSchema.entries.url,
      text: LibrarySourceSchema.entries.text,
      metadata: Metadata,
    }),
    tabId: v.optional(v.pipe(v.number(), v.integer())),
  }),
  'library:draft': v.strictObject({ id: Str(100) }),
  'library:confirm': v.strictObject({ id: Str(100), metadata: Metadata }),
  'library:discard': v.strictObject({ id: Str(100) }),
  'library:remove-source': v.strictObject({ url: Str(4096) }),
  'library:track': v.strictObject({
    label: v.pipe(v.string(), v.trim(), v.minLength(1, 'a name is needed'), v.maxLength(200)),
    kind: v.picklist(ENTITY_KINDS, 'pick what kind of name it is'),
    aliases: v.pipe(
      v.array(v.pipe(v.string(), v.trim(), v.maxLength(200))),
      v.maxLength(LIMITS.aliases),
    ),
  }),
  'library:untrack': v.strictObject({ id: Str(200) }),
  'library:export': Empty,
  'library:import': v.strictObject({ text: Str(LIMITS.sources * LIMITS.textChars) }),
  'library:clear': Empty,
  'library:sources': Empty,
} satisfies Record<keyof LibraryProtocol, v.GenericSchema>;

/** Throws a clear error naming the message and the field when a payload is malformed. */
export function checkLibraryRequest<N extends keyof LibraryProtocol>(
  name: N,
  payload: unknown,
): LibraryProtocol[N]['req'] {
  const parsed = v.safeParse(LIBRARY_REQUESTS[name], payload);
  if (parsed.success) return parsed.output as LibraryProtocol[N]['req'];
  const issue = parsed.issues[0] as v.BaseIssue<unknown>;
  const field = (issue.path ?? []).map((p) => String(p.key)).join('.');
  throw new Error(`${name}: ${field ? `${field}: ` : ''}${issue.message}`);
}
