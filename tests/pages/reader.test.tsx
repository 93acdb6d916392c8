// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReaderPage } from '../../components/reader/ReaderPage';
import { opening, readerView, splitAtClaim } from '../../components/reader/reader-view';
import type { Claim } from '../../lib/pack/types';
import { fixturePack } from '../fixtures/pack';

const { sources, claims } = fixturePack;
afterEach(cleanup);

describe('source library', () => {
  it('lists every source with its metadata, unknown fields said so', () => {
    render(<ReaderPage sources={sources} claims={claims} search="" />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Source library');
    const links = screen.getAllByRole('link');
    expect(links.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['China heralds DeepSeek', '/reader.html?source=s000'],
      ['BBC News', '/reader.html?source=s001'],
    ]);
    const second = links[1]?.closest('li') as HTMLElement;
    // Named by its outlet; its headline and its caveat are said beside it.
    expect(second.textContent).toContain('HeadlineDeepSeek stuns Silicon Valley');
    expect(second.querySelector('[role="note"]')?.textContent).toBe(
      'Machine-garbled English credited to BBC News.',
    );
    expect(second.textContent).toContain('OutletBBC News');
    expect(second.textContent).toContain('BylineFan Wang');
    expect(second.textContent).toContain('DateWednesday, January 29, 2025');
    expect(second.textContent).toContain('3 quoted sentences');
    const first = links[0]?.closest('li') as HTMLElement;
    expect(first.textContent).toContain('Outletnot printed');
    expect(first.querySelector('[role="note"]')).toBeNull();
  });
});

describe('reader', () => {
  it('shows the full text with the claim marked and scrolled into view', () => {
    const scrollTo = vi.fn();
    const { container } = render(
      <ReaderPage
        sources={sources}
        claims={claims}
        search="?source=s001&claim=c5"
        scrollTo={scrollTo}
      />,
    );
    const article = screen.getByRole('article');
    expect(within(article).getByRole('heading', { level: 1 }).textContent).toBe('BBC News');
    const marks = container.querySelectorAll('mark');
    expect(marks).toHaveLength(1);
    expect(marks[0]?.textContent).toBe('Training cost $5.6 million on H800 chips.');
    // The whole text, exactly, in order.
    expect(container.querySelector('.source-text')?.textContent).toBe(sources[1]?.text);
    expect(scrollTo).toHaveBeenCalledWith(marks[0]);
    expect(document.activeElement).toBe(marks[0]);
  });

  it('renders markup in a source as text, never as HTML', () => {
    const text = 'Before <img src=x onerror=alert(1)> <b>bold</b> after.';
    const evil = { ...sources[0], id: 'evil', text } as (typeof sources)[0];
    const claim: Claim = {
      id: 'e0',
      sourceId: 'evil',
      start: 7,
      end: 35,
      quote: text.slice(7, 35),
      entityIds: [],
    };
    const { container } = render(
      <ReaderPage
        sources={[evil]}
        claims={[claim]}
        search="?source=evil&claim=e0"
        scrollTo={() => {}}
      />,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('.source-text b')).toBeNull();
    expect(container.querySelector('mark')?.textContent).toBe('<img src=x onerror=alert(1)>');
    expect(container.querySelector('.source-text')?.textContent).toBe(text);
  });

  it('shows the whole text and says so when the claim is not in this source', () => {
    const scrollTo = vi.fn();
    const { container } = render(
      <ReaderPage
        sources={sources}
        claims={claims}
        search="?source=s000&claim=c5"
        scrollTo={scrollTo}
      />,
    );
    expect(screen.getByRole('alert').textContent).toContain('“c5” is not in this source');
    expect(container.querySelector('mark')).toBeNull();
    expect(container.querySelector('.source-text')?.textContent).toBe(sources[0]?.text);
    expect(scrollTo).not.toHaveBeenCalled();
  });

  it('says clearly when the source does not exist', () => {
    render(<ReaderPage sources={sources} claims={claims} search="?source=s999" />);
    expect(screen.getByRole('alert').textContent).toContain('no source “s999”');
    expect(screen.getByRole('link', { name: 'See all sources' })).toBeTruthy();
  });
});

describe('reader helpers', () => {
  it.each([
    ['', 'library'],
    ['?source=s000', 'source'],
    ['?source=s000&claim=c0', 'source'],
    ['?source=nope', 'missing-source'],
  ])('readerView(%j) is %s', (search, type) => {
    expect(readerView(search, sources, claims).type).toBe(type);
  });

  it.each([
    ['Short line.\nNext', [], 'Short line.'],
    [
      'HEADLINE\n\nBody starts here.\nMore',
      [{ start: 0, end: 8, rule: 'headline' }],
      'Body starts…',
    ],
    ['one two three four five six', [], 'one two three…'],
  ])('opening(%j) is the first body line, verbatim', (text, excluded, expected) => {
    expect(opening({ text, excluded }, 14)).toBe(expected);
  });

  it('skips a byline printed on its own line', () => {
    expect(opening({ text: 'By Fan Wang\nThe story.', byline: 'By Fan Wang' })).toBe('The story.');
  });

  it('does not mark a claim whose offsets do not match its quote', () => {
    const claim = { ...(claims[0] as Claim), start: 1 };
    expect(splitAtClaim(sources[0]?.text ?? '', claim)).toEqual([sources[0]?.text, '', '']);
  });
});
