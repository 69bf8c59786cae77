/**
 * The gate that chat work passes after its acknowledgement. Slack wants an
 * ack within 3 s and measures the bot by it; when many requests arrive
 * together, each ack would otherwise queue behind the conversations (store
 * reads, rendering) of the requests that came in just before it. Through
 * the gate `limit` computations run at once (default one), and each starts
 * only after the I/O already waiting has been handled (setImmediate), so
 * the acks go out first and the work follows in arrival order.
 *
 * A computation that holds its place longer than `holdMs` is waiting for
 * something (the store's lock held by the CLI, a slow Web API on first
 * contact), not computing: it gives its place to the next one and finishes
 * outside the count, so nobody waits in line behind a wait.
 *
 * Only the computing part goes through the gate; the network call that
 * delivers the answer runs outside it.
 *
 *   const gate = createWorkGate();
 *   const view = await gate.run(() => conversation.text(turn, text));
 */
export interface WorkGate {
  run<T>(fn: () => Promise<T>): Promise<T>;
  /** Computations holding a place now. */
  readonly active: number;
  /** Computations waiting for a place. */
  readonly waiting: number;
}

export interface WorkGateOptions {
  /** Places. Default 1. */
  limit?: number;
  /** After this long a computation gives up its place (it keeps running). Default 200 ms. */
  holdMs?: number;
}

export const DEFAULT_WORK_GATE: Required<WorkGateOptions> = { limit: 1, holdMs: 200 };

export function createWorkGate(options: WorkGateOptions = {}): WorkGate {
  const { limit, holdMs } = { ...DEFAULT_WORK_GATE, ...options };
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`createWorkGate: limit must be a whole number ≥ 1, got ${limit}`);
  if (!Number.isFinite(holdMs) || holdMs <= 0) throw new RangeError(`createWorkGate: holdMs must be a positive number, got ${holdMs}`);
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
      let held = true;
      const release = () => {
        if (!held) return;
        held = false;
        leave();
      };
      const timer = setTimeout(release, holdMs);
      try {
        return await fn();
      } finally {
        clearTimeout(timer);
        release();
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
