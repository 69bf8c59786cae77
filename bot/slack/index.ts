/**
 * The Slack platform: a Bolt app whose listeners drive the Conversation, an
 * HTTP route for the shared server (`POST /slack/events`, v0 signatures
 * checked by Bolt's HTTPReceiver) or Socket Mode when an app token is
 * given, and the outbound channel for proactive messages. Bolt is imported
 * only here, when the platform is created, so `lla` itself starts fast.
 *
 *   const slack = await createSlackPlatform({ botToken, signingSecret, appToken?, apiUrl? }, deps);
 *   server mounts slack.routes; await slack.start(); … await slack.stop();
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger as BoltLogger, LogLevel, webApi } from '@slack/bolt';
import type { BotLogger } from '../conversation/types.js';
import type { Platform, PlatformDeps, Route } from '../platform.js';
import { readBody } from '../http-body.js';
import { createWorkGate, type WorkGateOptions } from '../work-gate.js';
import { errorSummary } from './errors.js';
import { createIdentity } from './identity.js';
import { registerListeners } from './listeners.js';
import { createSlackOutbound } from './outbound.js';

export interface SlackConfig {
  /** `SLACK_BOT_TOKEN` (xoxb-…). */
  botToken: string;
  /** `SLACK_SIGNING_SECRET`: checks the v0 signature of every HTTP request. Required in HTTP mode, unused with Socket Mode. */
  signingSecret?: string;
  /** `SLACK_APP_TOKEN` (xapp-…): when set, Socket Mode instead of the HTTP route. */
  appToken?: string;
  /** `SLACK_API_URL`: another Web API base URL (tests: a local fake), ending in `/`. */
  apiUrl?: string;
}

/** Knobs for tests; the defaults are what production wants. */
export interface SlackPlatformOptions {
  /** How long a listener waits for the conversation before acknowledging without the result. Default 2000 ms (Slack allows 3 s). */
  ackDeadlineMs?: number;
  /** Largest request body accepted on the route; larger gets 413. Default 1 MiB. */
  bodyLimitBytes?: number;
  /** How long an unknown Slack user is left alone before `users.info` is asked again. Default 10 minutes. */
  retryUnknownMs?: number;
  /** The gate acknowledged interactions compute through (bot/work-gate.ts). Default: one at a time, 200 ms at most each. */
  workGate?: WorkGateOptions;
}

export const SLACK_EVENTS_PATH = '/slack/events';

