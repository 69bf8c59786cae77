/**
 * Cross-process advisory lock based on a lock file.
 *
 * Why: all data of `lla` lives in one JSON file that is read and written by
 * separate OS processes (the chat bot keeps running while the CLI is used).
 * lowdb itself only serialises writes inside one process, so every
 * read-modify-write cycle on the store must run under this lock.
 *
 * Design
 * ------
 * - Acquire: the owner record `{pid, host, token, acquiredAt}` is written to a
 *   unique temp file beside the lock, which is then hard-linked to the lock
 *   path with `fs.link(temp, lockPath)`. `link` fails with EEXIST when the lock
 *   already exists, so creation is atomic AND the lock file never exists
 *   without its content (no half-written lock files). The temp file is
 *   removed right after. On file systems without hard links we fall back to an
 *   exclusive create (`wx`) followed by a write; a reader that sees the empty
 *   file for a moment treats it by its (fresh) mtime, which is safe.
 * - Heartbeat: while the lock is held an unref'd timer touches the lock
 *   file's mtime every `staleMs / 4`, so observers on other hosts can tell a
 *   live owner from a crashed one. The heartbeat first checks that the token
 *   in the file is still ours and stops if it is not.
 * - Staleness: a lock is stale when
 *     (a) its owner is on this host (same `os.hostname()`, and the same boot
 *         where the boot id is known) and its pid is not alive
 *         (`process.kill(pid, 0)` throws ESRCH; EPERM means alive), or
 *     (b) its mtime is older than `staleMs`; this rule is used for owners on
 *         other hosts (or from an earlier boot of this host) and for lock
 *         files that are empty or unreadable.
 *   An owner on this host whose pid is alive is NEVER stale, however old the
 *   lock is: a slow but living process keeps its lock. A SIGKILLed or crashed
 *   owner on this host is therefore recovered immediately.
 * - Breaking a stale lock is race-safe: the breaker first takes a second,
 *   short-lived lock `lockPath + '.breaker'` (same link technique). A breaker
 *   whose pid is dead, or that is older than 5 s, may be removed directly.
 *   Holding the breaker, we re-read the lock and unlink it only if it still
 *   is the very lock we judged stale (same token, same inode) and it still is
 *   stale; then the breaker is released. Without the breaker two waiters
 *   could both judge the same lock stale, one breaks it and acquires a new
 *   lock, and the other would then delete that fresh lock.
 * - Release unlinks the lock only if the token in the file is still ours (so
 *   we never remove a lock that was broken and re-taken by someone else),
 *   stops the heartbeat and is idempotent.
 * - Waiting uses exponential backoff with jitter between `pollMinMs` and
 *   `pollMaxMs` (5..100 ms by default) until `timeoutMs` (default 20 s) has
 *   passed; then a LockTimeoutError naming the holder is thrown.
 * - If the lock vanishes between our EEXIST and reading it (ENOENT), we retry
 *   at once.
 * - Leftover temp files of dead owners are removed opportunistically after a
 *   successful acquire.
 * - If the process is interrupted (SIGINT/SIGTERM/SIGKILL) while holding the
 *   lock, the lock file stays behind; the pid check recovers it instantly.
 *
 * Known limits (inherent to pid based locks): a dead owner's pid may be
 * reused by an unrelated process, which keeps that lock "alive" until the
 * other process ends. Two machines with the same host name sharing the data
 * directory (or containers with the same host name but separate pid
 * namespaces and the same boot id) defeat the pid check. The mtime rule
 * assumes the clocks of hosts sharing the file agree to well within
 * `staleMs`.
 */

import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { errCode, sleep } from './fs-util.js';

export interface LockOptions {
  /** Give up acquiring after this many milliseconds. Default 20 000. */
  timeoutMs?: number;
  /** A lock not refreshed for this long (and not provably alive) is stale. Default 30 000. */
  staleMs?: number;
  /** Lower bound of the wait between attempts. Default 5. */
  pollMinMs?: number;
  /** Upper bound of the wait between attempts. Default 100. */
  pollMaxMs?: number;
}

export interface LockHandle {
  /** Path of the lock file. */
  readonly path: string;
  /** Release the lock. Idempotent; never removes a lock that is no longer ours. */
  release(): Promise<void>;
}

/** Content of a lock file. */
export interface LockOwner {
  pid: number;
  host: string;
  token: string;
  acquiredAt: string;
  /**
   * Kernel boot id of the owner's host, where known (Linux). Lets a lock left
   * behind before a reboot be judged by its mtime instead of by a pid that
   * may have been reused since.
   */
  bootId?: string;
}

