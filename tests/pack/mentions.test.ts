import { describe, expect, it } from 'vitest';
import { pack } from '../../lib/pack/bundled';
import { createMentionFinder } from '../../lib/pack/mentions';

const find = createMentionFinder(pack.entities);
const ids = (text: string) => find(text).map((m) => `${text.slice(m.start, m.end)}=${m.entityId}`);

describe('finding catalog names in source text', () => {
  it.each([
    ['DeepSeek’s team', ['DeepSeek=deepseek']],
    // A source that lost its spaces: a camel-case name glued to a lower-case word still counts.
    ['the Chinese startup DeepSeekhas caused a stir', ['DeepSeek=deepseek']],
    ['DeepSeeks', []], // one letter glued is a different word, not a lost space
    ['deepseekhas', []], // only the exact spelling glues
    ['chatGPTs', []],
    ['a model called DeepSeek-R1 was released', ['DeepSeek-R1=deepseek-r1']],
    ['named R1 on January 20', ['R1=deepseek-r1']],
    ['an r1 visa', []], // case-sensitive short code
    ['Founder Deepseeka Liang Wenfung (R)', ['Deepseeka=deepseek', 'Liang Wenfung=liang-wenfeng']],
    ['Fan Wang and João da Silva', ['Fan Wang=fan-wang', 'João da Silva=joao-da-silva']],
    ['Wang also said', ['Wang=alexandr-wang']],
    ['the meta question', []],
    ['Meta is in panic mode', ['Meta=meta']],
    ['its large-scale AI model', []],
    ['深度求索的梁文锋', ['深度求索=deepseek', '梁文锋=liang-wenfeng']],
    ['The PresidentDonald Trump stated', ['Donald Trump=donald-trump']],
    ['the 36Ky site', []], // "36K" has no lower-case letter: no glue
    ['OpenAIs', []],
    ['OpenAIhas', ['OpenAI=openai']],
    ['theLiang', []], // a one-word name does not glue after a letter
  ])('%s', (text, expected) => {
    expect(ids(text)).toEqual(expected);
  });
});
