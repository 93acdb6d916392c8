// @vitest-environment happy-dom
/**
 * The library pages against the real background and library store (fake-indexeddb): the
 * review of a page being added, the track form, your library with removal and the
 * library file; and the popup's "Add this page".
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createLibraryApi, type LibraryApi, libraryView } from '../../components/library/api';
import { LibraryRoot } from '../../components/library/LibraryPage';
import { AddPage } from '../../components/popup/AddPage';
import { ReaderPage } from '../../components/reader/ReaderPage';
import { Sidebar, type SidebarProps } from '../../components/Sidebar';
import { startBackground } from '../../lib/background/main';
import { extractArticle } from '../../lib/library/extract';
import { parseHtml } from '../../lib/library/load-files';
import { envelope } from '../../lib/messages';
import { pack } from '../../lib/pack/bundled';
import { packInput } from '../../lib/pack/bundled-input';
import { send } from '../../lib/transport';
import { routeMessagesFrom } from './route-messages';

const ROOT = join(import.meta.dirname, '..', '..');
const URL_ = 'https://harbourwire.test/markets/cheap-ai';
const page = extractArticle(
  parseHtml(readFileSync(join(ROOT, 'tests/e2e/fixtures/added-article.html'), 'utf8'), URL_),
  URL_,
);

let stop: () => void;
let api: LibraryApi;

beforeEach(() => {
  fakeBrowser.reset();
  vi.stubGlobal('indexedDB', new IDBFactory());
  Object.assign(fakeBrowser.contextMenus, {
    removeAll: async () => {},
    create: () => {},
    onClicked: { addListener: () => {}, removeListener: () => {} },
  });
  stop = startBackground(pack, packInput).stop;
  routeMessagesFrom('/library.html');
  api = { ...createLibraryApi(), download: vi.fn() };
});
afterEach(() => {
  cleanup();
  stop();
});

/** Stages the page as its tab's content script would, and returns the draft's id. */
async function stage(): Promise<string> {
  const [answer] = await fakeBrowser.runtime.onMessage.trigger(
    envelope('library:stage', { page }),
    {
      id: fakeBrowser.runtime.id,
      url: URL_,
      frameId: 0,
      tab: { id: 4, incognito: false },
    } as never,
  );
  const staged = (await answer) as { ok: true; draftId: string };
  return staged.draftId;
}

describe('libraryView', () => {
  it.each([
    ['', { type: 'library' }],
    ['?draft=abc', { type: 'review', draftId: 'abc' }],
    ['?track=Moonshot+AI', { type: 'track', name: 'Moonshot AI' }],
  ])('%s', (search, view) => {
    expect(libraryView(search)).toEqual(view);
  });
});

