/** A source as quotes carry it across the message boundary: its label and what a citation needs. */
import type { Source } from '../pack/types';
import type { SourceRef } from './types';

export function sourceRef(s: Source): SourceRef {
  return {
    id: s.id,
    label: s.label,
    ...(s.caveat && { caveat: s.caveat }),
    title: s.title,
    outlet: s.outlet,
    date: s.date ?? s.dateAsPrinted,
    ...(s.added && { added: s.added }),
  };
}

/** A claim whose source is not in the pack (the build forbids it): named by its id alone. */
export function unknownSourceRef(id: string): SourceRef {
  return { id, label: `Source ${id}`, title: null, outlet: null, date: null };
}
