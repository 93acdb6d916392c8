/**
 * Names for the minified content script's functions in a profile: a small reader of
 * source maps (v3, VLQ mappings), enough to turn a profile frame's line and column back
 * into the original file, line and identifier.
 */

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_INDEX = new Map([...B64].map((c, i) => [c, i]));

/** [generated column, source index, source line, source column, name index or -1] */
type Segment = [number, number, number, number, number];

export interface SourceMapV3 {
  version: number;
  sources: string[];
  names?: string[];
  mappings: string;
}

export interface OriginalPosition {
  source: string;
  /** 1-based. */
  line: number;
  name: string | null;
}

function decodeVlq(text: string, start: number, out: number[]): number {
  let i = start;
  while (i < text.length && text[i] !== ',' && text[i] !== ';') {
    let value = 0;
    let shift = 0;
    let digit: number;
    do {
      digit = B64_INDEX.get(text[i++] as string) ?? 0;
      value += (digit & 31) << shift;
      shift += 5;
    } while (digit & 32);
    out.push(value & 1 ? -(value >>> 1) : value >>> 1);
  }
  return i;
}

/** A map's source as a path in the repository ("../../../lib/x.ts" -> "lib/x.ts"). */
export function sourcePath(source: string): string {
  return source.replace(/^(\.\.\/)+/, '').replace(/^\.\//, '');
}

export class SourceMapReader {
  private readonly lines: Segment[][] = [];
  private readonly sources: string[];
  private readonly names: string[];

  constructor(map: SourceMapV3) {
    this.sources = map.sources.map(sourcePath);
    this.names = map.names ?? [];
    let line: Segment[] = [];
    let src = 0;
    let srcLine = 0;
    let srcCol = 0;
    let name = 0;
    let col = 0;
    const text = map.mappings;
    let i = 0;
    while (i <= text.length) {
      const c = text[i];
      if (c === ';' || i === text.length) {
        this.lines.push(line);
        line = [];
        col = 0;
        i++;
        continue;
      }
      if (c === ',') {
        i++;
        continue;
      }
      const fields: number[] = [];
      i = decodeVlq(text, i, fields);
      col += fields[0] ?? 0;
      if (fields.length >= 4) {
        src += fields[1] as number;
        srcLine += fields[2] as number;
        srcCol += fields[3] as number;
        let n = -1;
        if (fields.length >= 5) {
          name += fields[4] as number;
          n = name;
        }
        line.push([col, src, srcLine, srcCol, n]);
      }
    }
  }

  /** Original places of the mapped tokens in a generated 0-based line's [from, to) columns. */
  placesIn(line: number, from: number, to: number): { source: string; line: number }[] {
    return (this.lines[line] ?? [])
      .filter((s) => s[0] >= from && s[0] < to)
      .map((s) => ({ source: this.sources[s[1]] ?? '?', line: s[2] + 1 }));
  }

  /** Original place of a generated 0-based line and column, with the nearest name. */
  lookup(line: number, column: number): OriginalPosition | null {
    const segs = this.lines[line];
    if (!segs || segs.length === 0) return null;
    let lo = 0;
    let hi = segs.length - 1;
    let at = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((segs[mid] as Segment)[0] <= column) {
        at = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (at < 0) return null;
    const seg = segs[at] as Segment;
    // A function's profile position is its parameter list; its name is a segment or two back.
    let name: string | null = null;
    for (let k = at; k >= Math.max(0, at - 3); k--) {
      const s = segs[k] as Segment;
      if (s[4] >= 0 && seg[0] - s[0] < 60) {
        name = this.names[s[4]] ?? null;
        break;
      }
    }
    return { source: this.sources[seg[1]] ?? '?', line: seg[2] + 1, name };
  }
}
