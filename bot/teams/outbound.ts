/**
 * The Teams outbound channel: a proactive message into the person's
 * one-to-one chat with the bot, from the conversation reference stored when
 * they last talked to it (`person.teamsConversation`). Failures become
 * `SendFailure`s: 429 with its Retry-After, 403/404 (bot removed, chat gone)
 * permanent; nothing else is thrown.
 */
import type { CloudAdapter, ConversationReference, TurnContext } from 'botbuilder';
import type { Person } from '../../core/index.js';
import type { BotLogger } from '../conversation/types.js';
import type { MessageView } from '../conversation/view.js';
import { errorName } from '../dispatcher.js';
import { SendFailure, type OutboundChannel } from '../outbound.js';
import { attachment, renderMessage } from './render.js';

/** The conversation reference for a proactive message, rebuilt from what the store keeps. */
export function conversationReference(address: NonNullable<Person['teamsConversation']>): Partial<ConversationReference> {
  return {
    serviceUrl: address.serviceUrl,
    channelId: address.channelId,
    conversation: {
      id: address.conversationId,
      isGroup: false,
      conversationType: 'personal',
      name: '',
      ...(address.tenantId ? { tenantId: address.tenantId } : {}),
    },
    bot: { id: address.botId, name: '' },
    user: { id: address.userId, name: '' },
  };
}

/**
 * The connector client retries a 429 itself, waiting for each Retry-After
 * (three times), and a refused connection with growing pauses (about 8 s in
 * all), which would hold the dispatcher for minutes and an invoke past Teams'
 * deadline. Every turn goes without those retries: the dispatcher has its own
 * backoff and gets the Retry-After through `SendFailure`; a reply that fails
 * is logged. Reaches into the client's pipeline (botbuilder-stdlib's
 * ServiceClientContext over @azure/core-client); when that shape changes,
 * sends still work, only with the built-in retries.
 */
export function withoutBuiltInRetries(ctx: TurnContext): void {
  const client = ctx.turnState.get(ctx.adapter.ConnectorClientKey) as { client?: { pipeline?: { removePolicy?: (p: { name: string }) => unknown } } } | undefined;
  client?.client?.pipeline?.removePolicy?.({ name: 'defaultRetryPolicy' });
}

interface HttpishError {
  statusCode?: unknown;
  code?: unknown;
  response?: { headers?: { get?: (name: string) => string | undefined | null } };
}

/** Retry-After (seconds or an HTTP date) in milliseconds. */
export function retryAfterMs(header: string | null | undefined, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

export function toSendFailure(err: unknown): SendFailure {
  const e = (typeof err === 'object' && err !== null ? err : {}) as HttpishError;
  const status = typeof e.statusCode === 'number' ? e.statusCode : undefined;
  const code = typeof e.code === 'string' ? e.code : undefined;
  const what = `teams: ${status ?? errorName(err)}${code && status ? ` ${code}` : ''}`;
  if (status === 429) {
    let header: string | null | undefined;
    try {
      header = e.response?.headers?.get?.('retry-after');
    } catch {
      header = undefined;
    }
    return new SendFailure(what, retryAfterMs(header));
  }
  if (status === 403 || status === 404) return new SendFailure(what, undefined, true);
  return new SendFailure(what);
}

export function createTeamsOutbound(adapter: CloudAdapter, appId: string, logger: BotLogger): OutboundChannel {
  return {
    platform: 'teams',
    canReach: (person: Person) => Boolean(person.teamsConversation),
    async send(person: Person, view: MessageView) {
      const address = person.teamsConversation;
      if (!address) throw new SendFailure('teams: no conversation reference', undefined, true);
      const started = Date.now();
      let failure: unknown;
      try {
        await adapter.continueConversationAsync(appId, conversationReference(address), async (ctx) => {
          withoutBuiltInRetries(ctx);
          try {
            await ctx.sendActivity({ type: 'message', summary: view.title, attachments: [attachment(renderMessage(view))] });
          } catch (err) {
            // Kept here rather than thrown, so an adapter-level onTurnError cannot swallow it.
            failure = err;
          }
        });
      } catch (err) {
        failure = err;
      }
      if (failure === undefined) {
        logger.debug({ platform: 'teams', personId: person.id, ms: Date.now() - started }, 'message sent');
        return;
      }
      const sendFailure = toSendFailure(failure);
      logger.warn(
        { platform: 'teams', personId: person.id, err: sendFailure.message, retryAfterMs: sendFailure.retryAfterMs, permanent: sendFailure.permanent },
        'message not sent',
      );
      throw sendFailure;
    },
  };
}