export class LockTimeoutError extends Error {
  readonly lockPath: string;
  readonly holder: LockOwner | null;

  constructor(lockPath: string, holder: LockOwner | null, timeoutMs: number) {
    const who = holder
      ? `pid ${holder.pid} on host ${holder.host} since ${holder.acquiredAt}`
      : 'an unknown owner';
    super(`Timed out after ${timeoutMs} ms waiting for lock ${lockPath}, held by ${who}`);
    this.name = 'LockTimeoutError';
    this.lockPath = lockPath;
    this.holder = holder;
  }
}

const DEFAULTS = {
  timeoutMs: 20_000,
  staleMs: 30_000,
  pollMinMs: 5,
  pollMaxMs: 100,
} as const;

/** A breaker lock older than this may be removed by anyone. */
const BREAKER_STALE_MS = 5_000;
/** Immediate retries in a row (lock vanished / broken) before we sleep anyway. */
const MAX_IMMEDIATE_RETRIES = 20;
/** Suffix of the short-lived lock that serialises breaking a stale lock. */
const BREAKER_SUFFIX = '.breaker';

const HOST = os.hostname();
const BOOT_ID = readBootId();

/** Linux kernel boot id, or undefined elsewhere. */
function readBootId(): string | undefined {
  try {
    const id = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    return id.length > 0 ? id : undefined;
  } catch {
    return undefined;
  }
}


/** True when a process with this pid exists on this host. */
function isPidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to another user.
    return errCode(err) !== 'ESRCH';
  }
}

/** Parse a lock file's content; null when it is not a valid owner record. */
function parseOwner(raw: string): LockOwner | null {
  try {
    const v: unknown = JSON.parse(raw);
    if (typeof v !== 'object' || v === null) return null;
    const o = v as Record<string, unknown>;
    if (
      typeof o.pid !== 'number' ||
      !Number.isInteger(o.pid) ||
      o.pid <= 0 ||
      typeof o.host !== 'string' ||
      typeof o.token !== 'string' ||
      typeof o.acquiredAt !== 'string'
    ) {
      return null;
    }
    const owner: LockOwner = { pid: o.pid, host: o.host, token: o.token, acquiredAt: o.acquiredAt };
    if (typeof o.bootId === 'string') owner.bootId = o.bootId;
    return owner;
  } catch {
    return null;
  }
}

/** Snapshot of an existing lock file. */
interface LockState {
  owner: LockOwner | null;
  raw: string;
  ino: number;
  mtimeMs: number;
}

/**
 * Read a lock file; null when it does not exist. Content, inode and mtime come
 * from the same open file, so they belong to the same lock instance.
 */
async function readLockState(file: string): Promise<LockState | null> {
  let fh: fsp.FileHandle;
  try {
    fh = await fsp.open(file, 'r');
  } catch (err) {
    if (errCode(err) === 'ENOENT') return null;
    throw err;
  }
  try {
    const st = await fh.stat();
    const raw = await fh.readFile('utf8');
    return { owner: parseOwner(raw), raw, ino: st.ino, mtimeMs: st.mtimeMs };
  } finally {
    await fh.close();
  }
}

/** Same lock instance: same inode and same content (thus same token). */
function sameInstance(a: LockState, b: LockState): boolean {
  return a.ino === b.ino && a.raw === b.raw;
}

/** Is the owner a process of this very host and boot, so its pid can be checked? */
function isLocalOwner(owner: LockOwner): boolean {
  if (owner.host !== HOST) return false;
  // Same host name but another boot: all of its processes are gone, but the
  // pid may have been reused, so fall back to the mtime rule.
  if (owner.bootId !== undefined && BOOT_ID !== undefined && owner.bootId !== BOOT_ID) return false;
  return true;
}

/** Staleness rule, see the header comment. */
function isStale(state: LockState, staleMs: number): boolean {
  if (state.owner && isLocalOwner(state.owner)) {
    // A living local owner is never stale; a dead one is stale at once.
    return !isPidAlive(state.owner.pid);
  }
  return Date.now() - state.mtimeMs > staleMs;
}

function newOwner(): LockOwner {
  const owner: LockOwner = {
    pid: process.pid,
    host: HOST,
    token: randomUUID(),
    acquiredAt: new Date().toISOString(),
  };
  if (BOOT_ID !== undefined) owner.bootId = BOOT_ID;
  return owner;
}

