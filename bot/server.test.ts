import { request } from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { silentLogger } from './log.js';
import { startServer, type BotServer } from './server.js';

function call(url: string, method: string, body = ''): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, timeout: 5_000 }, (res) => {
      let data = '';
      res.setEncoding('utf8').on('data', (d: string) => (data += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: data }));
    });
    req.on('error', reject).end(body);
  });
}

describe('bot HTTP server', () => {
  let srv: BotServer;
  afterAll(() => srv?.close());

  it('routes to the platforms, answers health checks, 404/405 otherwise, and survives a failing handler', async () => {
    srv = await startServer(
      [
        { method: 'POST', path: '/echo', handler: (req, res) => void req.pipe(res) },
        {
          method: 'POST',
          path: '/boom',
          handler: async () => {
            throw new Error('boom');
          },
        },
      ],
      { port: 0, host: '127.0.0.1', logger: silentLogger },
    );
    expect(srv.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await call(`${srv.url}/echo?x=1`, 'POST', 'hallo')).toEqual({ status: 200, body: 'hallo' });
    expect(await call(`${srv.url}/healthz`, 'GET')).toEqual({ status: 200, body: '{"status":"ok"}' });
    expect((await call(`${srv.url}/echo`, 'GET')).status).toBe(405);
    expect((await call(`${srv.url}/elders`, 'POST', 'x')).status).toBe(404);
    expect((await call(`${srv.url}/boom`, 'POST', 'x')).status).toBe(500);
    expect((await call(`${srv.url}/healthz`, 'GET')).status).toBe(200);
  });
});
