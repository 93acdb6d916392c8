// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import {
  blockOffset,
  pointAt,
  rangeInit,
  SkipCache,
  type TextBlock,
  walkBlocks,
} from '../../lib/page/text-blocks';

const visible = () => true;

function blocks(html: string): TextBlock[] {
  const body = document.body;
  // Test markup is ours: parse it with DOMParser and move the nodes, never innerHTML.
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  body.replaceChildren(...Array.from(doc.body.childNodes).map((n) => document.importNode(n, true)));
  return [...walkBlocks(body, new SkipCache(visible))];
}

function rangeText(r: StaticRangeInit): string {
  const range = document.createRange();
  range.setStart(r.startContainer, r.startOffset);
  range.setEnd(r.endContainer, r.endOffset);
  return range.toString();
}

beforeEach(() => {
  document.designMode = 'off';
});

describe('walkBlocks', () => {
  it('joins inline elements into one block per paragraph', () => {
    const b = blocks(
      '<p>Founder Liang <b>Wenfeng</b> said</p><p>Second <a href="#">Deep</a>Seek</p>',
    );
    expect(b.map((x) => x.text)).toEqual(['Founder Liang Wenfeng said', 'Second DeepSeek']);
    expect(b[0]?.el.tagName).toBe('P');
  });

  it('splits where a block element interrupts the text', () => {
    const b = blocks('<div>head <p>inner</p> tail</div>');
    expect(b.map((x) => x.text)).toEqual(['head ', 'inner', ' tail']);
  });

  it.each([
    ['script', '<p>a</p><script>DeepSeek</script>'],
    ['style', '<p>a</p><style>.DeepSeek{}</style>'],
    ['noscript', '<p>a</p><noscript>DeepSeek</noscript>'],
    ['template', '<p>a</p><template>DeepSeek</template>'],
    ['code', '<p>a</p><pre><code>DeepSeek</code></pre>'],
    ['textarea', '<p>a</p><textarea>DeepSeek</textarea>'],
    ['contenteditable', '<p>a</p><div contenteditable="true"><p>DeepSeek</p></div>'],
    ['contenteditable empty value', '<p>a</p><div contenteditable><b>DeepSeek</b></div>'],
    ['hidden attribute', '<p>a</p><div hidden>DeepSeek</div>'],
    ['our own host', '<p>a</p><div data-sourcelight-root>DeepSeek</div>'],
    ['svg text', '<p>a</p><svg><text>DeepSeek</text></svg>'],
  ])('skips %s', (_name, html) => {
    expect(blocks(html).map((x) => x.text)).toEqual(['a']);
  });

  it('reads text again after a contenteditable="false" island is left', () => {
    expect(blocks('<div contenteditable="false"><p>DeepSeek</p></div>').map((x) => x.text)).toEqual(
      ['DeepSeek'],
    );
  });

  it('does not join text across a skipped inline run', () => {
    const b = blocks('<p>Liang <code>x</code>Wenfeng</p>');
    expect(b.map((x) => x.text)).toEqual(['Liang ', 'Wenfeng']);
  });

  it('asks no element whether it is rendered: page-marks asks, where a match falls', () => {
    document.body.replaceChildren();
    const hidden = document.createElement('div');
    hidden.className = 'gone';
    hidden.append('DeepSeek');
    const p = document.createElement('p');
    p.append('shown ');
    const span = document.createElement('span');
    span.className = 'gone';
    span.append('R1');
    p.append(span);
    document.body.append(hidden, p);
    const asked: string[] = [];
    const cache = new SkipCache((el) => {
      asked.push(el.tagName);
      return !el.classList.contains('gone');
    });
    // Style lookups per block cost more than reading the text (issue 15).
    expect([...walkBlocks(document.body, cache)].map((x) => x.text)).toEqual([
      'DeepSeek',
      'shown R1',
    ]);
    expect(asked).toEqual([]);
  });

  it('reads nothing in a designMode document', () => {
    blocks('<p>DeepSeek</p>');
    document.designMode = 'on';
    expect([...walkBlocks(document.body, new SkipCache(visible))]).toEqual([]);
  });

  it('drops whitespace-only blocks', () => {
    expect(blocks('<p>  \n </p><p>x</p>').map((x) => x.text)).toEqual(['x']);
  });
});

describe('offset mapping', () => {
  it('maps a name across <b> back to both text nodes', () => {
    const [b] = blocks('<p>Founder Liang <b>Wenfeng</b> said</p>');
    const block = b as TextBlock;
    const start = block.text.indexOf('Liang');
    const r = rangeInit(block, start, start + 'Liang Wenfeng'.length);
    expect(r.startContainer).toBe(block.nodes[0]);
    expect(r.startOffset).toBe(8);
    expect(r.endContainer).toBe(block.nodes[1]);
    expect(r.endOffset).toBe(7);
    expect(rangeText(r)).toBe('Liang Wenfeng');
  });

  it('keeps a range that ends on a node boundary inside the earlier node', () => {
    const [b] = blocks('<p><a href="#">DeepSeek</a> rose</p>');
    const block = b as TextBlock;
    const r = rangeInit(block, 0, 8);
    expect(r.endContainer).toBe(block.nodes[0]);
    expect(r.endOffset).toBe(8);
    expect(pointAt(block, 8, 'start')).toEqual({ node: block.nodes[1], offset: 0 });
  });

  it('round-trips every offset of a many-node block', () => {
    const [b] = blocks('<p>a<i>bc</i>d<b>ef<u>g</u></b>hij</p>');
    const block = b as TextBlock;
    for (let i = 0; i < block.text.length; i++) {
      const p = pointAt(block, i, 'start');
      expect(p.node.data[p.offset]).toBe(block.text[i]);
      expect(blockOffset(block, p.node, p.offset)).toBe(i);
    }
  });

  it('maps text with Chinese and surrogate pairs by UTF-16 offsets', () => {
    const [b] = blocks('<p>创始人<span>梁文锋</span>😀 DeepSeek</p>');
    const block = b as TextBlock;
    const s = block.text.indexOf('梁文锋');
    expect(rangeText(rangeInit(block, s, s + 3))).toBe('梁文锋');
    const d = block.text.indexOf('DeepSeek');
    expect(rangeText(rangeInit(block, d, d + 8))).toBe('DeepSeek');
  });
});
