/**
 * Who speaks: a Slack user id becomes the conversation's Turn. On first
 * contact with an id no person has, the bot asks Slack for the account's
 * e-mail (`users.info`, scope users:read.email) and lets the core link it to
 * the active person with that address, so someone the kwartiermaker added by
 * e-mail is recognised without further ado.
 */
import { LlaError, linkChatIdentity, SYSTEM, whoAmI, type Clock, type StorePort } from '../../core/index.js';
import type { BotLogger, Turn } from '../conversation/types.js';
import { errorSummary } from './errors.js';

/** The one Web API call this module makes. */
export interface UsersInfoClient {
  users: {
    info(args: { user: string }): Promise<{ user?: { is_bot?: boolean; deleted?: boolean; profile?: { email?: string } } }>;
  };
}

export interface IdentityDeps {
  store: StorePort;
  clock: Clock;
  logger: BotLogger;
  /** How long an id that could not be linked is left alone before asking Slack again. */
  retryUnknownMs?: number;
}

export interface Identity {
  turnFor(userId: string, client: UsersInfoClient): Promise<Turn>;
}

export function createIdentity(deps: IdentityDeps): Identity {
  const { store, clock, logger } = deps;
  const retryMs = deps.retryUnknownMs ?? 10 * 60_000;
  const known = new Set<string>();
  const triedAt = new Map<string, number>();

  async function isKnown(userId: string): Promise<boolean> {
    try {
      return (await whoAmI({ actor: { slackUserId: userId }, channel: 'slack', clock, store })) !== null;
    } catch (err) {
      if (err instanceof LlaError && err.code === 'unknownPerson') return false;
      throw err;
    }
  }

  async function link(userId: string, client: UsersInfoClient): Promise<void> {
    const now = clock.now().getTime();
    const last = triedAt.get(userId);
    if (last !== undefined && now - last < retryMs) return;
    triedAt.set(userId, now);
    try {
      const { user } = await client.users.info({ user: userId });
      const email = user?.profile?.email;
      if (!email || user?.is_bot || user?.deleted) {
        logger.info({ platform: 'slack', hasEmail: Boolean(email) }, 'unknown chat account not linked');
        return;
      }
      const person = await linkChatIdentity({ actor: SYSTEM, channel: 'slack', clock, store }, { platform: 'slack', externalId: userId, email });
      if (person) {
        known.add(userId);
        triedAt.delete(userId);
        logger.info({ platform: 'slack', personId: person.id }, 'chat account linked');
      } else {
        logger.info({ platform: 'slack' }, 'unknown chat account not linked');
      }
    } catch (err) {
      logger.warn({ platform: 'slack', err: errorSummary(err) }, 'chat account lookup failed');
    }
  }

  return {
    async turnFor(userId, client) {
      const turn: Turn = { actor: { slackUserId: userId }, channel: 'slack' };
      if (known.has(userId)) return turn;
      if (await isKnown(userId)) known.add(userId);
      else await link(userId, client);
      return turn;
    },
  };
}
