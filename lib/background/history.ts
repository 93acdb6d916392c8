/**
 * The background's reading history: what gets recorded (not private windows, not when
 * turned off, only web pages), expiry, and failure handling. IndexedDB can fail (no
 * quota, an upgrade blocked, no IndexedDB at all); then history reports itself
 * unavailable, every caller still gets an answer, and the error is logged once.
 */
import type { HistoryList, HistoryState, SeenBefore, TermCount } from '../messages';
import { DEFAULT_SETTINGS, type Settings } from '../settings';
import type { HistoryStore } from '../store/history-store';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Expiry runs at most this often; a sighting a little past its day costs nothing. */
const EXPIRE_EVERY = HOUR;
/** Most pages a "seen before" answer lists. */
const SEEN_LIMIT = 20;

export interface HistoryDeps {
  open: () => Promise<HistoryStore>;
  settings: () => Promise<Settings>;
  now?: () => number;
  /** Where the one log line per failure goes. */
  log?: (message: string, error: unknown) => void;
}

export interface PageVisit {
  url: string;
  title: string;
  terms: TermCount[];
  incognito: boolean;
}

/** The page's address without its fragment: `#section` is the same article. */
export function pageKey(url: string): string | null {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    u.hash = '';
    return u.href;
  } catch {
    return null;
  }
}

/**
 * How far back history reaches, in ms. A stored value that is not a sensible number of
 * days (hand-edited storage, an old bug) falls back to the default rather than turning
 * every cutoff into NaN, which IndexedDB would refuse as a key.
 */
export function historyWindowMs(settings: Pick<Settings, 'historyDays'>): number {
  const days = settings.historyDays;
  const valid = Number.isFinite(days) && days >= 1 && days <= 3650;
  return (valid ? Math.floor(days) : DEFAULT_SETTINGS.historyDays) * DAY;
}

export function createHistory(deps: HistoryDeps) {
  const now = deps.now ?? Date.now;
  const log = deps.log ?? ((message, error) => console.warn(`Sourcelight: ${message}`, error));
  let opening: Promise<HistoryStore | null> | null = null;
  let broken = false;
  const logged = new Set<string>();
  let lastExpiry = -Infinity;

  function logOnce(what: string, error: unknown) {
    if (logged.has(what)) return;
    logged.add(what);
    log(what, error);
  }

  /** Opens once per background lifetime; a failed open is not retried on every page. */
  function store(): Promise<HistoryStore | null> {
    opening ??= deps.open().catch((error: unknown) => {
      broken = true;
      logOnce('reading history is unavailable', error);
      return null;
    });
    return opening;
  }

  async function guarded<T>(what: string, fallback: T, run: (s: HistoryStore) => Promise<T>) {
    const s = await store();
    if (!s) return fallback;
    try {
      return await run(s);
    } catch (error) {
      // Usually the quota: say so in the popup, log once, and let the page carry on.
      broken = true;
      logOnce(`history: ${what} failed`, error);
      return fallback;
    }
  }

  async function expire(s: HistoryStore, settings: Settings, force = false) {
    const t = now();
    if (!force && t - lastExpiry < EXPIRE_EVERY) return;
    lastExpiry = t;
    await s.expire(t - historyWindowMs(settings));
  }

  return {
    /** The connection closed under us (a newer version, or the browser): reopen next time. */
    reset(): void {
      opening = null;
      broken = false;
    },

    async state(): Promise<HistoryState> {
      const settings = await deps.settings();
      if (!settings.historyEnabled) return 'off';
      return (await store()) && !broken ? 'on' : 'unavailable';
    },

    async record(visit: PageVisit): Promise<void> {
      if (visit.incognito || visit.terms.length === 0) return;
      const url = pageKey(visit.url);
      if (!url) return;
      const settings = await deps.settings();
      if (!settings.historyEnabled) return;
      await guarded('recording', undefined, async (s) => {
        await expire(s, settings);
        await s.record(
          { url, title: visit.title.slice(0, 500) },
          visit.terms.map((t) => ({
            termId: t.id,
            label: t.label,
            kind: t.kind,
            entityKind: t.entityKind,
            occurrences: t.count,
          })),
          now(),
        );
      });
    },

    async seen(termId: string, url: string, incognito: boolean): Promise<SeenBefore> {
      const unavailable: SeenBefore = { available: false, pages: [] };
      const settings = await deps.settings();
      // A private window shows nothing from history, so it cannot leak into a screenshot.
      if (incognito || !settings.historyEnabled) return unavailable;
      const here = pageKey(url);
      return guarded('reading', unavailable, async (s) => {
        const cutoff = now() - historyWindowMs(settings);
        const pages = (await s.pagesFor(termId))
          .filter((p) => p.url !== here && p.lastSeen >= cutoff)
          .slice(0, SEEN_LIMIT)
          .map((p) => ({ url: p.url, title: p.title, lastSeen: p.lastSeen }));
        return { available: true, pages };
      });
    },

    /** Everything kept; what is past the days kept goes first, so no export holds it. */
    async list(): Promise<HistoryList> {
      const settings = await deps.settings();
      return guarded<HistoryList>('listing', { available: false }, async (s) => {
        await expire(s, settings, true);
        return { available: true, data: await s.export(now()) };
      });
    },

    async clear(): Promise<{ available: boolean }> {
      return guarded<{ available: boolean }>('clearing', { available: false }, async (s) => {
        await s.clear();
        return { available: true };
      });
    },
  };
}

export type History = ReturnType<typeof createHistory>;
