/**
 * The Microsoft Teams platform: `POST /api/messages` on the bot's shared
 * server, the proactive outbound channel, and nothing to start or stop.
 *
 * SDK choice: botbuilder's `CloudAdapter` with a plain turn function, not
 * teams-ai's `Application`. The bot's routing is a handful of activity kinds
 * (message, one invoke per card action kind, conversationUpdate), each parsed
 * with zod in `activity.ts`; `Application` would add turn-state storage, an
 * AI planner we do not use, and a verb router we would have to feed every
 * verb, and it loads twice as slowly (about 1 s against 0.5 s here). The
 * adapter still does what matters: JWT authentication of Bot Framework
 * requests, the connector client with its tokens, proactive messages.
 *
 * Without an app id the platform runs in LOCAL MODE: no authentication, for
 * the Bot Framework Emulator (and the tests), which also accepts a proactive
 * message with an empty app id. Requests are then taken from loopback only.
 *
 * botbuilder is loaded in `createTeamsPlatform` (dynamic import) so `lla`
 * starts fast when no bot runs; everything else here imports it as types only.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TurnContext } from 'botbuilder';
import type { TeamsConfig } from '../config.js';
import { errorName } from '../dispatcher.js';
import type { Platform, PlatformDeps } from '../platform.js';
import { ActivitySchema } from './activity.js';
import { createTurnHandler, type TurnIO } from './handlers.js';
import { isLoopback, readJsonBody, requestShim, responseShim, sendJson } from './http.js';
import { createTeamsOutbound, withoutBuiltInRetries } from './outbound.js';
import { attachment } from './render.js';

export const TEAMS_PATH = '/api/messages';

export async function createTeamsPlatform(config: TeamsConfig, deps: PlatformDeps): Promise<Platform> {
  const bb = await import('botbuilder');
  const { logger } = deps;
  const localMode = !config.appId;
  const appId = config.appId ?? '';
  const auth = new bb.ConfigurationBotFrameworkAuthentication(
    localMode
      ? {}
      : {
          MicrosoftAppId: appId,
          MicrosoftAppPassword: config.appPassword ?? '',
          MicrosoftAppType: config.appType ?? 'MultiTenant',
          MicrosoftAppTenantId: config.tenantId ?? '',
        },
  );
  const adapter = new bb.CloudAdapter(auth);
  if (localMode) {
    logger.warn(
      { platform: 'teams', mode: 'local' },
      // The start-up banner says it to the person in Dutch (core/messages-chat/bot.ts); the log line is for operators.
      'Teams local mode: no MICROSOFT_APP_ID, requests are not authenticated; for the Bot Framework Emulator only',
    );
  }

  const handle = createTurnHandler(deps, { localMode });

  const turnIO = (ctx: TurnContext, activity: TurnIO['activity']): TurnIO => ({
    activity,
    async send(card, summary) {
      await ctx.sendActivity({ type: 'message', ...(summary ? { summary } : {}), attachments: [attachment(card)] });
    },
    async update(activityId, card) {
      await ctx.updateActivity({ id: activityId, type: 'message', attachments: [attachment(card)] });
    },
    async memberEmail() {
      const member = await bb.TeamsInfo.getMember(ctx, activity.from.id);
      const email = member.email ?? member.userPrincipalName;
      return email && email.includes('@') ? email : undefined;
    },
  });

  async function logic(ctx: TurnContext): Promise<void> {
    const activity = ActivitySchema.safeParse(ctx.activity);
    if (!activity.success) return; // checked before; the adapter's fix-ups cannot make it worse
    withoutBuiltInRetries(ctx);
    try {
      const reply = await handle(turnIO(ctx, activity.data));
      if (reply) await ctx.sendActivity({ type: bb.ActivityTypes.InvokeResponse, value: reply });
    } catch (err) {
      // Only sending to Teams can fail here (the handler catches the conversation's failures).
      logger.error({ platform: 'teams', type: activity.data.type, err: errorName(err) }, 'activity failed');
      if (activity.data.type === 'invoke') await ctx.sendActivity({ type: bb.ActivityTypes.InvokeResponse, value: { status: 500 } }).catch(() => undefined);
    }
  }

  async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Unauthenticated requests may name any Teams user and any serviceUrl to
    // call back: in local mode only from this machine, where the Emulator runs.
    if (localMode && !isLoopback(req.socket.remoteAddress)) {
      req.resume();
      logger.warn({ platform: 'teams', status: 403, mode: 'local' }, 'request refused: local mode accepts only loopback');
      sendJson(res, 403, { error: 'local mode: loopback only' });
      return;
    }
    const body = await readJsonBody(req);
    if (!body.ok) {
      logger.warn({ platform: 'teams', status: body.status, reason: body.reason }, 'request refused');
      sendJson(res, body.status, { error: body.reason });
      return;
    }
    const activity = ActivitySchema.safeParse(body.json);
    if (!activity.success) {
      const fields = [...new Set(activity.error.issues.map((i) => i.path.join('.') || '(root)'))];
      logger.warn({ platform: 'teams', status: 400, fields }, 'request refused: not an activity');
      sendJson(res, 400, { error: 'not a Bot Framework activity', fields });
      return;
    }
    try {
      await adapter.process(requestShim(req, body.json as Record<string, unknown>), responseShim(res), logic);
    } catch (err) {
      logger.warn({ platform: 'teams', err: errorName(err) }, 'request failed');
      sendJson(res, 400, { error: 'request could not be processed' });
    }
    if (!res.writableEnded) res.end();
  }

  return {
    name: 'teams',
    routes: [{ method: 'POST', path: TEAMS_PATH, handler: onRequest }],
    outbound: createTeamsOutbound(adapter, appId, logger),
    async start() {
      // Nothing to connect: Teams calls the endpoint.
    },
    async stop() {
      // Nothing to close: the shared server owns the socket.
    },
  };
}
