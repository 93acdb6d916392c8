/** Names: one table of texts and what must (and must not) be marked in them, ungated. */
import { describe, expect, it } from 'vitest';
import { createDetector } from '../../lib/detect/index';
import { fixturePack } from './fixtures/pack';

const detector = createDetector(fixturePack, { gating: false });

function names(text: string): string[] {
  return detector
    .detect(text)
    .filter((m) => m.kind === 'entity')
    .map((m) => `${m.id}:${m.text}`);
}

describe('names', () => {
  it.each<[string, string, string[]]>([
    // Case rules for ordinary names: capitals may grow, never shrink.
    ['surname in capitals', 'LIANG Wenfeng spoke.', ['liang-wenfeng:LIANG Wenfeng']],
    ['as written', 'Liang Wenfeng spoke.', ['liang-wenfeng:Liang Wenfeng']],
    ['all capitals', 'DEEPSEEK RISES', ['deepseek:DEEPSEEK']],
    ['inner capital dropped', 'Deepseek said', ['deepseek:Deepseek']],
    // Forum and sloppy casing: a coined camel-case name or a pack rule takes any case;
    // a name made of ordinary words keeps its capitals.
    ['a coined name in lower case', 'tried deepseek yesterday', ['deepseek:deepseek']],
    ['a coined name in odd case', 'DEEPseek said', ['deepseek:DEEPseek']],
    ['ordinary words in lower case are not a name', 'a high flyer said', []],
    ['source misspelling alias', 'Deepsek said', ['deepseek:Deepsek']],
    ['pack rule: insensitive', 'in silicon valley', ['silicon-valley:silicon valley']],
    ['pack rule: sensitive', 'ChatGPT, not Chatgpt', ['chatgpt:ChatGPT']],
    // Short model codes: exact case, whole word, never a compound or a version.
    ['R1 as a model', 'DeepSeek released R1.', ['deepseek:DeepSeek', 'deepseek-r1:R1']],
    ['R1 never inside R1T or R1S', 'The Rivian R1T and R1S are trucks.', []],
    ['R1 never as r1', 'set r1 to zero', []],
    ['R1 never followed by a version', 'R1.5 and R1-Lite', []],
    ['V3 exact', 'V3 beat v3', ['deepseek-v3:V3']],
    ['V3 never as V3.5', 'upgrade to V3.5', []],
    ['o1 exact', "OpenAI's o1 and O1", ['openai:OpenAI', 'o1:o1']],
    ['o1 never inside a word', 'co1 o1x', []],
    // Longest wins: the full model name over its parts.
    ['full model name', 'DeepSeek-R1 is out', ['deepseek-r1:DeepSeek-R1']],
    ['spaced hyphen', 'DeepSeek - R1 is out', ['deepseek-r1:DeepSeek - R1']],
    ['space for hyphen', 'DeepSeek R1 is out', ['deepseek-r1:DeepSeek R1']],
    ['en dash', 'DeepSeek\u2013V3 is out', ['deepseek-v3:DeepSeek\u2013V3']],
    // Joined forms and possessives.
    ['joined', 'Highflyer funds it', ['high-flyer:Highflyer']],
    ['joined, inner capital', 'HighFlyer funds it', ['high-flyer:HighFlyer']],
    ['spaced', 'High Flyer funds it', ['high-flyer:High Flyer']],
    ['common phrase', 'a high flyer in budgets', []],
    ['possessive', "DeepSeek's model", ['deepseek:DeepSeek']],
    ['curly possessive', 'DeepSeek\u2019s model', ['deepseek:DeepSeek']],
    ['glued to a word', 'DeepSeekhas released', []],
    // Noise inside names.
    ['soft hyphen', 'Deep\u00adSeek said', ['deepseek:Deep\u00adSeek']],
    ['zero-width space', 'Liang\u200b Wenfeng', ['liang-wenfeng:Liang\u200b Wenfeng']],
    ['NBSP', 'Liang\u00a0Wenfeng', ['liang-wenfeng:Liang\u00a0Wenfeng']],
    ['line break', 'Liang\nWenfeng', ['liang-wenfeng:Liang\nWenfeng']],
    // Chinese: no spaces, no boundaries.
    [
      'simplified in running text',
      '由梁文锋创立的深度求索公司',
      ['liang-wenfeng:梁文锋', 'deepseek:深度求索'],
    ],
    ['traditional in running text', '梁文鋒表示', ['liang-wenfeng:梁文鋒']],
    ['longest Chinese alias', '幻方量化基金', ['high-flyer:幻方量化']],
    ['Latin name inside Chinese', '使用DeepSeek的模型', ['deepseek:DeepSeek']],
    // Chips: a plural "s" may follow a chip code.
    ['chip plural', 'bought H800s', ['h800:H800']],
    ['chip code inside a longer code', 'the H8000 and AH800', []],
    ['two-word chip', 'an RTX 4090 card', ['rtx-4090:RTX 4090']],
    // Common words: exact case and whole words.
    ['Meta the company', 'Meta released Llama', ['meta:Meta']],
    ['meta the word', 'a meta point', []],
    ['Meta in a compound', 'a Meta-analysis shows', []],
    ['Google', 'Google said', ['google:Google']],
    ['google the verb', 'google it', []],
  ])('%s', (_name, text, expected) => {
    expect(names(text)).toEqual(expected);
  });

  // The most ambiguous words are names only near a core mention.
  it.each<[string, string, string[]]>([
    [
      'Nature near DeepSeek',
      'DeepSeek was praised in Nature.',
      ['deepseek:DeepSeek', 'nature:Nature'],
    ],
    ['Nature alone', 'Nature is beautiful in spring.', []],
    [
      'Apple near DeepSeek-R1',
      'DeepSeek-R1 topped the Apple charts.',
      ['deepseek-r1:DeepSeek-R1', 'apple:Apple'],
    ],
    [
      'Apple near R1 alone (a weak alias anchors nothing)',
      'R1 topped the Apple charts.',
      ['deepseek-r1:R1'],
    ],
    ['surname Li near DeepSeek', 'DeepSeek met Premier Li.', ['deepseek:DeepSeek', 'li-qiang:Li']],
    ['surname Li alone', 'Li said so.', []],
    ['Apple alone', 'Apple pie recipes.', []],
    [
      'Bernstein near DeepSeek',
      'Bernstein analysts doubt DeepSeek.',
      ['bernstein:Bernstein', 'deepseek:DeepSeek'],
    ],
    ['Bernstein alone', 'Leonard Bernstein conducted.', []],
    ['Ernie near DeepSeek', 'Ernie trails DeepSeek.', ['ernie:Ernie', 'deepseek:DeepSeek']],
    ['Ernie alone', 'Bert and Ernie.', []],
    ['X near DeepSeek', 'DeepSeek posted on X today', ['deepseek:DeepSeek', 'x:X']],
    ['X alone', 'Press X to continue', []],
    ['surname alone', 'Liang said so.', []],
    [
      'surname near DeepSeek',
      'DeepSeek founder Liang said so.',
      ['deepseek:DeepSeek', 'liang-wenfeng:Liang'],
    ],
    [
      'too far from the core mention',
      `DeepSeek.${' filler'.repeat(80)} Nature`,
      ['deepseek:DeepSeek'],
    ],
  ])('%s', (_name, text, expected) => {
    expect(names(text)).toEqual(expected);
  });
});
