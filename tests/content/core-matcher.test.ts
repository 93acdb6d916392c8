/**
 * The first stage's test for a core name, against the pack's own core forms: it must say
 * yes to every page the detector could mark under gating (forum casing, wire-copy capitals,
 * Chinese, names broken by soft hyphens or NBSP), and no to ordinary pages.
 */
import { describe, expect, it } from 'vitest';
import { createCoreMatcher } from '../../lib/content/core-matcher';
import { coreForms } from '../../lib/detect/core-names';
import { detectorTables } from '../../lib/pack/bundled';
import coreNames from '../../lib/pack/generated/core-names.json';

const holdsCore = createCoreMatcher(coreNames);

describe('core names', () => {
  it('are what the pack build writes: core entities only, no weak or near-core alias', () => {
    expect(coreForms(detectorTables)).toEqual(coreNames);
    expect(coreNames).toContain('deepseek');
    expect(coreNames).toContain('深度求索');
    expect(coreNames).not.toContain('r1');
    expect(coreNames).not.toContain('nvidia');
  });

  it('keep only the shortest of forms that hold one another', () => {
    expect(coreNames.some((f) => f.startsWith('deepseek-'))).toBe(false);
  });
});

describe('createCoreMatcher', () => {
  it.each([
    ['wire copy', 'BEIJING (Reuters) - DEEPSEEK, the Hangzhou start-up, said on Monday'],
    ['a forum post', 'ngl deepseek r1 is wild, tried it last night lol'],
    ['the founder', 'Liang Wenfeng told state media'],
    ['a Chinese page', '杭州深度求索人工智能基础技术研究有限公司发布了新模型'],
    ['the fund in Chinese', '幻方量化的创始人梁文锋'],
    ['a soft hyphen', 'Deep\u00adSeek released a model'],
    ['a spaced dash', 'High - Flyer, the hedge fund'],
    ['a tracked name', 'Kestrel Advisory said', ['Kestrel Advisory']],
    ['a name across a line break of the markup', 'said Liang\n        Wenfeng, who'],
    ['NBSP and an en dash', 'the fund High\u00a0\u2013 Flyer'],
    ['a zero-width space', 'Deep\u200bSeek'],
    ['a curly apostrophe', 'the People\u2019s Daily said', ["People's Daily"]],
    [
      'many tracked names',
      'Tracked Name 1xz said',
      Array.from({ length: 2000 }, (_, i) => `Tracked Name ${i.toString(36)}`),
    ],
  ])('finds %s', (_what, text, extra: string[] = []) => {
    expect(createCoreMatcher([...coreNames, ...extra])(text)).toBe(true);
  });

  it.each([
    ['an ordinary news story', 'The council voted on Tuesday to repave Main Street by June.'],
    ['a chip story without the story', 'Nvidia sold more H100 chips to Meta and OpenAI this year.'],
    ['a weak alias alone', 'R1 of the tournament ended 3-1.'],
    ['empty text', ''],
  ])('finds nothing in %s', (_what, text) => {
    expect(holdsCore(text)).toBe(false);
  });

  it('never matches with no forms, and reads special characters literally', () => {
    expect(createCoreMatcher([])('DeepSeek')).toBe(false);
    expect(createCoreMatcher(['a.b (c)'])('axb c')).toBe(false);
    expect(createCoreMatcher(['a.b (c)'])('see A.B (C) here')).toBe(true);
  });
});
