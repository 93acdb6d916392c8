import { useState } from 'preact/hooks';

export interface AddPageButtonProps {
  /** Extracts the page and opens its review (lib/library/page-extract.ts `addThisPage`). */
  onAddPage: () => Promise<{ ok: true } | { ok: false; error: string }>;
}

/** "Add this page to my sources", in the sidebar: the review opens in a tab beside this one. */
export function AddPageButton({ onAddPage }: AddPageButtonProps) {
  const [state, setState] = useState<'idle' | 'working' | 'opened'>('idle');
  const [error, setError] = useState('');

  async function add() {
    setState('working');
    setError('');
    const result = await onAddPage().catch(() => ({
      ok: false as const,
      error: 'This page could not be read as an article.',
    }));
    if (result.ok) setState('opened');
    else {
      setState('idle');
      setError(result.error);
    }
  }

  return (
    <div class="add-page">
      <button type="button" disabled={state === 'working'} onClick={() => void add()}>
        {state === 'working' ? 'Reading the page…' : 'Add this page to my sources'}
      </button>
      {state === 'opened' && (
        <p class="muted" role="status">
          The review is open in a tab beside this one.
        </p>
      )}
      {error && (
        <p role="alert" class="warn">
          {error}
        </p>
      )}
    </div>
  );
}
