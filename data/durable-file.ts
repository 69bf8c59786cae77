/**
 * Durable file primitives for the JSON store.
 *
 * - writeFileAtomic: write a unique temp file in the same directory, fsync it,
 *   rename it over the target and fsync the directory. Readers see either the
 *   old or the new content, never a mix, also after a crash or power loss.
 *   The existing inode is never modified in place: the new content always
 *   gets a new inode.
 * - rotateBackup: because the store is only ever replaced by rename, a hard
 *   link taken before the next write keeps the old inode (the old content)
 *   alive. A backup therefore costs no copy. Copying is only the fallback
 *   when linking fails (other file system, no hard link support).
 *   Note: this only holds as long as nobody writes to the store in place.
 *
 * These functions do no locking; callers serialise writers with data/lock.ts.
 */

import { randomBytes } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { errCode, sleep } from './fs-util.js';


/** Bytes of the file, or null when it does not exist. */
export async function readFileIfExists(file: string): Promise<Buffer | null> {
  try {
    return await fsp.readFile(file);
  } catch (err) {
    if (errCode(err) === 'ENOENT') return null;
    throw err;
  }
}

/**
 * fsync a directory so that a rename or link in it is durable. Some
 * platforms cannot open or fsync directories; those errors are ignored.
 */
async function fsyncDir(dir: string): Promise<void> {
  let fh: fsp.FileHandle | undefined;
  try {
    fh = await fsp.open(dir, 'r');
    await fh.sync();
  } catch (err) {
    const code = errCode(err);
    if (code !== 'EISDIR' && code !== 'EINVAL' && code !== 'EPERM' && code !== 'ENOTSUP') throw err;
  } finally {
    await fh?.close().catch(() => undefined);
  }
}

/**
 * Atomic durable replace: write to a unique temp file in the same directory
 * with the given mode (default 0o600), fsync it, rename over `path`, then
 * fsync the directory (ignore EISDIR/EINVAL/EPERM on platforms that can't
 * fsync directories). The temp file is removed if anything fails. The final
 * file has mode 0o600 (or the given mode) even if it existed with another mode.
 */
export async function writeFileAtomic(
  file: string,
  data: string | Buffer,
  options: { mode?: number } = {},
): Promise<void> {
  const mode = options.mode ?? 0o600;
  const dir = path.dirname(file);
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);

  // 'wx': never reuse (and so never modify) an existing file.
  const fh = await fsp.open(temp, 'wx', mode);
  try {
    try {
      await fh.writeFile(data);
      // The umask may have removed bits from `mode`; set it exactly.
      await fh.chmod(mode);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await fsp.rename(temp, file);
  } catch (err) {
    await fsp.unlink(temp).catch(() => undefined);
    throw err;
  }
  await fsyncDir(dir);
}

/** `store.json` → `store`; other names are kept whole. */
function backupStem(file: string): string {
  const base = path.basename(file);
  return base.endsWith('.json') ? base.slice(0, -'.json'.length) : base;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `<stem>-<yyyyMMddTHHmmssSSSZ>-<4 hex>.json`; group 1 is the timestamp. */
function backupPattern(file: string): RegExp {
  return new RegExp(`^${escapeRegExp(backupStem(file))}-(\\d{8}T\\d{9}Z)-[0-9a-f]{4}\\.json$`);
}

/** UTC timestamp as yyyyMMddTHHmmssSSSZ, e.g. 20240102T030405678Z. */
function compactTimestamp(date: Date): string {
  return date.toISOString().replace(/[-:.]/g, '');
}

/** Names of the backups of `file` in `backupDir`, oldest first. */
async function backupNames(file: string, backupDir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await fsp.readdir(backupDir);
  } catch (err) {
    if (errCode(err) === 'ENOENT') return [];
    throw err;
  }
  const pattern = backupPattern(file);
  // Same stem, fixed-width timestamp: name order is time order.
  return names.filter((n) => pattern.test(n)).sort();
}

/**
 * Keep the current content of `path` as a backup in `backupDir` (created
 * with mode 0o700 if missing): hard-link it (fall back to a copy when linking
 * fails, e.g. EXDEV/EPERM) to
 * `<basename-without-.json>-<UTC timestamp yyyyMMddTHHmmssSSSZ>-<4 random hex>.json`,
 * then prune so that only the newest `keep` backups remain (by name order,
 * which is time order). Returns the backup path, or null if `path` does not
 * exist. With `copy`, always copy: a link to a file that stays live would
 * change with it if someone edits the file in place; a link is right only
 * for the version a write is about to replace.
 */
export async function rotateBackup(
  file: string,
  backupDir: string,
  keep: number,
  options: { copy?: boolean } = {},
): Promise<string | null> {
  if (!Number.isInteger(keep) || keep < 1) throw new RangeError('keep must be an integer >= 1');

  try {
    await fsp.stat(file);
  } catch (err) {
    if (errCode(err) === 'ENOENT') return null;
    throw err;
  }
  await fsp.mkdir(backupDir, { recursive: true, mode: 0o700 });

  // Make sure the new name sorts after every existing backup, so that name
  // order stays time order even for two backups within one millisecond.
  const existing = await backupNames(file, backupDir);
  const newestExisting = existing.at(-1)?.match(backupPattern(file))?.[1] ?? '';
  let stamp = compactTimestamp(new Date());
  for (let i = 0; i < 50 && stamp <= newestExisting; i++) {
    await sleep(1);
    stamp = compactTimestamp(new Date());
  }

  const stem = backupStem(file);
  let target = '';
  for (let attempt = 0; ; attempt++) {
    const name = `${stem}-${stamp}-${randomBytes(2).toString('hex')}.json`;
    target = path.join(backupDir, name);
    try {
      if (options.copy) throw Object.assign(new Error('copy requested'), { code: 'ECOPY' });
      await fsp.link(file, target);
      break;
    } catch (err) {
      const code = errCode(err);
      if (code === 'ENOENT') return null; // the store vanished meanwhile
      if (code === 'EEXIST' && attempt < 10) continue; // random suffix clash
      if (code === 'EEXIST') throw err;
      // No hard link possible (EXDEV, EPERM, ENOTSUP, EMLINK, ...): copy.
      const data = await readFileIfExists(file);
      if (data === null) return null;
      await writeFileAtomic(target, data);
      break;
    }
  }
  await fsyncDir(backupDir);

  // Prune the oldest; never the backup we just made, even if a skewed clock
  // made it sort before older ones.
  const names = await backupNames(file, backupDir);
  const newName = path.basename(target);
  let excess = names.length - keep;
  for (const name of names) {
    if (excess <= 0) break;
    if (name === newName) continue;
    await fsp.unlink(path.join(backupDir, name)).catch((err: unknown) => {
      if (errCode(err) !== 'ENOENT') throw err;
    });
    excess--;
  }
  return target;
}

/** Backups for `path` in `backupDir`, newest first, with size and mtime. */
export async function listBackups(
  file: string,
  backupDir: string,
): Promise<Array<{ path: string; name: string; size: number; mtime: Date }>> {
  const names = (await backupNames(file, backupDir)).reverse();
  const result: Array<{ path: string; name: string; size: number; mtime: Date }> = [];
  for (const name of names) {
    const full = path.join(backupDir, name);
    try {
      const st = await fsp.stat(full);
      result.push({ path: full, name, size: st.size, mtime: st.mtime });
    } catch (err) {
      if (errCode(err) !== 'ENOENT') throw err; // pruned meanwhile: skip
    }
  }
  return result;
}
