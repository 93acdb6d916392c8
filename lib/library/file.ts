/**
 * The library file: the reader's sources and tracked names as one JSON document, to move
 * a library to another browser or share one (a newsroom, a class; `npm run pack -- --library`
 * writes one). Versioned and checked with valibot before anything is stored: a file that is
 * not ours, from a newer version, or wrong in any field is refused whole, with the field
 * named, and the library already stored is not touched.
 */
import * as v from 'valibot';
import { ENTITY_KINDS } from '../pack/types';
import type { Library, LibrarySource, TrackedName } from './types';

export const LIBRARY_FORMAT = 'sourcelight-library';
export const LIBRARY_FILE_VERSION = 1;

/** Limits that keep one file from filling the reader's storage by accident. */
export const LIBRARY_LIMITS = {
  sources: 2000,
  names: 10_000,
  textChars: 2_000_000,
  aliases: 50,
} as const;

/** A source's address: http(s) for pages, file: for articles added from files (the CLI). */
export function isSourceAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'file:';
  } catch {
    return false;
  }
}

const Text = (max: number) =>
  v.pipe(
    v.string(),
    v.trim(),
    v.minLength(1, 'must not be empty'),
    v.maxLength(max, `must be at most ${max} characters`),
  );
const Timestamp = v.pipe(v.string(), v.isoTimestamp('must be an ISO date and time'));

/**
 * A source's fields, each its own schema: the library messages check an extracted page
 * with the same ones (lib/library/protocol.ts). A plain object, so a bundle that takes one
 * field need not keep the rest.
 */
export const SOURCE_FIELDS = {
  url: v.pipe(
    v.string(),
    v.maxLength(4096),
    v.check(isSourceAddress, 'must be an http(s) or file address'),
  ),
  addedAt: Timestamp,
  title: v.nullable(Text(1000)),
  outlet: v.nullable(Text(300)),
  byline: v.nullable(Text(500)),
  date: v.nullable(v.pipe(v.string(), v.isoDate('must be YYYY-MM-DD or null'))),
  language: v.pipe(
    v.string(),
    v.regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as en or zh-CN'),
  ),
  text: v.pipe(
    v.string(),
    v.minLength(1, 'must not be empty'),
    v.maxLength(LIBRARY_LIMITS.textChars, `must be at most ${LIBRARY_LIMITS.textChars} characters`),
  ),
};

export const LibrarySourceSchema = v.strictObject(SOURCE_FIELDS);

export const TrackedNameFileSchema = v.strictObject({
  label: Text(200),
  kind: v.picklist(ENTITY_KINDS, `must be one of ${ENTITY_KINDS.join(', ')}`),
  aliases: v.pipe(
    v.array(Text(200)),
    v.maxLength(LIBRARY_LIMITS.aliases, `at most ${LIBRARY_LIMITS.aliases} aliases`),
  ),
  addedAt: Timestamp,
});

export const LibraryFileSchema = v.strictObject({
  format: v.literal(LIBRARY_FORMAT),
  version: v.literal(LIBRARY_FILE_VERSION),
  exportedAt: Timestamp,
  sources: v.pipe(
    v.array(LibrarySourceSchema),
    v.maxLength(LIBRARY_LIMITS.sources, `at most ${LIBRARY_LIMITS.sources} sources`),
  ),
  names: v.pipe(
    v.array(TrackedNameFileSchema),
    v.maxLength(LIBRARY_LIMITS.names, `at most ${LIBRARY_LIMITS.names} names`),
  ),
});

export type LibraryFile = v.InferOutput<typeof LibraryFileSchema>;
export type TrackedNameInFile = v.InferOutput<typeof TrackedNameFileSchema>;

/** Why a library file was refused; `message` names the file's field. */
export class LibraryFileError extends Error {
  override name = 'LibraryFileError';
}

export function toLibraryFile(library: Library, now: Date): LibraryFile {
  return {
    format: LIBRARY_FORMAT,
    version: LIBRARY_FILE_VERSION,
    exportedAt: now.toISOString(),
    sources: library.sources.map((s) => ({
      url: s.url,
      addedAt: s.addedAt,
      title: s.title,
      outlet: s.outlet,
      byline: s.byline,
      date: s.date,
      language: s.language,
      text: s.text,
    })),
    names: library.names.map(({ label, kind, aliases, addedAt }) => ({
      label,
      kind,
      aliases,
      addedAt,
    })),
  };
}

/** `sources[3].date` from a valibot path. */
function where(issue: v.BaseIssue<unknown>): string {
  let out = '';
  for (const item of issue.path ?? []) {
    const key = item.key as string | number;
    out += typeof key === 'number' ? `[${key}]` : out ? `.${key}` : String(key);
  }
  return out;
}

/** Reads a library file from its text; throws LibraryFileError saying what is wrong. */
export function parseLibraryFile(text: string): LibraryFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new LibraryFileError(`This file is not JSON (${(e as Error).message}).`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new LibraryFileError('This is not a Sourcelight library file: it holds no object.');
  }
  const { format, version } = raw as { format?: unknown; version?: unknown };
  if (format !== LIBRARY_FORMAT) {
    const said =
      typeof format === 'string' ? `its format is "${format.slice(0, 60)}"` : 'it has no "format"';
    throw new LibraryFileError(
      `This is not a Sourcelight library file: ${said}, not "${LIBRARY_FORMAT}".`,
    );
  }
  if (typeof version === 'number' && version > LIBRARY_FILE_VERSION) {
    throw new LibraryFileError(
      `This library file was made by a newer Sourcelight (version ${version}); this one reads version ${LIBRARY_FILE_VERSION}. Update Sourcelight to import it.`,
    );
  }
  const parsed = v.safeParse(LibraryFileSchema, raw);
  if (!parsed.success) {
    const issue = parsed.issues[0] as v.BaseIssue<unknown>;
    const field = where(issue);
    const missing = issue.kind === 'schema' && issue.received === 'undefined';
    if (issue.type === 'strict_object' && !missing) {
      // The path ends at the unknown key: name the object it sits in, and the key.
      const key = String(issue.path?.at(-1)?.key ?? '');
      const parent = field.slice(0, field.length - key.length).replace(/\.$/, '') || 'the file';
      throw new LibraryFileError(
        `This library file is damaged: ${parent} has an unknown field "${key}".`,
      );
    }
    const problem = missing ? 'is missing' : issue.message;
    throw new LibraryFileError(`This library file is damaged: ${field || 'the file'} ${problem}.`);
  }
  return parsed.output;
}

export type { LibrarySource, TrackedName };
