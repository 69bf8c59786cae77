/**
 * A local fake of the Slack Web API on 127.0.0.1 (port 0): it records every
 * call (method, parsed arguments, token) and answers like Slack does. Point
 * the platform at it with `apiUrl: api.url`. Also serves `response_url`s
 * (`api.responseUrl(name)`), recorded as method `response_url:<name>`.
 *
 *   const api = await startFakeSlackApi({ users: { U0NEW00001: 'nieuw@voorbeeld.nl' } });
 *   api.on('chat.postMessage', () => ({ status: 429, headers: { 'retry-after': '7' }, body: { ok: false, error: 'ratelimited' } }));
 *   const open = await api.waitFor('views.open');
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SlackCall {
  method: string;
  args: Record<string, any>;
  token?: string;
  at: number;
}

export interface FakeReply {
  status?: number;
  headers?: Record<string, string>;
  body: Record<string, unknown>;
}

export type FakeHandler = (args: Record<string, any>, call: SlackCall) => FakeReply | Promise<FakeReply>;

export interface FakeSlackApi {
  /** Base URL for the WebClient (`slackApiUrl`), ending in `/api/`. */
  url: string;
  responseUrl(name: string): string;
  calls: SlackCall[];
  callsTo(method: string): SlackCall[];
  /** The first call to `method` (after `since`, a call count) that matches; rejects after `timeoutMs`. */
  waitFor(method: string, match?: (call: SlackCall) => boolean, options?: { timeoutMs?: number; since?: number }): Promise<SlackCall>;
  /** Answer `method` differently (until `reset`). */
  on(method: string, handler: FakeHandler): void;
  /** Forget the calls and the custom answers. */
  reset(): void;
  close(): Promise<void>;
}

/** Parse a Web API request body: form fields (objects JSON-encoded, as the WebClient sends them) or JSON. */
function parseArgs(req: IncomingMessage, raw: string): Record<string, any> {
  const type = String(req.headers['content-type'] ?? '');
  if (type.includes('application/json')) return raw ? JSON.parse(raw) : {};
  const out: Record<string, any> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    out[k] = /^[[{]/.test(v) ? JSON.parse(v) : v;
  }
  return out;
}

let viewSeq = 0;
let tsSeq = 0;

function defaultReply(method: string, args: Record<string, any>, users: Record<string, string>): FakeReply {
  switch (method) {
    case 'auth.test':
      return { body: { ok: true, url: 'https://lla.slack.com/', team: 'LLA', user: 'lla', team_id: 'T0LLA0001', user_id: 'U0BOT00001', bot_id: 'B0BOT00001' } };
    case 'views.open':
    case 'views.push':
    case 'views.update':
    case 'views.publish': {
      const id = method === 'views.update' && args.view_id ? String(args.view_id) : `V0FAKE${String((viewSeq += 1)).padStart(4, '0')}`;
      return { body: { ok: true, view: { ...(args.view ?? {}), id } } };
    }
    case 'chat.postMessage':
    case 'chat.update':
      return { body: { ok: true, channel: args.channel, ts: args.ts ?? `1700000000.${String((tsSeq += 1)).padStart(6, '0')}`, message: { text: args.text } } };
    case 'users.info': {
      const email = users[String(args.user)];
      return email
        ? { body: { ok: true, user: { id: args.user, is_bot: false, deleted: false, profile: { email } } } }
        : { body: { ok: false, error: 'user_not_found' } };
    }
    default:
      return { body: { ok: true } };
  }
}

export async function startFakeSlackApi(options: { users?: Record<string, string> } = {}): Promise<FakeSlackApi> {
  const users = options.users ?? {};
  const calls: SlackCall[] = [];
  const handlers = new Map<string, FakeHandler>();

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const path = new URL(req.url ?? '/', 'http://localhost').pathname;
        const method = path.startsWith('/api/') ? path.slice('/api/'.length) : path.startsWith('/respond/') ? `response_url:${path.slice('/respond/'.length)}` : path;
        let args: Record<string, any>;
        try {
          args = parseArgs(req, raw);
        } catch {
          res.writeHead(400).end();
          return;
        }
        const auth = req.headers.authorization;
        const call: SlackCall = { method, args, at: Date.now() };
        const token = auth?.replace(/^Bearer /, '') ?? (typeof args.token === 'string' ? args.token : undefined);
        if (token) call.token = token;
        calls.push(call);
        const handler = handlers.get(method);
        const reply = handler ? await handler(args, call) : method.startsWith('response_url:') ? { body: { ok: true } } : defaultReply(method, args, users);
        res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers });
        res.end(JSON.stringify(reply.body));
      })().catch(() => {
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;

  const api: FakeSlackApi = {
    url: `${base}/api/`,
    responseUrl: (name) => `${base}/respond/${name}`,
    calls,
    callsTo: (method) => calls.filter((c) => c.method === method),
    async waitFor(method, match = () => true, { timeoutMs = 5000, since = 0 } = {}) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = calls.slice(since).find((c) => c.method === method && match(c));
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no ${method} call within ${timeoutMs} ms; calls: ${calls.map((c) => c.method).join(', ')}`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    on: (method, handler) => void handlers.set(method, handler),
    reset() {
      calls.length = 0;
      handlers.clear();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return api;
}
