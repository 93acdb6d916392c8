/**
 * The fixture server: serves tests/e2e/fixtures/ at /fixtures/ and the repo's demo/ at
 * /demo/ on 127.0.0.1 (a free port), with per-page headers such as a strict CSP.
 *
 * It is also the browsers' HTTP proxy (see network.ts): a request whose target is an
 * absolute URL, or a CONNECT, came through the proxy and is recorded; only requests for
 * this server are answered, anything else is refused, so nothing can leave even by mistake.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { NetworkLog } from './network';
import { REPO_ROOT } from './paths';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

/** URL prefix -> folder on disk. */
const ROOTS: Record<string, string> = {
  '/fixtures/': join(REPO_ROOT, 'tests/e2e/fixtures'),
  '/demo/': join(REPO_ROOT, 'demo'),
};

/** Headers per served path, e.g. the hostile page's CSP: tests/e2e/fixtures/headers.json. */
const HEADERS_FILE = join(REPO_ROOT, 'tests/e2e/fixtures/headers.json');

export interface FixtureServer {
  /** "http://127.0.0.1:PORT" */
  origin: string;
  port: number;
  /** Absolute URL of a served path, e.g. url('/fixtures/editor.html'). */
  url(path: string): string;
  /** Extra headers for one path (on top of headers.json), for a test's own needs. */
  setHeaders(path: string, headers: Record<string, string>): void;
  /** Every request that came through the proxy. */
  network: NetworkLog;
  close(): Promise<void>;
}

async function loadHeaderTable(): Promise<Record<string, Record<string, string>>> {
  try {
    return JSON.parse(await readFile(HEADERS_FILE, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new Error(`tests/e2e/fixtures/headers.json: ${(error as Error).message}`);
  }
}

function resolveFile(pathname: string): string | null {
  for (const [prefix, dir] of Object.entries(ROOTS)) {
    if (!pathname.startsWith(prefix)) continue;
    const rel = normalize(decodeURIComponent(pathname.slice(prefix.length)));
    const file = join(dir, rel);
    // No escaping the served folders with "..".
    if (file !== dir && !file.startsWith(dir + sep)) return null;
    return file;
  }
  return null;
}

export async function startFixtureServer(): Promise<FixtureServer> {
  const network = new NetworkLog();
  const headerTable = await loadHeaderTable();
  const extraHeaders = new Map<string, Record<string, string>>();
  let origin = '';

  async function serve(pathname: string, res: ServerResponse): Promise<void> {
    const file = resolveFile(pathname);
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
      // Keys are served paths ("/fixtures/hostile.html") or names inside fixtures/.
      ...headerTable[pathname.replace(/^\/fixtures\//, '')],
      ...headerTable[pathname],
      ...extraHeaders.get(pathname),
    });
    res.end(body);
  }

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const raw = req.url ?? '/';
    let pathname: string;
    if (/^[a-z]+:\/\//i.test(raw)) {
      // Came through the proxy: record it, and answer only for ourselves.
      network.record({ url: raw, witness: 'wire', from: req.headers['user-agent'] });
      const target = new URL(raw);
      if (target.origin !== origin) {
        res.writeHead(502, { 'content-type': 'text/plain' }).end('blocked by the test proxy');
        return;
      }
      pathname = target.pathname;
    } else {
      pathname = new URL(raw, origin).pathname;
    }
    serve(pathname, res).catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
    });
  }

  const server = createServer(handle);
  // https and wss arrive as CONNECT: record the target and refuse the tunnel.
  server.on('connect', (req, socket) => {
    network.record({ url: `https://${req.url ?? ''}/`, witness: 'wire', from: 'CONNECT' });
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;

  return {
    origin,
    port,
    url: (path) => new URL(path, origin).href,
    setHeaders: (path, headers) => extraHeaders.set(path, headers),
    network,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
