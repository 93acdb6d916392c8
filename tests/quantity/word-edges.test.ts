/**
 * Where a unit or hedge word ends and begins (issue 15: these edges are read in code now,
 * not with `\p{L}` in the regexes, which cost a page milliseconds to compile). A word that
 * runs on into a letter is not the word; Chinese units need no edge; a hedge after a letter
 * is part of another word.
 */
import { describe, expect, it } from 'vitest';
import { parseQuantities } from '../../lib/quantity/parse';

const read = (text: string) => parseQuantities(text).map((q) => [q.text, q.unit, q.qualifier]);

describe('word edges', () => {
  it.each<[string, (string | null)[][]]>([
    ['5元钱', [['5元', 'CNY', null]]],
    ['5 dollarsx', [['5', 'count', null]]],
    ['5 dollar', [['5 dollar', 'USD', null]]],
    ['5 dollars.', [['5 dollars', 'USD', null]]],
    ['5 europe', [['5', 'count', null]]],
    ['5 euroé', [['5', 'count', null]]],
    ['5 percentage', [['5', 'count', null]]],
    ['5%a', [['5%', 'percent', null]]],
    ['5 per centimetre', [['5', 'count', null]]],
    ['5 yearsx', [['5', 'count', null]]],
    ['5 years-old', [['5 years-old', 'years', null]]],
    ['5 years-older', [['5 years', 'years', null]]],
    [
      'xbetween 5 and 6',
      [
        ['5', 'count', null],
        ['6', 'count', null],
      ],
    ],
    ['between 5 and 6 million', [['between 5 and 6 million', 'count', null]]],
    ['xabout 5', [['5', 'count', null]]],
    ['xonly about 5', [['about 5', 'count', 'about']]],
    ['only about 5', [['only about 5', 'count', 'only about']]],
    ['plan estimated 5 million', [['estimated 5 million', 'count', 'estimated']]],
    ['𝐀about 5', [['5', 'count', null]]],
    ['😀about 5', [['about 5', 'count', 'about']]],
    ['50kx', []],
    ['5 millions', [['5', 'count', null]]],
    ['5bn2', []],
    ['5万亿', [['5万亿', 'count', null]]],
    ['$0.10 per million tokensx', [['$0.10', 'USD', null]]],
    ['$0.10 per million tokens', [['$0.10 per million tokens', 'USD/1M tokens', null]]],
    ['5 usdx', [['5', 'count', null]]],
  ])('%s', (text, want) => {
    expect(read(text)).toEqual(want);
  });
});
