/**
 * Child process for data/lock.test.ts. Run with
 *   node --import tsx test/helpers/lock-counter.ts count <lockPath> <counterPath> <iterations>
 *     Increment the integer in <counterPath> <iterations> times, each time
 *     under the lock: read, parse, small random delay, write.
 *   node --import tsx test/helpers/lock-counter.ts hold <lockPath>
 *     Take the lock, print "locked" on stdout and hang (until killed, at most 60 s).
 */

import { readFile, writeFile } from 'node:fs/promises';
import { acquireLock, withLock } from '../../data/lock.js';

const LOCK_OPTIONS = { timeoutMs: 50_000 };

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function count(lockPath: string, counterPath: string, iterations: number): Promise<void> {
  for (let i = 0; i < iterations; i++) {
    await withLock(
      lockPath,
      async () => {
        const text = await readFile(counterPath, 'utf8').catch(() => '0');
        const value = Number.parseInt(text, 10) || 0;
        // Widen the race window: without the lock, increments would be lost.
        await sleep(Math.random() * 2);
        await writeFile(counterPath, String(value + 1));
      },
      LOCK_OPTIONS,
    );
  }
}

async function hold(lockPath: string): Promise<void> {
  await acquireLock(lockPath, LOCK_OPTIONS);
  process.stdout.write('locked\n');
  // Keep the process (and the lock) alive; the test kills us with SIGKILL.
  await sleep(60_000);
}

async function main(): Promise<void> {
  const [mode, lockPath, counterPath, iterations] = process.argv.slice(2);
  if (mode === 'count' && lockPath && counterPath && iterations) {
    await count(lockPath, counterPath, Number(iterations));
  } else if (mode === 'hold' && lockPath) {
    await hold(lockPath);
  } else {
    throw new Error('usage: lock-counter.ts count <lock> <counter> <n> | hold <lock>');
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
