// @vitest-environment happy-dom
import { cleanup, fireEvent, render } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HoverCard } from '../../components/HoverCard';
import { Quote } from '../../components/Quote';
import { QuoteActions, type QuoteActionsValue } from '../../components/quote-actions';
import { Sidebar, type SidebarProps } from '../../components/Sidebar';
import { statedText } from '../../lib/knowledge/figure-agreement';
import { hasOwnMarks } from '../../lib/knowledge/quote-marks';
import { createKnowledge } from '../../lib/knowledge/term-detail';
import type { SourceRef, TermDetail } from '../../lib/knowledge/types';
import { pack } from '../knowledge/fixture';

const knowledge = createKnowledge(pack);
const liang = knowledge.detail({ id: 'liang-wenfeng', kind: 'entity' });
const cost = knowledge.detail({ id: 'training-cost', kind: 'figure', pageValue: 6_000_000 });
const deepseek = knowledge.detail({ id: 'deepseek', kind: 'entity' });

afterEach(cleanup);

const S000: SourceRef = {
  id: 's000',
  label: 'China heralds DeepSeek as a symbol of AI advancements…',
  title: 'China heralds DeepSeek as a symbol of AI advancements amid U.S. restrictions',
  outlet: null,
  date: 'Friday, January 31',
};
const GARBLED: SourceRef = {
  id: 's002',
  label: 'BBC News',
  caveat: 'Machine-garbled English credited to BBC News.',
  title: null,
  outlet: 'BBC News',
  date: null,
};

function actions(): QuoteActionsValue & { copy: ReturnType<typeof vi.fn> } {
  return {
    readSource: vi.fn(),
    readerAddress: (s, c) => `chrome-extension://x/reader.html?source=${s}&claim=${c}`,
    copy: vi.fn(() => Promise.resolve()),
  };
}

function card(
  detail: TermDetail | null | undefined,
  pageFigure: string | null = null,
  quoteActions: QuoteActionsValue = actions(),
) {
  return render(
    <QuoteActions.Provider value={quoteActions}>
      <HoverCard
        label="Liang Wenfeng"
        entityKind="person"
        detail={detail}
        pageFigure={pageFigure}
        left={10}
        top={20}
        maxHeight={300}
        onOpenSidebar={vi.fn()}
        pinned={false}
        onPin={vi.fn()}
        onClose={vi.fn()}
        onPointerEnter={vi.fn()}
        onPointerLeave={vi.fn()}
      />
    </QuoteActions.Provider>,
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
    // Each source by its label (lib/pack/source-label.ts) and the date it prints.
    expect(
      [...container.querySelectorAll('figcaption .source-name')].map((f) => f.textContent),
    ).toEqual([
      'China heralds DeepSeek as a symbol of AI advancements… · Friday, January 31',
      "DeepSeek: China's AI Breakthrough Stuns Silicon Valley · 2025-01-29",
    ]);
    expect(container.querySelector('mark')?.textContent).toBe('Liang Wenfeng');
    expect(container.querySelector('.disagree')).toBeNull();
  });

  it('says in words how the sources differ, and names the topic: no bare "disagree"', () => {
    const { container } = card(cost);
    expect(container.querySelector('.verdict')?.textContent).toBe(
      "Sources differ, but both can be true: DeepSeek's training cost",
    );
    expect(container.textContent).not.toMatch(/disagree|conflict/i);
  });

  it('names the most serious question first', () => {
    const { container } = card(deepseek);
    const lines = [...container.querySelectorAll('.verdict')].map((p) => p.textContent);
    expect(lines).toEqual([
      'Sources conflict: Who bought the chips?',
      "Sources differ, but both can be true: DeepSeek's training cost",
    ]);
    expect(container.querySelector('.verdict-conflict')).not.toBeNull();
    expect(container.textContent).not.toContain('more in the sidebar');
  });

  it('names at most two and says how many more the sidebar holds', () => {
    const d = deepseek as TermDetail;
    const extra = {
      id: 'x',
      label: 'X?',
      verdict: 'compatible' as const,
      kind: 'question' as const,
      answers: 2,
    };
    const { container } = card({ ...d, disputed: [...d.disputed, extra, { ...extra, id: 'y' }] });
    expect(container.querySelectorAll('.verdict')).toHaveLength(2);
    expect(container.textContent).toContain('and 2 more in the sidebar');
  });

  it("leads a page figure's card with the comparison line, then each source's figure and quote", () => {
    const differs = knowledge.detail({
      id: 'training-cost',
      kind: 'figure',
      pageValue: 20_000_000,
      pageUnit: 'USD',
      pageSubjectId: 'deepseek',
    });
    const { container } = card(differs, '$20 million');
    const first = container.querySelector('.card-head + *');
    expect(first?.textContent).toBe(
      'This page: $20 million. Sources: less than $6 million, $5.6 million (differs)',
    );
    expect(first?.classList.contains('compare-differs')).toBe(true);
    const captions = [...container.querySelectorAll('figcaption .source-name')].map(
      (f) => f.textContent,
    );
    expect(captions).toEqual([
      'less than $6 million: China heralds DeepSeek as a symbol of AI advancements… · Friday, January 31',
      '$5.6 million: AsianFin',
    ]);
    expect([...container.querySelectorAll('mark')].map((m) => m.textContent)).toEqual([
      '$6 million',
      '$5.6 million',
    ]);
  });

  it('shows no comparison for a figure read without a page value', () => {
    const { container } = card(
      knowledge.detail({ id: 'training-cost', kind: 'figure' }),
      '$6 million',
    );
    expect(container.querySelector('.compare')).toBeNull();
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
        pinned={false}
        onPin={vi.fn()}
        onClose={vi.fn()}
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
    ...over,
  };
  const quoteActions = actions();
  return {
    props,
    quoteActions,
    ...render(
      <QuoteActions.Provider value={quoteActions}>
        <Sidebar {...props} />
      </QuoteActions.Provider>,
    ),
  };
}

