/**
 * The library file (versioned, schema-checked: a foreign or damaged file is refused with
 * what is wrong) and merging it into a library (duplicates by address skipped, names by
 * any form already tracked), and removal.
 */
import { describe, expect, it } from 'vitest';
import {
  LIBRARY_FILE_VERSION,
  LIBRARY_FORMAT,
  LibraryFileError,
  parseLibraryFile,
  toLibraryFile,
} from '../../lib/library/file';
import {
  mergeLibrary,
  nameIdOf,
  sourceIdOf,
  withoutName,
  withoutSource,
} from '../../lib/library/merge';
import type { Library, LibrarySource } from '../../lib/library/types';

const source = (url: string, text = `Text of ${url}.`): LibrarySource => ({
  url,
  addedAt: '2025-02-03T08:00:00.000Z',
  title: `Title of ${url}`,
  outlet: null,
  byline: null,
  date: '2025-02-03',
  language: 'en',
  text,
});

const library: Library = {
  sources: [source('https://a.test/1'), source('https://a.test/2')],
  names: [
    {
      id: 'mine-kestrel-advisory',
      label: 'Kestrel Advisory',
      kind: 'organization',
      aliases: ['Kestrel'],
      addedAt: '2025-02-03T09:00:00.000Z',
    },
  ],
};

const file = (over: Record<string, unknown> = {}) =>
  JSON.stringify({ ...toLibraryFile(library, new Date('2025-02-04T00:00:00Z')), ...over });

describe('the library file', () => {
  it('round-trips: what is exported is what is imported, text verbatim', () => {
    const parsed = parseLibraryFile(file());
    expect(parsed.format).toBe(LIBRARY_FORMAT);
    expect(parsed.version).toBe(LIBRARY_FILE_VERSION);
    expect(parsed.sources).toEqual(library.sources);
    expect(parsed.names).toEqual([
      {
        label: 'Kestrel Advisory',
        kind: 'organization',
        aliases: ['Kestrel'],
        addedAt: '2025-02-03T09:00:00.000Z',
      },
    ]);
  });

  it('keeps a text exactly, spaces and all', () => {
    const odd = {
      ...library,
      sources: [source('https://a.test/3', '  Two spaces,\r\nCRLF,\u00a0NBSP. ')],
    };
    const parsed = parseLibraryFile(JSON.stringify(toLibraryFile(odd, new Date())));
    expect(parsed.sources[0]?.text).toBe('  Two spaces,\r\nCRLF,\u00a0NBSP. ');
  });

  // biome-ignore lint/suspicious/noExplicitAny: files are damaged on purpose, any shape goes
  const damaged = (edit: (f: any) => void) => {
    const f = JSON.parse(file());
    edit(f);
    return JSON.stringify(f);
  };

  it.each([
    ['not JSON', '{"format": ', /not JSON/],
    ['JSON but not an object', '[1, 2]', /not a Sourcelight library file: it holds no object/],
    [
      'reading history, not a library',
      JSON.stringify({ format: 'sourcelight-history', pages: [] }),
      /its format is "sourcelight-history", not "sourcelight-library"/,
    ],
    ['no format', '{"sources": []}', /it has no "format"/],
    [
      'a newer version',
      file({ version: 2 }),
      /newer Sourcelight \(version 2\); this one reads version 1/,
    ],
    [
      'a date that is no date',
      damaged((f) => {
        f.sources[1].date = '3 Feb 2025';
      }),
      /sources\[1\]\.date must be YYYY-MM-DD or null/,
    ],
    [
      'an address that is no web page',
      damaged((f) => {
        f.sources[0].url = 'javascript:alert(1)';
      }),
      /sources\[0\]\.url must be an http\(s\) or file address/,
    ],
    [
      'an empty text',
      damaged((f) => {
        f.sources[0].text = '';
      }),
      /sources\[0\]\.text must not be empty/,
    ],
    [
      'a missing field',
      damaged((f) => {
        delete f.sources[0].language;
      }),
      /sources\[0\]\.language is missing/,
    ],
    [
      'an unknown kind',
      damaged((f) => {
        f.names[0].kind = 'robot';
      }),
      /names\[0\]\.kind must be one of person, organization/,
    ],
    [
      'a field nobody knows',
      damaged((f) => {
        f.sources[0].script = 'x';
      }),
      /sources\[0\] has an unknown field "script"/,
    ],
    [
      'no names list',
      damaged((f) => {
        delete f.names;
      }),
      /names is missing/,
    ],
  ])('refuses %s, saying what is wrong', (_why, text, message) => {
    expect(() => parseLibraryFile(text)).toThrow(LibraryFileError);
    expect(() => parseLibraryFile(text)).toThrow(message);
  });
});

