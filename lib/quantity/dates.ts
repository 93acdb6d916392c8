/**
 * Calendar dates written with a month name ("January 20", "January 29, 2025",
 * "20 January 2025"). The value is a number so dates compare like other figures:
 * YYYYMMDD when the year is printed, MMDD when it is not (the sources often omit it).
 */
import { letterAt, letterBefore, letterOrDigitAt } from './letters';
import { execAt } from './scan';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
// Not after or before a letter: checked in code, as in parse.ts (letters.ts says why).
const MONTH_BEFORE_RE = new RegExp(`(${MONTH})[ \\u00a0]$`);
const MONTH_AFTER_RE = new RegExp(`[ \\u00a0](${MONTH})`, 'y');
const YEAR_AFTER_RE = /,?[ \u00a0]((?:19|20)\d\d)/y;

function monthIndex(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

/** A date around the day number at `at..end`, or null. */
export function readDate(
  text: string,
  at: number,
  end: number,
  day: number,
): { start: number; end: number; value: number } | null {
  if (day < 1 || day > 31) return null;
  let start = at;
  let month = 0;
  const head = text.slice(Math.max(0, at - 12), at);
  const before = MONTH_BEFORE_RE.exec(head);
  if (before && !letterBefore(head, before.index)) {
    month = monthIndex(before[1] as string);
    start = at - (before[1] as string).length - 1;
  } else {
    const after = monthAfter(text, end);
    if (!after) return null;
    month = monthIndex(after);
    end += after.length + 1;
  }
  const year = execAt(YEAR_AFTER_RE, text, end);
  if (year && !letterOrDigitAt(text, end + year[0].length)) {
    return { start, end: end + year[0].length, value: Number(year[1]) * 10000 + month * 100 + day };
  }
  return { start, end, value: month * 100 + day };
}

/**
 * The month name after the space at `at` ("20 January"), not running on into a letter:
 * "Jan.x" reads "Jan", as `(?![\p{L}])` after the optional dot did.
 */
function monthAfter(text: string, at: number): string | null {
  const m = execAt(MONTH_AFTER_RE, text, at);
  if (!m) return null;
  const name = m[1] as string;
  const end = at + 1 + name.length;
  if (!letterAt(text, end)) return name;
  return name.endsWith('.') ? name.slice(0, -1) : null;
}
