// @vitest-environment happy-dom
import { cleanup, fireEvent, render, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { SearchResults } from '../../components/popup/SearchResults';
import { pack } from '../../lib/pack/bundled';
import { buildSearchIndex, searchPack } from '../../lib/search/pack-search';

const index = buildSearchIndex(pack);
afterEach(cleanup);

describe('search results in the popup', () => {
  it('shows a question with its verdict in words and each answer with its sources', () => {
    const { hits } = searchPack(index, 'Marina Zhang university');
    const { getByRole } = render(<SearchResults hits={hits} query="Marina Zhang university" />);
    const list = getByRole('list', { name: 'Search results' });
    const summary = within(list).getByText('Which university is Marina Zhang at?');
    expect(summary.closest('summary')?.textContent).toContain('cannot all be true');
    fireEvent.click(summary);
    const hit = summary.closest('details') as HTMLElement;
    expect(hit.textContent).toContain('Sources conflict. They cannot all be true.');
    expect([...hit.querySelectorAll('.answer .figure-value')].map((p) => p.textContent)).toEqual([
      'University of Technology Sydney',
      'Sydney University',
    ]);
    const links = [...hit.querySelectorAll('figcaption a')].map((a) => a.getAttribute('href'));
    expect(links).toHaveLength(2);
    for (const href of links) expect(href).toMatch(/^\/reader\.html\?source=s00[12]&claim=/);
  });

  it('words a topic by its verdict, without "disagree"', () => {
    const { hits } = searchPack(index, 'training cost');
    const { container } = render(<SearchResults hits={hits} query="training cost" />);
    expect(container.textContent).toContain('Sources differ, but both can be true.');
    expect(container.textContent).not.toMatch(/disagree/i);
  });
});
