/**
 * The one table of what each verdict says to a reader, used by the hover card, the sidebar
 * and the popup's search. A verdict's words claim no more than the verdict does: that the
 * sources' answers relate so, never which answer is right.
 */
import type { Verdict } from '../pack/types';

export interface VerdictWords {
  /** The line a card or a question opens with: "Sources conflict". */
  headline: string;
  /** One sentence on what that means. */
  explain: string;
  /** A few words for a list or a search hit: "cannot all be true". */
  short: string;
}

const WORDS: Record<Verdict, (many: boolean) => VerdictWords> = {
  agree: () => ({
    headline: 'Sources agree',
    explain: 'They give the same answer.',
    short: 'sources agree',
  }),
  compatible: (many) => ({
    headline: `Sources differ, but ${many ? 'all' : 'both'} can be true`,
    explain: 'Their answers differ, yet none rules out another.',
    short: `differ, ${many ? 'all' : 'both'} can be true`,
  }),
  'different-moments': () => ({
    headline: 'Sources speak of different moments',
    explain: 'Each can be true at its own time.',
    short: 'different moments',
  }),
  'different-things': () => ({
    headline: 'Sources speak of different things',
    explain: 'They measure or name different things, so they do not contradict each other.',
    short: 'different things',
  }),
  conflict: () => ({
    headline: 'Sources conflict',
    explain: 'They cannot all be true.',
    short: 'cannot all be true',
  }),
};

/** The words for a verdict; `answers` (how many differ) picks "both" or "all". */
export function verdictWords(verdict: Verdict, answers = 2): VerdictWords {
  return WORDS[verdict](answers > 2);
}

/** How serious a verdict is for a reader, for putting the most serious first. */
export const VERDICT_ORDER: Record<Verdict, number> = {
  conflict: 0,
  'different-things': 1,
  'different-moments': 2,
  compatible: 3,
  agree: 4,
};
