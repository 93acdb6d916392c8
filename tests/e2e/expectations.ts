/**
 * One table of what each fixture page must show, shared by both browsers' suites.
 *
 * `marks` is every highlighted piece of text on the page in document order, with its
 * highlight group (the last part of the `sourcelight-<style>-<group>` highlight name):
 * nothing more, nothing less. Fixture texts are written so that each term is unambiguous
 * in the pack (data/catalog): no short aliases ("R1", "V3") and no figures unless a row
 * is about figures.
 */

export type Group =
  | 'person'
  | 'organization'
  | 'model'
  | 'chip'
  | 'place'
  | 'other'
  | 'figure'
  | 'differs';
export type Mark = readonly [text: string, group: Group];

export interface PageExpectation {
  /** Served path. */
  path: string;
  /** What this row proves. */
  why: string;
  marks: readonly Mark[];
  /** The page changes itself after load; wait for `window.__fixtureDone` first. */
  waitsForFixture?: boolean;
  /** Steps a test performs before checking (see highlights.e2e.ts). */
  action?: 'spa-navigate';
  /** Read through the probe only: the page's own world is hostile. */
  hostile?: boolean;
}

export const PAGES: readonly PageExpectation[] = [
  {
    path: '/fixtures/late.html',
    why: 'paragraphs added after the first scan are marked too',
    waitsForFixture: true,
    marks: [
      ['DeepSeek', 'organization'],
      ['Hangzhou', 'place'],
      ['Liang Wenfeng', 'person'],
      ['H800', 'chip'],
      ['High-Flyer', 'organization'],
      ['Liang Wenfeng', 'person'],
      ['Zhejiang University', 'organization'],
    ],
  },
  {
    path: '/fixtures/spa.html',
    why: 'a single-page-app navigation drops the old article and marks the new one',
    action: 'spa-navigate',
    waitsForFixture: true,
    marks: [
      ['High-Flyer', 'organization'],
      ['H800', 'chip'],
    ],
  },
  {
    path: '/fixtures/editor.html',
    why: 'editable content is never marked; the prose beside it is',
    marks: [['DeepSeek', 'organization']],
  },
  {
    path: '/fixtures/unrelated.html',
    why: 'a gadget review naming Nvidia and the R1T truck is not about DeepSeek: nothing marked',
    marks: [],
  },
  {
    path: '/fixtures/rail.html',
    why: 'an Nvidia earnings story whose related-links rail holds one DeepSeek link: the link is marked, the article is not (the main text decides)',
    marks: [['DeepSeek app', 'model']],
  },
  {
    path: '/fixtures/forum.html',
    why: 'a forum thread in lower case: coined names and the founder are marked, "high flyer" stays a phrase',
    marks: [
      ['deepseek', 'organization'],
      ['deepseek', 'organization'],
      ['liang wenfeng', 'person'],
      ['nvidia', 'organization'],
    ],
  },
  {
    path: '/fixtures/iframe.html',
    why: 'the top frame is marked (the same-origin frame is checked on its own)',
    marks: [
      ['DeepSeek', 'organization'],
      ['Liang Wenfeng', 'person'],
    ],
  },
  {
    path: '/fixtures/hostile.html',
    why: 'broken Array built-ins and attachShadow, `* { all: unset }`, a strict CSP: marked all the same',
    hostile: true,
    marks: [
      ['Liang Wenfeng', 'person'],
      ['DeepSeek', 'organization'],
      ['Hangzhou', 'place'],
      ['about $6 million', 'figure'],
      ['DeepSeek', 'organization'],
      ['Nvidia H800', 'chip'],
    ],
  },
];

/** The demo article (demo/article.html, from the page issue). Its exact marks belong to
 * its author; these are the terms the design names that any version of it must mark. */
export const DEMO_ARTICLE = '/demo/article.html';
export const DEMO_MUST_MARK: readonly Mark[] = [
  ['DeepSeek', 'organization'],
  ['Liang Wenfeng', 'person'],
  ['High-Flyer', 'organization'],
  ['Nvidia H800', 'chip'],
  ['about $6 million', 'figure'],
];
/** The term the card and sidebar suites hover: a core person every source quotes. */
export const DEMO_HOVER_TERM = 'Liang Wenfeng';

export function groupOf(highlightName: string): string {
  return highlightName.slice(highlightName.lastIndexOf('-') + 1);
}

export function styleOf(highlightName: string): string {
  // sourcelight-<style>-<group>
  return highlightName.split('-')[1] ?? '';
}