/** Bolt's logger interface on top of the bot's structured logger. Bolt's debug chatter (which can echo payloads) is dropped. */
function boltLogger(logger: BotLogger, levels: typeof LogLevel): BoltLogger {
  let level: LogLevel = levels.INFO;
  const line = (parts: unknown[]) => parts.map((p) => (p instanceof Error ? p.name : typeof p === 'string' ? p : typeof p)).join(' ');
  return {
    debug: () => undefined,
    info: (...parts) => logger.info({ platform: 'slack', source: 'bolt' }, line(parts)),
    warn: (...parts) => logger.warn({ platform: 'slack', source: 'bolt' }, line(parts)),
    error: (...parts) => logger.error({ platform: 'slack', source: 'bolt' }, line(parts)),
    setLevel: (l) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}

/**
 * Whether the body's JSON (the `payload` field of a form, or the body) is an
 * object, when it is JSON at all. Bolt reads `body.ssl_check` of whatever it
 * parsed in a promise nobody awaits: a signed `payload=null` would end the
 * process (found by the resilience suite).
 */
function parsesToObjectOrNotAtAll(raw: Buffer, contentType: string | undefined): boolean {
  try {
    const text = raw.toString('utf8');
    const json = contentType?.split(';')[0]?.trim() === 'application/x-www-form-urlencoded' ? new URLSearchParams(text).get('payload') : text;
    if (json === null) return true;
    const value: unknown = JSON.parse(json);
    return typeof value === 'object' && value !== null;
  } catch {
    return true; // not JSON: Bolt answers that itself
  }
}

function reply(res: ServerResponse, status: number): void {
  if (res.headersSent) return;
  res.writeHead(status);
  res.end();
}

export async function createSlackPlatform(config: SlackConfig, deps: PlatformDeps, options: SlackPlatformOptions = {}): Promise<Platform> {
  const bolt = await import('@slack/bolt');
  const { logger } = deps;
  const log = boltLogger(logger, bolt.LogLevel);
  const socketMode = Boolean(config.appToken);

  const clientOptions: webApi.WebClientOptions = {
    // A 429 is thrown at once (with its Retry-After) instead of Bolt waiting it out: the dispatcher backs off.
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 2, factor: 2, minTimeout: 200, maxTimeout: 1000 },
    timeout: 10_000,
  };
  if (config.apiUrl) clientOptions.slackApiUrl = config.apiUrl;

  // The bot's config check reports a missing secret to the person starting it; this guards the code path.
  if (!config.appToken && !config.signingSecret) throw new Error('createSlackPlatform: HTTP mode needs the signing secret');
  const receiver = config.appToken
    ? new bolt.SocketModeReceiver({ appToken: config.appToken, logger: log, installerOptions: { clientOptions: { ...clientOptions } } })
    : new bolt.HTTPReceiver({
        signingSecret: config.signingSecret ?? '',
        endpoints: SLACK_EVENTS_PATH,
        logger: log,
        processBeforeResponse: false,
        bodyLimit: options.bodyLimitBytes ?? 1024 * 1024,
      });

  const app = new bolt.App({
    token: config.botToken,
    receiver,
    logger: log,
    clientOptions,
    // auth.test runs in start(), not here: creating the platform touches no network.
    deferInitialization: true,
  });
  app.error(async (err) => {
    logger.error({ platform: 'slack', err: errorSummary(err) }, 'slack app error');
  });

  registerListeners(app, {
    conversation: deps.conversation,
    identity: createIdentity({ store: deps.store, clock: deps.clock, logger, retryUnknownMs: options.retryUnknownMs }),
    logger,
    onChange: deps.onChange,
    ackDeadlineMs: options.ackDeadlineMs ?? 2000,
    gate: createWorkGate(options.workGate),
  });

  let state: 'created' | 'starting' | 'running' | 'stopped' = 'created';
  let starting: Promise<void> | undefined;

  const routes: Route[] = [];
  if (receiver instanceof bolt.HTTPReceiver) {
    const listener = receiver.requestListener;
    routes.push({
      method: 'POST',
      path: SLACK_EVENTS_PATH,
      async handler(req: IncomingMessage, res: ServerResponse) {
        if (state === 'starting') await starting?.catch(() => undefined);
        if (state !== 'running') {
          req.resume();
          reply(res, 503);
          return;
        }
        // Read the body here (Bolt takes a body that is already read) to refuse what would crash Bolt.
        const raw = await readBody(req, options.bodyLimitBytes ?? 1024 * 1024);
        if (raw === null) {
          reply(res, 413);
          return;
        }
        if (!parsesToObjectOrNotAtAll(raw, req.headers['content-type'])) {
          reply(res, 400);
          return;
        }
        (req as IncomingMessage & { rawBody?: Buffer }).rawBody = raw;
        try {
          listener(req, res);
        } catch (err) {
          logger.warn({ platform: 'slack', err: errorSummary(err) }, 'slack request not handled');
          reply(res, 404);
        }
      },
    });
  }

  return {
    name: 'slack',
    routes,
    outbound: createSlackOutbound(app.client, logger),
    async start() {
      if (state === 'running' || state === 'starting') return starting;
      state = 'starting';
      starting = (async () => {
        try {
          await app.init(); // auth.test: a wrong token fails here, loudly
          if (socketMode) await app.start();
          state = 'running';
          logger.info({ platform: 'slack', mode: socketMode ? 'socket' : 'http', path: socketMode ? undefined : SLACK_EVENTS_PATH }, 'slack started');
        } catch (err) {
          state = 'created';
          logger.error({ platform: 'slack', err: errorSummary(err) }, 'slack did not start');
          throw err;
        }
      })();
      return starting;
    },
    async stop() {
      const was = state;
      state = 'stopped';
      if (socketMode && was === 'running') await app.stop();
    },
  };
}