describe('Sidebar', () => {
  it('shows an entity with its aliases, quotes under their sources and history', () => {
    const { container } = sidebar();
    expect(container.querySelector('h2')?.textContent).toBe('Liang Wenfeng');
    expect(container.textContent).toContain('Also written: 梁文锋, Liang');
    expect([...container.querySelectorAll('h4')].map((h) => h.textContent)).toHaveLength(2);
    expect(container.querySelectorAll('blockquote')).toHaveLength(3);
    expect(container.textContent).toContain('Friday, January 31');
    expect(container.textContent).toContain('Seen before on 1 page.');
  });

  it('opens the source at the claim from "Read in source"', () => {
    const { quoteActions, getAllByText } = sidebar();
    fireEvent.click(getAllByText('Read in source')[0] as HTMLElement);
    expect(quoteActions.readSource).toHaveBeenCalledWith('s000', 'c1');
  });

  it('gives every quote, answers included, its "Read in source" and "Copy with citation"', () => {
    for (const detail of [deepseek, liang]) {
      const { container } = sidebar({ detail });
      const quotes = container.querySelectorAll('q');
      expect(quotes.length).toBeGreaterThan(2);
      for (const q of quotes) {
        const links = [...(q.closest('figure')?.querySelectorAll('figcaption button') ?? [])];
        expect(links.map((b) => b.textContent)).toEqual(['Read in source', 'Copy with citation']);
      }
      cleanup();
    }
  });

  it('navigates to related terms and back', () => {
    const { props, getByText, getByLabelText } = sidebar({ canGoBack: true });
    fireEvent.click(getByText('High-Flyer', { selector: 'button' }));
    expect(props.onOpenTerm).toHaveBeenCalledWith('high-flyer', 'entity');
    fireEvent.click(getByLabelText('Back'));
    expect(props.onBack).toHaveBeenCalled();
  });

  it('compares the page figure with each source figure, in the verdicts the marks use', () => {
    const { container } = sidebar({ detail: cost, pageFigure: '$6 million' });
    const rows = [...container.querySelectorAll('tr')].map((r) => r.textContent);
    expect(rows[0]).toBe('This page$6 millionwithin');
    expect(rows).toContain(
      'China heralds DeepSeek as a symbol of AI advancements…less than $6 millionwithin',
    );
    expect(container.querySelector('.verdict')?.textContent).toMatch(/^Sources differ, but both/);
    expect(rows.some((r) => r?.includes('$5.6 million') && r.endsWith('differs'))).toBe(true);
    // "differs" stands out by weight as well as colour: its own class
    expect(container.querySelector('td .differs')?.textContent).toBe('differs');
  });

  it('lists every term on the page with counts; a click shows it on the page', () => {
    const { props, container, getByText } = sidebar({ detail: null });
    expect(container.querySelector('h2')).toBeNull();
    expect(container.querySelector('.terms')?.textContent).toContain('Liang Wenfeng2');
    fireEvent.click(getByText('Training cost'));
    expect(props.onShowOnPage).toHaveBeenCalledWith('training-cost');
  });

  it('says the counts cover the part read so far on a long page, and only there', () => {
    const whole = sidebar({ detail: null }).container.textContent;
    expect(whole).not.toContain('read so far');
    cleanup();
    const { container } = sidebar({ detail: null, partial: true });
    expect(container.textContent).toContain(
      'This page is long: the counts cover the part read so far. The rest is counted as you scroll to it.',
    );
    expect(container.querySelector('.terms')?.textContent).toContain('Liang Wenfeng2');
    cleanup();
    const none = sidebar({ detail: null, partial: true, terms: [] }).container.textContent;
    expect(none).toContain('No terms marked so far.');
  });

  it('shows a sentence about the term by reference as context, saying who "He" is', () => {
    const { container } = sidebar();
    const context = container.querySelector('.context');
    expect(context?.textContent).toContain(
      '“He” here is Liang Wenfeng, named in the sentence before.',
    );
    expect(context?.querySelector('mark')?.textContent).toBe('He');
  });

  it('lists each question with its answers side by side, sources, dates and the verdict', () => {
    const { container } = sidebar({ detail: deepseek });
    const questions = [...container.querySelectorAll('article.question')];
    expect(questions.map((q) => q.querySelector('h4')?.textContent)).toEqual([
      'Who bought the chips?',
      'Who founded DeepSeek?',
    ]);
    const chips = questions[0] as Element;
    expect(chips.querySelector('.verdict')?.textContent).toBe(
      'Sources conflict. They cannot all be true.',
    );
    const answers = [...chips.querySelectorAll('.answer')];
    expect(answers.map((a) => a.querySelector('.gist')?.textContent)).toEqual([
      'the firm strategically stockpiled Nvidia A100 chips',
      'High-Flyer had purchased',
    ]);
    expect(answers[1]?.textContent).toContain('Friday, January 31');
    expect(answers[1]?.querySelector('q mark')?.textContent).toBe('High-Flyer had purchased');
    // The founder question's second sentence is the one quoted above: pointed to, not repeated.
    expect(questions[1]?.textContent).toContain('the sentence quoted above');
  });

  it('keeps each blockquote a verbatim quote, nothing else', () => {
    for (const detail of [deepseek, liang]) {
      const { container } = sidebar({ detail });
      const quotes = new Set(pack.claims.map((c) => c.quote));
      const blocks = [...container.querySelectorAll('blockquote')];
      expect(blocks.length).toBeGreaterThan(2);
      for (const b of blocks) {
        expect(quotes.has(b.textContent ?? '')).toBe(true);
      }
      cleanup();
    }
  });

  it('shows one sentence at most once in the whole sidebar', () => {
    const { container } = sidebar({ detail: deepseek });
    const quotes = [...container.querySelectorAll('q')].map((q) => q.textContent);
    expect(quotes.length).toBeGreaterThan(2);
    expect(new Set(quotes).size).toBe(quotes.length);
  });

  it("puts a topic's values on one line with its verdict", () => {
    const { container } = sidebar({ detail: deepseek });
    const topic = container.querySelector('article.topic');
    expect(topic?.querySelector('.verdict')?.textContent).toMatch(
      /^Sources differ, but both can be true\./,
    );
    expect(
      [...(topic?.querySelectorAll('.values li strong') ?? [])].map((v) => v.textContent),
    ).toEqual(['$6 million', '$5.6 million']);
  });

  it('says when reading history is off', () => {
    const { container } = sidebar({ seen: { available: false, count: 0 } });
    expect(container.textContent).toContain('Reading history is off.');
  });

  it('says nothing of history on a first visit (no "Seen before on 0 pages")', () => {
    const { container } = sidebar({ seen: { available: true, count: 0 } });
    expect(container.querySelector('h2')?.textContent).toBe('Liang Wenfeng');
    expect(container.textContent).not.toMatch(/Seen before/);
  });

  it('draws the "about" icon of each listed term, not the ⓘ character', () => {
    const { container, getByLabelText } = sidebar({ detail: null });
    const about = getByLabelText('About Liang Wenfeng');
    expect(about.querySelector('svg[aria-hidden="true"]')).not.toBeNull();
    expect(container.textContent).not.toContain('\u24d8');
  });
});

