import { describe, expect, it } from 'vitest';
import { hugePages } from '../../scripts/bench/huge-pages';

describe('hugePages', () => {
  it('is deterministic and names each page once', () => {
    const small = { articleChars: 200_000 };
    const a = hugePages(small);
    const b = hugePages(small);
    expect(a.map((p) => p.html)).toEqual(b.map((p) => p.html));
    expect(a.map((p) => p.key)).toEqual([
      'text-10mb',
      'deep-50k',
      'storm',
      'six-million',
      'page-20mb',
    ]);
    expect(a.find((p) => p.key === 'storm')?.busyMs).toBe(10_000);
  });
});
