/**
 * Candidate new names in an added article: capitalised phrases the pack does not know
 * ("Moonshot AI", "Sam Altman", "Kestrel Advisory"), for the reader to track or ignore.
 * Nothing is tracked without the reader's say; this only saves them retyping. Rules, all
 * cheap: a phrase is a run of capitalised words (inner "of", "de", "van"... allowed); a
 * lone word that opens a sentence is a name only if it is capitalised elsewhere too;
 * function words, months and days are never names; a line in capitals (a shouted
 * headline) says nothing about case; a phrase overlapping a known name is not new.
 * Scripts without case (Chinese) give no candidates: their names cannot be told this way.
 */

export interface Candidate {
  /** As first written in the text. */
  phrase: string;
  /** Times it is written, in any of the counted positions. */
  count: number;
  /** Offset of the first occurrence. */
  start: number;
}

export interface Span {
  start: number;
  end: number;
}

/** Words that are capitalised for the grammar, not because they name something. */
const NOT_NAMES = new Set(
  (
    'A An The This That These Those It Its He She His Her Hers They Them Their We Our Us I Me My ' +
    'You Your In On At By For From With Without Of To Into Onto Over Under After Before ' +
    'During Since Until As And But Or Nor So Yet If When While Where Why How What Who Whom ' +
    'Which Whose There Here Then Than Also Still Even Just Only Not No Yes Some Many Most ' +
    'More Much Few All Any Each Every Both Either Neither Other Another Such One Two Three ' +
    'Four Five Six Seven Eight Nine Ten First Second Third Last Next New Old According ' +
    'However Meanwhile Although Though Because Instead Indeed Moreover Furthermore Still ' +
    'Asked Said Says Mr Mrs Ms Dr Prof Sir Madam Monday Tuesday Wednesday Thursday Friday ' +
    'Saturday Sunday January February March April May June July August September October ' +
    'November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Today Yesterday ' +
    'Tomorrow Read More Share Comments Comment Reply Subscribe Sign Advertisement Photo ' +
    'Image Video Updated Published Editing Reporting Writing Additional Source Sources'
  ).split(/\s+/),
);

/** Lower-case words that may sit inside a name: "Bank of China", "Leonardo da Vinci". */
const JOINERS = new Set([
  'of',
  'de',
  'da',
  'del',
  'der',
  'di',
  'du',
  'la',
  'le',
  'van',
  'von',
  'al',
  'bin',
]);

/** Capitalised adjectives of nationality: a word on its own names no one. */
const DEMONYMS = new Set(
  (
    'American Chinese British English European Asian African Western Eastern Japanese Korean ' +
    'Indian Russian German French Italian Spanish Dutch Swiss Swedish Taiwanese Australian ' +
    'Canadian Israeli Iranian Saudi Emirati Singaporean Vietnamese Brazilian Mexican Turkish'
  ).split(/\s+/),
);

const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’.-]*/gu;
/** What may end a sentence (or open a quotation) just before a word. */
const SENTENCE_END = new Set([...'.!?。！？:"“”']);

/** Whether the last character before `at`, spaces skipped, ends a sentence. */
function afterSentenceEnd(line: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && /\s/.test(line[i] as string)) i--;
  return i >= 0 && SENTENCE_END.has(line[i] as string);
}

function isCapitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word) || /^\p{Ll}+\p{Lu}/u.test(word); // "Moonshot", "iPhone", "eBay"
}

/** Whether a line is mostly written in capitals (its case carries no information). */
function shouted(line: string): boolean {
  const letters = line.replace(/[^\p{L}]/gu, '');
  if (letters.length < 8) return false;
  const upper = letters.replace(/[^\p{Lu}]/gu, '').length;
  return upper / letters.length > 0.6;
}

interface Token {
  text: string;
  start: number;
  end: number;
  /** First word of a sentence or line. */
  opens: boolean;
}