describe('figure texts', () => {
  // Each figure as the source words it, with its qualifier exactly once.
  it.each([
    ['less than $6 million', 'less than', 'less than $6 million'],
    ['only $5.6 million', 'only', 'only $5.6 million'],
    ['about 50,000 H100 computing cards', 'about', 'about 50,000 H100 computing cards'],
    ['around 40 years', 'around', 'around 40 years'],
    ['fewer than 140 people', 'fewer than', 'fewer than 140 people'],
    ['poised to top $1 trillion', 'poised to top', 'poised to top $1 trillion'],
    ['By 2021', 'By', 'By 2021'],
    ['10,000+', '+', '10,000+'],
    ['$5.6 million', null, '$5.6 million'],
    ['$6 million', 'less than', 'less than $6 million'], // a text without its qualifier gets it
  ])('%s (%s) reads "%s"', (text, qualifier, expected) => {
    expect(statedText({ text, qualifier })).toBe(expected);
  });
});

describe('quotation marks', () => {
  it.each([
    ['“DeepSeek will undoubtedly be a key member,” he stated in a Weibo video.', true],
    ['"How China\'s new AI model DeepSeek is threatening U.S. dominance," a video said.', true],
    ['It wrote that "If the best open source technologies come from China."', true],
    ['DeepSeek is headquartered in Hangzhou.', false],
    ['He said it was “the glory of made-in-China” once.', false],
  ])('%s: own marks %s', (text, own) => {
    expect(hasOwnMarks(text)).toBe(own);
    const { container } = render(
      <Quote text={text} claimId="c" source={{ ...S000, date: null }} />,
    );
    expect(container.querySelector('q')?.classList.contains('own-marks')).toBe(own);
    expect(container.querySelector('q')?.textContent).toBe(text);
    cleanup();
  });
});