describe('the review page', () => {
  it('shows the text as it will be stored, the metadata, known names, figures and new names', async () => {
    render(<LibraryRoot api={api} search={`?draft=${await stage()}`} />);
    const headline = (await screen.findByLabelText('Headline')) as HTMLInputElement;
    expect(headline.value).toBe(page.metadata.title);
    expect((screen.getByLabelText('Outlet') as HTMLInputElement).value).toBe('Harbour Wire');
    const known = screen.getByRole('heading', { name: 'Names Sourcelight knows here' })
      .parentElement as HTMLElement;
    expect(within(known).getByText('DeepSeek')).toBeTruthy();
    const figures = screen.getByRole('heading', { name: 'Figures' }).parentElement as HTMLElement;
    const loss = within(figures).getByText('$589 billion').parentElement as HTMLElement;
    expect(loss.textContent).toContain("Nvidia's lost market value: differs, but all can be true");
    expect(loss.textContent).toContain('about $600 billion');
    const candidates = screen.getByRole('heading', { name: 'New names?' })
      .parentElement as HTMLElement;
    expect(within(candidates).getByText('Kestrel Advisory')).toBeTruthy();
    const text = document.querySelector('.source-text');
    expect(text?.textContent).toBe(page.text);
  });

  it('adds it with the metadata as the reader left it', async () => {
    render(<LibraryRoot api={api} search={`?draft=${await stage()}`} />);
    const outlet = (await screen.findByLabelText('Outlet')) as HTMLInputElement;
    fireEvent.input(outlet, { target: { value: 'Harbour Wire (Singapore)' } });
    fireEvent.input(screen.getByLabelText('Byline'), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add to my sources' }));
    await screen.findByText(/Added to your sources/);
    const list = await send('library:list', {});
    expect(list.sources).toEqual([
      expect.objectContaining({
        url: URL_,
        outlet: 'Harbour Wire (Singapore)',
        byline: null,
        chars: page.text.length,
      }),
    ]);
  });

  it('tracks a candidate with the kind the reader picks, or ignores it', async () => {
    render(<LibraryRoot api={api} search={`?draft=${await stage()}`} />);
    const item = (await screen.findByText('Kestrel Advisory')).parentElement as HTMLElement;
    fireEvent.click(within(item).getByRole('button', { name: 'Track…' }));
    fireEvent.change(within(item).getByLabelText('Kind'), { target: { value: 'organization' } });
    fireEvent.click(within(item).getByRole('button', { name: 'Track' }));
    await within(item).findByText(/Tracking “Kestrel Advisory”/);
    const moonshot = screen.getByText('Moonshot AI').parentElement as HTMLElement;
    fireEvent.click(within(moonshot).getByRole('button', { name: 'Ignore' }));
    expect(screen.queryByText('Moonshot AI')).toBeNull();
    expect((await send('library:list', {})).names.map((n) => n.label)).toEqual([
      'Kestrel Advisory',
    ]);
  });

  it('says so when the review has expired', async () => {
    render(<LibraryRoot api={api} search="?draft=gone" />);
    await screen.findByText(/This review has expired/);
  });
});

describe('the track form', () => {
  it('asks for the kind, never guesses it', async () => {
    render(<LibraryRoot api={api} search="?track=Zhipu+AI" />);
    expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('Zhipu AI');
    fireEvent.submit(
      screen.getByRole('button', { name: 'Track' }).closest('form') as HTMLFormElement,
    );
    await screen.findByText('Pick what kind of name it is.');
    fireEvent.change(screen.getByLabelText('Kind'), { target: { value: 'organization' } });
    fireEvent.input(screen.getByLabelText(/Also written/), { target: { value: 'Zhipu, 智谱' } });
    fireEvent.click(screen.getByRole('button', { name: 'Track' }));
    await screen.findByText(/Tracking “Zhipu AI”/);
    expect((await send('library:list', {})).names[0]).toMatchObject({
      label: 'Zhipu AI',
      aliases: ['Zhipu', '智谱'],
    });
  });

  it('shows the reason a name is refused', async () => {
    render(<LibraryRoot api={api} search="?track=Nvidia" />);
    fireEvent.change(screen.getByLabelText('Kind'), { target: { value: 'organization' } });
    fireEvent.click(screen.getByRole('button', { name: 'Track' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'already a name Sourcelight knows',
    );
  });
});

describe('your library', () => {
  it('lists your sources with where they came from, and removes one', async () => {
    const id = await stage();
    await send('library:confirm', { id, metadata: page.metadata });
    render(<LibraryRoot api={api} search="" />);
    const link = await screen.findByRole('link', { name: page.metadata.title as string });
    expect(link.getAttribute('href')).toMatch(/^\/reader\.html\?source=u/);
    expect(screen.getByText(/added/).textContent).toContain('harbourwire.test/markets/cheap-ai');
    fireEvent.click(screen.getByRole('button', { name: `Remove ${page.metadata.title}` }));
    await screen.findByText('Source removed.');
    await screen.findByText(/None yet/);
  });

  it('exports the library file', async () => {
    render(<LibraryRoot api={api} search="" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Export library' }));
    await waitFor(() => expect(api.download).toHaveBeenCalledOnce());
    const [name, file] = vi.mocked(api.download).mock.calls[0] as [string, { format: string }];
    expect(name).toMatch(/^sourcelight-library-\d{4}-\d{2}-\d{2}\.json$/);
    expect(file.format).toBe('sourcelight-library');
  });

  it('refuses a bad file with its reason and changes nothing', async () => {
    const id = await stage();
    await send('library:confirm', { id, metadata: page.metadata });
    render(<LibraryRoot api={api} search="" />);
    const input = (await screen.findByLabelText(/Import a library file/)) as HTMLInputElement;
    const file = new File(['{"format":"sourcelight-library","version":1}'], 'broken.json');
    Object.defineProperty(input, 'files', { value: [file] });
    fireEvent.change(input);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(
      'broken.json was not imported: This library file is damaged: exportedAt is missing. Nothing in your library changed.',
    );
    expect((await send('library:list', {})).sources).toHaveLength(1);
  });
});

describe('the popup\'s "Add this page"', () => {
  it('closes the popup when the review opens, says why when the page cannot be read', async () => {
    const close = vi.fn();
    const addPage = vi
      .fn()
      .mockResolvedValueOnce({ ok: false, error: 'No article was found on this page.' })
      .mockResolvedValueOnce({ ok: true });
    render(<AddPage api={{ addPage, close }} tabId={9} />);
    fireEvent.click(screen.getByRole('button', { name: 'Add this page to my sources' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'No article was found on this page.',
    );
    expect(close).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Add this page to my sources' }));
    await waitFor(() => expect(close).toHaveBeenCalledOnce());
    expect(addPage).toHaveBeenCalledWith(9);
  });
});

describe("the sidebar's and the reader's part", () => {
  const noop = () => {};
  const sidebar = (onAddPage?: SidebarProps['onAddPage']) => (
    <Sidebar
      detail={null}
      pageFigure={null}
      seen={null}
      terms={[]}
      canGoBack={false}
      onBack={noop}
      onClose={noop}
      onOpenTerm={noop}
      onShowOnPage={noop}
      onAddPage={onAddPage}
    />
  );

  it('the sidebar offers "Add this page" only when the page can add, and says why not', async () => {
    const { unmount } = render(sidebar());
    expect(screen.queryByRole('button', { name: 'Add this page to my sources' })).toBeNull();
    unmount();
    const onAddPage = vi
      .fn()
      .mockResolvedValueOnce({ ok: false, error: 'No article was found on this page.' })
      .mockResolvedValueOnce({ ok: true });
    render(sidebar(onAddPage));
    fireEvent.click(screen.getByRole('button', { name: 'Add this page to my sources' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'No article was found on this page.',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Add this page to my sources' }));
    await screen.findByText('The review is open in a tab beside this one.');
  });

  it("the reader shows a reader's source with its address and the day it was added", async () => {
    const id = await stage();
    await send('library:confirm', { id, metadata: page.metadata });
    const mine = await send('library:sources', {});
    const [source] = mine.sources;
    render(
      <ReaderPage
        sources={[...mine.sources, ...pack.sources]}
        claims={[...pack.claims, ...mine.claims]}
        search={`?source=${source?.id}&claim=${mine.claims[0]?.id}`}
        scrollTo={() => {}}
      />,
    );
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(page.metadata.title);
    expect(screen.getByText('Your source, from').nextElementSibling?.textContent).toBe(URL_);
    expect(document.querySelector('mark')?.textContent).toBe(mine.claims[0]?.quote);
  });
});
