/** How the card, sidebar and popup name a source: its label (lib/pack/source-label.ts). */
import type { SourceRef } from '../lib/knowledge/types';

/** A source as the reader knows it: the label the pack gave it. */
export function sourceName(s: SourceRef): string {
  return s.label;
}

/** "your source, … · AsianFin · 2025-01-29": what the label leaves out, as printed. */
export function sourceMeta(s: SourceRef): string {
  const mine = s.added ? [yours(s.added)] : [];
  return [...mine, s.outlet !== s.label ? s.outlet : null, s.date].filter((x) => x).join(' · ');
}

/** A quote's caption: the source's name ("your source" for one the reader added), its date. */
export function sourceCaption(s: SourceRef): string {
  const name = s.added ? `${sourceName(s)} (${yours(s.added)})` : sourceName(s);
  return s.date ? `${name} · ${s.date}` : name;
}

/** "your source, example.com, added 2025-02-03" */
function yours(added: NonNullable<SourceRef['added']>): string {
  let host = added.url;
  try {
    const u = new URL(added.url);
    host = u.protocol === 'file:' ? decodeURIComponent(u.pathname.slice(1)) : u.host;
  } catch {}
  return `your source, ${host}, added ${added.addedAt.slice(0, 10)}`;
}
