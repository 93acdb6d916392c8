/** Which highlight a mark is painted with, and that the manifest CSS styles every one. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOM_MIN_VIEWPORT_PX, SIDEBAR_WIDTH_PX } from '../../components/page-ui-styles';
import type { Match } from '../../lib/detect/types';
import {
  groupOf,
  HIGHLIGHT_GROUPS,
  highlightName,
  PAINT_KEYS,
} from '../../lib/page/highlight-groups';
import { HOST_ATTR, ROOM_ATTR } from '../../lib/page/skip-rules';

const CSS_TEXT = readFileSync(
  join(import.meta.dirname, '../../entrypoints/highlights.content.css'),
  'utf8',
);
const STYLES = ['underline', 'background', 'outline'] as const;

function rule(name: string): string | null {
  const m = new RegExp(`::highlight\\(${name}\\)\\s*\\{([^}]*)\\}`).exec(CSS_TEXT);
  return m ? (m[1] as string) : null;
}

type M = Pick<Match, 'kind' | 'entityKind' | 'verdict'>;
const figure = (verdict: Match['verdict']): M => ({ kind: 'figure', entityKind: null, verdict });

describe('groupOf', () => {
  it.each<[string, M, string]>([
    ['a person', { kind: 'entity', entityKind: 'person' }, 'person'],
    ['a figure with no topic', figure(null), 'figure'],
    ['a figure the sources state', figure('same'), 'figure'],
    ['a figure inside a source bound', figure('within'), 'figure'],
    ['a rounded figure', figure('close'), 'figure'],
    ['a figure that differs', figure('differs'), 'differs'],
  ])('%s', (_why, match, group) => {
    expect(groupOf(match)).toBe(group);
  });
});

describe('the manifest CSS', () => {
  it('has a rule for every style and group, and for marks in links', () => {
    for (const style of STYLES) {
      for (const group of PAINT_KEYS) {
        expect(rule(highlightName(style, group)), `${style} ${group}`).not.toBeNull();
      }
    }
  });

  it('draws a figure that differs with a wavy line in every style: not by colour alone', () => {
    for (const style of STYLES) {
      expect(rule(highlightName(style, 'differs'))).toMatch(/wavy/);
      expect(rule(highlightName(style, 'figure'))).not.toMatch(/wavy/);
    }
  });

  it('draws no overline: it floats above the text, between the lines (issue 18.6)', () => {
    for (const style of STYLES) {
      for (const group of HIGHLIGHT_GROUPS) {
        expect(rule(highlightName(style, group)), `${style} ${group}`).not.toMatch(/overline/);
      }
    }
  });

  it('tints a mark inside a link where the style is a line, so it is not the link underline', () => {
    expect(rule(highlightName('underline', 'link'))).toMatch(/background-color/);
    expect(rule(highlightName('outline', 'link'))).toMatch(/background-color/);
  });

  it("takes the sidebar's own width off the page while our host asks for room", () => {
    const room = new RegExp(
      `@media screen and \\(min-width: ${ROOM_MIN_VIEWPORT_PX}px\\) \\{\\s*html:has\\(> div\\[${HOST_ATTR}\\]\\[${ROOM_ATTR}\\]\\) \\{([^}]*)\\}`,
    ).exec(CSS_TEXT);
    expect(room?.[1]).toMatch(new RegExp(`margin-right: ${SIDEBAR_WIDTH_PX}px !important`));
  });
});
