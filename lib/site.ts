/**
 * The one way Sourcelight names a site: a page's hostname, as the browser parses it (lower
 * case, international names in punycode), for http(s) pages only. The site switch, the
 * list of sites turned off, the background's per-tab hosts and history's per-site budget
 * all compare these strings, so they must all come from here (a content script's
 * `location.hostname` is the same string for the same page).
 */

/** The site of a page's address; null for anything but an http(s) page (or no address). */
export function siteOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.hostname : null;
  } catch {
    return null;
  }
}

/**
 * A site as the reader types or pastes it (options): "https://www.bbc.com/news" becomes
 * "www.bbc.com". Null when it is not a site name: a name needs a dot, or is an IP address.
 */
export function siteFromInput(input: string): string | null {
  const text = input.trim().toLowerCase();
  if (!text) return null;
  const host = siteOf(text.includes('://') ? text : `https://${text}`);
  return host && /^[a-z0-9.-]+$|^\[[0-9a-f:]+\]$/.test(host) && host.includes('.') ? host : null;
}
