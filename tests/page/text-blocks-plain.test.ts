// @vitest-environment happy-dom
/**
 * Plain blocks (text and inline elements only) are read whole with `textContent` and their
 * nodes mapped on first use; every other block node by node. Both must yield what a
 * node-by-node reading yields: the same blocks, texts and (non-empty) nodes at the same
 * offsets, whatever the markup. Whether a block is rendered is not the walk's question
 * (page-marks asks it of blocks that hold a match), so the reference skips by tag and
 * attribute only.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mapBlock, SkipCache, type TextBlock, walkBlocks } from '../../lib/page/text-blocks';

const INLINE = new Set(['B', 'SPAN', 'A', 'EM']);
const SKIP = new Set(['CODE', 'SCRIPT']);

interface Block {
  el: Element;
  text: string;
  nodes: Text[];
  starts: number[];
}

/** The reading every block must agree with: one text node at a time. */
function reference(root: Element): Block[] {
  const out: Block[] = [];
  const skipped = (el: Element | null): boolean =>
    el !== null &&
    el !== root.parentElement &&
    (SKIP.has(el.tagName) || el.hasAttribute('hidden') || skipped(el.parentElement));
  const blockOf = (el: Element): Element =>
    INLINE.has(el.tagName) && el.parentElement ? blockOf(el.parentElement) : el;
  let cur: Block | null = null;
  const flush = () => {
    if (cur && /\S/.test(cur.text)) out.push(cur);
    cur = null;
  };
  const walker = document.createTreeWalker(root, 4);
  for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) {
    const node = n as Text;
    const parent = node.parentElement as Element;
    if (skipped(parent)) {
      flush();
      continue;
    }
    if (node.data.length === 0) continue;
    const el = blockOf(parent);
    if (cur && cur.el !== el) flush();
    if (!cur) cur = { el, text: '', nodes: [], starts: [] };
    cur.starts.push(cur.text.length);
    cur.nodes.push(node);
    cur.text += node.data;
  }
  flush();
  return out;
}

interface Tree {
  tag: string;
  hidden: boolean;
  gone: boolean;
  children: (string | Tree)[];
}

const tree: fc.Arbitrary<Tree> = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.record({
    tag: fc.constantFrom('P', 'DIV', 'B', 'SPAN', 'A', 'EM', 'CODE', 'BR'),
    hidden: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
    gone: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
    children: fc.array(fc.oneof(fc.constantFrom('', ' ', 'Deep', 'Seek ', 'R1'), tie('tree')), {
      maxLength: 4,
    }),
  }),
})).tree;

function build(t: Tree): Element {
  const el = document.createElement(t.tag);
  if (t.hidden) el.setAttribute('hidden', '');
  if (t.gone) el.className = 'gone';
  if (t.tag === 'BR') return el;
  for (const c of t.children)
    el.append(typeof c === 'string' ? document.createTextNode(c) : build(c));
  return el;
}

/** What a block is, minus the empty nodes a whole-block read may keep. */
function shape(blocks: (Block | TextBlock)[]) {
  return blocks.map((b) => ({
    el: b.el,
    text: b.text,
    nodes: b.nodes.flatMap((n, i) => (n.data.length > 0 ? [[n, b.starts[i]]] : [])),
  }));
}

describe('walkBlocks, plain blocks read whole', () => {
  it('yields what a node-by-node reading yields, on any markup', () => {
    // Blocks hidden by style are yielded all the same: the walk never asks.
    const visible = (el: Element) => {
      throw new Error(`the walk asked whether <${el.tagName}> is rendered`);
    };
    fc.assert(
      fc.property(fc.array(tree, { minLength: 1, maxLength: 4 }), (trees) => {
        const root = document.createElement('article');
        for (const t of trees) root.append(build(t));
        document.body.replaceChildren(root);
        const got = [...walkBlocks(root, new SkipCache(visible))];
        for (const b of got) expect(mapBlock(b)).toBe(true);
        expect(shape(got)).toEqual(shape(reference(root)));
      }),
      { numRuns: 400 },
    );
  });

  it('keeps empty text nodes of a plain block at the right offsets', () => {
    const p = document.createElement('p');
    const b = document.createElement('b');
    b.append('Seek');
    p.append(document.createTextNode(''), 'Deep', b, document.createTextNode(''), ' rose');
    document.body.replaceChildren(p);
    const [block] = [...walkBlocks(document.body, new SkipCache(() => true))];
    expect(block?.text).toBe('DeepSeek rose');
    expect(block && mapBlock(block)).toBe(true);
    expect(block?.starts).toEqual([0, 0, 4, 8, 8]);
  });
});

/** Test markup is ours: parsed with DOMParser and moved in, never innerHTML. */
function setBody(html: string): void {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  document.body.replaceChildren(
    ...Array.from(doc.body.childNodes).map((n) => document.importNode(n, true)),
  );
}

describe('walkBlocks past the page budget (issue 15)', () => {
  it('passes plain blocks unread, without their text, and still reads the others', () => {
    setBody(
      '<p id="a">Liang <b>Wenfeng</b> said</p><div id="d">Intro <p id="i">inner</p> end</div>',
    );
    const got = [...walkBlocks(document.body, new SkipCache(() => true), () => true)];
    expect(got.map((b) => [b.el.id, b.text, b.unread === true])).toEqual([
      ['a', '', true],
      ['d', 'Intro ', false],
      ['i', '', true],
      ['d', ' end', false],
    ]);
  });

  it('reads until the budget is spent, then passes the rest unread', () => {
    setBody('<p>one</p><p>two</p><p>three</p>');
    let read = 0;
    const blocks = walkBlocks(document.body, new SkipCache(() => true), () => read >= 2);
    const got: string[] = [];
    for (const b of blocks) {
      got.push(b.unread ? '(unread)' : b.text);
      read++;
    }
    expect(got).toEqual(['one', 'two', '(unread)']);
  });

  it('leaves no text outside what it yields: read, or under an unread block', () => {
    fc.assert(
      fc.property(fc.array(tree, { minLength: 1, maxLength: 4 }), (trees) => {
        const root = document.createElement('article');
        for (const t of trees) root.append(build(t));
        document.body.replaceChildren(root);
        const got = [...walkBlocks(root, new SkipCache(() => true), () => true)];
        for (const b of got) if (!b.unread) expect(mapBlock(b)).toBe(true);
        for (const want of reference(root)) {
          for (const node of want.nodes) {
            const covered = got.some((b) =>
              b.unread ? b.el.contains(node) : b.nodes.includes(node),
            );
            expect(covered).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
