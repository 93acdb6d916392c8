/** History arranged for reading: by term (pages each was seen on) and by page (its terms). */
import type { HistoryExport, PageRecord, Sighting } from '../../lib/store/history-store';

export interface TermGroup {
  termId: string;
  label: string;
  kind: Sighting['kind'];
  entityKind: string | null;
  pages: PageRecord[];
  lastSeen: number;
}

export interface PageGroup {
  page: PageRecord;
  terms: Sighting[];
}

function pageOf(data: HistoryExport, s: Sighting): PageRecord {
  return (
    data.pages.find((p) => p.url === s.url) ?? {
      url: s.url,
      title: s.title,
      firstSeen: s.firstSeen,
      lastSeen: s.lastSeen,
    }
  );
}

function matches(query: string, ...texts: string[]): boolean {
  const q = query.trim().toLowerCase();
  return !q || texts.some((t) => t.toLowerCase().includes(q));
}

/** Terms seen most recently first; a query keeps terms whose name, or a page's, matches. */
export function byTerm(data: HistoryExport, query = ''): TermGroup[] {
  const groups = new Map<string, TermGroup>();
  for (const s of data.sightings) {
    const page = pageOf(data, s);
    let g = groups.get(s.termId);
    if (!g) {
      g = {
        termId: s.termId,
        label: s.label,
        kind: s.kind,
        entityKind: s.entityKind,
        pages: [],
        lastSeen: 0,
      };
      groups.set(s.termId, g);
    }
    g.pages.push({ ...page, lastSeen: s.lastSeen });
    g.lastSeen = Math.max(g.lastSeen, s.lastSeen);
  }
  return [...groups.values()]
    .filter((g) => matches(query, g.label, ...g.pages.flatMap((p) => [p.title, p.url])))
    .map((g) => ({ ...g, pages: g.pages.sort((a, b) => b.lastSeen - a.lastSeen) }))
    .sort((a, b) => b.lastSeen - a.lastSeen || a.label.localeCompare(b.label));
}

/** Pages read most recently first; a query keeps pages whose title, address or a term matches. */
export function byPage(data: HistoryExport, query = ''): PageGroup[] {
  const groups = new Map<string, PageGroup>();
  for (const s of data.sightings) {
    const page = pageOf(data, s);
    const g = groups.get(page.url) ?? { page, terms: [] };
    g.terms.push(s);
    groups.set(page.url, g);
  }
  return [...groups.values()]
    .filter((g) => matches(query, g.page.title, g.page.url, ...g.terms.map((t) => t.label)))
    .map((g) => ({ ...g, terms: g.terms.sort((a, b) => a.label.localeCompare(b.label)) }))
    .sort((a, b) => b.page.lastSeen - a.page.lastSeen);
}
