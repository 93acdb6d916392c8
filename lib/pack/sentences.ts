/**
 * Splits a line of article text into sentences, keeping offsets into the source. A period
 * ends a sentence only when a new one visibly starts after it, and not after abbreviations
 * ("Mr.", "No. 2"), initials ("Gregory C. Allen") or "U.S." before a noun; decimals and
 * names like "01.AI" never have a space after the dot, so they never split.
 */

export interface Span {
  start: number;
  end: number;
}

const ABBREVIATIONS = new Set([
  'Mr',
  'Mrs',
  'Ms',
  'Dr',
  'Prof',
  'Sr',
  'Jr',
  'St',
  'No',
  'Nos',
  'vs',
  'etc',
  'Inc',
  'Corp',
  'Co',
  'Ltd',
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Sept',
  'Oct',
  'Nov',
  'Dec',
  'approx',
  'e.g',
  'i.e',
]);

// After "U.S." a capitalized word usually continues the sentence ("U.S. President"), unless
// it is one of the words sentences start with.
const SENTENCE_STARTERS = new Set([
  'The',
  'This',
  'That',
  'These',
  'Those',
  'It',
  'He',
  'She',
  'They',
  'We',
  'I',
  'In',
  'A',
  'An',
  'But',
  'And',
  'As',
  'So',
  'Yet',
  'However',
  'Meanwhile',
  'Three',
  'Two',
  'One',
  'Some',
  'Many',
  'Its',
  'His',
  'Her',
  'Their',
  'According',
]);

const CLOSERS = '"”’\')]';
const OPENERS = '"“‘\'(';

function isUpperStart(ch: string | undefined): boolean {
  if (!ch) return false;
  return /[\p{Lu}\p{Lo}\d]/u.test(ch) || OPENERS.includes(ch);
}

/** Whether the dot at `dot` ends an abbreviation or initial rather than a sentence. */
function isAbbreviation(text: string, dot: number, from: number, next: number): boolean {
  let w = dot;
  while (w > from && /[\p{L}.]/u.test(text[w - 1] as string)) w--;
  const word = text.slice(w, dot);
  if (ABBREVIATIONS.has(word)) return true;
  // an initial ("Gregory C. Allen") runs straight into the next name, no quote between
  if (/^\p{Lu}$/u.test(word)) return next === dot + 2 && /\p{Lu}/u.test(text[next] ?? '');
  if (/^(?:\p{Lu}\.)+\p{Lu}$/u.test(word)) {
    // "U.S." ends the sentence only before a word that starts one
    const m = /^[\p{L}]+/u.exec(text.slice(next, next + 20));
    return !(m && SENTENCE_STARTERS.has(m[0]));
  }
  return false;
}

/** Sentences of `text.slice(from, to)`, trimmed, with offsets into `text`. */
export function splitSentences(text: string, from: number, to: number): Span[] {
  const out: Span[] = [];
  let start = from;
  // Inside a quotation a period does not end the sentence that quotes it.
  let straight = false;
  let curly = 0;
  for (let i = from; i < to; i++) {
    const ch = text[i] as string;
    if (ch === '"') straight = !straight;
    else if (ch === '“') curly++;
    else if (ch === '”' && curly > 0) curly--;
    let end: number;
    if (ch === '。' || ch === '！' || ch === '？') {
      end = i + 1;
    } else if (ch === '.' || ch === '!' || ch === '?') {
      end = i + 1;
      while (end < to && CLOSERS.includes(text[end] as string)) end++;
      if (end < to && !/\s/.test(text[end] as string)) continue;
      let next = end;
      while (next < to && /\s/.test(text[next] as string)) next++;
      if (next < to && !isUpperStart(text[next])) continue;
      if (ch === '.' && next < to && isAbbreviation(text, i, start, next)) continue;
      // the closing quote may be among the closers just passed
      const closed = text.slice(i + 1, end);
      const stillStraight = straight !== (closed.split('"').length % 2 === 0);
      const stillCurly = curly - (closed.split('”').length - 1) > 0;
      if (stillStraight || stillCurly) continue;
    } else continue;
    push(text, out, start, end);
    start = end;
    straight = false;
    curly = 0;
    i = end - 1;
  }
  push(text, out, start, to);
  return out;
}

function push(text: string, out: Span[], start: number, end: number): void {
  while (start < end && /\s/.test(text[start] as string)) start++;
  while (end > start && /\s/.test(text[end - 1] as string)) end--;
  if (end > start) out.push({ start, end });
}