function tempNameFor(target: string): string {
  return `${target}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
}

/**
 * Atomically create `target` with the owner record as content.
 * Returns false when `target` already exists.
 */
async function createLockFile(target: string, owner: LockOwner): Promise<boolean> {
  const content = `${JSON.stringify(owner)}\n`;
  const temp = tempNameFor(target);
  await fsp.writeFile(temp, content, { flag: 'wx', mode: 0o600 });
  try {
    await fsp.link(temp, target);
    return true;
  } catch (err) {
    const code = errCode(err);
    if (code === 'EEXIST') return false;
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'ENOSYS' || code === 'EOPNOTSUPP') {
      // No hard links on this file system: exclusive create, then write.
      return createExclusive(target, content);
    }
    throw err;
  } finally {
    await fsp.unlink(temp).catch(() => undefined);
  }
}

/** Fallback for file systems without hard links. */
async function createExclusive(target: string, content: string): Promise<boolean> {
  let fh: fsp.FileHandle;
  try {
    fh = await fsp.open(target, 'wx', 0o600);
  } catch (err) {
    if (errCode(err) === 'EEXIST') return false;
    throw err;
  }
  try {
    await fh.writeFile(content);
  } catch (err) {
    await fh.close().catch(() => undefined);
    await fsp.unlink(target).catch(() => undefined);
    throw err;
  }
  await fh.close();
  return true;
}

/** Unlink `file` only if it still holds `token`. Ignores a file that is gone. */
async function unlinkIfToken(file: string, token: string): Promise<void> {
  const state = await readLockState(file);
  if (state?.owner?.token !== token) return;
  await fsp.unlink(file).catch((err: unknown) => {
    if (errCode(err) !== 'ENOENT') throw err;
  });
}

/** Unlink `file` only if it still is the instance `judged`. */
async function unlinkIfSame(file: string, judged: LockState): Promise<void> {
  const current = await readLockState(file);
  if (!current || !sameInstance(current, judged)) return;
  await fsp.unlink(file).catch((err: unknown) => {
    if (errCode(err) !== 'ENOENT') throw err;
  });
}

/**
 * Take the breaker lock. Returns its token, or null when another process is
 * busy breaking (the caller then simply waits and tries again).
 */
async function acquireBreaker(breakerPath: string): Promise<string | null> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const owner = newOwner();
    if (await createLockFile(breakerPath, owner)) return owner.token;
    const state = await readLockState(breakerPath);
    if (!state) continue; // vanished: retry at once
    const deadOwner = state.owner !== null && isLocalOwner(state.owner) && !isPidAlive(state.owner.pid);
    const tooOld = Date.now() - state.mtimeMs > BREAKER_STALE_MS;
    if (!deadOwner && !tooOld) return null;
    // Left behind by a crashed breaker: remove it (if unchanged) and retry.
    await unlinkIfSame(breakerPath, state);
  }
  return null;
}

/**
 * Break the lock `judged` if, under the breaker lock, it still is the same
 * lock instance and still stale. Returns true when the caller should retry
 * acquiring at once (lock removed or changed), false when it should wait.
 */
async function breakStaleLock(lockPath: string, judged: LockState, staleMs: number): Promise<boolean> {
  const breakerPath = lockPath + BREAKER_SUFFIX;
  const breakerToken = await acquireBreaker(breakerPath);
  if (breakerToken === null) return false;
  try {
    const current = await readLockState(lockPath);
    if (!current) return true; // already gone
    if (!sameInstance(current, judged)) return true; // someone else's new lock: re-judge
    if (!isStale(current, staleMs)) return false; // owner came back to life (heartbeat)
    await fsp.unlink(lockPath).catch((err: unknown) => {
      if (errCode(err) !== 'ENOENT') throw err;
    });
    return true;
  } finally {
    await unlinkIfToken(breakerPath, breakerToken).catch(() => undefined);
  }
}

/** Matches our temp files: `<lock base>[.breaker].<pid>.<hex>.tmp`. */
function tempFilePattern(lockPath: string): RegExp {
  const base = path.basename(lockPath).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${base}(?:\\.breaker)?\\.(\\d+)\\.[0-9a-f]+\\.tmp$`);
}

/**
 * Best effort: remove temp files left by crashed owners. A temp file lives
 * for a few milliseconds, so one whose pid is dead and that is older than
 * 5 s, or any older than `staleMs`, is a leftover.
 */
