import { describe, expect, it, vi } from 'vitest';
import { createRouter, type Sender } from '../../lib/background/router';
import { LIBRARY_MESSAGES } from '../../lib/library/protocol';
import { type BackgroundProtocol, envelope, type Handlers } from '../../lib/messages';

const options = {
  extensionId: 'our-id',
  extensionOrigin: 'chrome-extension://our-id/',
  log: () => {},
};

function handlers(): Handlers<BackgroundProtocol> {
  return {
    'pack:summary': vi.fn(() => ({
      sources: [],
      entityCount: 1,
      claimCount: 2,
      figureCount: 3,
      topicCount: 4,
    })),
    'page:terms': vi.fn(() => null),
    'history:seen': vi.fn(() => ({ available: true, count: 0 })),
    'reader:open': vi.fn(() => null),
    'pack:search': vi.fn(({ query }) => ({ query, hits: [] })),
    'history:status': vi.fn(() => ({ state: 'on' as const })),
    'history:list': vi.fn(() => ({ available: false as const })),
    'history:clear': vi.fn(() => ({ available: true })),
    'page:host': vi.fn(() => ({ hostname: null })),
    'term:detail': vi.fn(() => null),
    // The library's messages (lib/library/protocol.ts) are not what this suite is about.
    ...(Object.fromEntries(
      Object.keys(LIBRARY_MESSAGES).map((name) => [name, vi.fn(() => null)]),
    ) as unknown as Pick<Handlers<BackgroundProtocol>, keyof typeof LIBRARY_MESSAGES>),
  };
}

const popup: Sender = { id: 'our-id', url: 'chrome-extension://our-id/popup.html' };
const topFrame: Sender = {
  id: 'our-id',
  url: 'https://news.test/a',
  frameId: 0,
  tab: { id: 7, incognito: false },
};

describe('background router', () => {
  it('answers our own extension pages', async () => {
    const h = handlers();
    const route = createRouter(h, options);
    await expect(route(envelope('pack:search', { query: 'liang' }), popup)).resolves.toEqual({
      query: 'liang',
      hits: [],
    });
  });

  it('answers a content script in a top frame and tells the handler which tab', async () => {
    const h = handlers();
    const route = createRouter(h, options);
    const payload = { url: 'https://news.test/a', title: 'A', terms: [] };
    await route(envelope('page:terms', payload), { ...topFrame, tab: { id: 7, incognito: true } });
    expect(h['page:terms']).toHaveBeenCalledWith(payload, {
      tabId: 7,
      url: 'https://news.test/a',
      frameId: 0,
      incognito: true,
    });
  });

  it.each<[string, Sender]>([
    ['another extension', { ...popup, id: 'someone-else' }],
    ['a sender with no id', { url: 'https://news.test/' }],
    ['a content script in a sub-frame', { ...topFrame, frameId: 3 }],
    ['a content script without a tab', { id: 'our-id', url: 'https://news.test/', frameId: 0 }],
    [
      'a page posing as our origin in its path',
      { ...topFrame, url: 'https://evil.test/chrome-extension://our-id/', frameId: 2 },
    ],
  ])('ignores %s', (_, sender) => {
    const h = handlers();
    const route = createRouter(h, options);
    expect(route(envelope('pack:summary', {}), sender)).toBeUndefined();
    expect(h['pack:summary']).not.toHaveBeenCalled();
  });

  it.each<[string, unknown]>([
    ['a string', 'pack:summary'],
    ['null', null],
    ['a message without our mark', { name: 'pack:summary', payload: {} }],
    ['an unknown name', { sourcelight: 1, name: 'history:drop-tables', payload: {} }],
    ['a tab message', { sourcelight: 1, name: 'tab:terms', payload: {} }],
    ['a missing payload', { sourcelight: 1, name: 'pack:summary' }],
  ])('ignores %s', (_, message) => {
    const h = handlers();
    const route = createRouter(h, options);
    expect(route(message, popup)).toBeUndefined();
    expect(h['pack:summary']).not.toHaveBeenCalled();
  });

  it.each(['history:list', 'history:clear', 'page:host'] as const)(
    'takes %s only from extension pages, never from a content script',
    async (name) => {
      const h = handlers();
      const route = createRouter(h, options);
      const payload = name === 'page:host' ? { tabId: 7 } : {};
      expect(route(envelope(name, payload as never), topFrame)).toBeUndefined();
      expect(h[name]).not.toHaveBeenCalled();
      await route(envelope(name, payload as never), popup);
      expect(h[name]).toHaveBeenCalledOnce();
    },
  );

  it.each<[string, ReturnType<typeof envelope>, RegExp]>([
    [
      'terms that are not a list',
      envelope('page:terms', { url: 'https://a.test/', title: 'A', terms: 'x' as never }),
      /^page:terms: terms: must be a list/,
    ],
    [
      'a term of unknown kind',
      envelope('page:terms', {
        url: 'https://a.test/',
        title: 'A',
        terms: [{ id: 'x', label: 'X', kind: 'word', entityKind: null, count: 1 } as never],
      }),
      /^page:terms: terms\.0\.kind: /,
    ],
    [
      'a url that is not a string',
      envelope('history:seen', { id: 'x', url: 3 as never }),
      /^history:seen: url: .*string/,
    ],
    ['a search without a query', envelope('pack:search', {} as never), /^pack:search: query: /],
    [
      'a claim id that is not a string',
      envelope('reader:open', { sourceId: 's000', claimId: 5 as never }),
      /^reader:open: claimId: .*string/,
    ],
  ])(
    'refuses %s with an error naming the message and the field, before the handler runs',
    async (_, message, error) => {
      const h = handlers();
      const route = createRouter(h, options);
      await expect(route(message, topFrame)).rejects.toThrow(error);
      expect(h['page:terms']).not.toHaveBeenCalled();
      expect(h['history:seen']).not.toHaveBeenCalled();
      expect(h['pack:search']).not.toHaveBeenCalled();
      expect(h['reader:open']).not.toHaveBeenCalled();
    },
  );

  it('passes a handler error back to the caller and logs it', async () => {
    const h = handlers();
    h['reader:open'] = () => {
      throw new Error('reader:open: no source with id "nope"');
    };
    const log = vi.fn();
    const route = createRouter(h, { ...options, log });
    await expect(route(envelope('reader:open', { sourceId: 'nope' }), topFrame)).rejects.toThrow(
      /no source/,
    );
    expect(log).toHaveBeenCalledOnce();
  });
});
