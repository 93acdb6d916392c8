/**
 * Pages that try to freeze the tab (issue 19): one 10 MB text node, a tree 50,000 elements
 * deep, a page that rewrites 5,000 nodes every 50 ms for 10 s, a 100 KB block of
 * "$6 million " repeated, and a 20 MB article (memory per page). Each is a small HTML file whose inline script builds the huge
 * part while the page is parsed (before DOMContentLoaded, where the content script's first
 * pass runs): the HTML parser would split a long text into 64 KB nodes and stops nesting
 * at a few hundred levels, so neither case can be written as markup. Deterministic: same
 * options, same bytes.
 */
import { generatePage } from './generate-page';

export interface HugePage {
  key: string;
  /** What the page does to a content script, in a few words. */
  what: string;
  html: string;
  /**
   * How long the page keeps changing itself after load, ms (the storm): the measurement
   * waits for `window.__hugeDone` and then for the marks to settle.
   */
  busyMs: number;
}

export interface HugeOptions {
  /** Characters in the one text node (default 10 MB). */
  textChars?: number;
  /** Nesting depth of the deep tree (default 50,000). */
  depth?: number;
  /** Nodes the storm rewrites per tick (default 5,000), every `stormEveryMs`, for `stormMs`. */
  stormNodes?: number;
  stormEveryMs?: number;
  stormMs?: number;
  /** Times "$6 million " is repeated in one block (default 10,000: 110 KB). */
  sixMillionRepeats?: number;
  /** Characters of the long generated article (default 20 MB). */
  articleChars?: number;
}

const MB = 1024 * 1024;

