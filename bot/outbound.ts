/**
 * The outbound port: how the bot reaches a person proactively. Each platform
 * provides an `OutboundChannel`; the dispatcher picks the person's platform.
 */
import type { Person } from '../core/index.js';
import type { MessageView } from './conversation/view.js';

export type PlatformName = 'slack' | 'teams';

export interface OutboundChannel {
  readonly platform: PlatformName;
  /** Whether this channel has an address for the person (Slack user id, Teams conversation reference). */
  canReach(person: Person): boolean;
  /** Send a message to the person. Throws `SendFailure` when it did not arrive. */
  send(person: Person, view: MessageView): Promise<void>;
}

/** A message that did not arrive. `retryAfterMs` from a 429's Retry-After; `permanent` when retrying cannot help. */
export class SendFailure extends Error {
  constructor(
    message: string,
    readonly retryAfterMs?: number,
    readonly permanent = false,
  ) {
    super(message);
    this.name = 'SendFailure';
  }
}
