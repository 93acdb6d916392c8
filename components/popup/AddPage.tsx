import { useState } from 'preact/hooks';
import type { PopupApi } from './api';

/** "Add this page to my sources": the review opens in a tab; a page that cannot be read says why. */
export function AddPage({
  api,
  tabId,
}: {
  api: Pick<PopupApi, 'addPage' | 'close'>;
  tabId: number;
}) {
  const [state, setState] = useState<'idle' | 'working'>('idle');
  const [error, setError] = useState('');

  async function add() {
    setState('working');
    setError('');
    const result = await api.addPage(tabId);
    setState('idle');
    if (result.ok) api.close();
    else setError(result.error);
  }

  return (
    <div class="add-page">
      <button type="button" disabled={state === 'working'} onClick={() => void add()}>
        {state === 'working' ? 'Reading the page…' : 'Add this page to my sources'}
      </button>
      {error && (
        <p role="alert" class="warn">
          {error}
        </p>
      )}
    </div>
  );
}
