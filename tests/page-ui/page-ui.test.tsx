// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPageUi } from '../../entrypoints/page-ui/page-ui';
import { createKnowledge } from '../../lib/knowledge/term-detail';
import type { Occurrence } from '../../lib/page/page-marks';
import { pack } from '../knowledge/fixture';

const knowledge = createKnowledge(pack);

function setup() {
  document.body.replaceChildren();
  const p = document.createElement('p');
  p.append('Founder Liang Wenfeng said');
  const button = document.createElement('button');
  button.append('page button');
  document.body.append(p, button);
  const node = p.firstChild as Text;
  const occurrence = {
    match: {
      start: 8,
      end: 21,
      text: 'Liang Wenfeng',
      kind: 'entity',
      id: 'liang-wenfeng',
      label: 'Liang Wenfeng',
      entityKind: 'person',
      tier: 'core',
    },
    block: { el: p, text: node.data, first: node, nodes: [node], starts: [0], mapped: true },
    range: { startContainer: node, startOffset: 8, endContainer: node, endOffset: 21 },
    paintRange: null as unknown as AbstractRange, // the controller never paints
    group: 'person',
  } as Occurrence;
  const detail = vi.fn(async (req) => knowledge.detail(req));
  const ui = createPageUi({
    detail,
    seen: async () => ({ available: true, count: 0 }),
    readSource: vi.fn(),
    terms: () => [],
    showOnPage: vi.fn(),
    // happy-dom's events are all untrusted; the browser's are the only ones counted.
    isTrusted: () => true,
  });
  return { ui, button, occurrence, detail };
}

afterEach(() => document.body.replaceChildren());

describe('page UI controller', () => {
  it('adds nothing to the page until the card or sidebar opens, then one closed host', () => {
    const { ui, occurrence } = setup();
    expect(document.querySelector('sourcelight-root')).toBeNull();
    ui.showCard(occurrence);
    const hosts = document.querySelectorAll('sourcelight-root');
    expect(hosts).toHaveLength(1);
    expect((hosts[0] as HTMLElement).shadowRoot).toBeNull(); // closed: the page cannot reach in
    expect(ui.isOurs(hosts[0] as HTMLElement)).toBe(true);
    ui.openSidebar(null);
    expect(document.querySelectorAll('sourcelight-root')).toHaveLength(1);
    ui.destroy();
    expect(document.querySelector('sourcelight-root')).toBeNull();
  });

  it('asks the background for the hovered term', () => {
    const { ui, occurrence, detail } = setup();
    ui.showCard(occurrence);
    expect(detail).toHaveBeenCalledWith({ id: 'liang-wenfeng', kind: 'entity' });
    ui.destroy();
  });

  it('closes on Esc and returns focus to where it was', () => {
    const { ui, button } = setup();
    button.focus();
    ui.openSidebar(null);
    expect(document.activeElement).not.toBe(button);
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(document.activeElement).toBe(button);
    ui.destroy();
  });
});
