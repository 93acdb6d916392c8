/**
 * The five vendored articles, to check that every quote the UI shows is a verbatim slice
 * of one of them. Whitespace is compared collapsed: a quote that crosses a line break in
 * the source is shown on one line.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './paths';

const DIR = join(REPO_ROOT, 'data/sources');

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

const TEXTS: readonly string[] = readdirSync(DIR)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => collapse(readFileSync(join(DIR, f), 'utf8')));

/** Whether `quote` appears word for word in one of the sources. */
export function isVerbatim(quote: string): boolean {
  const q = collapse(quote);
  return q.length > 0 && TEXTS.some((t) => t.includes(q));
}

export const SOURCE_COUNT = TEXTS.length;
