/**
 * The notification outbox. Use-cases append notifications inside their
 * transaction (so a change and its notification are written together); the
 * bot delivers them through its outbound port and marks them here. The
 * message itself is rendered at send time by the bot's conversation layer
 * (`bot/conversation/notifications.ts`) from the ids in `params`.
 */
import { z } from 'zod';
import { mutate, parseInput, query, type Context } from '../context.js';
import { forbidden, notFound } from '../errors.js';
import type { Notification } from '../schema.js';

/** After this many failed attempts a notification is no longer retried. */
export const MAX_ATTEMPTS = 8;

/** Notifications not yet delivered, oldest first (system actor: the bot). */
export function pendingNotifications(ctx: Context, options: { limit?: number } = {}): Promise<Notification[]> {
  return query(ctx, (data, actor) => {
    if (actor.kind !== 'system') throw forbidden('meldingen afleveren');
    const pending = data.outbox.filter((n) => !n.sentAt && n.attempts < MAX_ATTEMPTS);
    return (options.limit ? pending.slice(0, options.limit) : pending);
  });
}

const DeliveryInput = z.object({
  id: z.string().regex(/^N-\d{6,}$/),
  error: z.string().max(500).optional(),
  /** The error cannot be cured by retrying (the person left the workspace, the bot was removed): stop retrying. */
  permanent: z.boolean().optional(),
});

/**
 * Record a delivery attempt: sent when no error is given, else the error
 * (without free text) is kept; a permanent error ends the retries.
 */
export function recordDelivery(ctx: Context, input: z.input<typeof DeliveryInput>): Promise<Notification> {
  const parsed = parseInput(DeliveryInput, input);
  return mutate(ctx, (tx) => {
    if (tx.actor.kind !== 'system') throw forbidden('meldingen afleveren');
    const n = tx.data.outbox.find((x) => x.id === parsed.id);
    if (!n) throw notFound('Melding', parsed.id, 'id');
    n.attempts += 1;
    if (parsed.error === undefined) {
      n.sentAt = tx.nowIso;
      delete n.lastError;
    } else {
      n.lastError = parsed.error;
      if (parsed.permanent) n.attempts = Math.max(n.attempts, MAX_ATTEMPTS);
    }
    return n;
  });
}
