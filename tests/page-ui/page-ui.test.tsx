// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createKnowledge } from '../../lib/knowledge/term-detail';
import { HOST_SELECTOR } from '../../lib/page/skip-rules';
import { createPageUi } from '../../lib/page-ui/controller';
import { pack } from '../knowledge/fixture';
import { catchShadow, liangIn } from './fixture';

const knowledge = createKnowledge(pack);

/** Events tests dispatch are all `isTrusted: false`; these stand in for the reader's. */
const asReader = () => true;

function setup(trusted: ((event: Event) => boolean) | null = asReader) {
  document.body.replaceChildren();
  const p = document.createElement('p');
  p.append('Founder Liang Wenfeng said');
  const button = document.createElement('button');
  button.append('page button');
  document.body.append(p, button);
  const occurrence = liangIn(p);
  const detail = vi.fn(async (req) => knowledge.detail(req));
  const controller = new AbortController();
  const ui = createPageUi({
    signal: controller.signal,
    detail,
    seen: async () => ({ available: true, count: 0 }),
    readSource: vi.fn(),
    terms: () => [],
    showOnPage: vi.fn(),
    ...(trusted && { isTrusted: trusted }),
  });
  return { ui, button, occurrence, detail, stop: () => controller.abort() };
}

afterEach(() => document.body.replaceChildren());

describe('page UI controller', () => {
  it('adds nothing to the page until the card or sidebar opens, then one closed host', () => {
    const { ui, occurrence, stop } = setup();
    expect(document.querySelector(HOST_SELECTOR)).toBeNull();
    ui.showCard(occurrence);
    const hosts = document.querySelectorAll(HOST_SELECTOR);
    expect(hosts).toHaveLength(1);
    expect((hosts[0] as HTMLElement).shadowRoot).toBeNull(); // closed: the page cannot reach in
    expect(ui.isOurs(hosts[0] as HTMLElement)).toBe(true);
    ui.openSidebar(null);
    expect(document.querySelectorAll(HOST_SELECTOR)).toHaveLength(1);
    stop();
    expect(document.querySelector(HOST_SELECTOR)).toBeNull();
  });

  it('hosts the UI in a plain <div>, which no page-defined custom element can upgrade', () => {
    const { ui, occurrence, stop } = setup();
    ui.showCard(occurrence);
    const host = document.querySelector(HOST_SELECTOR) as HTMLElement;
    expect(host.tagName).toBe('DIV');
    expect(host.getAttribute('is')).toBeNull();
    expect(host.parentNode).toBe(document.documentElement);
    stop();
  });

  it('makes the host again when the page removed it', () => {
    const { ui, occurrence, stop } = setup();
    ui.showCard(occurrence);
    const first = document.querySelector(HOST_SELECTOR) as HTMLElement;
    first.remove();
    ui.openSidebar(null);
    const hosts = document.querySelectorAll(HOST_SELECTOR);
    expect(hosts).toHaveLength(1);
    expect(hosts[0]).not.toBe(first);
    expect(ui.isOurs(hosts[0] as HTMLElement)).toBe(true);
    expect(ui.isOurs(first)).toBe(false);
    stop();
  });

  it('makes the host again after document.open() replaced the document', () => {
    const { ui, occurrence, stop } = setup();
    ui.showCard(occurrence);
    document.open();
    // biome-ignore lint/nursery/noJsRestrictedProperties: the test plays a page rewriting itself
    document.write('<!doctype html><html><body><p>new page</p></body></html>');
    document.close();
    expect(document.querySelectorAll(HOST_SELECTOR)).toHaveLength(0);
    ui.openSidebar(null);
    const hosts = document.querySelectorAll(HOST_SELECTOR);
    expect(hosts).toHaveLength(1);
    expect(hosts[0]?.parentNode).toBe(document.documentElement);
    stop();
  });

  it('makes the host again when the page moved it off <html>', () => {
    const { ui, occurrence, stop } = setup();
    ui.showCard(occurrence);
    const first = document.querySelector(HOST_SELECTOR) as HTMLElement;
    document.body.append(first);
    ui.openSidebar(null);
    const hosts = document.querySelectorAll(HOST_SELECTOR);
    expect(hosts).toHaveLength(1);
    expect(hosts[0]?.parentNode).toBe(document.documentElement);
    stop();
  });

  it('asks the background for the hovered term', () => {
    const { ui, occurrence, detail, stop } = setup();
    ui.showCard(occurrence);
    expect(detail).toHaveBeenCalledWith({ id: 'liang-wenfeng', kind: 'entity' });
    stop();
  });

  it('closes on Esc and returns focus to where it was', () => {
    const { ui, button, stop } = setup();
    button.focus();
    ui.openSidebar(null);
    expect(document.activeElement).not.toBe(button);
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(document.activeElement).toBe(button);
    stop();
  });

  it('adds no host to a page made editable (designMode), and takes its own away', () => {
    const { ui, occurrence, stop } = setup();
    ui.showCard(occurrence);
    expect(document.querySelectorAll(HOST_SELECTOR)).toHaveLength(1);
    document.designMode = 'on';
    try {
      ui.openSidebar(null);
      expect(document.querySelectorAll(HOST_SELECTOR)).toHaveLength(0);
    } finally {
      document.designMode = 'off';
    }
    stop();
  });

  it('ignores keys and clicks a script made (isTrusted false)', () => {
    const attach = vi.spyOn(HTMLElement.prototype, 'attachShadow');
    const { ui, button, stop } = setup(null); // the real check: every event here is a script's
    button.focus();
    ui.openSidebar(null);
    const shadow = attach.mock.results[0]?.value as ShadowRoot;
    attach.mockRestore();
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(shadow.querySelector('aside')).not.toBeNull(); // still open
    const close = shadow.querySelector<HTMLButtonElement>('button[aria-label="Close sidebar"]');
    expect(close).not.toBeNull();
    close?.click();
    expect(shadow.querySelector('aside')).not.toBeNull();
    stop();
  });
});

