/**
 * What the highlight colours mean (issue 18.6), for the options page and the popup. Each
 * group's name is painted by the same highlights, in the reader's style, that mark pages:
 * the colours live only in highlights.content.css (imported by the page that shows this
 * key), so the key cannot drift from them. Without the Highlight API the names stand alone.
 */
import { useEffect, useRef } from 'preact/hooks';
import { ENTITY_KINDS } from '../../lib/pack/types';
import { groupOf, HIGHLIGHT_GROUPS, type HighlightGroup } from '../../lib/page/highlight-groups';
import {
  addToPaintSet,
  canPaintHighlights,
  createHighlightPainter,
  type PaintSet,
} from '../../lib/page/painter';
import type { HighlightStyle } from '../../lib/settings';
import { KIND_NAMES } from './kinds';

/** A group's name: the kinds it paints ("AI models, Products"), from the painter's own mapping. */
function groupLabel(group: HighlightGroup): string {
  if (group === 'figure') return KIND_NAMES.figure.many;
  if (group === 'differs') return 'Figures that differ from every source’s';
  const kinds = ENTITY_KINDS.filter((k) => groupOf({ kind: 'entity', entityKind: k }) === group);
  // The names the "What to mark" boxes use, so the key reads against them.
  return kinds.map((k) => KIND_NAMES[k].many).join(', ');
}

/** The `link` tint on a mark in a link (highlight-groups.ts); the background style has none. */
const LINK_LABEL = 'Inside a link: tinted as well';

export interface ColourKeyProps {
  style: HighlightStyle;
  /** The id of the heading that names the key, if there is one. */
  labelledBy?: string;
}

export function ColourKey({ style, labelledBy }: ColourKeyProps) {
  const list = useRef<HTMLUListElement>(null);

  useEffect(() => {
    const ul = list.current;
    if (!ul || !canPaintHighlights()) return;
    const painter = createHighlightPainter();
    const set: PaintSet = new Map();
    for (const el of ul.querySelectorAll<HTMLElement>('[data-group]')) {
      const text = el.firstChild;
      if (!text?.textContent) continue;
      const end = text.textContent.length;
      const range = new StaticRange({
        startContainer: text,
        startOffset: 0,
        endContainer: text,
        endOffset: end,
      });
      addToPaintSet(set, el.dataset.group as HighlightGroup, range, 'link' in el.dataset);
    }
    painter.paint(set, style);
    return () => painter.clear();
  }, [style]);

  return (
    <ul class="plain colour-key" ref={list} aria-labelledby={labelledBy}>
      {HIGHLIGHT_GROUPS.map((g) => (
        <li key={g}>
          <span data-group={g}>{groupLabel(g)}</span>
        </li>
      ))}
      {style !== 'background' && (
        <li>
          <span data-group="organization" data-link="">
            {LINK_LABEL}
          </span>
        </li>
      )}
    </ul>
  );
}
