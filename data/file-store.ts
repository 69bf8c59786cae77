/**
 * The embedded store: one JSON file managed through lowdb, shared by
 * separate processes (bot and CLI). Every change goes through `transact`:
 *
 *   lock → re-read → migrate + validate → fn → validate → backup → atomic write → unlock
 *
 * - The lock is cross-process (`data/lock.ts`), with the same settings in
 *   every process (`LOCK_OPTIONS`).
 * - A file that is not valid JSON or fails the schema is refused with a
 *   message naming the file and the fault, and is never overwritten.
 * - The backup is a hard link to the previous version (the write replaces the
 *   file by rename, so the old inode stays intact): it costs no copy.
 * - The write goes to a temp file that is fsynced and renamed over the store,
 *   then the directory is fsynced; the file has mode 0600.
 * - Reads take no lock; they re-read the file every time. A rename is atomic,
 *   so a reader sees either the old or the new version.
 * - Beside the file, `lla.json.valid` (the mark) vouches for its bytes as
 *   validated by `lla` (size, SHA-256, schema version and rules). A marked
 *   file is not validated again and is parsed member by member on use; a
 *   transaction re-checks only what it changed. Without a fitting mark
 *   everything is validated in full, as before. data/store-codec.ts has the
 *   design and why the result is the same as a full validation.
 */
import { mkdir, readdir, stat, unlink } from 'node:fs/promises';
import * as path from 'node:path';
import { Low, type Adapter } from 'lowdb';
import { LlaError } from '../core/errors.js';
import { msg } from '../core/messages.js';
import type { StoreData } from '../core/schema.js';
import { validateResult, type StorePort } from '../core/store.js';
import { listBackups, readFileIfExists, rotateBackup, writeFileAtomic } from './durable-file.js';
import { acquireLock, LockTimeoutError, type LockOptions } from './lock.js';
import { createSeedStore } from './seed.js';
import { encodeValidStore, loadStore, openTransaction, parseStoreBytes, readView, type EncodedStore, type LoadedStore, type MemberRange, type StoreTransaction } from './store-codec.js';

export { parseStoreBytes };

export const STORE_FILE = 'lla.json';
/** The mark beside the store that vouches for its bytes (see data/store-codec.ts). */
export const STORE_MARK = `${STORE_FILE}.valid`;
export const BACKUP_DIR = 'backups';
export const DEFAULT_BACKUPS_KEPT = 50;

/** Identical in every process that opens the store. */
export const LOCK_OPTIONS: Required<LockOptions> = { timeoutMs: 30_000, staleMs: 30_000, pollMinMs: 5, pollMaxMs: 100 };

export interface FileStoreOptions {
  /** Directory of the store; created (mode 0700) when missing. */
  dir: string;
  backupsKept?: number;
  /** Only for tests that need a short timeout; production uses LOCK_OPTIONS. */
  lockTimeoutMs?: number;
  /** When the file does not exist: create it from the seed on the first change (default true). */
  createIfMissing?: boolean;
  /** Clock for the seed's timestamps. */
  now?: () => Date;
}

/**
 * lowdb adapter for one transaction: reads through the codec (trusting a
 * fitting mark, else validating in full); on write it checks the result,
 * keeps a backup of the previous version and writes file and mark durably.
 */
class TransactionAdapter implements Adapter<StoreData> {
  private tx: StoreTransaction | undefined;

  constructor(private readonly store: FileStore) {}

  async read(): Promise<StoreData> {
    this.tx = openTransaction((await this.store.load()) ?? { kind: 'parsed', data: this.store.missing(), migrated: false });
    return this.tx.data;
  }

  async write(data: StoreData): Promise<void> {
    // `finish` checks the very object `read` handed out; any other object gets the full check.
    const encoded = this.tx && data === this.tx.data ? this.tx.finish() : encodeValidStore(validateResult(data));
    await this.store.replace(encoded, 'link');
  }
}

export class FileStore implements StorePort {
  readonly dir: string;
  readonly file: string;
  readonly backupDir: string;
  readonly lockFile: string;
  readonly markFile: string;
  private readonly keep: number;
  private readonly lockOptions: LockOptions;
  private readonly createIfMissing: boolean;
  private readonly now: () => Date;
  /**
   * The bytes this instance last found vouched for by their mark, or wrote
   * itself. A later read of identical bytes (compared in full, which is
   * cheaper than hashing) needs no new hash: validity is a property of the
   * bytes. Anything else goes through the mark again.
   */
  private lastMarked: { bytes: Buffer; members: MemberRange[] } | undefined;

  constructor(options: FileStoreOptions) {
    this.dir = path.resolve(options.dir);
    this.file = path.join(this.dir, STORE_FILE);
    this.backupDir = path.join(this.dir, BACKUP_DIR);
    this.lockFile = `${this.file}.lock`;
    this.markFile = path.join(this.dir, STORE_MARK);
    this.keep = options.backupsKept ?? DEFAULT_BACKUPS_KEPT;
    this.lockOptions = { ...LOCK_OPTIONS, ...(options.lockTimeoutMs ? { timeoutMs: options.lockTimeoutMs } : {}) };
    this.createIfMissing = options.createIfMissing ?? true;
    this.now = options.now ?? (() => new Date());
  }

  async exists(): Promise<boolean> {
    try {
      await stat(this.file);
      return true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw err;
    }
  }

  /** @internal The store to start from when there is no file (the seed), or `notFound`. */
  missing(): StoreData {
    if (!this.createIfMissing) throw new LlaError('notFound', msg.storeMissing(this.dir));
    return createSeedStore(this.now());
  }

