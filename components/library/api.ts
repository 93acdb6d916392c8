/**
 * What the library pages ask of the extension, in one place so the components stay
 * props-and-render and tests can hand in fakes: every call is a message of the contract.
 */
import type { LibraryProtocol } from '../../lib/library/protocol';
import type { RequestOf, ResponseOf } from '../../lib/messages';
import { send } from '../../lib/transport';
import { downloadJson } from '../shared/history-api';

export interface LibraryApi {
  ask<N extends keyof LibraryProtocol>(name: N, payload: RequestOf<N>): Promise<ResponseOf<N>>;
  download(name: string, value: unknown): void;
  /** The text of a file the reader picked. */
  readFile(file: File): Promise<string>;
}

export function createLibraryApi(): LibraryApi {
  return {
    ask: send,
    download: (name, value) => downloadJson(name, value),
    readFile: (file) => file.text(),
  };
}

/** Which page `library.html` shows, from its query string. */
export type LibraryView =
  | { type: 'library' }
  | { type: 'review'; draftId: string }
  | { type: 'track'; name: string };

export function libraryView(search: string): LibraryView {
  const params = new URLSearchParams(search);
  const draft = params.get('draft');
  if (draft) return { type: 'review', draftId: draft };
  const track = params.get('track');
  if (track !== null) return { type: 'track', name: track.slice(0, 200) };
  return { type: 'library' };
}

/** "3 Feb 2025", in the reader's own locale. */
export function day(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isFinite(ms)
    ? new Date(ms).toLocaleDateString(undefined, { dateStyle: 'medium' })
    : iso;
}

// One address shortener for the library's pages and the sources' labels.
export { shortAddress } from '../../lib/pack/source-label';
