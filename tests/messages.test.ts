/**
 * The message contract (lib/messages.ts): one table gives each message's name, the check
 * its payload must pass, its types and who may send it. The router's behaviour is in
 * tests/background/router.test.ts; this is the table itself.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { TermDetail } from '../lib/knowledge/types';
import { LIBRARY_MESSAGES } from '../lib/library/protocol';
import {
  BACKGROUND_MESSAGES,
  checkBackgroundRequest,
  checkTabRequest,
  envelope,
  isBackgroundEnvelope,
  isPagesOnly,
  isTabEnvelope,
  type PackSummary,
  type RequestOf,
  type ResponseOf,
  TAB_MESSAGES,
} from '../lib/messages';

describe('the envelopes', () => {
  it.each(Object.keys(BACKGROUND_MESSAGES) as (keyof typeof BACKGROUND_MESSAGES)[])(
    '%s is a background message and not a tab one',
    (name) => {
      expect(isBackgroundEnvelope(envelope(name, {} as never))).toBe(true);
      expect(isTabEnvelope(envelope(name, {} as never))).toBe(false);
    },
  );

  it.each(Object.keys(TAB_MESSAGES) as (keyof typeof TAB_MESSAGES)[])(
    '%s is a tab message and not a background one',
    (name) => {
      expect(isTabEnvelope(envelope(name, {} as never))).toBe(true);
      expect(isBackgroundEnvelope(envelope(name, {} as never))).toBe(false);
    },
  );

  it('knows no name the table does not hold, not even an inherited one', () => {
    for (const name of ['toString', '__proto__', 'constructor', 'history:drop']) {
      expect(isBackgroundEnvelope({ sourcelight: 1, name, payload: {} })).toBe(false);
      expect(isTabEnvelope({ sourcelight: 1, name, payload: {} })).toBe(false);
    }
  });

  it('includes the library messages in the background table', () => {
    expect(Object.keys(BACKGROUND_MESSAGES)).toEqual(
      expect.arrayContaining(Object.keys(LIBRARY_MESSAGES)),
    );
  });
});

describe('who may send what', () => {
  // What a content script (a page, which may be hostile) may never ask: read or wipe
  // history, read about other tabs, read or change the library. It may stage a page.
  it('keeps history, other tabs and the library to our own pages', () => {
    const pagesOnly = (Object.keys(BACKGROUND_MESSAGES) as (keyof typeof BACKGROUND_MESSAGES)[])
      .filter(isPagesOnly)
      .sort();
    expect(pagesOnly).toEqual(
      [
        'history:clear',
        'history:list',
        'page:host',
        ...Object.keys(LIBRARY_MESSAGES).filter((n) => n !== 'library:stage'),
      ].sort(),
    );
  });
});

describe('payload checks', () => {
  it('gives the payload as the schema reads it', () => {
    expect(
      checkBackgroundRequest('library:track', {
        label: '  Zhipu AI ',
        kind: 'organization',
        aliases: [' GLM'],
      }),
    ).toEqual({ label: 'Zhipu AI', kind: 'organization', aliases: ['GLM'] });
    expect(checkTabRequest('tab:open-sidebar', { id: 'deepseek' })).toEqual({ id: 'deepseek' });
  });

  it.each<[string, () => unknown, RegExp]>([
    [
      'a nested field',
      () =>
        checkBackgroundRequest('page:terms', {
          url: 'https://a.test/',
          title: 'A',
          terms: [{ id: 'x', label: 'X', kind: 'entity', entityKind: null, count: -1 }],
        }),
      /^page:terms: terms\.0\.count: /,
    ],
    [
      "a figure's verdict",
      () =>
        checkBackgroundRequest('page:terms', {
          url: 'https://a.test/',
          title: 'A',
          terms: [
            {
              id: 'x',
              label: 'X',
              kind: 'figure',
              entityKind: null,
              count: 1,
              figures: [{ text: '$6 million', verdict: 'wrong' }],
            },
          ],
        }),
      /^page:terms: terms\.0\.figures\.0\.verdict: /,
    ],
    [
      'a field it does not know',
      () => checkBackgroundRequest('pack:summary', { x: 1 }),
      /^pack:summary: x: /,
    ],
    [
      'a tab id that is not whole',
      () => checkBackgroundRequest('page:host', { tabId: 1.5 }),
      /^page:host: tabId: /,
    ],
    [
      'a tab message',
      () => checkTabRequest('tab:open-sidebar', { id: 3 }),
      /^tab:open-sidebar: id: /,
    ],
  ])('names the message and the field for %s', (_, check, error) => {
    expect(check).toThrow(error);
  });
});

describe('types from the table', () => {
  it('infers requests and carries answers', () => {
    expectTypeOf<RequestOf<'pack:summary'>>().toEqualTypeOf<Record<string, never>>();
    expectTypeOf<ResponseOf<'pack:summary'>>().toEqualTypeOf<PackSummary>();
    expectTypeOf<RequestOf<'history:seen'>>().toEqualTypeOf<{ id: string; url: string }>();
    expectTypeOf<ResponseOf<'term:detail'>>().toEqualTypeOf<TermDetail | null>();
    expectTypeOf<RequestOf<'tab:open-sidebar'>>().toEqualTypeOf<{ id?: string | undefined }>();
  });
});