  async read(): Promise<StoreData> {
    const loaded = await this.load();
    return loaded === null ? this.missing() : readView(loaded);
  }

  /**
   * @internal The file's bytes, trusted by their mark or parsed and fully
   * validated (throws `storeInvalid`); null when there is no file. The file
   * is read before the mark: a mark of a write in between then does not fit,
   * which only means a full validation.
   */
  async load(): Promise<LoadedStore | null> {
    const bytes = await readFileIfExists(this.file);
    if (bytes === null) return null;
    // Byte for byte the file this instance last found marked (or wrote): no need to hash it again.
    const known = this.lastMarked;
    if (known && known.bytes.equals(bytes)) return { kind: 'marked', bytes, members: known.members };
    const loaded = loadStore(bytes, await readFileIfExists(this.markFile), this.file);
    this.lastMarked = loaded.kind === 'marked' ? { bytes, members: loaded.members } : undefined;
    return loaded;
  }

  /**
   * @internal Replace the file, under the lock: keep the current version as
   * a backup (`link`: it is about to be replaced, so a hard link keeps it),
   * write the new bytes durably, then their mark. A crash in between leaves
   * a mark that does not fit the file, which only costs a full validation.
   */
  async replace(encoded: EncodedStore, backup: 'link' | 'none'): Promise<void> {
    if (backup === 'link') await rotateBackup(this.file, this.backupDir, this.keep);
    this.lastMarked = undefined;
    await writeFileAtomic(this.file, encoded.bytes, { mode: 0o600 });
    await writeFileAtomic(this.markFile, encoded.mark, { mode: 0o600 });
    this.lastMarked = { bytes: encoded.bytes, members: encoded.members };
  }

  /** Run `fn` under the lock on freshly read data and persist its changes. */
  async transact<T>(fn: (data: StoreData) => T): Promise<T> {
    return this.locked(async () => {
      const db = new Low<StoreData | null>(new TransactionAdapter(this) as Adapter<StoreData | null>, null);
      await db.read();
      const data = db.data!;
      const result = fn(data);
      await db.write();
      return result;
    });
  }

  /**
   * Write a whole store (e.g. demo data) into a file that does not exist yet.
   * Checked under the lock; returns false, writing nothing, when another
   * process created the file first.
   */
  async initialise(data: StoreData): Promise<boolean> {
    return this.locked(async () => {
      if (await this.exists()) return false;
      await this.replace(encodeValidStore(validateResult(data)), 'none');
      return true;
    });
  }

  /** An explicit backup of the current file (`lla backup`). Returns its path. */
  async backup(): Promise<string> {
    return this.locked(async () => {
      // Never back up a broken file as if it were good (the mark or a full validation says so).
      if ((await this.load()) === null) throw new LlaError('notFound', msg.storeMissing(this.dir));
      // A copy, not a link: this version stays live, and an edit in place would change a link too.
      const made = await rotateBackup(this.file, this.backupDir, this.keep, { copy: true });
      if (!made) throw new LlaError('notFound', msg.storeMissing(this.dir));
      return made;
    });
  }

  listBackups() {
    return listBackups(this.file, this.backupDir);
  }

  /**
   * Put a backup back. The backup must parse and validate. The current file,
   * valid or not, is kept as a backup first, so a restore can be undone.
   */
  async restore(backupFile: string): Promise<string> {
    const source = path.isAbsolute(backupFile) || backupFile.includes(path.sep) ? path.resolve(backupFile) : path.join(this.backupDir, backupFile);
    const bytes = await readFileIfExists(source);
    if (bytes === null) throw new LlaError('notFound', msg.notFound('Back-up', backupFile));
    const { data } = parseStoreBytes(bytes, source);
    const encoded = encodeValidStore(validateResult(data));
    return this.locked(async () => {
      await rotateBackup(this.file, this.backupDir, this.keep);
      await this.replace(encoded, 'none');
      return source;
    });
  }

  private async locked<T>(fn: () => Promise<T>): Promise<T> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    let handle;
    try {
      handle = await acquireLock(this.lockFile, this.lockOptions);
    } catch (err) {
      if (err instanceof LockTimeoutError) {
        const holder = err.holder ? `proces ${err.holder.pid} op ${err.holder.host}` : 'onbekend proces';
        throw new LlaError('storeBusy', msg.storeBusy(this.file, holder));
      }
      throw err;
    }
    try {
      await this.sweepTempFiles();
      return await fn();
    } finally {
      await handle.release();
    }
  }

  /**
   * Temp files of writers that were killed mid-write. Writers create them
   * only while holding the lock, so under the lock any left is garbage.
   */
  private async sweepTempFiles(): Promise<void> {
    const prefix = `.${STORE_FILE}.`;
    for (const name of await readdir(this.dir)) {
      if (name.startsWith(prefix) && name.endsWith('.tmp')) await unlink(path.join(this.dir, name)).catch(() => undefined);
    }
  }
}

/**
 * Where the store lives: `--data` flag, else `LLA_DATA`, else `./lla-data`
 * under the working directory. Fronts pass their env and cwd in.
 */
export function resolveDataDir(options: { flag?: string | undefined; env?: Record<string, string | undefined>; cwd: string }): string {
  const chosen = options.flag ?? options.env?.LLA_DATA;
  return path.resolve(options.cwd, chosen && chosen.trim() !== '' ? chosen : 'lla-data');
}
