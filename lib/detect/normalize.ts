/**
 * Text normalisation with an exact map back to the original string. Pages break names with
 * soft hyphens, NBSP, zero-width characters, curly quotes and odd dashes; matching the
 * normalised text and mapping offsets back keeps every match a verbatim slice of the page.
 */
import { APOS, charClass, fold, isDash, PLAIN, QUOTE, SEP, SKIP } from './chars';

export interface Normalized {
  /** The normalised text. */
  text: string;
  /**
   * `starts[i]`: original offset of the first code unit behind normalised unit `i`; null
   * when nothing changed (offsets are the same), which is most text.
   */
  starts: Int32Array | null;
  /** `ends[i]`: original offset just past the last code unit behind normalised unit `i`. */
  ends: Int32Array | null;
}

export interface NormalizeOptions {
  /** Lower-case letters (one code unit for one). Default false. */
  fold?: boolean;
}

/**
 * Soft hyphens and zero-width characters are dropped; a run of spaces and line breaks
 * becomes one space, or one "-" when it holds a dash ("DeepSeek - R1" -> "DeepSeek-R1");
 * curly quotes and apostrophes become straight ones.
 */
export function normalize(input: string, options: NormalizeOptions = {}): Normalized {
  const n = input.length;
  if (!options.fold && isNormal(input)) return identity(input);
  const out = new Uint16Array(n);
  const starts = new Int32Array(n + 1);
  const ends = new Int32Array(n + 1);
  let k = 0;
  let i = 0;
  while (i < n) {
    const code = input.charCodeAt(i);
    const cls = charClass(code);
    if (cls === SKIP) {
      i++;
      continue;
    }
    if (cls === SEP) {
      const from = i;
      let last = i;
      let dash = false;
      while (i < n) {
        const c = input.charCodeAt(i);
        const cc = charClass(c);
        if (cc === SEP) {
          if (isDash(c)) dash = true;
          last = i;
        } else if (cc !== SKIP) break;
        i++;
      }
      out[k] = dash ? 0x2d : 0x20;
      starts[k] = from;
      ends[k] = last + 1;
      k++;
      continue;
    }
    out[k] = cls === APOS ? 0x27 : cls === QUOTE ? 0x22 : options.fold ? fold(code) : code;
    starts[k] = i;
    ends[k] = i + 1;
    k++;
    i++;
  }
  starts[k] = n;
  ends[k] = n;
  let text = '';
  for (let j = 0; j < k; j += 8192) {
    text += String.fromCharCode.apply(null, out.subarray(j, Math.min(k, j + 8192)) as never);
  }
  return { text, starts: starts.subarray(0, k + 1), ends: ends.subarray(0, k + 1) };
}

let scratch = new Uint16Array(1024);

/**
 * `normalize(input).text` without the offset map, for the many texts that are only read:
 * one reused buffer, so reading thousands of small windows allocates next to nothing.
 */
export function normalizeText(input: string): string {
  if (isNormal(input)) return input;
  if (scratch.length < input.length) scratch = new Uint16Array(input.length * 2);
  const out = scratch;
  const n = input.length;
  let k = 0;
  let i = 0;
  while (i < n) {
    const code = input.charCodeAt(i);
    const cls = charClass(code);
    if (cls === PLAIN) {
      out[k++] = code;
      i++;
    } else if (cls === SEP) {
      let dash = false;
      while (i < n) {
        const c = input.charCodeAt(i);
        const cc = charClass(c);
        if (cc === SEP) {
          if (isDash(c)) dash = true;
        } else if (cc !== SKIP) break;
        i++;
      }
      out[k++] = dash ? 0x2d : 0x20;
    } else {
      if (cls !== SKIP) out[k++] = cls === APOS ? 0x27 : 0x22;
      i++;
    }
  }
  let text = '';
  for (let j = 0; j < k; j += 8192) {
    text += String.fromCharCode.apply(null, out.subarray(j, Math.min(k, j + 8192)) as never);
  }
  return text;
}

/**
 * `toOriginal(normalize(input), start, end)` without building the map: one walk, no
 * allocation, for the rare span that needs mapping back.
 */
export function spanToOriginal(input: string, start: number, end: number): [number, number] {
  if (isNormal(input)) return [start, Math.max(start, end)];
  const n = input.length;
  let k = 0;
  let i = 0;
  let from = -1;
  while (i < n) {
    const cls = charClass(input.charCodeAt(i));
    if (cls === SKIP) {
      i++;
      continue;
    }
    const unitStart = i;
    let unitEnd = i + 1;
    if (cls === SEP) {
      while (i < n) {
        const cc = charClass(input.charCodeAt(i));
        if (cc === SEP) unitEnd = i + 1;
        else if (cc !== SKIP) break;
        i++;
      }
    } else i++;
    if (k === start) from = unitStart;
    if (end > start && k === end - 1) return [from, unitEnd];
    k++;
  }
  const at = from >= 0 ? from : n;
  return [at, at];
}

/**
 * `(start, end) => toOriginal(normalize(input), start, end)`, with the map built once, on
 * the first call: many spans of one text cost one walk of it, not one each.
 */
export function spanMapper(input: string): (start: number, end: number) => [number, number] {
  let norm: Normalized | null = null;
  return (start, end) => {
    norm ??= normalize(input);
    return toOriginal(norm, start, end);
  };
}

/** True when `normalize` would change nothing (most text): no copy is needed. */
function isNormal(input: string): boolean {
  let prevSep = false;
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    const cls = charClass(c);
    if (cls === PLAIN) {
      prevSep = false;
      continue;
    }
    if (cls === SKIP || prevSep) return false;
    if (cls === SEP) {
      if (c !== 0x20 && c !== 0x2d) return false;
      prevSep = true;
    } else if (c !== 0x27 && c !== 0x22) return false;
    else prevSep = false;
  }
  return true;
}

function identity(input: string): Normalized {
  return { text: input, starts: null, ends: null };
}

/** Maps a span `[start, end)` of the normalised text back to the original string. */
export function toOriginal(norm: Normalized, start: number, end: number): [number, number] {
  if (norm.starts === null || norm.ends === null) return [start, Math.max(start, end)];
  if (end <= start) {
    const at = norm.starts[start] ?? 0;
    return [at, at];
  }
  return [norm.starts[start] ?? 0, norm.ends[end - 1] ?? 0];
}
