/**
 * The gate that chat work passes after its acknowledgement. Slack wants an
 * ack within 3 s and measures the bot by it; when many requests arrive
 * together, each ack would otherwise queue behind the conversations (store
 * reads, rendering) of the requests that came in just before it. Through
 * the gate at most `limit` of those computations run at once, and each one
 * starts only after the I/O already waiting has been handled (setImmediate),
 * so the acks go out first and the work follows in arrival order.
 *
 * Only the computing part goes through the gate; the network call that
 * delivers the answer runs outside it, so a slow Web API does not hold
 * others up.
 *
 *   const gate = createWorkGate(2);
 *   const view = await gate.run(() => conversation.text(turn, text));
 */
export interface WorkGate {
  run<T>(fn: () => Promise<T>): Promise<T>;
  /** Computations running now. */
  readonly active: number;
  /** Computations waiting for a place. */
  readonly waiting: number;
}

export const DEFAULT_WORK_CONCURRENCY = 2;

export function createWorkGate(limit: number = DEFAULT_WORK_CONCURRENCY): WorkGate {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`createWorkGate: limit must be a whole number ≥ 1, got ${limit}`);
  let active = 0;
  const queue: Array<() => void> = [];

  const afterPendingIo = () => new Promise<void>((resolve) => setImmediate(resolve));

  async function enter(): Promise<void> {
    await afterPendingIo();
    if (active < limit && queue.length === 0) {
      active++;
      return;
    }
    // The place is handed over by `leave`, so `active` stays counted.
    await new Promise<void>((resolve) => queue.push(resolve));
  }

  function leave(): void {
    const next = queue.shift();
    if (next) setImmediate(next);
    else active--;
  }

  return {
    async run<T>(fn: () => Promise<T>): Promise<T> {
      await enter();
      try {
        return await fn();
      } finally {
        leave();
      }
    },
    get active() {
      return active;
    },
    get waiting() {
      return queue.length;
    },
  };
}
