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

/**
 * Words that shape a question but name nothing in it: "when was DeepSeek founded" asks
 * about "deepseek founded". Only these are dropped; every other word must match.
 */
const QUESTION_WORDS = new Set(
  (
    'who whom whose what when where which why how ' +
    'is are was were be been being am do does did done has have had ' +
    "the a an of in on at to for by from with about it its it's that this " +
    'much many there they their he she his her i me my you your we our'
  ).split(' '),
);

/** A folded text's words: letters and digits, with "$" and inner marks ("$5.6", "2,000", "01.ai"). */
export function words(folded: string): string[] {
  return folded
    .split(/[^\p{L}\p{N}$.,']+/u)
    .map((w) => w.replace(/^[.,']+|[.,']+$/g, ''))
    .filter(Boolean);
}

/** The words of a folded query that name something: question words and "?" dropped. */
export function contentWords(folded: string): string[] {
  return words(folded).filter((w) => !QUESTION_WORDS.has(w));
}
