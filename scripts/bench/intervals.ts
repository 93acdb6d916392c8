/** Sets of time intervals [start, end), as the trace analysis needs them. */

/** Length of the union of intervals, µs. */
export function unionLength(intervals: [number, number][]): number {
  if (intervals.length === 0) return 0;
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  let total = 0;
  let [s, e] = sorted[0] as [number, number];
  for (const [a, b] of sorted.slice(1)) {
    if (a > e) {
      total += e - s;
      s = a;
      e = b;
    } else if (b > e) e = b;
  }
  return total + (e - s);
}

/** The intersection of two sets of intervals, as intervals. */
export function overlapSpans(a: [number, number][], b: [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  for (const [a0, a1] of a) {
    for (const [b0, b1] of b) {
      const s = Math.max(a0, b0);
      const e = Math.min(a1, b1);
      if (e > s) out.push([s, e]);
    }
  }
  return out;
}

export function overlap(a: [number, number][], b: [number, number][]): number {
  return unionLength(overlapSpans(a, b));
}
