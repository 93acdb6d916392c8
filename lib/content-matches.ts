/**
 * The pages the content script runs on. One list for the script's definition and for the
 * manifest's web_accessible_resources entry (wxt.config.ts): in development WXT registers
 * content scripts at runtime rather than in the manifest, so the manifest cannot be the
 * place the entry reads them from.
 */
export const CONTENT_MATCHES: string[] = ['http://*/*', 'https://*/*'];
