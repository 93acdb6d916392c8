/**
 * Calendar dates written with a month name ("January 20", "January 29, 2025",
 * "20 January 2025"). The value is a number so dates compare like other figures:
 * YYYYMMDD when the year is printed, MMDD when it is not (the sources often omit it).
 */
import { execAt } from './scan';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const MONTH_BEFORE_RE = new RegExp(`(?:^|[^\\p{L}])(${MONTH})[ \\u00a0]$`, 'u');
const MONTH_AFTER_RE = new RegExp(`[ \\u00a0](${MONTH})(?![\\p{L}])`, 'uy');
const YEAR_AFTER_RE = /,?[ \u00a0]((?:19|20)\d\d)(?![\p{L}\d])/uy;

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
  const before = MONTH_BEFORE_RE.exec(text.slice(Math.max(0, at - 12), at));
  if (before) {
    month = monthIndex(before[1] as string);
    start = at - (before[1] as string).length - 1;
  } else {
    const after = execAt(MONTH_AFTER_RE, text, end);
    if (!after) return null;
    month = monthIndex(after[1] as string);
    end += after[0].length;
  }
  const year = execAt(YEAR_AFTER_RE, text, end);
  if (year) {
    return { start, end: end + year[0].length, value: Number(year[1]) * 10000 + month * 100 + day };
  }
  return { start, end, value: month * 100 + day };
}
