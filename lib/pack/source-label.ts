/**
 * What a source is called wherever Sourcelight names it (card, sidebar, popup, reader,
 * library): one readable label from what the source itself prints, never invented. The
 * pack build computes it once (`Source.label`); pages that only hold a source's metadata
 * (the library's list) call the same function. Pure.
 */
import type { SourceOrigin } from './types';

export interface LabelInput {
  id: string;
  /** Headline as printed, else null. */
  title: string | null;
  /** Outlet as printed, else null. */
  outlet: string | null;
  /** The first line of the article's body (its lede), when the caller has the text. */
  lede?: string | null;
  /** One of the reader's own sources. */
  added?: Pick<SourceOrigin, 'url'>;
}

/** Longest label made of a headline's or lede's first words, in characters. */
export const MAX_LABEL_CHARS = 56;

/**
 * The bundled sources are five articles of different provenance: the outlet they print is
 * the shortest name that tells them apart, else the first words of the headline, else of
 * the lede. A reader's own sources often come several from one site, so they keep the
 * name the library gives them: the headline (whole, as the library lists it), else the
 * address.
 */
export function sourceLabel(s: LabelInput): string {
  if (s.added) return clean(s.title) ?? shortAddress(s.added.url);
  // The id only for a source that prints nothing at all (none of ours).
  return clean(s.outlet) ?? firstWords(s.title) ?? firstWords(s.lede) ?? `Source ${s.id}`;
}

function clean(text: string | null | undefined): string | null {
  const t = text?.replace(/\s+/g, ' ').trim();
  return t ? t : null;
}

/** The text whole when short, else its first words up to MAX_LABEL_CHARS and an ellipsis. */
export function firstWords(text: string | null | undefined): string | null {
  const t = clean(text);
  if (t === null || t.length <= MAX_LABEL_CHARS) return t;
  const cut = t.slice(0, MAX_LABEL_CHARS + 1);
  const space = cut.lastIndexOf(' ');
  const head = (space > 0 ? cut.slice(0, space) : t.slice(0, MAX_LABEL_CHARS)).replace(
    /[\s,;:–—-]+$/u,
    '',
  );
  return `${head}…`;
}

/** The host and path of an address, for showing where a reader's source came from. */
export function shortAddress(url: string): string {
  try {
    const u = new URL(url);
    if (u.protocol === 'file:') return decodeURIComponent(u.pathname.replace(/^\//, ''));
    return `${u.host}${u.pathname === '/' ? '' : u.pathname}`;
  } catch {
    return url;
  }
}
