/**
 * Paints ranges with the CSS Custom Highlight API: the page's DOM and text stay exactly as
 * they were. Unit tests swap in their own `Painter` (happy-dom has no `CSS.highlights`).
 */
import type { HighlightStyle } from '../settings';
import {
  FLASH_HIGHLIGHT,
  type HighlightGroup,
  highlightName,
  PAINT_KEYS,
  type PaintKey,
} from './highlight-groups';

/** Ranges per highlight, made once when a block is scanned (not on every repaint). */
export type PaintSet = Map<PaintKey, AbstractRange[]>;

/** A mark's range under its group's colour, and under `link` too when it sits in a link. */
export function addToPaintSet(
  set: PaintSet,
  group: HighlightGroup,
  range: AbstractRange,
  inLink = false,
): void {
  push(set, group, range);
  if (inLink) push(set, 'link', range);
}

function push(set: PaintSet, key: PaintKey, range: AbstractRange): void {
  const list = set.get(key);
  if (list) list.push(range);
  else set.set(key, [range]);
}

export interface Painter {
  paint(ranges: PaintSet, style: HighlightStyle): void;
  /**
   * `paint` in steps: the highlights are filled a few thousand ranges per step (adding is
   * about 1 µs a range) and swapped in at the last step, so what shows never goes half.
   */
  paintInSteps?(ranges: PaintSet, style: HighlightStyle): Generator<void>;
  /** Briefly marks one range (after "On this page" scrolls to it). */
  flash(range: StaticRangeInit | null): void;
  clear(): void;
}

const STYLES: readonly HighlightStyle[] = ['underline', 'background', 'outline'];

/** Ranges added to highlights per step of `paintInSteps`. */
const PAINT_CHUNK = 3000;

/** Whether this browser can paint custom highlights at all. */
export function canPaintHighlights(win: Window = window): boolean {
  const css = (win as Window & { CSS?: typeof CSS }).CSS;
  return (
    typeof css !== 'undefined' &&
    'highlights' in css &&
    typeof (win as unknown as { Highlight?: unknown }).Highlight === 'function'
  );
}

export function createHighlightPainter(registry: HighlightRegistry = CSS.highlights): Painter {
  const names: string[] = [];
  for (const style of STYLES) for (const g of PAINT_KEYS) names.push(highlightName(style, g));

  function clearMarks(): void {
    for (const name of names) registry.delete(name);
  }

  function* build(ranges: PaintSet, style: HighlightStyle): Generator<void> {
    const built: [string, Highlight][] = [];
    let n = 0;
    for (const [group, list] of ranges) {
      // The background style tints every mark already: no second tint for links.
      if (list.length === 0 || (group === 'link' && style === 'background')) continue;
      const h = new Highlight();
      for (const range of list) {
        h.add(range);
        if (++n % PAINT_CHUNK === 0) yield;
      }
      built.push([highlightName(style, group), h]);
    }
    clearMarks();
    for (const [name, h] of built) registry.set(name, h);
  }

  return {
    paint(ranges, style) {
      for (const _ of build(ranges, style));
    },
    paintInSteps: build,
    flash(range) {
      if (range === null) registry.delete(FLASH_HIGHLIGHT);
      else {
        const h = new Highlight(new StaticRange(range));
        h.priority = 1; // above the term's own mark
        registry.set(FLASH_HIGHLIGHT, h);
      }
    },
    clear() {
      clearMarks();
      registry.delete(FLASH_HIGHLIGHT);
    },
  };
}