async function cleanupTempFiles(lockPath: string, staleMs: number): Promise<void> {
  const dir = path.dirname(lockPath);
  const pattern = tempFilePattern(lockPath);
  let names: string[];
  try {
    names = await fsp.readdir(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const m = pattern.exec(name);
    if (!m) continue;
    const pid = Number(m[1]);
    const file = path.join(dir, name);
    try {
      const st = await fsp.stat(file);
      const age = Date.now() - st.mtimeMs;
      if (age > staleMs || (age > BREAKER_STALE_MS && !isPidAlive(pid))) {
        await fsp.unlink(file);
      }
    } catch {
      // Gone or not ours to remove: ignore.
    }
  }
}

function positive(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (Number.isNaN(value) || value < 0) throw new RangeError(`${name} must be a non-negative number`);
  return value;
}

/**
 * Acquire the lock at `lockPath`, waiting up to `timeoutMs`.
 * Throws LockTimeoutError when the lock stays held by a live owner.
 */
export async function acquireLock(lockPath: string, options: LockOptions = {}): Promise<LockHandle> {
  const timeoutMs = positive(options.timeoutMs, DEFAULTS.timeoutMs, 'timeoutMs');
  const staleMs = positive(options.staleMs, DEFAULTS.staleMs, 'staleMs');
  const pollMinMs = Math.max(1, positive(options.pollMinMs, DEFAULTS.pollMinMs, 'pollMinMs'));
  const pollMaxMs = Math.max(pollMinMs, positive(options.pollMaxMs, DEFAULTS.pollMaxMs, 'pollMaxMs'));

  const deadline = Date.now() + timeoutMs;
  let holder: LockOwner | null = null;
  let waits = 0;
  let immediateRetries = 0;

  for (;;) {
    const owner = newOwner();
    if (await createLockFile(lockPath, owner)) {
      void cleanupTempFiles(lockPath, staleMs).catch(() => undefined);
      return createHandle(lockPath, owner.token, staleMs);
    }

    const state = await readLockState(lockPath);
    let retryNow = false;
    if (!state) {
      // Released between our EEXIST and the read: retry at once.
      retryNow = true;
    } else {
      holder = state.owner;
      if (isStale(state, staleMs)) {
        retryNow = await breakStaleLock(lockPath, state, staleMs);
      }
    }
    if (retryNow && immediateRetries < MAX_IMMEDIATE_RETRIES) {
      immediateRetries++;
      continue;
    }
    immediateRetries = 0;

    const remaining = deadline - Date.now();
    if (remaining <= 0) throw new LockTimeoutError(lockPath, holder, timeoutMs);

    // Exponential backoff with full jitter between pollMinMs and the cap.
    const cap = Math.min(pollMaxMs, pollMinMs * 2 ** Math.min(waits, 16));
    const delay = pollMinMs + Math.random() * (cap - pollMinMs);
    waits++;
    await sleep(Math.max(1, Math.min(delay, remaining)));
  }
}

/** Build the handle for a lock we hold and start its heartbeat. */
function createHandle(lockPath: string, token: string, staleMs: number): LockHandle {
  let released: Promise<void> | null = null;
  let beating = false;

  const heartbeat = async (): Promise<void> => {
    if (beating || released) return;
    beating = true;
    try {
      const state = await readLockState(lockPath);
      if (state?.owner?.token !== token) {
        // Lost the lock (it was broken): stop touching someone else's file.
        clearInterval(timer);
        return;
      }
      const now = new Date();
      await fsp.utimes(lockPath, now, now);
    } catch {
      // Transient I/O problem: try again at the next beat.
    } finally {
      beating = false;
    }
  };

  // Clamp: Node turns intervals above 2^31-1 ms into 1 ms.
  const interval = Math.min(Math.max(10, Math.floor(staleMs / 4)), 2 ** 31 - 1);
  const timer = setInterval(() => void heartbeat(), interval);
  timer.unref();

  return {
    path: lockPath,
    release(): Promise<void> {
      if (!released) {
        clearInterval(timer);
        released = unlinkIfToken(lockPath, token);
      }
      return released;
    },
  };
}

/**
 * Run `fn` while holding the lock at `lockPath`. The lock is always released,
 * also when `fn` throws.
 */
export async function withLock<T>(lockPath: string, fn: () => Promise<T>, options?: LockOptions): Promise<T> {
  const handle = await acquireLock(lockPath, options);
  let result: T;
  try {
    result = await fn();
  } catch (err) {
    // Release, but let the error of `fn` win over a release problem.
    await handle.release().catch(() => undefined);
    throw err;
  }
  await handle.release();
  return result;
}
