/** Where the reader's own sources go among the pack's: first, by date added, then the pack's in order. */
import type { Source } from '../pack/types';

export function readersFirst<S extends Pick<Source, 'added'>>(sources: readonly S[]): S[] {
  const mine = sources.filter((s) => s.added);
  return [...mine, ...sources.filter((s) => !s.added)];
}
