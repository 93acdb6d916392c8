// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { changedElements, watchPage } from '../../lib/page/watch-page';

describe('changedElements', () => {
  it('reduces a batch to the changed elements, ignoring our host', () => {
    const p = document.createElement('p');
    const t = document.createTextNode('x');
    p.append(t);
    const host = document.createElement('sourcelight-root');
    const records = [
      { type: 'characterData', target: t },
      { type: 'childList', target: p, addedNodes: [t], removedNodes: [] },
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
});

describe('watchPage', () => {
  it('reports changed elements and URL changes from mutation batches', async () => {
    const changes: (Element[] | 'all')[] = [];
    const urls: string[] = [];
    const loc = { href: 'https://example.test/a' };
    const ctl = new AbortController();
    document.body.replaceChildren();
    const p = document.createElement('p');
    document.body.append(p);
    watchPage({
      root: document.body,
      onChange: (r) => changes.push(r),
      onUrlChange: (u) => urls.push(u),
      signal: ctl.signal,
      location: loc,
    });
    p.append('DeepSeek');
    await new Promise((r) => setTimeout(r, 0));
    expect(changes).toEqual([[p]]);
    loc.href = 'https://example.test/b';
    p.append('more');
    await new Promise((r) => setTimeout(r, 0));
    expect(urls).toEqual(['https://example.test/b']);
    ctl.abort();
    p.append('after');
    await new Promise((r) => setTimeout(r, 0));
    expect(changes).toHaveLength(1);
  });
});
