/**
 * Deterministic article pages for the speed benchmark: long prose with the sources' names
 * and figures at a news article's density, some split across inline elements the way real
 * pages split them ("Liang <b>Wenfeng</b>"), plus the parts a scanner must skip (code,
 * inputs, editable regions, scripts). Same seed and size, same bytes.
 *
 * The page is built as a small tree first, so the number of text nodes the browser will
 * create is known exactly (adjacent strings are merged, empty ones never emitted).
 */
import { rng } from '../bench-text';

/** Names and figures as the five sources print them (data/sources/*.txt). */
export const TERMS: readonly string[] = [
  'DeepSeek',
  'Liang Wenfeng',
  'High-Flyer',
  'DeepSeek-R1',
  'DeepSeek-V3',
  'R1',
  'Nvidia',
  'H800',
  'H100',
  'A100',
  'OpenAI',
  'ChatGPT',
  'Sam Altman',
  'Meta',
  'Hangzhou',
  'Zhou Hongyi',
  'Qihoo 360',
  'Feng Ji',
  'Game Science',
  'Weibo',
  'App Store',
  'Donald Trump',
  'Silicon Valley',
  'Beijing',
  'Alibaba',
  'Baidu',
  'ByteDance',
  'Marc Andreessen',
  '梁文锋',
  '深度求索',
  '$5.6 million',
  'less than $6 million',
  '$600 billion',
  '10,000 Nvidia chips',
  '50,000',
  '2,048',
  '$2.19',
  '200 people',
  '17%',
  '2023',
];

/** Multi-word terms that pages often split across an inline element. */
const SPLITTABLE: readonly [string, string][] = [
  ['Liang ', 'Wenfeng'],
  ['DeepSeek', '-R1'],
  ['$5.6 ', 'million'],
  ['Zhou ', 'Hongyi'],
  ['Qihoo ', '360'],
  ['$600 ', 'billion'],
  ['Sam ', 'Altman'],
];

/** Ordinary newsroom words for the prose around the terms. */
const WORDS: readonly string[] = (
  'the a of to and in that for on with as by at from about after before while said says ' +
  'report reported analysts investors company companies market markets model models chip ' +
  'chips export rules government officials week year month price prices cost costs team ' +
  'engineers research lab startup founder industry technology artificial intelligence ' +
  'software hardware data training users app download ranking shares stock value billion ' +
  'million percent growth decline policy rivalry country countries global local experts ' +
  'according statement interview published announced released launched earlier later new ' +
  'first largest smaller faster cheaper open source access question answer system systems ' +
  'compute power energy cloud service services customers developers benchmark results ' +
  'performance efficient efficiency approach method methods paper papers question'
).split(' ');

const INLINE_TAGS = ['a', 'b', 'em', 'i', 'strong', 'span'] as const;

export interface GeneratedPage {
  html: string;
  /** Characters of text in the body (all text nodes, skipped regions included). */
  textChars: number;
  /** Text nodes the parser creates under <body>. */
  textNodes: number;
  /** Occurrences of a term in the prose (split ones included). */
  terms: number;
  /** Of which split across an inline element. */
  splitTerms: number;
  paragraphs: number;
}

export interface PageOptions {
  /** Characters of body text to reach (the page stops at the first paragraph past it, before its footer). */
  targetChars: number;
  seed: number;
  title?: string;
  /** One term per this many characters of prose, on average (default 260). */
  charsPerTerm?: number;
  /** Mean characters per text node (default 90: about 50,000 nodes for 5 MB). */
  charsPerNode?: number;
}

type Child = string | El;
interface El {
  tag: string;
  attrs?: Record<string, string>;
  children: Child[];
}

function el(tag: string, children: Child[], attrs?: Record<string, string>): El {
  return attrs ? { tag, attrs, children } : { tag, children };
}

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Serialises the tree and counts what the parser will make of it. */
function serialize(node: El, out: string[], stats: { nodes: number; chars: number }): void {
  const attrs = node.attrs
    ? Object.entries(node.attrs)
        .map(([k, v]) => ` ${k}="${escapeText(v).replace(/"/g, '&quot;')}"`)
        .join('')
    : '';
  out.push(`<${node.tag}${attrs}>`);
  let pending = '';
  const flush = () => {
    if (pending === '') return;
    stats.nodes += 1;
    stats.chars += pending.length;
    // Script text is raw: no entities inside <script>.
    out.push(node.tag === 'script' ? pending : escapeText(pending));
    pending = '';
  };
  for (const child of node.children) {
    if (typeof child === 'string') pending += child;
    else {
      flush();
      serialize(child, out, stats);
    }
  }
  flush();
  if (node.tag !== 'input') out.push(`</${node.tag}>`);
}