describe('a quote: its source, caveat, and links', () => {
  const SENTENCE = 'Thus, bidet administration increased limitations.';

  it('in the card: each quote opens the reader at its claim', () => {
    const quoteActions = actions();
    const { getAllByText } = card(liang, null, quoteActions);
    const links = getAllByText('Read in source');
    expect(links).toHaveLength(2);
    fireEvent.click(links[1] as HTMLElement);
    expect(quoteActions.readSource).toHaveBeenCalledWith('s001', expect.stringMatching(/^c/));
  });

  it('copies the verbatim quote with its label, date and the reader address', async () => {
    const quoteActions = actions();
    const { getAllByText, findByText } = card(liang, null, quoteActions);
    fireEvent.click(getAllByText('Copy with citation')[0] as HTMLElement);
    const quote = liang?.sources[0]?.quotes[0];
    expect(quoteActions.copy).toHaveBeenCalledWith(
      [
        `“${quote?.quote}”`,
        '— China heralds DeepSeek as a symbol of AI advancements…, Friday, January 31',
        `Read in Sourcelight: chrome-extension://x/reader.html?source=s000&claim=${quote?.claimId}`,
      ].join('\n'),
    );
    await findByText('Copied.');
  });

  it('says so when the clipboard refuses, and points to the reader', async () => {
    const quoteActions = { ...actions(), copy: vi.fn(() => Promise.reject(new Error('no'))) };
    const { getAllByText, findByText } = card(liang, null, quoteActions);
    fireEvent.click(getAllByText('Copy with citation')[0] as HTMLElement);
    const said = await findByText(/^Could not copy here/);
    expect(said.getAttribute('role')).toBe('status');
    expect(said.textContent).toContain('Read in source');
  });

  it('names a garbled source as it prints itself, with its caveat beside the quote', () => {
    const { container } = render(<Quote text={SENTENCE} claimId="c9" source={GARBLED} />);
    expect(container.querySelector('.source-name')?.textContent).toBe('BBC News');
    expect(container.querySelector('.caveat')?.textContent).toBe(GARBLED.caveat);
    expect(container.querySelector('blockquote')?.textContent).toBe(SENTENCE);
  });

  it('links to the reader where there is no readSource (the popup), keyboard-reachable', () => {
    const { getByText } = render(<Quote text={SENTENCE} claimId="c9" source={GARBLED} />);
    expect(getByText('Read in source').getAttribute('href')).toBe(
      '/reader.html?source=s002&claim=c9',
    );
    expect(getByText('Copy with citation').tagName).toBe('BUTTON');
  });

  it('in the sidebar: the caveat once under the source heading, not under each quote', () => {
    const garbled = {
      ...(liang as TermDetail),
      sources: [{ source: GARBLED, quotes: liang?.sources[0]?.quotes ?? [] }],
      questions: [],
    };
    const { container } = sidebar({ detail: garbled });
    const article = container.querySelector('article.source');
    expect(article?.querySelector('h4')?.textContent).toBe('BBC News');
    expect([...(article?.querySelectorAll('.caveat') ?? [])].map((c) => c.textContent)).toEqual([
      GARBLED.caveat,
    ]);
  });
});