describe('keyboard and pointer on the card', () => {
  function key(k: string, init: KeyboardEventInit = {}): KeyboardEvent {
    const event = new KeyboardEvent('keydown', {
      key: k,
      bubbles: true,
      cancelable: true,
      ...init,
    });
    (document.activeElement ?? document.body).dispatchEvent(event);
    return event;
  }

  afterEach(() => {
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  it('Tab moves into the open card and cycles there; Esc closes it and focus goes back', () => {
    const shadow = catchShadow();
    const { ui, button, occurrence, stop } = setup();
    const pageKeys: string[] = [];
    document.addEventListener('keydown', (e) => pageKeys.push(e.key));
    button.focus();
    ui.showCard(occurrence);
    const controls = () => [...shadow().querySelectorAll<HTMLElement>('.card button')];
    expect(controls().length).toBeGreaterThanOrEqual(3); // pin, close, open in sidebar

    const tab = key('Tab');
    expect(tab.defaultPrevented).toBe(true);
    expect(shadow().activeElement).toBe(controls()[0]);
    expect(key('Tab', { shiftKey: true }).defaultPrevented).toBe(true);
    expect(shadow().activeElement).toBe(controls().at(-1));
    expect(key('Tab').defaultPrevented).toBe(true); // from the last, round to the first
    expect(shadow().activeElement).toBe(controls()[0]);
    // In the middle of the card the browser's own order is the card's: not ours to move.
    (controls()[1] as HTMLElement).focus();
    expect(key('Tab').defaultPrevented).toBe(false);

    const esc = key('Escape');
    expect(esc.defaultPrevented).toBe(true);
    expect(shadow().querySelector('.card')).toBeNull();
    expect(document.activeElement).toBe(button);
    // Tab and Esc in the card never reached the page.
    expect(pageKeys).toEqual([]);
    // With nothing open, Esc and Tab are the page's.
    expect(key('Escape').defaultPrevented).toBe(false);
    expect(key('Tab').defaultPrevented).toBe(false);
    expect(pageKeys).toEqual(['Escape', 'Tab']);
    stop();
  });

  it('ignores keys the page makes up', () => {
    const shadow = catchShadow();
    const { occurrence, stop } = setup();
    const controller = new AbortController();
    const ui = createPageUi({
      signal: controller.signal,
      detail: async () => null,
      seen: async () => null,
      readSource: vi.fn(),
      terms: () => [],
      showOnPage: vi.fn(),
    });
    ui.showCard(occurrence);
    expect(key('Tab').defaultPrevented).toBe(false);
    expect(key('Escape').defaultPrevented).toBe(false);
    expect(shadow().querySelector('.card')).not.toBeNull();
    controller.abort();
    stop();
  });

  it('a pinned card stays when the pointer leaves and when other terms are hovered', () => {
    vi.useFakeTimers();
    const shadow = catchShadow();
    const { ui, occurrence, stop } = setup();
    const other = { ...occurrence, match: { ...occurrence.match, id: 'deepseek' } };
    ui.showCard(occurrence);
    const pin = shadow().querySelector<HTMLElement>('.card button[aria-pressed]');
    pin?.click();
    expect(pin?.getAttribute('aria-pressed')).toBe('true');
    ui.leaveTerm();
    ui.showCard(other); // a hover
    ui.dismissCard(); // a tap elsewhere
    vi.advanceTimersByTime(1000);
    expect(ui.cardTerm()).toBe(occurrence);
    // Asked for by a key or a tap, another term's card takes its place.
    ui.showCard(other, 'key');
    expect(ui.cardTerm()).toBe(other);
    ui.leaveTerm();
    vi.advanceTimersByTime(1000);
    expect(ui.cardTerm()).toBeNull();
    stop();
  });

  it('a tap elsewhere closes an unpinned card; its close button closes it too', () => {
    const shadow = catchShadow();
    const { ui, occurrence, stop } = setup();
    ui.showCard(occurrence, 'tap');
    ui.dismissCard();
    expect(ui.cardTerm()).toBeNull();
    ui.showCard(occurrence, 'tap');
    shadow().querySelector<HTMLElement>('.card button[aria-label="Close"]')?.click();
    expect(shadow().querySelector('.card')).toBeNull();
    stop();
  });
});
