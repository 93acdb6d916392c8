/**
 * The figures a search query names ("$6m", "5.6m", "six million", "2,000 chips"), read with
 * the quantity parser the pack and the detector use, so a query finds a figure by its value
 * however a source wrote it ("less than $6 million", "only $5.6 million").
 *
 * A search box is not prose: there a bare "5.6m" or "six million" is a figure, though in an
 * article the parser rightly wants more ("5m" may be metres, "six million" what?). What the
 * parser leaves is read with its own number reader and word tables, unit unknown.
 */
import type { FigureValue } from '../pack/types';
import { parseQuantities } from '../quantity/parse';
import { readNumber, toValue } from '../quantity/scan';
import { NUMBER_WORDS, SCALE_WORDS } from '../quantity/units';

export interface QueryFigure {
  value: FigureValue;
  /** The parser's unit ("USD", "chips", "year"); null when the query names none. */
  unit: string | null;
}

export interface FigureQuery {
  figures: QueryFigure[];
  /** The query with the figures cut out: the words that must match elsewhere. */
  rest: string;
}

const TOKEN_RE = /\S+/g;

export function readFigureQuery(query: string): FigureQuery {
  const text = query.normalize('NFKC');
  const figures: QueryFigure[] = [];
  const taken: [number, number][] = [];
  for (const q of parseQuantities(text)) {
    // A bare count is a number with no unit: it may stand for chips, people or dollars.
    figures.push({ value: q.value, unit: q.unit === 'count' ? null : q.unit });
    taken.push([q.start, q.end]);
  }
  const tokens = [...text.matchAll(TOKEN_RE)].filter(
    (m) => !taken.some(([s, e]) => m.index < e && m.index + m[0].length > s),
  );
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i] as RegExpExecArray;
    const at = tok.index;
    const end = at + tok[0].length;
    // "5.6m", "6bn", "50k": letter scales read as after a currency sign
    const n = readNumber(text, at, true);
    if (n && n.end === end) {
      figures.push({ value: toValue(n.int, n.frac, n.scale ?? 1), unit: null });
      taken.push([at, end]);
      continue;
    }
    // "six million", "a billion": a number word with its scale word
    const word = NUMBER_WORDS[tok[0].toLowerCase()];
    const next = tokens[i + 1];
    const scale = next && SCALE_WORDS[next[0].toLowerCase()];
    if (word !== undefined && next && scale) {
      figures.push({ value: word * scale, unit: null });
      taken.push([at, next.index + next[0].length]);
      i++;
    }
  }
  let rest = text;
  for (const [s, e] of taken.sort((a, b) => b[0] - a[0])) {
    rest = `${rest.slice(0, s)} ${rest.slice(e)}`;
  }
  return { figures, rest: rest.trim() };
}

function bounds(v: FigureValue): [number, number] {
  return typeof v === 'number' ? [v, v] : [v.min, v.max];
}

/**
 * Whether a query's figure names a source's: the values meet (one inside the other's range,
 * or equal to a part in a million) and the units agree, a unit-less query figure agreeing
 * with any unit but a date (whose numbers are codes, "January 20" = 120).
 */
export function figureMatches(
  q: QueryFigure,
  figure: { value: FigureValue; unit: string },
): boolean {
  if (q.unit ? q.unit !== figure.unit && figure.unit !== 'count' : figure.unit === 'date') {
    return false;
  }
  const [a0, a1] = bounds(q.value);
  const [b0, b1] = bounds(figure.value);
  const eps = 1e-6 * Math.max(Math.abs(a1), Math.abs(b1));
  return a0 <= b1 + eps && b0 <= a1 + eps;
}
