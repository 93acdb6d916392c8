// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { HOST_ATTR } from '../../lib/page/skip-rules';
import type { ScanRoot } from '../../lib/page/text-blocks';
import { changedElements, FULL_GAP_MS, MIN_GAP_MS, watchPage } from '../../lib/page/watch-page';

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('changedElements', () => {
  it('reduces a batch to the changed blocks, ignoring our host', () => {
    const p = document.createElement('p');
    const b = document.createElement('b');
    const t = document.createTextNode('x');
    b.append(t);
    p.append(b);
    const host = document.createElement('div');
    host.setAttribute(HOST_ATTR, '');
    const records = [
      { type: 'characterData', target: t },
      { type: 'childList', target: b, addedNodes: [t], removedNodes: [] },
      { type: 'childList', target: document.body, addedNodes: [host], removedNodes: [] },
    ] as unknown as MutationRecord[];
    expect([...(changedElements(records, 10) ?? [])]).toEqual([p]);
  });

  it('asks for a full re-scan past the threshold', () => {
    const records = Array.from({ length: 5 }, () => ({
      type: 'childList',
      target: document.createElement('div'),
      addedNodes: [],
      removedNodes: [],
    })) as unknown as MutationRecord[];
    expect(changedElements(records, 3)).toBeNull();
  });

  it('reads 5,000 rewritten cells of one block as that block, not as a full re-scan', () => {
    const ticker = document.createElement('div');
    const records = Array.from({ length: 5000 }, () => {
      const cell = document.createElement('span');
      ticker.append(cell);
      return { type: 'childList', target: cell, addedNodes: [], removedNodes: [] };
    }) as unknown as MutationRecord[];
    expect([...(changedElements(records, 300) ?? [])]).toEqual([ticker]);
  });

  it('reads a change at the top of a shadow tree as its shadow root', () => {
    const host = document.createElement('div');
    const shadow = host.attachShadow({ mode: 'open' });
    const records = [
      { type: 'childList', target: shadow, addedNodes: [], removedNodes: [] },
    ] as unknown as MutationRecord[];
    expect([...(changedElements(records, 10) ?? [])]).toEqual([shadow]);
  });
});

/** watchPage with a clock and a frame queue the test drives. */
/** `'default'`: no root given, as session.ts gives none. */
function setup(root: Node | 'default' = document.body) {
  const changes: (ScanRoot[] | 'all')[] = [];
  const urls: string[] = [];
  const loc = { href: 'https://example.test/a' };
  const ctl = new AbortController();
  let t = 0;
  const planned: { at: number; run: () => void }[] = [];
  document.body.replaceChildren();
  const watch = watchPage({
    ...(root !== 'default' && { root }),
    onChange: (r) => changes.push(r),
    onUrlChange: (u) => urls.push(u),
    signal: ctl.signal,
    location: loc,
    now: () => t,
    schedule: (run, delayMs) => planned.push({ at: t + delayMs, run }),
  });
  /** Moves the clock on, running what was planned for that time (a frame each). */
  const advance = async (ms: number) => {
    await tick(); // mutation records arrive in a microtask
    t += ms;
    for (const p of planned.splice(0).sort((a, b) => a.at - b.at)) {
      if (p.at <= t) p.run();
      else planned.push(p);
    }
    await tick();
  };
  return { changes, urls, loc, ctl, watch, advance };
}

describe('watchPage', () => {
  it('hands changed blocks over on a frame, MIN_GAP_MS after the last, and URL changes at once', async () => {
    const { changes, urls, loc, ctl, advance } = setup();
    const p = document.createElement('p');
    document.body.append(p);
    await advance(MIN_GAP_MS);
    changes.length = 0;
    p.append('DeepSeek');
    await advance(16);
    expect(changes).toEqual([]);
    await advance(MIN_GAP_MS);
    expect(changes).toEqual([[p]]);
    loc.href = 'https://example.test/b';
    p.append('more');
    await tick();
    expect(urls).toEqual(['https://example.test/b']);
    ctl.abort();
    p.append('after');
    await advance(MIN_GAP_MS);
    expect(changes).toHaveLength(1);
  });

  it('hands over a storm of batches at most once per MIN_GAP_MS', async () => {
    const { changes, advance } = setup();
    const ticker = document.createElement('div');
    const cells = Array.from({ length: 500 }, () => document.createElement('span'));
    ticker.append(...cells);
    document.body.append(ticker);
    await advance(MIN_GAP_MS);
    changes.length = 0;
    // A page rewriting every cell every 50 ms for a second.
    for (let k = 0; k < 20; k++) {
      for (const c of cells) c.textContent = `AAPL ${k}`;
      await advance(50);
    }
    await advance(MIN_GAP_MS);
    expect(changes.length).toBeGreaterThan(0);
    expect(changes.length).toBeLessThanOrEqual(Math.ceil(1000 / MIN_GAP_MS) + 1);
    for (const c of changes) expect(c).toEqual([ticker]);
  });

  it('re-scans everything at most once per FULL_GAP_MS', async () => {
    const { changes, advance } = setup();
    const blocks = Array.from({ length: 400 }, () => document.createElement('p'));
    document.body.append(...blocks);
    await advance(FULL_GAP_MS);
    changes.length = 0;
    for (let k = 0; k < 20; k++) {
      for (const b of blocks) b.textContent = `row ${k}`;
      await advance(100);
    }
    await advance(FULL_GAP_MS);
    const full = changes.filter((c) => c === 'all');
    expect(full.length).toBeGreaterThan(0);
    expect(full.length).toBeLessThanOrEqual(Math.ceil(3000 / FULL_GAP_MS) + 1);
  });

  it('watches an open shadow root it is given', async () => {
    const { changes, watch, advance } = setup();
    const host = document.createElement('div');
    document.body.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    const inner = document.createElement('p');
    shadow.append(inner);
    await advance(MIN_GAP_MS);
    changes.length = 0;
    watch.observe(shadow);
    inner.append('DeepSeek in a web component');
    await advance(MIN_GAP_MS);
    expect(changes).toEqual([[inner]]);
  });

  it('by default watches the document: hears the page document.open() wrote over the old', async () => {
    const { changes, ctl, advance } = setup('default');
    document.open();
    // biome-ignore lint/nursery/noJsRestrictedProperties: the test plays a page rewriting itself
    document.write('<!doctype html><html><body><main></main></body></html>');
    document.close();
    await advance(MIN_GAP_MS);
    changes.length = 0;
    const p = document.createElement('p');
    (document.querySelector('main') as Element).append(p);
    p.append('DeepSeek');
    await advance(MIN_GAP_MS);
    expect(changes.flat()).toContain(p);
    ctl.abort();
  });

  it('re-reads everything when a script swaps in a new root element', async () => {
    const { changes, ctl, advance } = setup('default');
    await advance(MIN_GAP_MS);
    changes.length = 0;
    const html = document.createElement('html');
    html.append(document.createElement('body'));
    (html.lastChild as Element).append('DeepSeek on a page built whole');
    document.documentElement.remove();
    document.append(html);
    await advance(MIN_GAP_MS);
    expect(changes).toEqual(['all']);
    ctl.abort();
  });
});
