/**
 * The background's reading history: what gets recorded (not private windows, not when
 * turned off, only web pages), expiry, and failure handling. IndexedDB can fail (no
 * quota, an upgrade blocked, no IndexedDB at all); then history reports itself
 * unavailable, every caller still gets an answer, and the error is logged once.
 */
import type { HistoryList, HistoryState, SeenBefore, TermCount } from '../messages';
import { DEFAULT_SETTINGS, type Settings } from '../settings';
import { siteOf } from '../site';
import type { HistoryStore } from '../store/history-store';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Expiry runs at most this often; a sighting a little past its day costs nothing. */
const EXPIRE_EVERY = HOUR;
/**
 * Most addresses one site may add to history within SITE_WINDOW_MS. A page chooses its own
 * address and title (`pushState`): 100 calls made 100 entries with the page's words in
 * them (issue 19). A reader opens far fewer pages of one site in ten minutes; an address
 * already recorded in the window may always be recorded again.
 */
export const SITE_PAGES = 30;
export const SITE_WINDOW_MS = 10 * 60_000;
/** The longest address kept; longer ones are cut (a page can make its address any length). */
export const URL_MAX = 4096;

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

/**
 * The page's address without its fragment (`#section` is the same article), cut to
 * URL_MAX characters: an address that long is recorded by its beginning, never dropped.
 */
export function pageKey(url: string): string | null {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    u.hash = '';
    return u.href.length > URL_MAX ? u.href.slice(0, URL_MAX) : u.href;
  } catch {
    return null;
  }
}

/** Addresses recorded per site in the current window (see SITE_PAGES). */
function siteBudget(now: () => number) {
  const sites = new Map<string, { since: number; urls: Set<string> }>();
  return {
    /** Whether `url` of `host` may be recorded now; counts it when it may. */
    allow(host: string, url: string): boolean {
      const t = now();
      let site = sites.get(host);
      if (!site || t - site.since >= SITE_WINDOW_MS) {
        site = { since: t, urls: new Set() };
        sites.set(host, site);
      }
      if (site.urls.has(url)) return true;
      if (site.urls.size >= SITE_PAGES) return false;
      site.urls.add(url);
      return true;
    },
  };
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
  const budget = siteBudget(now);

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
      if (!budget.allow(siteOf(url) ?? '', url)) {
        logOnce(
          `history: more than ${SITE_PAGES} pages of one site in 10 minutes, not all kept`,
          url,
        );
        return;
      }
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

    /**
     * How many other pages the term was seen on: the count only. The card and sidebar run
     * in the page's renderer, so other sites' addresses and titles never go there.
     */
    async seen(termId: string, url: string, incognito: boolean): Promise<SeenBefore> {
      const unavailable: SeenBefore = { available: false, count: 0 };
      const settings = await deps.settings();
      // A private window shows nothing from history, so it cannot leak into a screenshot.
      if (incognito || !settings.historyEnabled) return unavailable;
      const here = pageKey(url);
      return guarded('reading', unavailable, async (s) => {
        const cutoff = now() - historyWindowMs(settings);
        const pages = await s.pagesFor(termId);
        const count = pages.filter((p) => p.url !== here && p.lastSeen >= cutoff).length;
        return { available: true, count };
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
