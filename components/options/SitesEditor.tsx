import { useState } from 'preact/hooks';
import { siteFromInput } from '../../lib/site';

export interface SitesEditorProps {
  sites: string[];
  onChange: (sites: string[]) => void;
}

export function SitesEditor({ sites, onChange }: SitesEditorProps) {
  const [draft, setDraft] = useState('');
  const [error, setError] = useState('');

  function add(e: Event) {
    e.preventDefault();
    const host = siteFromInput(draft);
    if (!host) {
      setError(`“${draft}” is not a site name, such as www.example.com.`);
      return;
    }
    setError('');
    setDraft('');
    if (!sites.includes(host)) onChange([...sites, host].sort());
  }

  return (
    <div>
      {sites.length === 0 ? (
        <p class="muted">Sourcelight runs on every site.</p>
      ) : (
        <ul class="plain sites" aria-label="Sites turned off">
          {sites.map((site) => (
            <li key={site}>
              {site}{' '}
              <button
                type="button"
                aria-label={`Turn Sourcelight back on for ${site}`}
                onClick={() => onChange(sites.filter((s) => s !== site))}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={add} class="add-site">
        <label>
          Turn off on a site{' '}
          <input
            type="text"
            value={draft}
            placeholder="www.example.com"
            aria-invalid={error ? true : undefined}
            aria-describedby="site-error"
            onInput={(e) => setDraft(e.currentTarget.value)}
          />
        </label>{' '}
        <button type="submit">Add</button>
        <p id="site-error" class="warn" role="alert">
          {error}
        </p>
      </form>
    </div>
  );
}
