/**
 * The sidebar's navigation and data (lib/page-ui/sidebar-stack.ts): the top entry's detail
 * and history, Back, and answers that arrive after the reader moved on.
 */
import { describe, expect, it, vi } from 'vitest';
import type { TermDetail, TermDetailRequest } from '../../lib/knowledge/types';
import { createSidebarStack, type SidebarEntry } from '../../lib/page-ui/sidebar-stack';

const entry = (id: string): SidebarEntry => ({ req: { id, kind: 'entity' }, pageFigure: null });
const detailOf = (id: string) => ({ id }) as unknown as TermDetail;

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe('createSidebarStack', () => {
  it('shows the top entry: loading, then its detail and history', async () => {
    const onChange = vi.fn();
    const s = createSidebarStack({
      detail: async (req: TermDetailRequest) => detailOf(req.id),
      seen: async () => ({ available: true, count: 2 }),
      onChange,
    });
    expect(s.open()).toBe(false);
    s.push(entry('deepseek'));
    expect(s.current()).toMatchObject({ detail: undefined, seen: null, canGoBack: false });
    await new Promise((r) => setTimeout(r, 0));
    expect(s.current().detail).toEqual(detailOf('deepseek'));
    expect(s.current().seen).toEqual({ available: true, count: 2 });
    expect(onChange).toHaveBeenCalled();
  });

  it('drops an answer for an entry the reader has left, and goes back', async () => {
    const slow = deferred<TermDetail | null>();
    const s = createSidebarStack({
      detail: (req) => (req.id === 'slow' ? slow.promise : Promise.resolve(detailOf(req.id))),
      seen: async () => null,
      onChange: () => {},
    });
    s.push(null);
    s.push(entry('slow'));
    s.push(entry('fast'));
    slow.resolve(detailOf('slow'));
    await new Promise((r) => setTimeout(r, 0));
    expect(s.current().detail).toEqual(detailOf('fast'));
    expect(s.back()).toBe(true);
    await new Promise((r) => setTimeout(r, 0));
    expect(s.current().entry?.req.id).toBe('slow');
    expect(s.back()).toBe(true);
    expect(s.current()).toMatchObject({ entry: null, detail: null, canGoBack: false });
    expect(s.back()).toBe(false);
    s.clear();
    expect(s.open()).toBe(false);
  });
});