function tokens(text: string): Token[] {
  const out: Token[] = [];
  let lineStart = 0;
  for (const line of text.split('\n')) {
    if (!shouted(line)) {
      let prevEnd = 0;
      for (const m of line.matchAll(WORD)) {
        // Trailing dots belong to the sentence ("Microsoft."), not the word ("U.S." keeps its own).
        let word = m[0];
        if (word.endsWith('.') && !/^(?:\p{Lu}\.)+$/u.test(word)) word = word.replace(/\.+$/, '');
        word = word.replace(/['’-]+$/u, '');
        const at = m.index ?? 0;
        const opens = out.length === 0 || prevEnd === 0 || afterSentenceEnd(line, at);
        out.push({ text: word, start: lineStart + at, end: lineStart + at + word.length, opens });
        prevEnd = at + m[0].length;
      }
    }
    lineStart += line.length + 1;
  }
  return out;
}

/** Strips a possessive: "DeepSeek's" → "DeepSeek". */
function bare(word: string): string {
  return word.replace(/['’]s$/u, '');
}

/**
 * Candidate names in `text`, most written first. `known` are spans of names the pack
 * already has (from its mention finder); a phrase touching one is left out.
 */
export function findCandidates(text: string, known: readonly Span[] = [], max = 40): Candidate[] {
  const toks = tokens(text);
  // Words capitalised where the grammar does not ask for it: names, whatever else they are.
  const midCapitals = new Set(
    toks.filter((t) => !t.opens && isCapitalised(t.text)).map((t) => bare(t.text)),
  );
  const phrases: { phrase: string; start: number; end: number; opens: boolean }[] = [];
  for (let i = 0; i < toks.length; i++) {
    let first = toks[i] as Token;
    if (!isCapitalised(first.text) || NOT_NAMES.has(bare(first.text))) continue;
    let j = i;
    // Extend over capitalised words, and over joiners followed by a capitalised word, on one line.
    for (;;) {
      const next = toks[j + 1];
      const gap = next ? text.slice((toks[j] as Token).end, next.start) : '';
      if (!next || !/^[ \u00a0]$/.test(gap) || next.opens) break;
      if (isCapitalised(next.text) && !NOT_NAMES.has(bare(next.text))) {
        j++;
        continue;
      }
      const after = toks[j + 2];
      const gap2 = after ? text.slice(next.end, after.start) : '';
      if (
        JOINERS.has(next.text) &&
        after &&
        /^[ \u00a0]$/.test(gap2) &&
        isCapitalised(after.text)
      ) {
        j += 2;
        continue;
      }
      break;
    }
    // "Graduates of Peking University": a sentence's first word, capitalised only there and
    // joined by "of", is not part of the name after it ("Zhipu AI spoke" keeps its name).
    let k = i;
    const joined = JOINERS.has(toks[i + 1]?.text ?? '');
    if (first.opens && joined && j > i + 1 && !midCapitals.has(bare(first.text))) {
      k++;
      while (k < j && JOINERS.has((toks[k] as Token).text)) k++;
      first = { ...(toks[k] as Token), opens: false };
    }
    const last = toks[j] as Token;
    const phrase = bare(text.slice(first.start, last.end));
    phrases.push({
      phrase,
      start: first.start,
      end: first.start + phrase.length,
      opens: first.opens,
    });
    i = j;
  }

  // Phrases come in text order: walk the known names (sorted) alongside them, once.
  const names = [...known].sort((a, b) => a.start - b.start);
  let k = 0;
  const touchesKnown = (p: Span) => {
    while (k < names.length && (names[k] as Span).end <= p.start) k++;
    for (let n = k; n < names.length && (names[n] as Span).start < p.end; n++) {
      if ((names[n] as Span).end > p.start) return true;
    }
    return false;
  };
  // A lone word that opens a sentence ("Rivals did not wait") counts only if it is also
  // capitalised where the grammar does not ask for it.
  const midSentence = new Set(phrases.filter((p) => !p.opens).map((p) => p.phrase));
  const found = new Map<string, Candidate>();
  for (const p of phrases) {
    if (touchesKnown(p)) continue;
    const single = !/\s/.test(p.phrase);
    if (single && ((p.opens && !midSentence.has(p.phrase)) || DEMONYMS.has(p.phrase))) continue;
    if (p.phrase.length < 2 || /^\p{N}/u.test(p.phrase)) continue;
    const had = found.get(p.phrase);
    if (had) had.count++;
    else found.set(p.phrase, { phrase: p.phrase, count: 1, start: p.start });
  }
  return [...found.values()].sort((a, b) => b.count - a.count || a.start - b.start).slice(0, max);
}
