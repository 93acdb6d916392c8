import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../lib/pack/sentences';

const split = (text: string) =>
  splitSentences(text, 0, text.length).map((s) => text.slice(s.start, s.end));

describe('splitSentences', () => {
  it.each([
    ['One. Two.', ['One.', 'Two.']],
    ['It rose in the U.S. Three firms followed.', ['It rose in the U.S.', 'Three firms followed.']],
    [
      'U.S. President Donald Trump spoke. Then he left.',
      ['U.S. President Donald Trump spoke.', 'Then he left.'],
    ],
    ['The U.S. AI sector is big.', ['The U.S. AI sector is big.']],
    ['Mr. Allen and Ms. Zhang met Mrs. Li.', ['Mr. Allen and Ms. Zhang met Mrs. Li.']],
    ['He met China’s No. 2 official.', ['He met China’s No. 2 official.']],
    ['Gregory C. Allen of CSIS spoke.', ['Gregory C. Allen of CSIS spoke.']],
    [
      'Kai-Fu Lee of 01.AI spoke. It cost $0.10 per token.',
      ['Kai-Fu Lee of 01.AI spoke.', 'It cost $0.10 per token.'],
    ],
    [
      '“Some pride, some nationalism.” Others agree.',
      ['“Some pride, some nationalism.”', 'Others agree.'],
    ],
    ['He said on X. “Some engineering pride.”', ['He said on X.', '“Some engineering pride.”']],
    [
      'It wrote that "A is B. C is D." Then more.',
      ['It wrote that "A is B. C is D."', 'Then more.'],
    ],
    ['How could it? It did!', ['How could it?', 'It did!']],
    ['DeepSeek发布了模型。它很便宜。', ['DeepSeek发布了模型。', '它很便宜。']],
    ['no end', ['no end']],
  ])('%s', (text, expected) => {
    expect(split(text)).toEqual(expected);
  });

  it('keeps offsets into the whole text', () => {
    const text = 'xx A one. B two. yy';
    const spans = splitSentences(text, 3, 16);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['A one.', 'B two.']);
  });
});
