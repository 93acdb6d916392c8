/**
 * The library file: export everything as one JSON file, import one (merged: addresses
 * already here are skipped; a damaged or foreign file is refused whole, with the reason,
 * and nothing stored changes), and clear the library (asks once more).
 */
import { useState } from 'preact/hooks';
import type { LibraryApi } from './api';

export interface LibraryFileActionsProps {
  api: LibraryApi;
  onChanged: () => void;
  onMessage: (message: string) => void;
}

export function exportName(exportedAt: string): string {
  return `sourcelight-library-${exportedAt.slice(0, 10)}.json`;
}

export function LibraryFileActions({ api, onChanged, onMessage }: LibraryFileActionsProps) {
  const [confirming, setConfirming] = useState(false);
  const [refused, setRefused] = useState('');

  async function exportAll() {
    const result = await api.ask('library:export', {});
    if (!result.ok) {
      onMessage(result.error);
      return;
    }
    api.download(exportName(result.file.exportedAt), result.file);
    onMessage(
      `Exported ${result.file.sources.length} sources and ${result.file.names.length} names.`,
    );
  }

  async function importFile(file: File | undefined) {
    setRefused('');
    if (!file) return;
    const text = await api.readFile(file);
    const result = await api.ask('library:import', { text });
    if (!result.ok) {
      setRefused(`${file.name} was not imported: ${result.error} Nothing in your library changed.`);
      return;
    }
    const s = result.summary;
    const skipped = s.skippedSources.length + s.skippedNames.length;
    onMessage(
      `Imported ${s.addedSources} sources and ${s.addedNames} names` +
        (skipped > 0 ? `; ${skipped} already in your library were skipped.` : '.'),
    );
    onChanged();
  }

  async function clearAll() {
    setConfirming(false);
    const result = await api.ask('library:clear', {});
    onMessage(result.ok ? 'Your library was cleared.' : result.error);
    onChanged();
  }

  return (
    <section aria-labelledby="library-file">
      <h2 id="library-file">Library file</h2>
      <p class="muted">
        Move your sources and names to another browser, or share them: the file holds every
        article's text and metadata and every tracked name.
      </p>
      <button type="button" onClick={() => void exportAll()}>
        Export library
      </button>{' '}
      <label class="file-pick">
        Import a library file{' '}
        <input
          type="file"
          accept=".json,application/json"
          onChange={(e) => {
            const input = e.currentTarget;
            void importFile(input.files?.[0]).finally(() => {
              input.value = '';
            });
          }}
        />
      </label>
      {refused && (
        <p role="alert" class="warn">
          {refused}
        </p>
      )}
      <div class="danger">
        {confirming ? (
          <fieldset class="confirm">
            <legend>Remove every source and name you added?</legend>
            <button type="button" class="primary" onClick={() => void clearAll()}>
              Yes, clear my library
            </button>{' '}
            <button type="button" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </fieldset>
        ) : (
          <button type="button" onClick={() => setConfirming(true)}>
            Clear my library
          </button>
        )}
      </div>
    </section>
  );
}
