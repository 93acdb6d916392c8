/**
 * Text normalisation with an exact map back to the original string. Pages break names with
 * soft hyphens, NBSP, zero-width characters, curly quotes and odd dashes; matching the
 * normalised text and mapping offsets back keeps every match a verbatim slice of the page.
 */
import { APOS, charClass, fold, isDash, QUOTE, SEP, SKIP } from './chars';

export interface Normalized {
  /** The normalised text. */
  text: string;
  /** `starts[i]`: original offset of the first code unit behind normalised unit `i`. */
  starts: Int32Array;
  /** `ends[i]`: original offset just past the last code unit behind normalised unit `i`. */
  ends: Int32Array;
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
  const out: number[] = [];
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
      out.push(dash ? 0x2d : 0x20);
      starts[k] = from;
      ends[k] = last + 1;
      k++;
      continue;
    }
    out.push(cls === APOS ? 0x27 : cls === QUOTE ? 0x22 : options.fold ? fold(code) : code);
    starts[k] = i;
    ends[k] = i + 1;
    k++;
    i++;
  }
  starts[k] = n;
  ends[k] = n;
  let text = '';
  for (let j = 0; j < out.length; j += 8192) {
    text += String.fromCharCode(...out.slice(j, j + 8192));
  }
  return { text, starts: starts.subarray(0, k + 1), ends: ends.subarray(0, k + 1) };
}

/** Maps a span `[start, end)` of the normalised text back to the original string. */
export function toOriginal(norm: Normalized, start: number, end: number): [number, number] {
  if (end <= start) {
    const at = norm.starts[start] ?? 0;
    return [at, at];
  }
  return [norm.starts[start] ?? 0, norm.ends[end - 1] ?? 0];
}
