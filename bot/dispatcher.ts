/**
 * Delivers the notification outbox through the outbound port. Use-cases
 * queue notifications in the same transaction as the change; the dispatcher
 * reads what is pending, renders each through the conversation layer, picks
 * the recipient's platform (the first channel that can reach them) and
 * records the outcome in the store.
 *
 * Failures never crash the bot: a failed send is recorded and retried with
 * exponential backoff (or after the platform's Retry-After on a 429, which
 * also pauses that platform); a permanent failure ends the retries. A
 * message that was sent is never sent again by this process, even when
 * recording the delivery failed (the record is retried instead).
 */
import { recordDelivery, pendingDeliveries, SYSTEM, type Clock, type Context, type StorePort } from '../core/index.js';
import type { BotLogger, Conversation } from './conversation/types.js';
import { SendFailure, type OutboundChannel, type PlatformName } from './outbound.js';

export interface DispatcherDeps {
  store: StorePort;
  clock: Clock;
  logger: BotLogger;
  conversation: Conversation;
  /** In order of preference: the first that can reach a person is used. */
  channels: OutboundChannel[];
  /** Wall clock for backoff, in ms (tests pass a fake). */
  nowMs?: () => number;
  /** First retry delay; doubles per attempt. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Notifications handled per run. */
  batchSize?: number;
}

export interface RunStats {
  sent: number;
  failed: number;
  /** Pending for people no configured platform can reach (left pending). */
  unreachable: number;
  /** Waiting for their backoff or a paused platform. */
  deferred: number;
}

export interface Dispatcher {
  runOnce(): Promise<RunStats>;
  /** Run soon (coalesces many kicks into one run). */
  kick(): void;
  start(intervalMs?: number): void;
  stop(): Promise<void>;
}

export function createDispatcher(deps: DispatcherDeps): Dispatcher {
  const nowMs = deps.nowMs ?? Date.now;
  const base = deps.baseDelayMs ?? 2_000;
  const max = deps.maxDelayMs ?? 10 * 60_000;
  const ctx: Context = { actor: SYSTEM, channel: 'system', clock: deps.clock, store: deps.store };
  const retryAt = new Map<string, number>();
  const pausedUntil = new Map<PlatformName, number>();
  /** Sent, but the store does not know yet: never send these again. */
  const sentUnrecorded = new Set<string>();
  let inFlight: Promise<RunStats> | undefined;
  let rerun = false;
  let timer: NodeJS.Timeout | undefined;
  let kickTimer: NodeJS.Timeout | undefined;
  let stopped = false;

  async function record(id: string, failure?: SendFailure): Promise<boolean> {
    try {
      if (failure) await recordDelivery(ctx, { id, error: failure.message.slice(0, 500), permanent: failure.permanent });
      else await recordDelivery(ctx, { id });
      return true;
    } catch (err) {
      deps.logger.error({ notificationId: id, err: errorName(err) }, 'delivery not recorded');
      return false;
    }
  }

  async function run(): Promise<RunStats> {
    const stats: RunStats = { sent: 0, failed: 0, unreachable: 0, deferred: 0 };
    let deliveries;
    try {
      deliveries = await pendingDeliveries(ctx, { limit: deps.batchSize ?? 50 });
    } catch (err) {
      deps.logger.error({ err: errorName(err) }, 'outbox not readable');
      return stats;
    }
    for (const d of deliveries) {
      const id = d.notification.id;
      if (sentUnrecorded.has(id)) {
        if (await record(id)) sentUnrecorded.delete(id);
        continue;
      }
      const channel = deps.channels.find((c) => c.canReach(d.recipient));
      if (!channel) {
        stats.unreachable += 1;
        continue;
      }
      const now = nowMs();
      if ((retryAt.get(id) ?? 0) > now || (pausedUntil.get(channel.platform) ?? 0) > now) {
        stats.deferred += 1;
        continue;
      }
      const log = { notificationId: id, kind: d.notification.kind, platform: channel.platform, recipientId: d.recipient.id };
      try {
        await channel.send(d.recipient, deps.conversation.notification(d));
      } catch (err) {
        const failure = err instanceof SendFailure ? err : new SendFailure(errorName(err));
        const attempts = d.notification.attempts + 1;
        const delay = failure.retryAfterMs ?? Math.min(max, base * 2 ** (attempts - 1));
        retryAt.set(id, now + delay);
        if (failure.retryAfterMs !== undefined) pausedUntil.set(channel.platform, now + failure.retryAfterMs);
        stats.failed += 1;
        deps.logger.warn({ ...log, attempts, retryInMs: failure.permanent ? null : delay, permanent: failure.permanent, error: failure.message }, 'send failed');
        await record(id, failure);
        continue;
      }
      retryAt.delete(id);
      stats.sent += 1;
      deps.logger.info(log, 'notification sent');
      if (!(await record(id))) sentUnrecorded.add(id);
    }
    return stats;
  }

  function runOnce(): Promise<RunStats> {
    if (inFlight) {
      rerun = true;
      return inFlight;
    }
    inFlight = run().finally(() => {
      inFlight = undefined;
      if (rerun && !stopped) {
        rerun = false;
        void runOnce();
      }
    });
    return inFlight;
  }

  return {
    runOnce,
    kick() {
      if (stopped || kickTimer) return;
      kickTimer = setTimeout(() => {
        kickTimer = undefined;
        void runOnce();
      }, 50);
    },
    start(intervalMs = 5_000) {
      stopped = false;
      timer ??= setInterval(() => void runOnce(), intervalMs);
      void runOnce();
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      if (kickTimer) clearTimeout(kickTimer);
      timer = kickTimer = undefined;
      await inFlight;
    },
  };
}

/** An error's name or code, never its payload (which might echo free text). */
export function errorName(err: unknown): string {
  if (err instanceof Error) return (err as { code?: unknown }).code ? `${err.name}: ${String((err as { code?: unknown }).code)}` : err.name;
  return typeof err;
}
