/** What the page UI tests share: a paragraph naming Liang Wenfeng, and our closed root. */
import { vi } from 'vitest';
import type { Occurrence } from '../../lib/page/page-marks';

/** The closed shadow root, caught as it is attached (the page cannot reach it; tests can). */
export function catchShadow(): () => ShadowRoot {
  let root: ShadowRoot | null = null;
  const attach = Element.prototype.attachShadow;
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (
    this: Element,
    init: ShadowRootInit,
  ) {
    root = attach.call(this, init);
    return root;
  });
  return () => {
    if (!root) throw new Error('no shadow root yet');
    return root;
  };
}

/** The occurrence of "Liang Wenfeng" in `p`'s first text node ("Founder Liang Wenfeng said"). */
export function liangIn(p: HTMLElement): Occurrence {
  const node = p.firstChild as Text;
  return {
    match: {
      start: 8,
      end: 21,
      text: 'Liang Wenfeng',
      kind: 'entity',
      id: 'liang-wenfeng',
      label: 'Liang Wenfeng',
      entityKind: 'person',
      tier: 'core',
    },
    block: { el: p, text: node.data, first: node, nodes: [node], starts: [0], mapped: true },
    range: { startContainer: node, startOffset: 8, endContainer: node, endOffset: 21 },
    paintRange: null as unknown as AbstractRange, // the controller never paints
    group: 'person',
    inLink: false,
  } as Occurrence;
}
