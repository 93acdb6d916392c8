// @vitest-environment happy-dom
/**
 * The popup against the real background (started on the fake browser with the fixture
 * pack) and a fake content script that answers tab messages.
 */
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createPopupApi, type PopupApi } from '../../components/popup/api';
import { Popup, toggleSite } from '../../components/popup/Popup';
import { startBackground } from '../../lib/background/main';
import { envelope, isTabEnvelope, type TermCount } from '../../lib/messages';
import { DEFAULT_SETTINGS, settingsItem } from '../../lib/settings';
import { fixturePack } from '../fixtures/pack';
import { routeMessagesFrom } from './route-messages';

const pageTerms: TermCount[] = [
  { id: 'liang-wenfeng', label: 'Liang Wenfeng', kind: 'entity', entityKind: 'person', count: 3 },
  { id: 'deepseek', label: 'DeepSeek', kind: 'entity', entityKind: 'organization', count: 7 },
  { id: 'nvidia', label: 'Nvidia', kind: 'entity', entityKind: 'organization', count: 1 },
  {
    id: 'training-cost',
    label: "DeepSeek's training cost",
    kind: 'figure',
    entityKind: null,
    count: 2,
    figures: [
      { text: '$5.58 million', verdict: 'within' },
      { text: '$20 million', verdict: 'differs' },
    ],
  },
];

let stop: () => void;
let tabMessages: unknown[];
let api: PopupApi;

async function openNewsTab(url = 'https://news.test/story') {
  const tab = await fakeBrowser.tabs.create({ url });
  await fakeBrowser.tabs.update(tab.id as number, { active: true });
  fakeBrowser.tabs.query = (async () => [{ ...tab, active: true }]) as never;
  return tab;
}

beforeEach(async () => {
  fakeBrowser.reset();
  vi.stubGlobal('indexedDB', new IDBFactory());
  stop = startBackground(fixturePack).stop;
  routeMessagesFrom('/popup.html');
  tabMessages = [];
  // A content script: answers tab:terms with the page's terms.
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (
    _id: number,
    message: unknown,
  ) => {
    if (!isTabEnvelope(message)) throw new Error('not ours');
    tabMessages.push(message);
    return message.name === 'tab:terms' ? pageTerms : null;
  }) as never);
  api = { ...createPopupApi({ search: '' }), close: vi.fn() };
});
afterEach(() => {
  cleanup();
  stop();
});

