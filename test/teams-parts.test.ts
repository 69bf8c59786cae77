/**
 * The Teams front's parts on their own: reading activities (mentions, HTML,
 * ids, local-mode stand-ins), the body reader's limits, the mapping of
 * connector failures to SendFailure, and a conversation that fails: the
 * person gets a polite card, the log gets no content, the server stays up.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { systemClock } from '../core/dates.js';
import { MemoryStore } from '../core/store.js';
import { teamsMsg } from '../core/messages-chat/teams.js';
import type { Conversation } from '../bot/conversation/types.js';
import { startServer } from '../bot/server.js';
import { aadObjectIdOf, ActivitySchema, htmlToText, isPersonal, messageText, tenantIdOf } from '../bot/teams/activity.js';
import { isLoopback, readJsonBody } from '../bot/teams/http.js';
import { createTeamsPlatform } from '../bot/teams/index.js';
import { retryAfterMs, toSendFailure } from '../bot/teams/outbound.js';
import { createSeedStore } from '../data/seed.js';
import { activities, cardText, post, teamsUser } from './helpers/teams-activity.js';
import { expectValidCard } from './helpers/teams-card-check.js';
import { startFakeConnector } from './helpers/teams-connector.js';
import { recordingLogger } from './helpers/conversation-fixture.js';

const act = activities('https://smba.trafficmanager.net/emea/');
const user = teamsUser(7, 'Test');
const parse = (a: unknown) => ActivitySchema.parse(a);

describe('reading activities', () => {
  it('strips the bot mention and markup from typed text', () => {
    const a = parse(
      act.message(user, '<at>Coördinatiepunt LLA</at>&nbsp;mijn <b>casussen</b>', {
        entities: [{ type: 'mention', text: '<at>Coördinatiepunt LLA</at>', mentioned: { id: '28:lla-bot-id' } }],
      }),
    );
    expect(messageText(a)).toBe('mijn casussen');
    expect(messageText(parse(act.message(user, '  meld  ')))).toBe('meld');
    expect(messageText(parse(act.message(user, 'a < b en c > d')))).toBe('a < b en c > d');
  });

  it('turns message HTML into plain text with line breaks', () => {
    expect(htmlToText('<div>Eén&amp;twee<br/>drie &lt;vier&gt; &#233;&#x20AC;</div><p>vijf</p>')).toBe('Eén&twee\ndrie <vier> é€\nvijf');
    expect(htmlToText('&bogus; &#99999999;')).toBe('&bogus; &#99999999;');
  });

  it('takes the Entra id, and in local mode only the Emulator user id as a stand-in', () => {
    const teams = parse(act.message({ ...user, aadObjectId: user.aadObjectId.toUpperCase() }, 'x'));
    expect(aadObjectIdOf(teams, false)).toBe(user.aadObjectId);
    const emulator = parse({ ...act.message(user, 'x'), from: { id: 'F3C6C9A2-7D4B-4E6B-9D2A-1B2C3D4E5F60', name: 'User' }, conversation: { id: 'c1|livechat' }, channelData: undefined });
    expect(aadObjectIdOf(emulator, true)).toBe('f3c6c9a2-7d4b-4e6b-9d2a-1b2c3d4e5f60');
    expect(aadObjectIdOf(emulator, false)).toBeUndefined();
    expect(isPersonal(emulator, true)).toBe(true);
    expect(isPersonal(emulator, false)).toBe(false);
    expect(tenantIdOf(teams)).toBe('72f988bf-0000-4000-8000-00000000aaaa');
    expect(tenantIdOf(emulator)).toBeUndefined();
  });
});

describe('connector failures', () => {
  const restError = (statusCode: number, headers: Record<string, string> = {}) =>
    Object.assign(new Error('x'), { name: 'RestError', statusCode, code: 'Code', response: { headers: { get: (n: string) => headers[n.toLowerCase()] } } });

  it('reads Retry-After in seconds or as a date', () => {
    expect(retryAfterMs('7')).toBe(7000);
    expect(retryAfterMs('0.5')).toBe(500);
    expect(retryAfterMs(new Date(Date.UTC(2030, 0, 1, 0, 0, 30)).toUTCString(), Date.UTC(2030, 0, 1))).toBe(30_000);
    expect(retryAfterMs('soon')).toBeUndefined();
    expect(retryAfterMs(undefined)).toBeUndefined();
  });

  it('maps 429, 403, 404, 5xx and network errors', () => {
    expect(toSendFailure(restError(429, { 'retry-after': '12' }))).toMatchObject({ retryAfterMs: 12_000, permanent: false });
    expect(toSendFailure(restError(429))).toMatchObject({ retryAfterMs: undefined, permanent: false });
    expect(toSendFailure(restError(403))).toMatchObject({ permanent: true });
    expect(toSendFailure(restError(404))).toMatchObject({ permanent: true });
    expect(toSendFailure(restError(502))).toMatchObject({ permanent: false, message: 'teams: 502 Code' });
    expect(toSendFailure(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))).toMatchObject({ permanent: false, message: 'teams: Error: ECONNREFUSED' });
    expect(toSendFailure('weird')).toMatchObject({ name: 'SendFailure', permanent: false });
  });
});

describe('local mode takes requests from this machine only', () => {
  it('knows loopback addresses', () => {
    expect(['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1'].map(isLoopback)).toEqual([true, true, true, true]);
    expect(['10.0.0.5', '::ffff:192.168.1.2', '2001:db8::1', '', undefined, '1127.0.0.1'].map(isLoopback)).toEqual([false, false, false, false, false, false]);
  });
});

describe('the body reader', () => {
  it('refuses a streamed body over the limit with 413 without keeping it, and bad JSON with 400', async () => {
    const results: unknown[] = [];
    const server = createServer(async (req, res) => {
      const r = await readJsonBody(req, 1000);
      results.push(r);
      res.writeHead(r.ok ? 200 : r.status).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    try {
      const big = new ReadableStream({
        start(c) {
          for (let i = 0; i < 20; i++) c.enqueue(new TextEncoder().encode('x'.repeat(100)));
          c.close();
        },
      });
      const streamed = await fetch(url, { method: 'POST', body: big, duplex: 'half' } as RequestInit);
      expect(streamed.status).toBe(413);
      expect((await fetch(url, { method: 'POST', body: '{"a":' })).status).toBe(400);
      expect((await fetch(url, { method: 'POST', body: '{"a":1}' })).status).toBe(200);
      expect(results.at(-1)).toEqual({ ok: true, json: { a: 1 } });
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe('a conversation that fails', () => {
  it('answers with a polite card, logs no content, keeps serving', async () => {
    const boom = async () => {
      throw new Error('secret sketch text in an error');
    };
    const conversation: Conversation = {
      text: boom,
      action: boom,
      openForm: boom,
      check: boom,
      submit: boom,
      home: boom,
      notification: () => {
        throw new Error('x');
      },
      checkIn: () => {
        throw new Error('x');
      },
    };
    const logger = recordingLogger();
    const store = new MemoryStore(createSeedStore(new Date()));
    const connector = await startFakeConnector();
    const platform = await createTeamsPlatform({ appType: 'MultiTenant' }, { conversation, store, clock: systemClock, logger, onChange: () => undefined });
    const server = await startServer(platform.routes, { port: 0, host: '127.0.0.1', logger });
    try {
      const a = activities(connector.url);
      expect((await post(`${server.url}/api/messages`, a.message(user, 'meld'))).status).toBe(200);
      const [call] = await connector.waitForCalls(1);
      const card = call!.body.attachments[0].content;
      expectValidCard(card);
      expect(cardText(card)).toContain(teamsMsg.unexpected());

      const invoke = await post(`${server.url}/api/messages`, a.cardAction(user, 'cases.mine', { verb: 'cases.mine', value: '' }));
      expect(invoke.status).toBe(200);
      expect(cardText(invoke.json().value)).toContain(teamsMsg.unexpected());
      const task = await post(`${server.url}/api/messages`, a.fetchTask(user, '<p>tekst</p>'));
      expect(task.json().task).toMatchObject({ type: 'message', value: teamsMsg.unexpected() });

      expect(logger.calls.some((c) => c.level === 'error')).toBe(true);
      expect(JSON.stringify(logger.calls)).not.toContain('secret sketch');
      // The fake connector saw nothing else; the server still answers.
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    } finally {
      await server.close();
      await connector.close();
    }
  });

  it('a reply that cannot reach Teams fails the request, not the server', async () => {
    const logger = recordingLogger();
    const store = new MemoryStore(createSeedStore(new Date()));
    const conversation = { text: async () => ({ kind: 'message', tone: 'info', text: ['hallo'] }) } as unknown as Conversation;
    const platform = await createTeamsPlatform({ appType: 'MultiTenant' }, { conversation, store, clock: systemClock, logger, onChange: () => undefined });
    const server = await startServer(platform.routes, { port: 0, host: '127.0.0.1', logger });
    try {
      // A serviceUrl where nothing listens.
      const dead = createServer();
      await new Promise<void>((resolve) => dead.listen(0, '127.0.0.1', resolve));
      const deadUrl = `http://127.0.0.1:${(dead.address() as AddressInfo).port}`;
      await new Promise<void>((resolve) => dead.close(() => resolve()));
      const started = Date.now();
      const r = await post(`${server.url}/api/messages`, activities(deadUrl).message(user, 'hallo'));
      expect(r.status).toBe(200);
      expect(Date.now() - started).toBeLessThan(3000); // no built-in retries

      expect(logger.calls.some((c) => c.level === 'error' && JSON.stringify(c.obj).includes('teams'))).toBe(true);
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
