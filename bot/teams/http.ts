/**
 * The HTTP edge of `POST /api/messages`: read the body with a size limit,
 * parse and check it, and the express-like request/response shims
 * botbuilder's `CloudAdapter.process` expects. No SDK import.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody } from '../http-body.js';

/** Bot Framework activities are small; a card submit stays far below this. */
export const BODY_LIMIT = 1024 * 1024;

export type BodyResult = { ok: true; json: unknown } | { ok: false; status: 400 | 413; reason: string };

/** Read and parse a JSON body of at most `limit` bytes; a bigger one is drained unbuffered (413). */
export async function readJsonBody(req: IncomingMessage, limit = BODY_LIMIT): Promise<BodyResult> {
  let raw: Buffer | null;
  try {
    raw = await readBody(req, limit);
  } catch {
    return { ok: false, status: 400, reason: 'request error' };
  }
  if (raw === null) return { ok: false, status: 413, reason: 'body too large' };
  try {
    return { ok: true, json: JSON.parse(raw.toString('utf8')) as unknown };
  } catch {
    return { ok: false, status: 400, reason: 'body is not JSON' };
  }
}

/** Whether a socket's remote address is this machine (IPv4, IPv6 or IPv4-mapped). */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const a = address.startsWith('::ffff:') ? address.slice(7) : address;
  return a === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(a);
}

export function sendJson(res: ServerResponse, status: number, body?: unknown): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  if (body === undefined) {
    res.writeHead(status).end();
    return;
  }
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8' }).end(text);
}

/** The request as `CloudAdapter.process` reads it: method, headers and the parsed body. */
export function requestShim(req: IncomingMessage, body: Record<string, unknown>) {
  return { method: 'POST', headers: req.headers as Record<string, string | string[] | undefined>, body };
}

/** The response as `CloudAdapter.process` writes it (status, header, send, end), onto node's ServerResponse. */
export function responseShim(res: ServerResponse) {
  let status = 200;
  let payload: unknown;
  const headers: Record<string, string> = {};
  return {
    socket: res.socket,
    status(code: number) {
      status = code;
      return this;
    },
    header(name: string, value: unknown) {
      headers[name.toLowerCase()] = String(value);
      return this;
    },
    send(body: unknown) {
      payload = body;
      return this;
    },
    end() {
      if (res.headersSent) return res.end();
      for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
      sendJson(res, status, payload);
      return res;
    },
  };
}
