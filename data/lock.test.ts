import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireLock, LockTimeoutError, withLock, type LockOwner } from './lock.js';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const HELPER = path.join(REPO_ROOT, 'test', 'helpers', 'lock-counter.ts');

let dir: string;
let lockPath: string;
const children: ChildProcess[] = [];

beforeEach(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'lla-lock-'));
  lockPath = path.join(dir, 'store.json.lock');
});

afterEach(async () => {
  // Only the children this test file started, by their own handle.
  for (const child of children.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  await fsp.rm(dir, { recursive: true, force: true });
});

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function track(child: ChildProcess): ChildProcess {
  children.push(child);
  return child;
}

function waitForExit(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  }
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
}

/** Pid of a process that has certainly exited. */
async function deadPid(): Promise<number> {
  const child = track(spawn(process.execPath, ['-e', ''], { stdio: 'ignore' }));
  const pid = child.pid;
  if (pid === undefined) throw new Error('spawn failed');
  await waitForExit(child);
  return pid;
}

/** A child that stays alive (max 60 s) until the test kills it. */
function sleepingChild(): ChildProcess {
  return track(spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' }));
}

async function writeLock(owner: Partial<LockOwner> | string, mtime?: Date): Promise<void> {
  const content =
    typeof owner === 'string'
      ? owner
      : JSON.stringify({ pid: 1, host: os.hostname(), token: 't', acquiredAt: new Date().toISOString(), ...owner });
  await fsp.writeFile(lockPath, content);
  if (mtime) await fsp.utimes(lockPath, mtime, mtime);
}

async function readOwner(): Promise<LockOwner> {
  return JSON.parse(await fsp.readFile(lockPath, 'utf8')) as LockOwner;
}

const anHourAgo = (): Date => new Date(Date.now() - 3_600_000);

describe('acquireLock / release', () => {
  it('creates the lock file with the owner record and removes it on release', async () => {
    const handle = await acquireLock(lockPath);
    expect(handle.path).toBe(lockPath);
    const owner = await readOwner();
    expect(owner.pid).toBe(process.pid);
    expect(owner.host).toBe(os.hostname());
    expect(typeof owner.token).toBe('string');
    expect(Number.isNaN(Date.parse(owner.acquiredAt))).toBe(false);

    await handle.release();
    expect(existsSync(lockPath)).toBe(false);
    await handle.release(); // idempotent
    // Only the lock's directory content we expect: no temp files left.
    expect(await fsp.readdir(dir)).toEqual([]);
  });

  it('makes a second acquirer wait until the lock is released', async () => {
    const first = await acquireLock(lockPath);
    let acquired = false;
    const second = acquireLock(lockPath, { timeoutMs: 10_000 }).then((h) => {
      acquired = true;
      return h;
    });
    await sleep(200);
    expect(acquired).toBe(false);

    await first.release();
    const handle = await second;
    expect(acquired).toBe(true);
    const owner = await readOwner();
    expect(owner.pid).toBe(process.pid);
    await handle.release();
    expect(existsSync(lockPath)).toBe(false);
  });

  it('throws LockTimeoutError naming the holder after timeoutMs', async () => {
    const first = await acquireLock(lockPath);
    const holderToken = (await readOwner()).token;
    const started = Date.now();
    const err = await acquireLock(lockPath, { timeoutMs: 200 }).catch((e: unknown) => e);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect(err).toBeInstanceOf(LockTimeoutError);
    const timeout = err as LockTimeoutError;
    expect(timeout.name).toBe('LockTimeoutError');
    expect(timeout.lockPath).toBe(lockPath);
    expect(timeout.holder?.pid).toBe(process.pid);
    expect(timeout.holder?.token).toBe(holderToken);
    expect(timeout.message).toContain(String(process.pid));
    // The holder's lock is untouched.
    expect((await readOwner()).token).toBe(holderToken);
    await first.release();
  });

  it('does not remove a lock that is no longer ours on release', async () => {
    const handle = await acquireLock(lockPath);
    // Simulate: our lock was broken and someone else took it.
    await fsp.unlink(lockPath);
    await writeLock({ pid: process.pid, token: 'someone-else' });
    await handle.release();
    expect((await readOwner()).token).toBe('someone-else');
  });

  it('refreshes the mtime of a held lock (heartbeat)', async () => {
    const handle = await acquireLock(lockPath, { staleMs: 200 });
    const old = anHourAgo();
    await fsp.utimes(lockPath, old, old);
    await sleep(300); // several heartbeats of staleMs/4 = 50 ms
    const st = await fsp.stat(lockPath);
    expect(Date.now() - st.mtimeMs).toBeLessThan(10_000);
    await handle.release();
  });
});

describe('withLock', () => {
  it('returns the result and releases the lock', async () => {
    const result = await withLock(lockPath, async () => {
      expect(existsSync(lockPath)).toBe(true);
      return 42;
    });
    expect(result).toBe(42);
    expect(existsSync(lockPath)).toBe(false);
  });

  it('releases the lock when fn throws', async () => {
    await expect(
      withLock(lockPath, async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(existsSync(lockPath)).toBe(false);
    // And the lock can be taken again right away.
    const handle = await acquireLock(lockPath, { timeoutMs: 100 });
    await handle.release();
  });

  it('serialises concurrent callers in one process', async () => {
    let inside = 0;
    let maxInside = 0;
    await Promise.all(
      Array.from({ length: 5 }, () =>
        withLock(lockPath, async () => {
          inside++;
          maxInside = Math.max(maxInside, inside);
          await sleep(10);
          inside--;
        }),
      ),
    );
    expect(maxInside).toBe(1);
  });
});

describe('stale locks', () => {
  it('recovers at once a lock of a dead process on this host', async () => {
    const pid = await deadPid();
    await writeLock({ pid, token: 'dead-owner' }); // fresh mtime: only the pid tells
    const started = Date.now();
    const handle = await acquireLock(lockPath, { timeoutMs: 5_000 });
    expect(Date.now() - started).toBeLessThan(2_000);
    const owner = await readOwner();
    expect(owner.pid).toBe(process.pid);
    expect(owner.token).not.toBe('dead-owner');
    await handle.release();
    expect(await fsp.readdir(dir)).toEqual([]); // breaker and temp files are gone
  });

  it('never breaks the lock of a living process on this host, however old', async () => {
    const child = sleepingChild();
    expect(child.pid).toBeDefined();
    await writeLock({ pid: child.pid, token: 'alive-owner' }, anHourAgo());
    const err = await acquireLock(lockPath, { timeoutMs: 300, staleMs: 100 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LockTimeoutError);
    expect((err as LockTimeoutError).holder?.pid).toBe(child.pid);
    expect((await readOwner()).token).toBe('alive-owner');
  });

  it('never breaks the lock of the parent process', async () => {
    await writeLock({ pid: process.ppid, token: 'parent' }, anHourAgo());
    await expect(acquireLock(lockPath, { timeoutMs: 200, staleMs: 50 })).rejects.toBeInstanceOf(LockTimeoutError);
    expect((await readOwner()).token).toBe('parent');
  });

  it('breaks an old lock of another host', async () => {
    await writeLock({ pid: process.pid, host: 'other-host.invalid', token: 'foreign' }, anHourAgo());
    const handle = await acquireLock(lockPath, { timeoutMs: 5_000 });
    expect((await readOwner()).token).not.toBe('foreign');
    await handle.release();
  });

  it('does not break a fresh lock of another host', async () => {
    await writeLock({ pid: 12345, host: 'other-host.invalid', token: 'foreign' });
    await expect(acquireLock(lockPath, { timeoutMs: 200 })).rejects.toBeInstanceOf(LockTimeoutError);
    expect((await readOwner()).token).toBe('foreign');
  });

  it('judges an empty or unreadable lock file by its mtime', async () => {
    await writeLock('');
    const err = await acquireLock(lockPath, { timeoutMs: 200 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LockTimeoutError);
    expect((err as LockTimeoutError).holder).toBeNull();

    await writeLock('{not json', anHourAgo());
    const handle = await acquireLock(lockPath, { timeoutMs: 5_000 });
    expect((await readOwner()).pid).toBe(process.pid);
    await handle.release();
  });

  it('removes a breaker lock left behind by a dead process', async () => {
    const pid = await deadPid();
    await writeLock({ pid, token: 'dead-owner' });
    await fsp.writeFile(
      lockPath + '.breaker',
      JSON.stringify({ pid, host: os.hostname(), token: 'dead-breaker', acquiredAt: new Date().toISOString() }),
    );
    const handle = await acquireLock(lockPath, { timeoutMs: 5_000 });
    expect((await readOwner()).pid).toBe(process.pid);
    await handle.release();
    expect(existsSync(lockPath + '.breaker')).toBe(false);
  });

  it('removes a breaker lock older than 5 s even if its owner lives', async () => {
    const pid = await deadPid();
    await writeLock({ pid, token: 'dead-owner' });
    const breaker = lockPath + '.breaker';
    await fsp.writeFile(
      breaker,
      JSON.stringify({ pid: process.pid, host: os.hostname(), token: 'old-breaker', acquiredAt: '' }),
    );
    await fsp.utimes(breaker, anHourAgo(), anHourAgo());
    const handle = await acquireLock(lockPath, { timeoutMs: 5_000 });
    await handle.release();
    expect(existsSync(breaker)).toBe(false);
  });

  it('lets exactly one of many waiters break a dead lock', async () => {
    const pid = await deadPid();
    await writeLock({ pid, token: 'dead-owner' });
    let inside = 0;
    let maxInside = 0;
    await Promise.all(
      Array.from({ length: 8 }, () =>
        withLock(
          lockPath,
          async () => {
            inside++;
            maxInside = Math.max(maxInside, inside);
            await sleep(5);
            inside--;
          },
          { timeoutMs: 10_000 },
        ),
      ),
    );
    expect(maxInside).toBe(1);
    expect(await fsp.readdir(dir)).toEqual([]);
  });
});

describe('across processes', () => {
  function spawnHelper(args: string[]): ChildProcess {
    return track(
      spawn(process.execPath, ['--import', 'tsx', HELPER, ...args], {
        cwd: REPO_ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
    );
  }

  function collect(stream: NodeJS.ReadableStream | null): () => string {
    let text = '';
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      text += chunk;
    });
    return () => text;
  }

  it('4 processes x 100 locked increments give 400', async () => {
    const counterPath = path.join(dir, 'counter.txt');
    await fsp.writeFile(counterPath, '0');
    const procs = Array.from({ length: 4 }, () => {
      const child = spawnHelper(['count', lockPath, counterPath, '100']);
      return { child, stderr: collect(child.stderr), exit: waitForExit(child) };
    });
    for (const p of procs) {
      const { code, signal } = await p.exit;
      expect({ code, signal, stderr: p.stderr() }).toEqual({ code: 0, signal: null, stderr: '' });
    }
    expect(await fsp.readFile(counterPath, 'utf8')).toBe('400');
    // The lock, the breaker and all temp files are gone.
    expect(await fsp.readdir(dir)).toEqual(['counter.txt']);
  });

  it('recovers the lock of a holder killed with SIGKILL', async () => {
    const child = spawnHelper(['hold', lockPath]);
    const stdout = collect(child.stdout);
    const stderr = collect(child.stderr);
    const exit = waitForExit(child);

    // Wait (bounded) until the child reports that it holds the lock.
    for (let i = 0; i < 300 && !stdout().includes('locked'); i++) {
      if (child.exitCode !== null) break;
      await sleep(50);
    }
    expect(stdout(), stderr()).toContain('locked');
    expect((await readOwner()).pid).toBe(child.pid);

    child.kill('SIGKILL');
    expect((await exit).signal).toBe('SIGKILL');

    // The pid check makes this near instant; the timeout is only a safety net.
    const handle = await acquireLock(lockPath, { timeoutMs: 10_000 });
    expect((await readOwner()).pid).toBe(process.pid);
    await handle.release();
  });
});
