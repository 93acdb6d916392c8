// @vitest-environment happy-dom
/** The history page against the real background and history store (fake-indexeddb). */
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { byPage, byTerm } from '../../components/history/group';
import { HistoryPage, PAGE_SIZE } from '../../components/history/HistoryPage';
import { createHistoryApi, downloadJson } from '../../components/shared/history-api';
import { startBackground } from '../../lib/background/main';
import { envelope, type TermCount } from '../../lib/messages';
import type { HistoryExport } from '../../lib/store/history-store';
import { fixturePack } from '../fixtures/pack';
import { routeMessagesFrom } from './route-messages';

const deepseek: TermCount = {
  id: 'deepseek',
  label: 'DeepSeek',
  kind: 'entity',
  entityKind: 'organization',
  count: 3,
};
const h800: TermCount = { id: 'h800', label: 'H800', kind: 'entity', entityKind: 'chip', count: 1 };

let stop: () => void;

async function visit(url: string, title: string, terms: TermCount[]) {
  await fakeBrowser.runtime.onMessage.trigger(envelope('page:terms', { url, title, terms }), {
    id: fakeBrowser.runtime.id,
    url,
    frameId: 0,
    tab: { id: 5, incognito: false },
  } as never);
}

beforeEach(async () => {
  fakeBrowser.reset();
  vi.stubGlobal('indexedDB', new IDBFactory());
  stop = startBackground(fixturePack).stop;
  routeMessagesFrom('/reading-history.html');
  await visit('https://a.test/one', 'DeepSeek shocks markets', [deepseek, h800]);
  await visit('https://b.test/two', 'Chips and export rules', [h800]);
});
afterEach(() => {
  cleanup();
  stop();
});

