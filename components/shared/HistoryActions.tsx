import { useState } from 'preact/hooks';
import { downloadJson, exportFileName, type HistoryApi } from './history-api';

export interface HistoryActionsProps {
  api: HistoryApi;
  /** Called after history was cleared, so the page can refresh what it shows. */
  onCleared?: () => void;
  download?: (name: string, value: unknown) => void;
}

/** Export as JSON, and clear all (asks once more before it forgets anything). */
export function HistoryActions({ api, onCleared, download = downloadJson }: HistoryActionsProps) {
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState('');

  async function exportAll() {
    const list = await api.list();
    if (!list.available) {
      setMessage('Reading history is unavailable: nothing to export.');
      return;
    }
    download(exportFileName(list.data), list.data);
    setMessage(`Exported ${list.data.pages.length} pages.`);
  }

  async function clearAll() {
    setConfirming(false);
    const result = await api.clear();
    setMessage(result.available ? 'Reading history cleared.' : 'Reading history is unavailable.');
    if (result.available) onCleared?.();
  }

  return (
    <div class="history-actions">
      <button type="button" onClick={() => void exportAll()}>
        Export history as JSON
      </button>{' '}
      {confirming ? (
        <fieldset class="confirm">
          <legend>Forget every page and term?</legend>
          <button type="button" class="primary" onClick={() => void clearAll()}>
            Yes, clear all
          </button>{' '}
          <button type="button" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </fieldset>
      ) : (
        <button type="button" onClick={() => setConfirming(true)}>
          Clear all history
        </button>
      )}
      <p role="status" class="muted">
        {message}
      </p>
    </div>
  );
}
