export interface SiteSwitchProps {
  hostname: string;
  on: boolean;
  /** The master switch in options is off: the site switch cannot turn marking on. */
  masterOff: boolean;
  onChange: (on: boolean) => void;
}

export function SiteSwitch({ hostname, on, masterOff, onChange }: SiteSwitchProps) {
  return (
    <div class="site-switch">
      <label>
        <input
          type="checkbox"
          role="switch"
          checked={on}
          aria-checked={on}
          onChange={(e) => onChange(e.currentTarget.checked)}
        />{' '}
        Mark terms on <strong>{hostname}</strong>
      </label>
      {masterOff && <p class="muted">Sourcelight is turned off everywhere in options.</p>}
    </div>
  );
}
