// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { type CreatePageUi, createLazyPageUi } from '../../lib/content/lazy-ui';
import type { Occurrence } from '../../lib/page/page-marks';
import { HOST_SELECTOR } from '../../lib/page/skip-rules';
import { createPageUi, type PageUiDeps } from '../../lib/page-ui/controller';

/** A stand-in occurrence: the fake UI only records which one it was given. */
const occ = (name: string) => ({ name }) as unknown as Occurrence;
const nameOf = (o: Occurrence | null) => (o ? (o as unknown as { name: string }).name : 'list');

function deps(): PageUiDeps {
  return {
    detail: async () => null,
    seen: async () => null,
    readSource: () => {},
    terms: () => [],
    showOnPage: () => {},
    onCardClosed: vi.fn(),
  };
}

/** A page UI that records its calls, and a load the test settles by hand. */
function harness() {
  const calls: string[] = [];
  const ourTarget = document.createElement('div');
  const create: CreatePageUi = (given) => {
    given.signal?.addEventListener('abort', () => calls.push('stopped'));
    return {
      showCard: (o) => calls.push(`card ${nameOf(o)}`),
      leaveTerm: () => calls.push('leave'),
      dismissCard: () => calls.push('dismiss'),
      pageChanged: () => calls.push('page changed'),
      cardTerm: () => null,
      openSidebar: (o) => calls.push(`sidebar ${nameOf(o)}`),
      isOurs: (t) => t === ourTarget,
      refresh: () => calls.push('refresh'),
    };
  };
  let settle: { resolve: (c: CreatePageUi) => void; reject: (e: unknown) => void } | null = null;
  const load = vi.fn(
    () =>
      new Promise<CreatePageUi>((resolve, reject) => {
        settle = { resolve, reject };
      }),
  );
  const controller = new AbortController();
  const d = { ...deps(), signal: controller.signal };
  const ui = createLazyPageUi(d, load);
  const stop = () => controller.abort();
  const loaded = async () => {
    settle?.resolve(create);
    await flush();
  };
  const failed = async (error: unknown) => {
    settle?.reject(error);
    await flush();
  };
  return { ui, calls, load, loaded, failed, ourTarget, deps: d, stop };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('lazy page UI', () => {
  it('loads nothing until a card or the sidebar is wanted', async () => {
    const { ui, load } = harness();
    ui.leaveTerm();
    ui.refresh();
    ui.pageChanged();
    await flush();
    expect(load).not.toHaveBeenCalled();
    ui.showCard(occ('a'));
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('prepare loads without showing anything; the card then comes from that one load', async () => {
    const { ui, calls, load, loaded } = harness();
    ui.prepare();
    ui.prepare();
    expect(load).toHaveBeenCalledTimes(1);
    await loaded();
    expect(calls).toEqual([]);
    ui.showCard(occ('a'));
    expect(calls).toEqual(['card a']);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('opening the sidebar starts the load too', () => {
    const { ui, load } = harness();
    ui.openSidebar(null);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('replays the calls made while loading, in order, then calls straight through', async () => {
    const { ui, calls, load, loaded } = harness();
    ui.showCard(occ('a'));
    ui.leaveTerm();
    ui.openSidebar(occ('b'));
    ui.refresh(); // nothing is shown yet: the sidebar paints the terms when it opens
    expect(calls).toEqual([]);
    await loaded();
    expect(calls).toEqual(['card a', 'leave', 'sidebar b']);
    ui.showCard(occ('c'));
    ui.refresh();
    expect(calls.slice(3)).toEqual(['card c', 'refresh']);
    expect(load).toHaveBeenCalledTimes(1); // the same load, reused
  });

  it('keeps only the newest card request (and drops the older one’s leave)', async () => {
    const { ui, calls, loaded } = harness();
    ui.showCard(occ('a'));
    ui.leaveTerm();
    ui.openSidebar(null);
    ui.showCard(occ('b'));
    ui.showCard(occ('c'));
    await loaded();
    expect(calls).toEqual(['sidebar list', 'card c']);
  });

  it('an abort before the load cancels what was asked, and nothing is made or loaded after', async () => {
    const { ui, calls, load, loaded, stop } = harness();
    ui.showCard(occ('a'));
    ui.openSidebar(null);
    stop();
    await loaded();
    expect(calls).toEqual([]);
    ui.showCard(occ('b'));
    await flush();
    expect(calls).toEqual([]);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('an abort after the load stops the loaded UI (it holds the same signal)', async () => {
    const { ui, calls, loaded, stop } = harness();
    ui.showCard(occ('a'));
    await loaded();
    stop();
    ui.showCard(occ('b'));
    expect(calls).toEqual(['card a', 'stopped']);
  });

  it('is not ours before the load; after it, asks the real UI', async () => {
    const { ui, loaded, ourTarget } = harness();
    ui.showCard(occ('a'));
    expect(ui.isOurs(ourTarget)).toBe(false);
    await loaded();
    expect(ui.isOurs(ourTarget)).toBe(true);
    expect(ui.isOurs(document.body)).toBe(false);
  });

  it('a failed load logs one error, keeps quiet afterwards and tries no more', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { ui, calls, load, failed, ourTarget, deps } = harness();
    ui.showCard(occ('a'));
    ui.openSidebar(null);
    await failed(new TypeError('Failed to fetch dynamically imported module'));
    expect(error).toHaveBeenCalledTimes(1);
    expect(String(error.mock.calls[0]?.[0])).toMatch(/could not be loaded \(page-ui\.js\)/);
    // The hover tracker is told the card is not open, so the term can be hovered again.
    expect(deps.onCardClosed).toHaveBeenCalledTimes(1);
    ui.showCard(occ('b'));
    ui.openSidebar(null);
    ui.leaveTerm();
    ui.refresh();
    await flush();
    expect(load).toHaveBeenCalledTimes(1);
    expect(error).toHaveBeenCalledTimes(1);
    expect(calls).toEqual([]);
    expect(ui.isOurs(ourTarget)).toBe(false);
  });

  it('drives the real page UI once loaded: one closed host, ours', async () => {
    document.body.replaceChildren();
    const p = document.createElement('p');
    p.append('Founder Liang Wenfeng said');
    document.body.append(p);
    const node = p.firstChild as Text;
    const o = {
      match: { id: 'liang-wenfeng', kind: 'entity', label: 'Liang Wenfeng', text: 'Liang Wenfeng' },
      range: { startContainer: node, startOffset: 8, endContainer: node, endOffset: 21 },
    } as unknown as Occurrence;
    const controller = new AbortController();
    const ui = createLazyPageUi({ ...deps(), signal: controller.signal }, async () => createPageUi);
    ui.showCard(o);
    expect(document.querySelector(HOST_SELECTOR)).toBeNull(); // still loading
    await flush();
    const host = document.querySelector(HOST_SELECTOR);
    expect(host).not.toBeNull();
    expect(ui.isOurs(host)).toBe(true);
    controller.abort();
    expect(document.querySelector(HOST_SELECTOR)).toBeNull();
  });
});
