/**
 * The bot's one HTTP server: the platforms' routes (`/slack/events`,
 * `/api/messages`) and a health check on a single port. Handlers get the raw
 * request with the body unread; errors in a handler become a 500 and a log
 * line, never a crash.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BotLogger } from './conversation/types.js';
import { errorName } from './dispatcher.js';
import type { Route } from './platform.js';

export interface BotServer {
  server: Server;
  /** `http://host:port` as bound (port 0 resolved). */
  url: string;
  close(): Promise<void>;
}

export async function startServer(routes: Route[], options: { port: number; host: string; logger: BotLogger }): Promise<BotServer> {
  const table = new Map(routes.map((r) => [`${r.method} ${r.path}`, r]));
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (req.method === 'GET' && path === '/healthz') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
      return;
    }
    const route = table.get(`${req.method ?? ''} ${path}`);
    if (!route) {
      const known = routes.some((r) => r.path === path);
      res.writeHead(known ? 405 : 404).end();
      req.resume();
      return;
    }
    Promise.resolve()
      .then(() => route.handler(req, res))
      .catch((err: unknown) => {
        options.logger.error({ path, err: errorName(err) }, 'request handler failed');
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
  });
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    server,
    url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