describe('popup', () => {
  it('lists the terms on the page grouped by kind, with counts', async () => {
    await openNewsTab();
    render(<Popup api={api} />);
    const people = await screen.findByRole('region', { name: /People/ });
    expect(people.textContent).toContain('People (1)');
    const orgs = screen.getByRole('region', { name: /Organizations/ });
    expect(
      within(orgs)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['DeepSeek7', 'Nvidia1']);
    expect(screen.getByRole('region', { name: /Figures/ }).textContent).toContain(
      "DeepSeek's training cost",
    );
  });

  it("lists the page's figures with their verdicts", async () => {
    await openNewsTab();
    render(<Popup api={api} />);
    const figures = await screen.findByRole('list', { name: /page's figures/ });
    expect(
      within(figures)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      "$5.58 million within DeepSeek's training cost",
      "$20 million differs DeepSeek's training cost",
    ]);
    expect(figures.querySelector('.verdict-differs')?.textContent).toBe('differs');
  });

  it('opens the sidebar on a term in the page and closes itself', async () => {
    const tab = await openNewsTab();
    render(<Popup api={api} />);
    fireEvent.click(await screen.findByRole('button', { name: /Liang Wenfeng, 3 on this page/ }));
    await waitFor(() => expect(api.close).toHaveBeenCalled());
    expect(tabMessages).toContainEqual({
      sourcelight: 1,
      name: 'tab:open-sidebar',
      payload: { id: 'liang-wenfeng' },
    });
    expect(fakeBrowser.tabs.sendMessage).toHaveBeenLastCalledWith(tab.id, expect.anything(), {
      frameId: 0,
    });
  });

  it('turns marking off and on for this site in settings', async () => {
    await openNewsTab('https://news.test/story');
    render(<Popup api={api} />);
    const toggle = await screen.findByRole('switch', { name: /Mark terms on news.test/ });
    expect((toggle as HTMLInputElement).checked).toBe(true);
    fireEvent.click(toggle);
    await waitFor(async () =>
      expect((await settingsItem.getValue()).disabledSites).toEqual(['news.test']),
    );
    await waitFor(() => expect((toggle as HTMLInputElement).checked).toBe(false));
    expect(await screen.findByText('Marking is off on this site.')).toBeTruthy();
    expect(screen.queryByRole('region', { name: /People/ })).toBeNull();
    const asked = () => tabMessages.filter((m) => (m as { name: string }).name === 'tab:terms');
    const before = asked().length;
    fireEvent.click(toggle);
    await waitFor(async () => expect((await settingsItem.getValue()).disabledSites).toEqual([]));
    // The page's terms are asked for again once it has rescanned.
    await waitFor(() => expect(asked().length).toBeGreaterThan(before), { timeout: 3000 });
    expect(screen.getByRole('region', { name: /People/ })).toBeTruthy();
  });

  it('gets the site from the content script when the tab shows no URL (no activeTab)', async () => {
    const tab = await fakeBrowser.tabs.create({});
    fakeBrowser.tabs.query = (async () => [{ ...tab, url: undefined, active: true }]) as never;
    await fakeBrowser.runtime.onMessage.trigger(
      envelope('page:terms', { url: 'https://quiet.test/a', title: 'A', terms: pageTerms }),
      {
        id: fakeBrowser.runtime.id,
        url: 'https://quiet.test/a',
        frameId: 0,
        tab: { id: tab.id },
      } as never,
    );
    render(<Popup api={api} />);
    expect(await screen.findByRole('switch', { name: /Mark terms on quiet.test/ })).toBeTruthy();
  });

  it('follows a settings change made elsewhere', async () => {
    await openNewsTab();
    render(<Popup api={api} />);
    const toggle = (await screen.findByRole('switch')) as HTMLInputElement;
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, disabledSites: ['news.test'] });
    await waitFor(() => expect(toggle.checked).toBe(false));
  });

  it('says so when Sourcelight does not run on the page', async () => {
    await openNewsTab('chrome://settings');
    vi.mocked(fakeBrowser.tabs.sendMessage).mockRejectedValue(
      new Error('Could not establish connection. Receiving end does not exist.'),
    );
    render(<Popup api={api} />);
    expect(await screen.findByText(/does not run on this page/)).toBeTruthy();
    expect(screen.queryByRole('switch')).toBeNull();
  });

  it('searches the pack and expands a hit to its quotes with their sources', async () => {
    await openNewsTab();
    render(<Popup api={api} />);
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search the sources' }), {
      target: { value: '梁文鋒' },
    });
    const results = await screen.findByRole('list', { name: 'Search results' });
    const hit = within(results).getByText('Liang Wenfeng');
    expect(results.textContent).toContain('“梁文鋒”');
    fireEvent.click(hit);
    const quote = within(results).getByText('Liang Weenfeng leads Deepsek.');
    const figure = quote.closest('figure') as HTMLElement;
    // The source by its label, with its caveat; the link opens the reader at the claim.
    expect(figure.querySelector('.source-name')?.textContent).toBe('BBC News · 2025-01-29');
    expect(figure.querySelector('.caveat')?.textContent).toBe(
      'Machine-garbled English credited to BBC News.',
    );
    const link = within(figure).getByRole('link');
    expect(link.textContent).toBe('Read in source');
    expect(link.getAttribute('href')).toBe('/reader.html?source=s001&claim=c4');
    expect(within(figure).getByRole('button', { name: 'Copy with citation' })).toBeTruthy();
  });

  it('shows both sides of a disagreement on figures', async () => {
    await openNewsTab();
    render(<Popup api={api} />);
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: '$5.6 million' } });
    const results = await screen.findByRole('list', { name: 'Search results' });
    expect(results.textContent).toContain('differ, both can be true');
    expect(results.textContent).not.toMatch(/disagree/);
    expect(results.textContent).toContain('less than $6 million');
    expect(results.textContent).toContain('$5.6 million');
  });

  it('says when nothing matches', async () => {
    await openNewsTab();
    render(<Popup api={api} />);
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'zebra' } });
    expect(await screen.findByText(/Nothing in the pack matches “zebra”/)).toBeTruthy();
  });

  it('shows the pack at a glance: sources by label with date, counts', async () => {
    await openNewsTab();
    render(<Popup api={api} />);
    const about = await screen.findByRole('region', { name: 'About the pack' });
    expect(about.textContent).toContain('5 names, 7 quotes, 2 figures in 1 topics, from 2 sources');
    // The date as the source prints it, even without a year.
    // Named by its outlet, not said twice.
    expect(about.textContent).toContain('BBC News Wednesday, January 29, 2025');
    expect(about.textContent).toContain('China heralds DeepSeek Friday, January 31');
  });

  it('links to the library, history and options', async () => {
    await openNewsTab();
    render(<Popup api={api} />);
    const nav = screen.getByRole('navigation', { name: 'Sourcelight pages' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((a) => a.getAttribute('href')),
    ).toEqual(['/reader.html', '/library.html', '/reading-history.html', '/options.html']);
  });

  it('says when history is unavailable', async () => {
    vi.stubGlobal('indexedDB', undefined);
    await openNewsTab();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    render(<Popup api={api} />);
    expect((await screen.findByRole('status')).textContent).toMatch(/history is unavailable/);
  });
});

describe('popup helpers', () => {
  it('toggles one site and keeps the others', () => {
    const s = { ...DEFAULT_SETTINGS, disabledSites: ['b.test'] };
    expect(toggleSite(s, 'a.test', false).disabledSites).toEqual(['a.test', 'b.test']);
    expect(toggleSite(s, 'b.test', true).disabledSites).toEqual([]);
    expect(toggleSite(s, 'a.test', true).disabledSites).toEqual(['b.test']);
  });
});

describe('popup api', () => {
  it('closes the toolbar popup, but not the popup opened as a page for a tab', () => {
    const close = vi.spyOn(globalThis, 'close').mockImplementation(() => {});
    createPopupApi({ search: '?tab=12' }).close();
    expect(close).not.toHaveBeenCalled();
    createPopupApi({ search: '' }).close();
    expect(close).toHaveBeenCalledOnce();
  });
});
