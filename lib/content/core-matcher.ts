/**
 * The first stage's one question about a text: does it hold a core name (or one of the
 * reader's tracked names)? One case-insensitive RegExp over the normalised text (soft
 * hyphens, NBSP and curly quotes undone the way the detector undoes them), so it can only
 * say yes to more pages than the detector marks, never to fewer.
 */
import { normalizeText } from '../detect/normalize';

export type CoreTest = (text: string) => boolean;

const SPECIAL = /[.*+?^${}()|[\]\\]/g;

export function createCoreMatcher(forms: readonly string[]): CoreTest {
  const alternatives = forms
    .map((f) => normalizeText(f).trim())
    .filter((f) => f.length > 0)
    .map((f) => f.replace(SPECIAL, '\\$&'));
  if (alternatives.length === 0) return () => false;
  const re = new RegExp(alternatives.join('|'), 'i');
  return (text) => text.length > 0 && re.test(normalizeText(text));
}
