import { describe, expect, it } from 'vitest';
import { SourceMapReader } from '../../scripts/bench/source-map';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function vlq(n: number): string {
  let v = n < 0 ? (-n << 1) | 1 : n << 1;
  let out = '';
  do {
    let digit = v & 31;
    v >>>= 5;
    if (v > 0) digit |= 32;
    out += B64[digit];
  } while (v > 0);
  return out;
}

/** Encodes absolute segments per line into v3 `mappings` (fields relative, as the spec says). */
function encode(lines: number[][][]): string {
  const prev = [0, 0, 0, 0, 0];
  return lines
    .map((segs) => {
      prev[0] = 0;
      return segs
        .map((seg) =>
          seg
            .map((v, i) => {
              const d = v - (prev[i] as number);
              prev[i] = v;
              return vlq(d);
            })
            .join(''),
        )
        .join(',');
    })
    .join(';');
}

describe('SourceMapReader', () => {
  const reader = new SourceMapReader({
    version: 3,
    sources: ['../../lib/detect/automaton.ts', '../../lib/page/text-blocks.ts'],
    names: ['scanAll', 'walkBlocks'],
    mappings: encode([
      [[0, 0, 0, 0]],
      [
        [0, 0, 10, 0],
        [9, 0, 10, 9, 0], // `ht` is scanAll
        [11, 0, 10, 16],
        [300, 1, 125, 2, 1], // `Pr` is walkBlocks
        [302, 1, 125, 12],
        [400, 0, 3, 0], // back to the first source: negative deltas
      ],
    ]),
  });

  it('maps a generated position to its file, line and the nearest name', () => {
    expect(reader.lookup(1, 11)).toEqual({
      source: 'lib/detect/automaton.ts',
      line: 11,
      name: 'scanAll',
    });
    expect(reader.lookup(1, 302)).toEqual({
      source: 'lib/page/text-blocks.ts',
      line: 126,
      name: 'walkBlocks',
    });
  });

  it('decodes negative deltas and answers null outside the map', () => {
    expect(reader.lookup(0, 5)?.line).toBe(1);
    expect(reader.lookup(1, 450)).toMatchObject({ source: 'lib/detect/automaton.ts', line: 4 });
    expect(reader.lookup(5, 0)).toBeNull();
  });
});
