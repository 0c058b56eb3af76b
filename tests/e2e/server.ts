/**
 * The e2e web server: one port that speaks both HTTPS and plain HTTP, standing in for every host.
 * Chromium maps every hostname here (`--host-resolver-rules`), so the server decides by Host header:
 * fixture hosts (a folder under tests/fixtures/hosts/, or a known helpdesk) get fixture pages and assets,
 * every other host is the "sink": logged and answered 404. Every request is logged, so tests can
 * assert that the extension made no network requests of its own.
 */
import { createServer as createNetServer, type Socket } from 'node:net';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { existsSync, readFileSync, statSync, readdirSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { Duplex } from 'node:stream';

/** Helpdesk hostnames the real content-script match patterns cover (plus the generic test site). */
export const HELPDESK_HOSTS = [
  'acme.zendesk.com', 'app.intercom.com', 'app.hubspot.com', 'acme.lightning.force.com', 'app.frontapp.com',
  'mail.google.com', 'acme.freshdesk.com', 'secure.helpscout.net', 'desk.zoho.com', 'acme.gorgias.com',
  // Regional hosts (lib/sites: Intercom, HubSpot, Zoho Desk data centres, Freshdesk on Freshworks domains).
  'app.eu.intercom.com', 'app.au.intercom.com', 'app-eu1.hubspot.com', 'app-na2.hubspot.com', 'app-na3.hubspot.com',
  'desk.zoho.eu', 'desk.zoho.in', 'desk.zoho.com.au', 'desk.zoho.jp', 'desk.zoho.com.cn', 'desk.zoho.sa', 'desk.zohocloud.ca',
  'acme.freshworks.com', 'acme.myfreshworks.com',
];
/** The generic (non-helpdesk) site the e2e build grants host permission for. */
export const GENERIC_HOST = 'helpdesk.attune.test';

/** node_modules packages the pages may load under `/_modules/<pkg>/…` (self-hosted editor assets). */
export const MODULE_ALLOWLIST = [
  'tinymce', 'ckeditor4', 'ckeditor5', 'quill', 'trix', 'prosemirror-view', 'prosemirror-menu',
  'prosemirror-example-setup', 'prosemirror-gapcursor', 'draft-js', 'lexical', 'slate-react',
];

/** One logged request. `kind` says who answered: a fixture asset/page, a fixture 404, or the sink. */
export interface LoggedRequest {
  time: number;
  method: string;
  scheme: 'http' | 'https';
  host: string;
  path: string;
  status: number;
  kind: 'fixture' | 'missing' | 'sink';
  userAgent?: string;
  referer?: string;
  /** `Origin` header: `chrome-extension://…` / `moz-extension://…` marks a request made by an extension. */
  origin?: string;
  /** `Sec-Fetch-Dest` (e.g. 'document' for a navigation, 'script', 'empty' for fetch/XHR). */
  dest?: string;
  /** `Sec-Fetch-Site`: 'none' for requests no page initiated (an extension's own fetches, typed URLs). */
  site?: string;
}

export interface ServerOptions {
  /** Repository root (tests/fixtures and node_modules are resolved from it). */
  root: string;
  key: string;
  cert: string;
  /** 0 = any free port. */
  port?: number;
}

export interface RunningServer {
  port: number;
  log: LoggedRequest[];
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.woff': 'font/woff', '.woff2': 'font/woff2', '.ttf': 'font/ttf', '.map': 'application/json', '.txt': 'text/plain; charset=utf-8',
  '.ico': 'image/x-icon', '.gif': 'image/gif', '.jpg': 'image/jpeg',
};

/** Hosts that serve fixtures: every folder under tests/fixtures/hosts plus the helpdesk list. */
export function fixtureHosts(root: string): Set<string> {
  const dir = join(root, 'tests/fixtures/hosts');
  const hosts = new Set([...HELPDESK_HOSTS, GENERIC_HOST]);
  if (existsSync(dir)) for (const d of readdirSync(dir)) hosts.add(d);
  return hosts;
}

/** A file path strictly inside `base`, or null (no `..` escapes). */
function inside(base: string, rel: string): string | null {
  const full = normalize(join(base, rel));
  return full === base || full.startsWith(base + sep) ? full : null;
}

function isFile(p: string | null): p is string {
  try { return !!p && statSync(p).isFile(); } catch { return false; }
}

/** Resolve a fixture-host request to a file on disk (SPA fallback to the host's index.html). */
export function resolveFixturePath(root: string, host: string, urlPath: string): string | null {
  const path = decodeURIComponent(urlPath.split('?')[0].split('#')[0]);
  if (path.startsWith('/_fixtures/')) {
    const f = inside(resolve(root, 'tests/fixtures'), path.slice('/_fixtures/'.length));
    return isFile(f) ? f : null;
  }
  if (path.startsWith('/_modules/')) {
    const rest = path.slice('/_modules/'.length);
    const pkg = MODULE_ALLOWLIST.find((p) => rest === p || rest.startsWith(p + '/'));
    if (!pkg) return null;
    const f = inside(resolve(root, 'node_modules', pkg), rest.slice(pkg.length + 1));
    return isFile(f) ? f : null;
  }
  const hostDir = resolve(root, 'tests/fixtures/hosts', host);
  const direct = inside(hostDir, path.replace(/^\/+/, ''));
  if (isFile(direct)) return direct;
  if (direct && isFile(join(direct, 'index.html'))) return join(direct, 'index.html');
  // SPA style: any other path on a fixture host serves its index.html.
  const index = join(hostDir, 'index.html');
  return isFile(index) && !extname(path) ? index : null;
}

/** Start the dual-protocol server. The control endpoint `GET http://127.0.0.1:PORT/__attune/log` returns the log. */
export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const log: LoggedRequest[] = [];
  const hosts = fixtureHosts(opts.root);

  const handler = (scheme: 'http' | 'https') => (req: IncomingMessage, res: ServerResponse) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    // Through a proxy, plain-HTTP requests carry an absolute URL.
    const path = (req.url ?? '/').replace(/^https?:\/\/[^/]+/, '') || '/';
    if ((host === '127.0.0.1' || host === 'localhost') && path.startsWith('/__attune/')) {
      if (path.startsWith('/__attune/log')) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(log));
      } else if (path.startsWith('/__attune/clear')) {
        log.length = 0;
        res.writeHead(204).end();
      } else res.writeHead(404).end();
      return;
    }
    const entry: LoggedRequest = {
      time: Date.now(), method: req.method ?? 'GET', scheme, host, path, status: 404, kind: 'sink',
      userAgent: req.headers['user-agent'], referer: req.headers.referer,
      origin: req.headers.origin, dest: req.headers['sec-fetch-dest'] as string | undefined,
      site: req.headers['sec-fetch-site'] as string | undefined,
    };
    log.push(entry);
    if (!hosts.has(host)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('attune e2e sink');
      return;
    }
    const file = resolveFixturePath(opts.root, host, path);
    if (!file) {
      entry.kind = 'missing';
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not a fixture');
      return;
    }
    entry.kind = 'fixture';
    entry.status = 200;
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(readFileSync(file));
  };

  const http = createHttpServer(handler('http'));
  const https = createHttpsServer({ key: opts.key, cert: opts.cert }, handler('https'));
  // One port for both: a TLS ClientHello starts with byte 0x16. TLS reads a net.Socket's native handle,
  // which would skip the peeked bytes, so the TLS side gets a plain Duplex that replays them.
  const sockets = new Set<Socket>();
  const accept = (socket: Socket) => {
    socket.once('data', (first) => {
      if (first[0] !== 0x16) {
        socket.pause();
        socket.unshift(first);
        http.emit('connection', socket);
        socket.resume();
        return;
      }
      const duplex = new Duplex({
        read() { socket.resume(); },
        write(chunk, _enc, done) { socket.write(chunk, done); },
        final(done) { socket.end(); done(); },
        destroy(err, done) { socket.destroy(); done(err); },
      });
      duplex.push(first);
      socket.on('data', (d) => { if (!duplex.push(d)) socket.pause(); });
      socket.on('end', () => duplex.push(null));
      socket.on('close', () => duplex.destroy());
      https.emit('connection', duplex);
    });
  };
  const net = createNetServer((socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    accept(socket);
  });
  // Browsers without host-resolver rules (Firefox) use this server as their proxy: an HTTPS tunnel
  // (CONNECT host:443) is answered here and its bytes go through the same sniffing as a direct connection.
  http.on('connect', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head.length) socket.unshift(head);
    accept(socket);
  });
  await new Promise<void>((ok, fail) => {
    net.once('error', fail);
    net.listen(opts.port ?? 0, '127.0.0.1', () => ok());
  });
  const address = net.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    log,
    close: () => new Promise<void>((ok) => {
      for (const s of sockets) s.destroy();
      http.closeAllConnections();
      net.close(() => ok());
    }),
  };
}
