/**
 * The toolbar popup: a search over the pack first (the term list can be long), then the
 * terms on this page and the switch for this site, the pack at a glance, and links to the
 * library, history and options.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { HistoryState, PackSummary as Summary, TermCount } from '../../lib/messages';
import type { SearchHit } from '../../lib/search/types';
import type { Settings } from '../../lib/settings';
import { ColourKey } from '../shared/ColourKey';
import { HISTORY_HREF, LIBRARY_HREF, OPTIONS_HREF, readerHref } from '../shared/links';
import { AddPage } from './AddPage';
import type { ActiveTab, PopupApi } from './api';
import { PackSummary } from './PackSummary';
import { SearchResults } from './SearchResults';
import { SiteSwitch } from './SiteSwitch';
import { TermList } from './TermList';

const HISTORY_NOTES: Record<HistoryState, string | null> = {
  on: null,
  off: 'Reading history is off.',
  unavailable: 'Reading history is unavailable in this browser profile right now.',
};

export function toggleSite(settings: Settings, hostname: string, on: boolean): Settings {
  const others = settings.disabledSites.filter((h) => h !== hostname);
  return { ...settings, disabledSites: on ? others : [...others, hostname].sort() };
}

export function Popup({ api }: { api: PopupApi }) {
  const [tab, setTab] = useState<ActiveTab | null | undefined>(undefined);
  const [terms, setTerms] = useState<TermCount[] | null | undefined>(undefined);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [summary, setSummary] = useState<Summary | null>(null);
  const [history, setHistory] = useState<HistoryState | null>(null);
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHit[]>([]);
  const searchSeq = useRef(0);

  useEffect(() => {
    void api.activeTab().then(async (t) => {
      setTab(t);
      setTerms(t ? await api.tabTerms(t.id) : null);
    });
    void api.settings().then(setSettings);
    void api.ask('pack:summary', {}).then(setSummary, () => setSummary(null));
    void api.ask('history:status', {}).then(
      (r) => setHistory(r.state),
      () => setHistory('unavailable'),
    );
    return api.watchSettings(setSettings);
  }, [api]);

  async function onSearch(value: string) {
    setQuery(value);
    // Answers can arrive out of order; only the newest query's answer is shown.
    const seq = ++searchSeq.current;
    const result = value.trim()
      ? await api.ask('pack:search', { query: value }).catch(() => ({ hits: [] }))
      : { hits: [] };
    if (seq === searchSeq.current) setHits(result.hits);
  }

  async function openTerm(id: string) {
    if (!tab) return;
    await api.openSidebar(tab.id, id);
    api.close();
  }

  const siteOn = settings && tab?.hostname ? !settings.disabledSites.includes(tab.hostname) : false;

  // Turned back on, the page scans again: ask for its terms once it has had a moment.
  const wasOn = useRef(siteOn);
  useEffect(() => {
    const turnedOn = siteOn && !wasOn.current;
    wasOn.current = siteOn;
    if (!turnedOn || !tab) return;
    const timers = [300, 1200].map((ms) =>
      setTimeout(() => void api.tabTerms(tab.id).then(setTerms), ms),
    );
    return () => timers.forEach(clearTimeout);
  }, [siteOn, tab, api]);

  return (
    <main class="popup">
      <h1>Sourcelight</h1>

      <section aria-labelledby="search-heading">
        <h2 id="search-heading">Search the sources</h2>
        <input
          type="search"
          aria-labelledby="search-heading"
          placeholder="Liang Wenfeng, 梁文锋, H800, $5.6 million…"
          value={query}
          onInput={(e) => void onSearch(e.currentTarget.value)}
        />
        <SearchResults hits={hits} query={query} />
      </section>

      <section aria-labelledby="page-heading">
        <h2 id="page-heading">On this page</h2>
        {tab?.hostname && settings && (
          <SiteSwitch
            hostname={tab.hostname}
            on={siteOn}
            masterOff={!settings.enabled}
            onChange={(on) =>
              void api.saveSettings(toggleSite(settings, tab.hostname as string, on))
            }
          />
        )}
        {tab?.hostname && <AddPage api={api} tabId={tab.id} />}
        {tab?.hostname && settings && !siteOn ? (
          <p class="muted">Marking is off on this site.</p>
        ) : terms === undefined ? (
          <p class="muted">Looking…</p>
        ) : terms === null ? (
          <p class="muted">Sourcelight does not run on this page.</p>
        ) : terms.length === 0 ? (
          <p class="muted">No names or figures from the DeepSeek story are marked here.</p>
        ) : (
          <TermList terms={terms} onOpen={(id) => void openTerm(id)} />
        )}
        {settings && (
          <details class="colour-key-box">
            <summary>What the colours mean</summary>
            <ColourKey style={settings.highlightStyle} />
          </details>
        )}
      </section>

      {summary && (
        <section aria-labelledby="about-heading">
          <h2 id="about-heading">About the pack</h2>
          <PackSummary summary={summary} />
        </section>
      )}

      <nav aria-label="Sourcelight pages" class="links">
        <a href={readerHref()} target="_blank" rel="noopener">
          Source library
        </a>
        <a href={LIBRARY_HREF} target="_blank" rel="noopener">
          Your library
        </a>
        <a href={HISTORY_HREF} target="_blank" rel="noopener">
          Reading history
        </a>
        <a href={OPTIONS_HREF} target="_blank" rel="noopener">
          Options
        </a>
      </nav>
      {history && HISTORY_NOTES[history] && (
        <p class={history === 'unavailable' ? 'warn' : 'muted'} role="status">
          {HISTORY_NOTES[history]}
        </p>
      )}
    </main>
  );
}