class ProseWriter {
  terms = 0;
  splitTerms = 0;
  constructor(
    private readonly rnd: () => number,
    private readonly charsPerTerm: number,
    private readonly charsPerNode: number,
  ) {}

  private pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.rnd() * list.length)] as T;
  }

  private sentence(): string {
    const n = 8 + Math.floor(this.rnd() * 14);
    const words: string[] = [];
    for (let i = 0; i < n; i++) words.push(this.pick(WORDS));
    const s = words.join(' ');
    return `${s.charAt(0).toUpperCase()}${s.slice(1)}. `;
  }

  /** One paragraph's children: prose with terms, some wrapped or split by inline tags. */
  paragraph(): Child[] {
    const targetLen = 250 + Math.floor(this.rnd() * 500);
    const parts: Child[] = [];
    let len = 0;
    while (len < targetLen) {
      const s = this.sentence();
      parts.push(s);
      len += s.length;
      if (this.rnd() < s.length / this.charsPerTerm) {
        const [term, termLen] = this.term();
        parts.push(term, ' ');
        len += termLen + 1;
      }
    }
    // Wrap some plain sentences in inline elements so text nodes average charsPerNode.
    const wraps = Math.max(0, Math.round(len / this.charsPerNode / 2 - 0.5));
    for (let i = 0; i < wraps; i++) {
      const at = Math.floor(this.rnd() * parts.length);
      const part = parts[at];
      if (typeof part === 'string' && part.length > 20) {
        parts[at] = el(this.pick(INLINE_TAGS), [part.trimEnd()]);
        parts.splice(at + 1, 0, ' ');
      }
    }
    return parts;
  }

  private term(): [Child, number] {
    this.terms += 1;
    const r = this.rnd();
    if (r < 0.15) {
      const [a, b] = this.pick(SPLITTABLE);
      this.splitTerms += 1;
      // "Liang <b>Wenfeng</b>" or "<a>DeepSeek</a>-R1"
      return this.rnd() < 0.5
        ? [el('span', [a, el('b', [b])]), a.length + b.length]
        : [el('span', [el('a', [a], { href: '#t' }), b]), a.length + b.length];
    }
    const t = this.pick(TERMS);
    if (r < 0.3) return [el('a', [t], { href: '#t' }), t.length];
    return [t, t.length];
  }
}

/** A long article page with the given amount of text. */
export function generatePage(options: PageOptions): GeneratedPage {
  const rnd = rng(options.seed);
  const writer = new ProseWriter(rnd, options.charsPerTerm ?? 260, options.charsPerNode ?? 90);
  const article: El = el('article', [el('h1', [options.title ?? 'DeepSeek and the chip race'])]);
  const body: El = el('body', [
    el('nav', [el('a', ['Home'], { href: '#' }), ' | ', el('a', ['World'], { href: '#' })]),
    article,
  ]);
  let chars = countChars(body);
  const add = (node: El) => {
    article.children.push(node);
    chars += countChars(node);
  };
  let paragraphs = 0;
  let section = 0;
  while (chars < options.targetChars) {
    if (paragraphs % 12 === 0) {
      section += 1;
      add(el('h2', [`Section ${section}: what DeepSeek changed`]));
    }
    add(el('p', writer.paragraph()));
    paragraphs += 1;
    // Regions a scanner must leave alone, at a page's usual rate.
    if (paragraphs % 40 === 0) {
      add(el('pre', [el('code', ['const model = "DeepSeek-R1"; // H800'])]));
      add(el('div', ['Editable note about Nvidia and DeepSeek'], { contenteditable: 'true' }));
      add(el('input', [], { value: 'DeepSeek', 'aria-label': 'search' }));
    }
  }
  body.children.push(
    el('footer', [el('p', ['Comments are closed. See also: DeepSeek, Nvidia.'])]),
    el('script', ['window.__articleReady = true;']),
  );
  const out: string[] = [];
  const stats = { nodes: 0, chars: 0 };
  serialize(body, out, stats);
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeText(
    options.title ?? 'DeepSeek and the chip race',
  )}</title></head>${out.join('')}</html>`;
  return {
    html,
    textChars: stats.chars,
    textNodes: stats.nodes,
    terms: writer.terms,
    splitTerms: writer.splitTerms,
    paragraphs,
  };
}

function countChars(node: El): number {
  let n = 0;
  for (const c of node.children) n += typeof c === 'string' ? c.length : countChars(c);
  return n;
}
