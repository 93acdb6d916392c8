import { describe, expect, it } from 'vitest';
import { normalize, toOriginal } from '../../lib/detect/normalize';

describe('normalize', () => {
  it.each([
    ['soft hyphen', 'Deep\u00adSeek', 'DeepSeek'],
    ['zero-width characters', 'Deep\u200bSe\u200c\u200dek\u2060\ufeff', 'DeepSeek'],
    ['NBSP and other spaces', 'Liang\u00a0Wenfeng\u2009and\u3000co', 'Liang Wenfeng and co'],
    ['line break inside a name', 'Liang\r\n  Wenfeng', 'Liang Wenfeng'],
    ['curly apostrophe', 'DeepSeek\u2019s', "DeepSeek's"],
    ['curly quotes', '\u201cAI heroes\u201d', '"AI heroes"'],
    ['spaced hyphen', 'DeepSeek - R1', 'DeepSeek-R1'],
    ['en and em dashes', 'DeepSeek\u2013R1 \u2014 V3', 'DeepSeek-R1-V3'],
    ['nothing to do', 'plain text', 'plain text'],
    ['empty', '', ''],
  ])('%s', (_name, input, expected) => {
    expect(normalize(input).text).toBe(expected);
  });

  it('folds case only when asked', () => {
    expect(normalize('DeepSeek LIANG').text).toBe('DeepSeek LIANG');
    expect(normalize('DeepSeek LIANG', { fold: true }).text).toBe('deepseek liang');
  });

  it.each([
    ['Deep\u00adSeek\u2019s model', 'DeepSeek', 'Deep\u00adSeek'],
    ['the Liang\n Wenfeng era', 'Liang Wenfeng', 'Liang\n Wenfeng'],
    ['see DeepSeek \u2013 R1 now', 'DeepSeek-R1', 'DeepSeek \u2013 R1'],
    ['\u200bHigh\u00a0Flyer\u00ad', 'High Flyer', 'High\u00a0Flyer'],
  ])('maps %j back exactly', (input, needle, original) => {
    const norm = normalize(input);
    const at = norm.text.indexOf(needle);
    expect(at).toBeGreaterThanOrEqual(0);
    const [s, e] = toOriginal(norm, at, at + needle.length);
    expect(input.slice(s, e)).toBe(original);
  });

  it('maps every normalised unit to the unit it came from', () => {
    const input = 'A\u00ad\u00a0 \u2014 b\u2019c\u201dD';
    const { text, starts, ends } = normalize(input);
    if (starts === null || ends === null) throw new Error('this input needs a map');
    for (let i = 0; i < text.length; i++) {
      const s = starts[i] as number;
      const e = ends[i] as number;
      expect(e).toBeGreaterThan(s);
      expect(s).toBeGreaterThanOrEqual(i === 0 ? 0 : (ends[i - 1] as number));
    }
    expect(starts[text.length]).toBe(input.length);
  });

  it('returns text that needs nothing as it is, with no map', () => {
    const norm = normalize("DeepSeek-R1's 2,000 chips");
    expect(norm).toEqual({ text: "DeepSeek-R1's 2,000 chips", starts: null, ends: null });
    expect(toOriginal(norm, 3, 8)).toEqual([3, 8]);
  });
});