describe('history page', () => {
  it('lists terms with the pages each was seen on', async () => {
    render(<HistoryPage api={createHistoryApi()} />);
    const terms = await screen.findByRole('list', { name: 'Terms' });
    const items = within(terms)
      .getAllByRole('heading')
      .map((h) => h.textContent);
    expect(items).toEqual(['H800 seen on 2 pages', 'DeepSeek seen on 1 page']);
    const links = within(terms).getAllByRole('link');
    expect(links.map((a) => a.getAttribute('href'))).toContain('https://b.test/two');
  });

  it('lists pages with their terms', async () => {
    render(<HistoryPage api={createHistoryApi()} />);
    fireEvent.click(await screen.findByLabelText('By page'));
    const pages = await screen.findByRole('list', { name: 'Pages' });
    expect(pages.textContent).toContain('DeepSeek shocks markets');
    expect(pages.textContent).toContain('DeepSeek · H800');
  });

  it('searches terms and pages', async () => {
    render(<HistoryPage api={createHistoryApi()} />);
    await screen.findByRole('list', { name: 'Terms' });
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search history' }), {
      target: { value: 'deepseek' },
    });
    // DeepSeek by name, H800 because one of its pages is titled "DeepSeek shocks markets".
    await waitFor(() => expect(screen.getAllByRole('heading', { level: 3 })).toHaveLength(2));
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'export rules' } });
    await waitFor(() =>
      expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual([
        'H800 seen on 2 pages',
      ]),
    );
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'zebra' } });
    expect(await screen.findByText('Nothing matches “zebra”.')).toBeTruthy();
  });

  it('exports everything as JSON', async () => {
    const download = vi.fn();
    render(<HistoryPage api={createHistoryApi()} download={download} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Export history as JSON' }));
    await waitFor(() => expect(download).toHaveBeenCalledOnce());
    const [name, data] = download.mock.calls[0] as [string, HistoryExport];
    expect(name).toMatch(/^sourcelight-history-\d{4}-\d{2}-\d{2}\.json$/);
    expect(data.format).toBe('sourcelight-history');
    expect(data.pages.map((p) => p.url).sort()).toEqual([
      'https://a.test/one',
      'https://b.test/two',
    ]);
    expect(data.sightings).toHaveLength(3);
  });

  it('clears all history after confirmation', async () => {
    render(<HistoryPage api={createHistoryApi()} />);
    await screen.findByRole('list', { name: 'Terms' });
    fireEvent.click(screen.getByRole('button', { name: 'Clear all history' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, clear all' }));
    expect(await screen.findByText(/No history yet/)).toBeTruthy();
  });

  it('says history is unavailable when IndexedDB fails', async () => {
    stop();
    vi.stubGlobal('indexedDB', undefined);
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    stop = startBackground(fixturePack).stop;
    render(<HistoryPage api={createHistoryApi()} />);
    expect(await screen.findByText(/Reading history is unavailable/)).toBeTruthy();
  });
});

describe('a long history', () => {
  it('renders the first groups and more on request', async () => {
    const n = PAGE_SIZE + 30;
    const data: HistoryExport = {
      format: 'sourcelight-history',
      schemaVersion: 2,
      exportedAt: '2025-01-30T00:00:00.000Z',
      pages: [],
      sightings: Array.from({ length: n }, (_, i) => ({
        termId: `t${i}`,
        label: `Term ${i}`,
        kind: 'entity' as const,
        entityKind: 'person',
        url: `https://a.test/${i}`,
        title: `Page ${i}`,
        firstSeen: i,
        lastSeen: i,
        occurrences: 1,
      })),
    };
    const api = { list: async () => ({ available: true as const, data }), clear: vi.fn() };
    render(<HistoryPage api={api} />);
    const terms = await screen.findByRole('list', { name: 'Terms' });
    expect(within(terms).getAllByRole('heading')).toHaveLength(PAGE_SIZE);
    fireEvent.click(screen.getByRole('button', { name: 'Show more (30 left)' }));
    await waitFor(() => expect(within(terms).getAllByRole('heading')).toHaveLength(n));
    expect(screen.queryByRole('button', { name: /Show more/ })).toBeNull();
  });
});

describe('history grouping', () => {
  const data: HistoryExport = {
    format: 'sourcelight-history',
    schemaVersion: 2,
    exportedAt: '2025-01-30T00:00:00.000Z',
    pages: [{ url: 'https://a.test/', title: 'A', firstSeen: 1, lastSeen: 5 }],
    sightings: [
      {
        termId: 'x',
        label: 'X',
        kind: 'entity',
        entityKind: 'person',
        url: 'https://a.test/',
        title: 'A',
        firstSeen: 1,
        lastSeen: 5,
        occurrences: 1,
      },
      // A sighting whose page record is missing still shows, under its own title.
      {
        termId: 'x',
        label: 'X',
        kind: 'entity',
        entityKind: 'person',
        url: 'https://b.test/',
        title: 'B',
        firstSeen: 2,
        lastSeen: 9,
        occurrences: 1,
      },
    ],
  };

  it('orders a term’s pages newest first', () => {
    expect(byTerm(data)[0]?.pages.map((p) => p.title)).toEqual(['B', 'A']);
  });

  it('orders pages newest first', () => {
    expect(byPage(data).map((g) => g.page.title)).toEqual(['B', 'A']);
  });
});

describe('downloadJson', () => {
  it('clicks a download link holding the JSON', async () => {
    const clicked: { name: string; href: string }[] = [];
    const doc = {
      createElement: () => {
        const a = {
          href: '',
          download: '',
          click: () => clicked.push({ name: a.download, href: a.href }),
        };
        return a;
      },
    } as unknown as Document;
    const created = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:x');
    downloadJson('h.json', { a: 1 }, doc);
    expect(clicked).toEqual([{ name: 'h.json', href: 'blob:x' }]);
    const blob = created.mock.calls[0]?.[0] as Blob;
    expect(JSON.parse(await blob.text())).toEqual({ a: 1 });
  });
});
