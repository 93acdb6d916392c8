/**
 * "On this page": scroll to a term's next occurrence and flash it. Each click moves on to
 * the next occurrence of the same term.
 */
import type { PageMarks } from '../page/page-marks';
import type { Painter } from '../page/painter';

const FLASH_MS = 1400;
let flashTimer: ReturnType<typeof setTimeout> | undefined;

export function showOccurrence(
  marks: PageMarks,
  painter: Painter,
  cycle: Map<string, number>,
  id: string,
): void {
  const all = marks.painted().filter((o) => o.match.id === id);
  if (all.length === 0) return;
  const i = (cycle.get(id) ?? -1) + 1;
  const o = all[i % all.length];
  cycle.set(id, i % all.length);
  if (!o) return;
  const el = o.range.startContainer.parentElement;
  const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
  el?.scrollIntoView({ block: 'center', behavior: reduce ? 'auto' : 'smooth' });
  painter.flash(o.range);
  clearTimeout(flashTimer);
  flashTimer = setTimeout(() => painter.flash(null), FLASH_MS);
}
