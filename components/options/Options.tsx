/**
 * The options page. Every change is saved at once to the settings item; content scripts
 * and the background watch it, so open pages follow without a reload.
 */
import { useEffect, useState } from 'preact/hooks';
import {
  ALL_MARK_KINDS,
  type HighlightStyle,
  type MarkKind,
  type Settings,
} from '../../lib/settings';
import { ColourKey } from '../shared/ColourKey';
import { HistoryActions } from '../shared/HistoryActions';
import type { HistoryApi } from '../shared/history-api';
import { KIND_NAMES } from '../shared/kinds';
import { HISTORY_HREF } from '../shared/links';
import type { SettingsApi } from '../shared/settings-api';
import { NumberField } from './NumberField';
import { SitesEditor } from './SitesEditor';

const STYLES: { value: HighlightStyle; label: string }[] = [
  { value: 'underline', label: 'Underline' },
  { value: 'background', label: 'Background tint' },
  { value: 'outline', label: 'Dotted underline' },
];

export interface OptionsProps {
  settings: SettingsApi;
  history: HistoryApi;
}

export function Options({ settings: api, history }: OptionsProps) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [saved, setSaved] = useState('');
  const [problems, setProblems] = useState<string[]>([]);

  useEffect(() => {
    void api.get().then(setSettings);
    void api.problems().then(setProblems);
    return api.watch(setSettings);
  }, [api]);

  if (!settings) return <p class="muted">Loading…</p>;

  function update(patch: Partial<Settings>) {
    const next = { ...(settings as Settings), ...patch };
    setSettings(next);
    api.save(next).then(
      () => {
        setSaved('Saved.');
        setProblems([]);
      },
      (e: unknown) => setSaved(`Not saved: ${String(e)}`),
    );
  }

  function toggleKind(kind: MarkKind, on: boolean) {
    const kinds = on
      ? ALL_MARK_KINDS.filter((k) => k === kind || settings?.kinds.includes(k))
      : (settings?.kinds ?? []).filter((k) => k !== kind);
    update({ kinds });
  }

  return (
    <main class="options">
      <h1>Sourcelight options</h1>
      <p class="muted" role="status">
        {saved || 'Changes apply at once to open pages.'}
      </p>
      {problems.length > 0 && (
        <div class="problems" role="alert" aria-labelledby="problems-heading">
          <p id="problems-heading">
            Some stored settings were not valid; their defaults are shown below and used on pages:
          </p>
          <ul>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
          <button type="button" onClick={() => update({})}>
            Save these settings
          </button>
        </div>
      )}

      <section aria-labelledby="marking-heading">
        <h2 id="marking-heading">Marking</h2>
        <label>
          <input
            type="checkbox"
            role="switch"
            checked={settings.enabled}
            aria-checked={settings.enabled}
            onChange={(e) => update({ enabled: e.currentTarget.checked })}
          />{' '}
          Mark names and figures on web pages
        </label>
        <fieldset>
          <legend>What to mark</legend>
          {ALL_MARK_KINDS.map((kind) => (
            <label key={kind} class="kind">
              <input
                type="checkbox"
                checked={settings.kinds.includes(kind)}
                onChange={(e) => toggleKind(kind, e.currentTarget.checked)}
              />{' '}
              {KIND_NAMES[kind].many}
            </label>
          ))}
        </fieldset>
        <label>
          <input
            type="checkbox"
            checked={settings.gating}
            onChange={(e) => update({ gating: e.currentTarget.checked })}
          />{' '}
          Mark other names and figures only on pages about DeepSeek
        </label>
        <label class="line">
          <input
            type="checkbox"
            checked={settings.firstOccurrenceOnly}
            onChange={(e) => update({ firstOccurrenceOnly: e.currentTarget.checked })}
          />{' '}
          Mark only the first occurrence of each term
        </label>
        <fieldset>
          <legend>Highlight style</legend>
          {STYLES.map((s) => (
            <label key={s.value} class="kind">
              <input
                type="radio"
                name="highlight-style"
                value={s.value}
                checked={settings.highlightStyle === s.value}
                onChange={() => update({ highlightStyle: s.value })}
              />{' '}
              {s.label}
            </label>
          ))}
        </fieldset>
        <h3 id="colour-key-heading">What the colours mean</h3>
        <ColourKey style={settings.highlightStyle} labelledBy="colour-key-heading" />
        <NumberField
          label="Hover delay"
          value={settings.hoverDelayMs}
          min={0}
          max={3000}
          unit="milliseconds"
          onChange={(hoverDelayMs) => update({ hoverDelayMs })}
        />
      </section>

      <section aria-labelledby="sites-heading">
        <h2 id="sites-heading">Sites turned off</h2>
        <SitesEditor
          sites={settings.disabledSites}
          onChange={(disabledSites) => update({ disabledSites })}
        />
      </section>

      <section aria-labelledby="history-heading">
        <h2 id="history-heading">Reading history</h2>
        <p class="muted">
          Kept only in this browser, never in private windows. It lets the sidebar say where you saw
          a name before.
        </p>
        <label>
          <input
            type="checkbox"
            role="switch"
            checked={settings.historyEnabled}
            aria-checked={settings.historyEnabled}
            onChange={(e) => update({ historyEnabled: e.currentTarget.checked })}
          />{' '}
          Keep reading history
        </label>
        <NumberField
          label="Keep history for"
          value={settings.historyDays}
          min={1}
          max={3650}
          unit="days"
          onChange={(historyDays) => update({ historyDays })}
        />
        <HistoryActions api={history} />
        <p>
          <a href={HISTORY_HREF}>Open reading history</a>
        </p>
      </section>
    </main>
  );
}
