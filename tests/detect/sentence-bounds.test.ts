/** The sentence around a page figure, found by walking from it to the nearest ends. */
import { describe, expect, it } from 'vitest';
import { nextEnd, prevEnd, sentenceAround } from '../../lib/detect/sentence-bounds';

function around(text: string, figure: string): string {
  const at = text.indexOf(figure);
  const s = sentenceAround(text, at, at + figure.length);
  return text.slice(s.start, s.end);
}

describe('sentenceAround', () => {
  it.each<[string, string, string, string]>([
    [
      'between two sentences',
      'Markets fell. Nvidia lost $589 billion. Then it rose.',
      '$589 billion',
      'Nvidia lost $589 billion.',
    ],
    [
      'a figure with a decimal point',
      'It cost $5.6 million. Then more.',
      '$5.6 million',
      'It cost $5.6 million.',
    ],
    [
      'past an abbreviation',
      'Mr. Liang said DeepSeek spent $5.6 million.',
      '$5.6 million',
      'Mr. Liang said DeepSeek spent $5.6 million.',
    ],
    [
      'past "U.S."',
      'The U.S. Commerce Department says DeepSeek spent $50 million.',
      '$50 million',
      'The U.S. Commerce Department says DeepSeek spent $50 million.',
    ],
    [
      'past an initial',
      'Gregory C. Allen says DeepSeek had 50,000 chips.',
      '50,000 chips',
      'Gregory C. Allen says DeepSeek had 50,000 chips.',
    ],
    [
      'a question and a quote',
      'Was it cheap? "DeepSeek spent $6 million." He said so.',
      '$6 million',
      '"DeepSeek spent $6 million."',
    ],
    [
      'within the line',
      'A headline with DeepSeek\n$589 billion gone',
      '$589 billion',
      '$589 billion gone',
    ],
    ['Chinese', '深度求索成立于2023年。团队不到140人。', '不到140人', '团队不到140人。'],
    [
      'a sentence with no end',
      'lol deepseek spent like $6 million',
      '$6 million',
      'lol deepseek spent like $6 million',
    ],
  ])('%s', (_why, text, figure, sentence) => {
    expect(around(text, figure)).toBe(sentence);
  });

  it('reaches no further than a bound either side in a long block', () => {
    const text = `${'word '.repeat(300)}$6 million${' word'.repeat(300)}`;
    const s = sentenceAround(text, 1500, 1510);
    expect(s.start).toBeGreaterThanOrEqual(1000);
    expect(s.end).toBeLessThanOrEqual(2010);
  });
});

describe('nextEnd and prevEnd', () => {
  it('find sentence ends and line breaks, not decimals or abbreviations', () => {
    const text = 'It cost $5.6 million, Mr. Liang said. New line\nhere.';
    expect(nextEnd(text, 0, text.length)).toBe(text.indexOf('said.') + 4);
    expect(prevEnd(text, 0, text.indexOf('New'))).toBe(text.indexOf('said.') + 4);
    expect(nextEnd(text, text.indexOf('New'), text.length)).toBe(text.indexOf('\n'));
    expect(nextEnd(text, 0, 10)).toBe(10);
    expect(prevEnd(text, 0, 10)).toBe(-1);
  });
});
