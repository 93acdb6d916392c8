/**
 * The first stage's one question about a text: does it hold a core name (or one of the
 * reader's tracked names)? It may say yes to more pages than the detector marks, never to
 * fewer: case is ignored, and the text is folded the way the detector's normalisation
 * (lib/detect/normalize.ts) would read it, in a cheaper form: soft hyphens and zero-width
 * characters dropped, a run of spaces, NBSP and line breaks read as one space (one "-"
 * when it holds a dash: "High - Flyer"), curly apostrophes as straight ones. The names are
 * one RegExp of literal alternatives, which V8 searches fast however many there are (2,000
 * tracked names: about 2 ms on a 45 KB page); a pattern with character classes in it does
 * not (hundreds of ms at that size). The raw text is tried first: a page naming DeepSeek
 * as most do costs one search.
 */
export type CoreTest = (text: string) => boolean;

const SPECIAL = /[.*+?^${}()|[\]\\]/g;
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;
/** A run that is not already one space or one "-": most text has none but line breaks. */
const SEPARATORS = /[\s\u2010-\u2015-]{2,}|[^\S ]|[\u2010-\u2015]/g;
const DASH = /[\u2010-\u2015-]/;
const CURLY = /[\u2018\u2019]/g;

/** The text as the test reads it (see above); the names are folded the same way. */
export function foldForTest(text: string): string {
  return text
    .replace(INVISIBLE, '')
    .replace(SEPARATORS, (run) => (DASH.test(run) ? '-' : ' '))
    .replace(CURLY, "'");
}

export function createCoreMatcher(forms: readonly string[]): CoreTest {
  const alternatives = [
    ...new Set(forms.map((f) => foldForTest(f.trim()).toLowerCase()).filter((f) => f !== '')),
  ].map((f) => f.replace(SPECIAL, '\\$&'));
  if (alternatives.length === 0) return () => false;
  const re = new RegExp(alternatives.join('|'), 'i');
  return (text) => text.length > 0 && (re.test(text) || re.test(foldForTest(text)));
}