function page(title: string, body: string, script: string): string {
  // The script is ours and holds no "</script" (every page below is written here).
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}<script>${script}</script></body></html>`;
}

/** The prose of a generated article, repeated into one text node of `chars` characters. */
function oneTextNode(chars: number): HugePage {
  // A 100 KB article in a <template> (never rendered, never read by the extension) is the
  // seed: the script repeats its text and replaces the template with one <p>.
  const seed = generatePage({ targetChars: 100_000, seed: 10 });
  const article = /<article>([\s\S]*)<\/article>/.exec(seed.html)?.[1] ?? '';
  const script = `
    const t = document.getElementById('seed');
    const text = t.content.textContent.replace(/\\s+/g, ' ');
    const p = document.createElement('p');
    p.append(document.createTextNode(text.repeat(Math.ceil(${chars} / text.length)).slice(0, ${chars})));
    t.replaceWith(p);
    window.__hugeDone = true;`;
  return {
    key: 'text-10mb',
    what: `one text node of ${(chars / MB).toFixed(1)} MB (generated news prose, terms every ~260 chars)`,
    html: page(
      'DeepSeek in one text node',
      `<h1>DeepSeek and the chip race</h1><template id="seed">${article}</template>`,
      script,
    ),
    busyMs: 0,
  };
}

function deepTree(depth: number): HugePage {
  // A tree `depth` elements deep (divs, then spans) with its text at the bottom, then an
  // article: the walker meets that text with every ancestor unknown to it. Chromium crashes
  // laying out a few thousand nested boxes and makes each DOM insertion walk the ancestors
  // (a 50,000-deep tree built node by node takes minutes), so the tree is display:none and
  // built 400 levels per cloned chain.
  const article = generatePage({ targetChars: 20_000, seed: 11 });
  const body = /<body>([\s\S]*)<\/body>/.exec(article.html)?.[1] ?? '';
  const script = `
    const root = document.createElement('div');
    root.style.display = 'none';
    document.body.prepend(root);
    const chain = (tag) => {
      const top = document.createElement(tag);
      let at = top;
      for (let i = 1; i < 400; i++) at = at.appendChild(document.createElement(tag));
      return top;
    };
    const chains = { div: chain('div'), span: chain('span') };
    let cur = root;
    for (let made = 0; made < ${depth}; made += 400) {
      cur = cur.appendChild(chains[made < ${depth} / 2 ? 'div' : 'span'].cloneNode(true));
      while (cur.lastElementChild) cur = cur.lastElementChild;
    }
    cur.append('DeepSeek, deep inside: Liang Wenfeng and High-Flyer.');
    window.__hugeDone = true;`;
  return {
    key: 'deep-50k',
    what: `a 20 KB article beside a tree of ${depth.toLocaleString('en')} nested elements (hidden) with text at the bottom`,
    html: page('DeepSeek, deep', body.replace(/<script>[\s\S]*?<\/script>/g, ''), script),
    busyMs: 0,
  };
}

function storm(nodes: number, everyMs: number, forMs: number): HugePage {
  // An ordinary article with a ticker beside it that rewrites all of its cells on every
  // tick: text replaced (childList) on even ticks, edited in place (characterData) on odd.
  const article = generatePage({ targetChars: 60_000, seed: 7 });
  const body = /<body>([\s\S]*)<\/body>/.exec(article.html)?.[1] ?? '';
  const script = `
    const box = document.createElement('div');
    box.id = 'ticker';
    const cells = [];
    for (let i = 0; i < ${nodes}; i++) {
      const s = document.createElement('span');
      s.append(i % 50 === 0 ? 'Nvidia ' + i + ' ' : 'AAPL ' + i + ' ');
      box.append(s);
      cells.push(s);
    }
    document.body.prepend(box);
    let tick = 0;
    const started = performance.now();
    const timer = setInterval(() => {
      tick++;
      for (let i = 0; i < cells.length; i++) {
        const label = (i % 50 === 0 ? 'Nvidia ' : 'AAPL ') + ((i * 7 + tick) % 1000) + ' ';
        if (tick % 2 === 0) cells[i].textContent = label;
        else cells[i].firstChild.data = label;
      }
      if (performance.now() - started >= ${forMs}) {
        clearInterval(timer);
        window.__hugeDone = true;
      }
    }, ${everyMs});`;
  return {
    key: 'storm',
    what: `${nodes.toLocaleString('en')} nodes rewritten every ${everyMs} ms for ${forMs / 1000} s beside a 60 KB article`,
    html: page(
      'DeepSeek and a busy ticker',
      body.replace(/<script>[\s\S]*?<\/script>/g, ''),
      script,
    ),
    busyMs: forMs,
  };
}

function sixMillion(repeats: number): HugePage {
  const script = `
    const p = document.createElement('p');
    p.append(document.createTextNode('$6 million '.repeat(${repeats})));
    document.body.append(p);
    window.__hugeDone = true;`;
  return {
    key: 'six-million',
    what: `one block of "$6 million " x ${repeats.toLocaleString('en')} (${Math.round((repeats * 11) / 1024)} KB) after a paragraph about DeepSeek`,
    html: page(
      'DeepSeek and six million',
      '<h1>DeepSeek</h1><p>DeepSeek says it trained its model for less than $6 million.</p>',
      script,
    ),
    busyMs: 0,
  };
}

/** An ordinary generated article of `chars` characters: tens of thousands of marks. */
function longArticle(chars: number): HugePage {
  const g = generatePage({ targetChars: chars, seed: 20 });
  return {
    key: 'page-20mb',
    what: `a generated article of ${(chars / MB).toFixed(0)} MB (${g.terms.toLocaleString('en')} terms in ${g.paragraphs.toLocaleString('en')} paragraphs)`,
    html: g.html.replace('window.__articleReady = true;', 'window.__hugeDone = true;'),
    busyMs: 0,
  };
}

/** Every huge page, in the order the bench measures them. */
export function hugePages(options: HugeOptions = {}): HugePage[] {
  return [
    oneTextNode(options.textChars ?? 10 * MB),
    deepTree(options.depth ?? 50_000),
    storm(options.stormNodes ?? 5000, options.stormEveryMs ?? 50, options.stormMs ?? 10_000),
    sixMillion(options.sixMillionRepeats ?? 10_000),
    longArticle(options.articleChars ?? 20 * MB),
  ];
}
