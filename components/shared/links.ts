/** Links between our extension pages: relative, so they work in every browser's origin. */
export function readerHref(sourceId?: string, claimId?: string): string {
  if (!sourceId) return '/reader.html';
  const params = new URLSearchParams({ source: sourceId });
  if (claimId) params.set('claim', claimId);
  return `/reader.html?${params}`;
}

export const HISTORY_HREF = '/reading-history.html';
export const OPTIONS_HREF = '/options.html';
export const LIBRARY_HREF = '/library.html';
