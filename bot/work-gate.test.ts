import { describe, expect, it } from 'vitest';
import { createWorkGate } from './work-gate.js';

/** A promise with its resolve/reject at hand. */
function deferred<T = void>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Let every pending immediate and microtask run (bounded). */
async function settle(rounds = 10): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise<void>((r) => setImmediate(r));
}

describe('work gate', () => {
  it('runs at most `limit` at once, the rest in arrival order', async () => {
    const gate = createWorkGate({ limit: 2, holdMs: 60_000 });
    const started: number[] = [];
    const finish = [deferred(), deferred(), deferred(), deferred()];
    const runs = finish.map((d, i) =>
      gate.run(async () => {
        started.push(i);
        await d.promise;
        return i * 10;
      }),
    );
    await settle();
    expect(started).toEqual([0, 1]);
    expect([gate.active, gate.waiting]).toEqual([2, 2]);

    finish[1]!.resolve();
    await settle();
    expect(started).toEqual([0, 1, 2]);
    expect([gate.active, gate.waiting]).toEqual([2, 1]);

    finish[0]!.resolve();
    finish[2]!.resolve();
    finish[3]!.resolve();
    expect(await Promise.all(runs)).toEqual([0, 10, 20, 30]);
    expect(started).toEqual([0, 1, 2, 3]);
    expect([gate.active, gate.waiting]).toEqual([0, 0]);
  });

  it('does not start work in the turn that asked for it: pending I/O callbacks come first', async () => {
    const gate = createWorkGate({ limit: 1, holdMs: 60_000 });
    const order: string[] = [];
    const run = gate.run(async () => void order.push('work'));
    // The rest of this turn, microtasks included, runs before the work.
    for (let i = 0; i < 50; i++) await Promise.resolve();
    order.push('turn');
    await run;
    expect(order).toEqual(['turn', 'work']);
  });

  it('frees the place when the work fails, and passes the failure on', async () => {
    const gate = createWorkGate({ limit: 1, holdMs: 60_000 });
    await expect(gate.run(async () => Promise.reject(new Error('kapot')))).rejects.toThrow('kapot');
    await expect(gate.run(() => Promise.resolve('daarna'))).resolves.toBe('daarna');
    expect([gate.active, gate.waiting]).toEqual([0, 0]);
  });

  it('a computation that holds its place longer than holdMs gives it to the next and still finishes', async () => {
    const gate = createWorkGate({ limit: 1, holdMs: 30 });
    const slow = deferred<string>();
    const order: string[] = [];
    const first = gate.run(async () => {
      order.push('slow start');
      const v = await slow.promise;
      order.push('slow end');
      return v;
    });
    const second = gate.run(async () => void order.push('quick'));
    await second; // did not wait for `slow`
    expect(order).toEqual(['slow start', 'quick']);
    expect([gate.active, gate.waiting]).toEqual([0, 0]);
    slow.resolve('klaar');
    expect(await first).toBe('klaar');
    expect(order).toEqual(['slow start', 'quick', 'slow end']);
    // Finishing after giving up the place does not free a second one.
    expect([gate.active, gate.waiting]).toEqual([0, 0]);
  });

  it('refuses a limit that is not a whole number of at least 1, and a hold time that is not positive', () => {
    for (const bad of [0, -1, 1.5, Number.NaN]) expect(() => createWorkGate({ limit: bad })).toThrow(RangeError);
    for (const bad of [0, -5, Number.NaN, Number.POSITIVE_INFINITY]) expect(() => createWorkGate({ holdMs: bad })).toThrow(RangeError);
  });
});
