/**
 * Names for the minified content script's functions in a profile: a profile frame's line
 * and column back to the original file, line and identifier. The mappings are decoded by
 * @jridgewell/trace-mapping (the decoder Vite and Rollup use); what is ours is the lookup
 * of a function's name, which sits a segment or two before its body.
 */
import { decodedMappings, type EncodedSourceMap, TraceMap } from '@jridgewell/trace-mapping';

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
    // trace-mapping decodes the VLQ mappings (sorted per line); only mapped segments count.
    for (const segs of decodedMappings(new TraceMap(map as EncodedSourceMap))) {
      this.lines.push(
        segs
          .filter((g) => g.length >= 4)
          .map((g) => [g[0], g[1] ?? 0, g[2] ?? 0, g[3] ?? 0, g.length === 5 ? g[4] : -1]),
      );
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
