// @vitest-environment happy-dom
/**
 * Prose inside open shadow roots (web components) is read as the page shows it (issue 19);
 * editable content inside them, closed roots, and roots under a skipped ancestor are not.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { createDetector } from '../../lib/detect/index';
import { createPageMarks } from '../../lib/page/page-marks';
import type { Painter, PaintSet } from '../../lib/page/painter';
import { createScheduler } from '../../lib/page/scheduler';
import { SkipCache, walkBlocks } from '../../lib/page/text-blocks';
import { ALL_MARK_KINDS } from '../../lib/settings';
import { fixturePack } from '../detect/fixtures/pack';

const detector = createDetector(fixturePack, { gating: false });

function setup() {
  let last: PaintSet = new Map();
  const painter: Painter = {
    paint: (set) => {
      last = set;
    },
    flash: () => {},
    clear: () => {},
  };
  const scheduler = createScheduler({ yieldToHost: () => Promise.resolve(), sliceMs: 4 });
  const roots: ShadowRoot[] = [];
  const marks = createPageMarks({
    detector,
    painter,
    scheduler,
    settings: () => ({ kinds: [...ALL_MARK_KINDS], gating: true, highlightStyle: 'underline' }),
    inViewport: () => true,
    isVisible: () => true,
    makeRange: (init) => init as unknown as AbstractRange,
    watchNear: null,
    onTerms: () => {},
    onShadowRoot: (r) => roots.push(r),
  });
  const painted = () =>
    ([...last.values()].flat() as unknown as StaticRangeInit[]).map((r) =>
      (r.startContainer as Text).data.slice(r.startOffset, r.endOffset),
    );
  return { marks, scheduler, painted, roots };
}

/** A custom element with a shadow root of `mode` holding `children`. */
function component(mode: ShadowRootMode, ...children: Node[]): HTMLElement {
  const host = document.createElement('news-story');
  host.attachShadow({ mode }).append(...children);
  return host;
}

function para(text: string, attrs: Record<string, string> = {}): HTMLElement {
  const p = document.createElement('p');
  for (const [k, v] of Object.entries(attrs)) p.setAttribute(k, v);
  p.append(text);
  return p;
}

beforeEach(() => document.body.replaceChildren());

describe('open shadow roots', () => {
  it('marks prose inside them, nested ones too, and text at the top of the tree', async () => {
    const inner = component('open', para('Nvidia sold H800 chips.'));
    const outer = component(
      'open',
      para('Liang Wenfeng founded DeepSeek.'),
      inner,
      document.createTextNode('High-Flyer funds it.'),
    );
    document.body.replaceChildren(para('A story:'), outer);
    const { marks, scheduler, painted, roots } = setup();
    marks.scanAll(document.body);
    await scheduler.idle();
    expect(painted().sort()).toEqual(
      ['DeepSeek', 'H800', 'High-Flyer', 'Liang Wenfeng', 'Nvidia'].sort(),
    );
    expect(roots).toEqual([outer.shadowRoot, inner.shadowRoot]);
  });

  it('leaves editable content inside them alone, and whatever a skipped host covers', async () => {
    const editable = component('open', para('DeepSeek, being typed.', { contenteditable: 'true' }));
    const underEditor = component('open', para('Liang Wenfeng, in an editor.'));
    const editor = document.createElement('div');
    editor.setAttribute('contenteditable', '');
    editor.append(underEditor);
    const inCode = component('open', para('Nvidia in code.'));
    const code = document.createElement('code');
    code.append(inCode);
    document.body.replaceChildren(editable, editor, code, para('High-Flyer, outside.'));
    const { marks, scheduler, painted } = setup();
    marks.scanAll(document.body);
    await scheduler.idle();
    expect(painted()).toEqual(['High-Flyer']);
  });

  it('does not read closed roots', async () => {
    document.body.replaceChildren(component('closed', para('DeepSeek, closed.')));
    const { marks, scheduler, painted } = setup();
    marks.scanAll(document.body);
    await scheduler.idle();
    expect(painted()).toEqual([]);
  });

  it('re-reads a shadow root its watch reports', async () => {
    const host = component('open', para('Nothing yet.'));
    document.body.replaceChildren(host);
    const { marks, scheduler, painted } = setup();
    marks.scanAll(document.body);
    await scheduler.idle();
    expect(painted()).toEqual([]);
    const shadow = host.shadowRoot as ShadowRoot;
    shadow.append(para('DeepSeek arrived.'));
    marks.rescan([shadow]);
    await scheduler.idle();
    expect(painted()).toEqual(['DeepSeek']);
  });

  it('walks a shadow root as a root: its top-level text belongs to the host', () => {
    const host = component('open', document.createTextNode('DeepSeek at the top.'));
    document.body.replaceChildren(host);
    const [block] = [...walkBlocks(host.shadowRoot as ShadowRoot, new SkipCache(() => true))];
    expect(block?.el).toBe(host);
    expect(block?.text).toBe('DeepSeek at the top.');
  });
});
