// @vitest-environment happy-dom
import { cleanup, fireEvent, render } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HoverCard } from '../../components/HoverCard';
import { Sidebar, type SidebarProps } from '../../components/Sidebar';
import { createKnowledge } from '../../lib/knowledge/term-detail';
import type { TermDetail } from '../../lib/knowledge/types';
import { pack } from '../knowledge/fixture';

const knowledge = createKnowledge(pack);
const liang = knowledge.detail({ id: 'liang-wenfeng', kind: 'entity' });
const cost = knowledge.detail({ id: 'training-cost', kind: 'figure', pageValue: 6_000_000 });

afterEach(cleanup);

function card(detail: TermDetail | null | undefined) {
  return render(
    <HoverCard
      label="Liang Wenfeng"
      entityKind="person"
      detail={detail}
      left={10}
      top={20}
      maxHeight={300}
      onOpenSidebar={vi.fn()}
      onPointerEnter={vi.fn()}
      onPointerLeave={vi.fn()}
    />,
  );
}

describe('HoverCard', () => {
  it('shows the term, kind, description and two quotes from two sources', () => {
    const { container, getByRole } = card(liang);
    expect(getByRole('dialog').getAttribute('aria-label')).toMatch(/Liang Wenfeng/);
    expect(container.textContent).toContain('Person');
    expect(container.textContent).toContain('Founder of DeepSeek');
    const quotes = [...container.querySelectorAll('q')].map((q) => q.textContent);
    expect(quotes).toHaveLength(2);
    expect([...container.querySelectorAll('figcaption')].map((f) => f.textContent)).toEqual([
      'China heralds DeepSeek as a symbol of AI advancements amid U.S. restrictions',
      "DeepSeek: China's AI Breakthrough Stuns Silicon Valley",
    ]);
    expect(container.querySelector('mark')?.textContent).toBe('Liang Wenfeng');
    expect(container.querySelector('.disagree')).toBeNull();
  });

  it('flags disagreement and says what is disputed', () => {
    const { container } = card(cost);
    expect(container.querySelector('.disagree')?.textContent).toMatch(
      /Sources disagree: DeepSeek's training cost/,
    );
  });

  it('says so while loading and when nothing more is known', () => {
    expect(card(undefined).container.textContent).toContain('Loading');
    cleanup();
    expect(card(null).container.textContent).toContain('No more is known');
  });

  it('renders page text as text, never as markup', () => {
    const { container } = render(
      <HoverCard
        label={'<img src=x onerror="alert(1)">'}
        entityKind={null}
        detail={null}
        left={0}
        top={0}
        maxHeight={100}
        onOpenSidebar={vi.fn()}
        onPointerEnter={vi.fn()}
        onPointerLeave={vi.fn()}
      />,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toContain('<img src=x');
  });
});

function sidebar(over: Partial<SidebarProps> = {}) {
  const props: SidebarProps = {
    detail: liang,
    pageFigure: null,
    seen: { available: true, count: 1 },
    terms: [
      {
        id: 'liang-wenfeng',
        label: 'Liang Wenfeng',
        kind: 'entity',
        entityKind: 'person',
        count: 2,
      },
      { id: 'training-cost', label: 'Training cost', kind: 'figure', entityKind: null, count: 1 },
    ],
    canGoBack: false,
    onBack: vi.fn(),
    onClose: vi.fn(),
    onOpenTerm: vi.fn(),
    onShowOnPage: vi.fn(),
    onReadSource: vi.fn(),
    ...over,
  };
  return { props, ...render(<Sidebar {...props} />) };
}

describe('Sidebar', () => {
  it('shows an entity with its aliases, quotes under their sources and history', () => {
    const { container } = sidebar();
    expect(container.querySelector('h2')?.textContent).toBe('Liang Wenfeng');
    expect(container.textContent).toContain('Also written: 梁文锋, Liang');
    expect([...container.querySelectorAll('h4')].map((h) => h.textContent)).toHaveLength(2);
    expect(container.querySelectorAll('blockquote')).toHaveLength(2);
    expect(container.textContent).toContain('Friday, January 31');
    expect(container.textContent).toContain('Seen before on 1 page.');
  });

  it('opens the source at the claim from "Read in source"', () => {
    const { props, getAllByText } = sidebar();
    fireEvent.click(getAllByText('Read in source')[0] as HTMLElement);
    expect(props.onReadSource).toHaveBeenCalledWith('s000', 'c1');
  });

  it('navigates to related terms and back', () => {
    const { props, getByText, getByLabelText } = sidebar({ canGoBack: true });
    fireEvent.click(getByText('High-Flyer', { selector: 'button' }));
    expect(props.onOpenTerm).toHaveBeenCalledWith('high-flyer', 'entity');
    fireEvent.click(getByLabelText('Back'));
    expect(props.onBack).toHaveBeenCalled();
  });

  it('compares the page figure with each source figure', () => {
    const { container } = sidebar({ detail: cost, pageFigure: 'about $6 million' });
    const rows = [...container.querySelectorAll('tr')].map((r) => r.textContent);
    expect(rows[0]).toBe('This pageabout $6 million');
    expect(rows).toContain(
      'China heralds DeepSeek as a symbol of AI advancements amid U.S. restrictionsless than $6 millionagrees',
    );
    expect(rows.some((r) => r?.includes('$5.6 million') && r.includes('differs'))).toBe(true);
  });

  it('lists every term on the page with counts; a click shows it on the page', () => {
    const { props, container, getByText } = sidebar({ detail: null });
    expect(container.querySelector('h2')).toBeNull();
    expect(container.querySelector('.terms')?.textContent).toContain('Liang Wenfeng2');
    fireEvent.click(getByText('Training cost'));
    expect(props.onShowOnPage).toHaveBeenCalledWith('training-cost');
  });

  it('says when reading history is off', () => {
    const { container } = sidebar({ seen: { available: false, count: 0 } });
    expect(container.textContent).toContain('Reading history is off.');
  });
});
