// @vitest-environment happy-dom
/**
 * The first stage's read of a page's text in chunks (lib/content/page-text.ts): it finds a
 * name anywhere, across a chunk's edge and inside one huge text node, stops at the first
 * hit, and gives way between slices of a long page.
 */
import { describe, expect, it, vi } from 'vitest';
import { CHUNK_CHARS, pageHolds } from '../../lib/content/page-text';

const filler = (n: number) =>
  'plain words about the weather. '.repeat(Math.ceil(n / 31)).slice(0, n);
const has = (name: string) => (text: string) => text.includes(name);

function body(...parts: string[]): HTMLElement {
  const el = document.createElement('div');
  for (const p of parts) {
    const para = document.createElement('p');
    para.textContent = p;
    el.append(para);
  }
  return el;
}

const live = () => ({ signal: new AbortController().signal, nextSlice: async () => {} });

describe('pageHolds', () => {
  it('finds a name at the end of a long page, and none that is not there', async () => {
    const root = body(filler(3 * CHUNK_CHARS), 'DeepSeek said');
    expect(await pageHolds(root, has('DeepSeek'), live())).toBe(true);
    expect(await pageHolds(root, has('Nvidia'), live())).toBe(false);
  });

  it("finds a name that straddles a chunk's edge", async () => {
    const root = body(filler(CHUNK_CHARS - 4), 'DeepSeek');
    expect(await pageHolds(root, has('DeepSeek'), live())).toBe(true);
  });

  it('reads one huge text node a chunk at a time', async () => {
    const seen: number[] = [];
    const root = body(`${filler(5 * CHUNK_CHARS)}DeepSeek`);
    const test = (t: string) => {
      seen.push(t.length);
      return t.includes('DeepSeek');
    };
    expect(await pageHolds(root, test, live())).toBe(true);
    expect(Math.max(...seen)).toBeLessThanOrEqual(CHUNK_CHARS + 128);
    expect(seen.length).toBeGreaterThan(4);
  });

  it('stops at the first chunk that holds a name', async () => {
    const test = vi.fn(has('DeepSeek'));
    await pageHolds(body('DeepSeek', filler(4 * CHUNK_CHARS)), test, live());
    expect(test).toHaveBeenCalledTimes(1);
  });

  it('gives way between slices, and stops when aborted', async () => {
    let t = 0;
    const abort = new AbortController();
    const nextSlice = vi.fn(async () => abort.abort());
    const found = await pageHolds(body(filler(4 * CHUNK_CHARS), 'DeepSeek'), has('DeepSeek'), {
      signal: abort.signal,
      nextSlice,
      now: () => (t += 10), // every chunk takes 10 ms: a slice after each
    });
    expect(nextSlice).toHaveBeenCalledOnce();
    expect(found).toBe(false);
  });
});
