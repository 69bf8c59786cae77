/**
 * The Slack outbound channel: a direct message from the app to the person's
 * Slack user id (chat.postMessage with the user id as channel opens the DM).
 * Failures become `SendFailure`s; a 429 carries its Retry-After so the
 * dispatcher backs off. It never throws anything else.
 */
import type { Person } from '../../core/index.js';
import type { BotLogger } from '../conversation/types.js';
import type { MessageView } from '../conversation/view.js';
import { SendFailure, type OutboundChannel } from '../outbound.js';
import { errorSummary, toSendFailure } from './errors.js';
import { renderMessage } from './render.js';

/** The one Web API call this module makes. */
export interface PostMessageClient {
  chat: { postMessage(args: { channel: string; text: string; blocks: unknown[] }): Promise<unknown> };
}

export function createSlackOutbound(client: PostMessageClient, logger: BotLogger): OutboundChannel {
  return {
    platform: 'slack',
    canReach: (person: Person) => Boolean(person.slackUserId),
    async send(person: Person, view: MessageView) {
      if (!person.slackUserId) throw new SendFailure('slack: no user id', undefined, true);
      const started = Date.now();
      try {
        await client.chat.postMessage({ channel: person.slackUserId, ...renderMessage(view) });
        logger.debug({ platform: 'slack', personId: person.id, ms: Date.now() - started }, 'message sent');
      } catch (err) {
        const failure = toSendFailure(err);
        logger.warn(
          { platform: 'slack', personId: person.id, err: errorSummary(err), retryAfterMs: failure.retryAfterMs, permanent: failure.permanent },
          'message not sent',
        );
        throw failure;
      }
    },
  };
}
