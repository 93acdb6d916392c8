/**
 * Track a name: the reader gives the name, picks its kind (never guessed for them) and may
 * list other ways it is written. From the context menu ("Track in Sourcelight" on a
 * selection), the review page's candidates, and the library page.
 */
import { useState } from 'preact/hooks';
import { ENTITY_KINDS, type EntityKind } from '../../lib/pack/types';
import { KIND_NAMES } from '../shared/kinds';
import type { LibraryApi } from './api';

export interface TrackFormProps {
  api: LibraryApi;
  name: string;
  /** After the name is tracked (its id). */
  onTracked?: (id: string, label: string) => void;
  /** A compact form inside a list (the review page). */
  compact?: boolean;
}

/** "Liang, 梁文锋\nWenfeng": aliases one per line or comma-separated. */
export function aliasesOf(text: string): string[] {
  return text
    .split(/[\n,，、]/)
    .map((a) => a.trim())
    .filter(Boolean);
}

export function TrackForm({ api, name, onTracked, compact = false }: TrackFormProps) {
  const [label, setLabel] = useState(name);
  const [kind, setKind] = useState<EntityKind | ''>('');
  const [aliases, setAliases] = useState('');
  const [error, setError] = useState('');
  const [done, setDone] = useState('');
  const id = `track-${name.replace(/\W+/g, '-')}`;

  async function submit(event: Event) {
    event.preventDefault();
    setError('');
    if (!kind) {
      setError('Pick what kind of name it is.');
      return;
    }
    const result = await api
      .ask('library:track', { label, kind, aliases: aliasesOf(aliases) })
      .catch((e: unknown) => ({ ok: false as const, error: String(e) }));
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setDone(`Tracking “${label.trim()}”: it is marked on every page from now on.`);
    onTracked?.(result.id, label.trim());
  }

  if (done) {
    return (
      <p role="status" class="done">
        {done}
      </p>
    );
  }
  return (
    <form class={compact ? 'track compact' : 'track'} onSubmit={(e) => void submit(e)}>
      <label for={`${id}-label`}>Name</label>
      <input
        id={`${id}-label`}
        type="text"
        required
        maxLength={200}
        value={label}
        onInput={(e) => setLabel(e.currentTarget.value)}
      />
      <label for={`${id}-kind`}>Kind</label>
      <select
        id={`${id}-kind`}
        required
        value={kind}
        onChange={(e) => setKind(e.currentTarget.value as EntityKind)}
      >
        <option value="">Choose…</option>
        {ENTITY_KINDS.map((k) => (
          <option key={k} value={k}>
            {KIND_NAMES[k].one}
          </option>
        ))}
      </select>
      <label for={`${id}-aliases`}>Also written (optional, comma-separated)</label>
      <input
        id={`${id}-aliases`}
        type="text"
        value={aliases}
        onInput={(e) => setAliases(e.currentTarget.value)}
      />
      <button type="submit" class="primary">
        Track
      </button>
      {error && (
        <p role="alert" class="warn">
          {error}
        </p>
      )}
    </form>
  );
}
