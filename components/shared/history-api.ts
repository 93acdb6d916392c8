/** The history page and options talk to the background's history through these calls. */
import type { HistoryList } from '../../lib/messages';
import type { HistoryExport } from '../../lib/store/history-store';
import { send } from '../../lib/transport';

export interface HistoryApi {
  list(): Promise<HistoryList>;
  clear(): Promise<{ available: boolean }>;
}

export function createHistoryApi(): HistoryApi {
  return {
    list: () => send('history:list', {}),
    clear: () => send('history:clear', {}),
  };
}

export function exportFileName(data: HistoryExport): string {
  return `sourcelight-history-${data.exportedAt.slice(0, 10)}.json`;
}

/** Saves JSON through a download link: no `downloads` permission needed. */
export function downloadJson(name: string, value: unknown, doc: Document = document): void {
  const blob = new Blob([`${JSON.stringify(value, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = doc.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
