/**
 * Records every request a browser makes during a run, so a suite can prove that nothing
 * left 127.0.0.1. Two witnesses feed one log:
 * - the wire: both browsers are pointed at the fixture server as their HTTP proxy (loopback
 *   included), so every http(s)/ws request any page, worker or extension sends reaches it,
 *   including ones the automation protocol cannot see (an MV2 background page in Firefox);
 * - the protocol: Playwright's / Puppeteer's request events, which also see data:, blob:
 *   and extension URLs that never touch the network.
 */

export type Witness = 'wire' | 'protocol';

export interface RecordedRequest {
  url: string;
  witness: Witness;
  /** Who made it, when the witness knows (page URL, "service worker", ...). */
  from?: string;
}

/** Schemes that never leave the machine. */
const LOCAL_SCHEMES = new Set(['data:', 'blob:', 'about:', 'chrome-extension:', 'moz-extension:']);

/** Hosts that count as "this machine": only the fixture server's address. */
const LOCAL_HOSTS = new Set(['127.0.0.1']);

/** Whether a request stayed on 127.0.0.1 (or never touched the network at all). */
export function staysLocal(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    // A CONNECT target is "host:port", not a URL.
    const host = url.replace(/:\d+$/, '');
    return LOCAL_HOSTS.has(host);
  }
  if (LOCAL_SCHEMES.has(parsed.protocol)) return true;
  return LOCAL_HOSTS.has(parsed.hostname);
}

export class NetworkLog {
  readonly entries: RecordedRequest[] = [];

  record(entry: RecordedRequest): void {
    this.entries.push(entry);
  }

  /** Requests that went anywhere but 127.0.0.1. */
  offenders(): RecordedRequest[] {
    return this.entries.filter((e) => !staysLocal(e.url));
  }

  /** How many requests a witness saw: lets a test prove the recorder was listening. */
  count(witness: Witness): number {
    return this.entries.filter((e) => e.witness === witness).length;
  }

  /** Readable list for an assertion message. */
  describe(entries: RecordedRequest[] = this.entries): string {
    return entries
      .map((e) => `${e.witness}\t${e.url}${e.from ? `\t(from ${e.from})` : ''}`)
      .join('\n');
  }
}
