/**
 * Folding for search: case, width (NFKC turns full-width Latin into ASCII), diacritics,
 * and the punctuation people type differently ("DeepSeek-R1" / "deepseek r1",
 * curly quotes, "$5.6m" vs "$5.6 million" is left to the figure matcher).
 */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/[\s\u00a0\-\u2010-\u2015_/]+/g, ' ')
    .trim();
}
