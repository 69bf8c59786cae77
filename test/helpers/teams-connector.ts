/**
 * A fake Bot Connector service on 127.0.0.1: the bot's replies, card updates
 * and proactive messages land here (the activities' `serviceUrl` points to
 * it), member lookups are answered from a table, and a queue of forced
 * answers (429 with Retry-After, 403, …) lets tests make Teams refuse.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CapturedCall {
  method: string;
  path: string;
  conversationId: string;
  /** The activity id in the path (reply-to for POST, the updated activity for PUT). */
  activityId?: string;
  body: any;
}

export interface FakeMember {
  id: string;
  name?: string;
  aadObjectId?: string;
  email?: string;
  userPrincipalName?: string;
}

export interface FakeConnector {
  url: string;
  calls: CapturedCall[];
  /** Members by conversation-member id (`29:…`), for GET …/members/:id. */
  members: Map<string, FakeMember>;
  /** Answer the next activity POST/PUT with this instead of 200. */
  failNext(status: number, headers?: Record<string, string>): void;
  /** Adaptive cards sent or updated, in order. */
  cards(): any[];
  /** Wait (bounded) until `count` activity calls were captured. */
  waitForCalls(count: number, timeoutMs?: number): Promise<CapturedCall[]>;
  reset(): void;
  close(): Promise<void>;
}

const ACTIVITY = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/;
const MEMBER = /^\/v3\/conversations\/([^/]+)\/members\/([^/]+)$/;

export async function startFakeConnector(): Promise<FakeConnector> {
  const calls: CapturedCall[] = [];
  const members = new Map<string, FakeMember>();
  const forced: { status: number; headers: Record<string, string> }[] = [];
  let next = 0;

  const reply = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
  };

  const handle = (req: IncomingMessage, res: ServerResponse, raw: string) => {
    const path = (req.url ?? '').split('?')[0] ?? '';
    const member = MEMBER.exec(path);
    if (req.method === 'GET' && member) {
      const m = members.get(decodeURIComponent(member[2]!));
      return m ? reply(res, 200, m) : reply(res, 404, { error: { code: 'MemberNotFoundInConversation', message: 'not found' } });
    }
    const activity = ACTIVITY.exec(path);
    if (!activity || (req.method !== 'POST' && req.method !== 'PUT')) return reply(res, 404, { error: { code: 'NotFound', message: path } });
    const f = forced.shift();
    if (f) return reply(res, f.status, { error: { code: f.status === 429 ? 'Throttled' : 'Refused', message: 'forced by the test' } }, f.headers);
    let body: unknown = null;
    try {
      body = JSON.parse(raw);
    } catch {
      return reply(res, 400, { error: { code: 'BadArgument', message: 'not JSON' } });
    }
    const call: CapturedCall = { method: req.method, path, conversationId: decodeURIComponent(activity[1]!), body };
    if (activity[2]) call.activityId = decodeURIComponent(activity[2]);
    calls.push(call);
    next += 1;
    return reply(res, 200, { id: req.method === 'PUT' && call.activityId ? call.activityId : `activity-${next}` });
  };

  const server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (d: string) => (raw += d));
    req.on('end', () => handle(req, res, raw));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    members,
    failNext(status, headers = {}) {
      forced.push({ status, headers });
    },
    cards() {
      return calls.flatMap((c) => (c.body?.attachments ?? []).filter((a: any) => a.contentType === 'application/vnd.microsoft.card.adaptive').map((a: any) => a.content));
    },
    async waitForCalls(count, timeoutMs = 5000) {
      const until = Date.now() + timeoutMs;
      while (calls.length < count) {
        if (Date.now() > until) throw new Error(`fake connector: ${calls.length} calls after ${timeoutMs} ms, wanted ${count}`);
        await new Promise((r) => setTimeout(r, 10));
      }
      return calls;
    },
    reset() {
      calls.length = 0;
      forced.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