describe('mergeLibrary', () => {
  it('adds what is new; skips addresses already here and twice in the file', () => {
    const incoming = parseLibraryFile(
      JSON.stringify(
        toLibraryFile(
          {
            sources: [
              source('https://a.test/2'),
              source('https://b.test/new'),
              source('https://b.test/new'),
            ],
            names: [],
          },
          new Date(),
        ),
      ),
    );
    const merged = mergeLibrary(library, incoming);
    expect(merged.sources.map((s) => s.url)).toEqual(['https://b.test/new']);
    expect(merged.skippedSources).toEqual(['https://a.test/2', 'https://b.test/new']);
  });

  it('skips a name any of whose forms is tracked already (case and spacing do not matter)', () => {
    const merged = mergeLibrary(library, {
      sources: [],
      names: [
        {
          label: 'kestrel  ADVISORY',
          kind: 'organization',
          aliases: [],
          addedAt: '2025-02-05T00:00:00Z',
        },
        {
          label: 'Kestrel Group',
          kind: 'organization',
          aliases: ['Kestrel'],
          addedAt: '2025-02-05T00:00:00Z',
        },
        {
          label: 'Moonshot AI',
          kind: 'organization',
          aliases: ['Moonshot', 'moonshot ai', 'Moonshot'],
          addedAt: '2025-02-05T00:00:00Z',
        },
      ],
    });
    expect(merged.skippedNames).toEqual(['kestrel  ADVISORY', 'Kestrel Group']);
    expect(merged.names).toEqual([
      {
        id: 'mine-moonshot-ai',
        label: 'Moonshot AI',
        kind: 'organization',
        aliases: ['Moonshot'],
        addedAt: '2025-02-05T00:00:00Z',
      },
    ]);
  });

  it('leaves the library it was given alone', () => {
    const before = JSON.stringify(library);
    mergeLibrary(library, { sources: [source('https://c.test/')], names: [] });
    expect(JSON.stringify(library)).toBe(before);
  });
});

describe('removal and ids', () => {
  it('removes one source by address, one name by id', () => {
    expect(withoutSource(library, 'https://a.test/1').sources.map((s) => s.url)).toEqual([
      'https://a.test/2',
    ]);
    expect(withoutName(library, 'mine-kestrel-advisory').names).toEqual([]);
  });

  it('gives sources ids that sort by date added and differ by address', () => {
    const early = sourceIdOf({ url: 'https://z.test/', addedAt: '2025-01-01T00:00:00Z' });
    const late = sourceIdOf({ url: 'https://a.test/', addedAt: '2025-06-01T00:00:00Z' });
    const sameTime = sourceIdOf({ url: 'https://b.test/', addedAt: '2025-06-01T00:00:00Z' });
    expect(early < late).toBe(true);
    expect(late).not.toBe(sameTime);
    expect(early).toMatch(/^u[0-9a-z]{15}$/);
  });

  it('gives names readable ids, unique, Chinese names too', () => {
    expect(nameIdOf('Zhipu AI', new Set())).toBe('mine-zhipu-ai');
    expect(nameIdOf('Zhipu AI', new Set(['mine-zhipu-ai']))).toBe('mine-zhipu-ai-2');
    expect(nameIdOf('João Gomes', new Set())).toBe('mine-joao-gomes');
    expect(nameIdOf('月之暗面', new Set())).toMatch(/^mine-[0-9a-f]+$/);
  });
});
