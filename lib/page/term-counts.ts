/**
 * What the painted marks add up to: terms with their counts (popup, sidebar, badge) and
 * the marks touching each text node (hover). Pure functions over occurrences.
 */
import type { TermCount } from '../messages';
import type { FigureVerdict } from '../quantity/figure-verdict';
import type { Occurrence } from './page-marks';

export function countTerms(occurrences: readonly Occurrence[]): TermCount[] {
  // One map per kind: an entity and a figure topic may share an id, and no key string is
  // built per occurrence (tens of thousands on a long page).
  const byKind = { entity: new Map<string, TermCount>(), figure: new Map<string, TermCount>() };
  for (const { match } of occurrences) {
    const counts = byKind[match.kind];
    let c = counts.get(match.id);
    if (c) c.count++;
    else {
      c = {
        id: match.id,
        label: match.label,
        kind: match.kind,
        entityKind: match.entityKind,
        count: 1,
      };
      counts.set(match.id, c);
    }
    if (match.kind === 'figure') addFigure(c, match.text, match.verdict ?? null);
  }
  // Labels are the pack's own names, so plain code-unit order is enough for a stable
  // tie-break; an Intl.Collator costs ~7 ms to set up on every page (bench profile).
  return [...byKind.entity.values(), ...byKind.figure.values()].sort(
    (a, b) => b.count - a.count || byCodeUnits(a.label, b.label),
  );
}

/** Page figures listed per figure term: a page may repeat one figure many times. */
const MAX_FIGURES = 8;

function addFigure(c: TermCount, text: string, verdict: FigureVerdict | null): void {
  const figures = c.figures ?? [];
  c.figures = figures;
  if (figures.length < MAX_FIGURES && !figures.some((f) => f.text === text)) {
    figures.push({ text, verdict });
  }
}

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Every text node an occurrence covers points to it; hover looks up the caret's node. */
export function indexByNode(occurrences: readonly Occurrence[]): Map<Text, Occurrence[]> {
  const map = new Map<Text, Occurrence[]>();
  for (const o of occurrences) {
    const { nodes } = o.block;
    const first = nodes.indexOf(o.range.startContainer as Text);
    const last = nodes.indexOf(o.range.endContainer as Text);
    for (let i = first; i <= last && i >= 0; i++) {
      const node = nodes[i] as Text;
      let list = map.get(node);
      if (!list) {
        list = [];
        map.set(node, list);
      }
      list.push(o);
    }
  }
  return map;
}
