import { useState } from 'preact/hooks';

/** A hostname as typed or pasted: "https://www.bbc.com/news" becomes "www.bbc.com". */
export function parseHostname(input: string): string | null {
  const text = input.trim().toLowerCase();
  if (!text) return null;
  try {
    const host = new URL(text.includes('://') ? text : `https://${text}`).hostname;
    return /^[a-z0-9.-]+$|^\[[0-9a-f:]+\]$/.test(host) && host.includes('.') ? host : null;
  } catch {
    return null;
  }
}

export interface SitesEditorProps {
  sites: string[];
  onChange: (sites: string[]) => void;
}

export function SitesEditor({ sites, onChange }: SitesEditorProps) {
  const [draft, setDraft] = useState('');
  const [error, setError] = useState('');

  function add(e: Event) {
    e.preventDefault();
    const host = parseHostname(draft);
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
