import * as fsp from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listBackups, readFileIfExists, rotateBackup, writeFileAtomic } from './durable-file.js';

const POSIX = process.platform !== 'win32';
const BACKUP_NAME = /^store-\d{8}T\d{9}Z-[0-9a-f]{4}\.json$/;

let dir: string;
let store: string;
let backupDir: string;

beforeEach(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'lla-durable-'));
  store = path.join(dir, 'store.json');
  backupDir = path.join(dir, 'backups');
});

afterEach(async () => {
  await fsp.rm(dir, { recursive: true, force: true });
});

async function modeOf(file: string): Promise<number> {
  return (await fsp.stat(file)).mode & 0o777;
}

describe('readFileIfExists', () => {
  it('returns null for a missing file', async () => {
    expect(await readFileIfExists(path.join(dir, 'missing.json'))).toBeNull();
  });

  it('returns the bytes of an existing file', async () => {
    await fsp.writeFile(store, 'héllo');
    const buf = await readFileIfExists(store);
    expect(Buffer.isBuffer(buf)).toBe(true);
    expect(buf?.toString('utf8')).toBe('héllo');
  });
});

describe('writeFileAtomic', () => {
  it('creates and replaces the content (string and Buffer)', async () => {
    await writeFileAtomic(store, '{"v":1}');
    expect(await fsp.readFile(store, 'utf8')).toBe('{"v":1}');
    await writeFileAtomic(store, Buffer.from('{"v":2}'));
    expect(await fsp.readFile(store, 'utf8')).toBe('{"v":2}');
  });

  it('leaves no temp files behind', async () => {
    for (let i = 0; i < 5; i++) await writeFileAtomic(store, `{"v":${i}}`);
    expect(await fsp.readdir(dir)).toEqual(['store.json']);
  });

  it.runIf(POSIX)('gives the file mode 0600, also when it existed with another mode', async () => {
    await writeFileAtomic(store, 'a');
    expect(await modeOf(store)).toBe(0o600);
    await fsp.chmod(store, 0o644);
    await writeFileAtomic(store, 'b');
    expect(await modeOf(store)).toBe(0o600);
  });

  it.runIf(POSIX)('honours an explicit mode', async () => {
    await writeFileAtomic(store, 'a', { mode: 0o640 });
    expect(await modeOf(store)).toBe(0o640);
  });

  it('never modifies the existing inode: a hard link keeps the old content', async () => {
    await writeFileAtomic(store, 'old');
    const link = path.join(dir, 'backup.json');
    await fsp.link(store, link);
    const inoBefore = (await fsp.stat(store)).ino;

    await writeFileAtomic(store, 'new');
    expect(await fsp.readFile(store, 'utf8')).toBe('new');
    expect(await fsp.readFile(link, 'utf8')).toBe('old');
    expect((await fsp.stat(store)).ino).not.toBe(inoBefore);
  });

  it('removes the temp file when the write fails', async () => {
    // Renaming a file over a non-empty directory fails.
    const target = path.join(dir, 'target');
    await fsp.mkdir(target);
    await fsp.writeFile(path.join(target, 'x'), 'x');
    await expect(writeFileAtomic(target, 'data')).rejects.toThrow();
    expect(await fsp.readdir(dir)).toEqual(['target']);
  });

  it('fails for a missing directory without leaving files', async () => {
    await expect(writeFileAtomic(path.join(dir, 'nope', 'store.json'), 'x')).rejects.toThrow();
    expect(await fsp.readdir(dir)).toEqual([]);
  });

  it('concurrent writers leave one complete version and no temp files', async () => {
    const versions = Array.from({ length: 10 }, (_, i) => JSON.stringify({ i, pad: 'x'.repeat(10_000) }));
    await Promise.all(versions.map((v) => writeFileAtomic(store, v)));
    expect(versions).toContain(await fsp.readFile(store, 'utf8'));
    expect(await fsp.readdir(dir)).toEqual(['store.json']);
  });
});

describe('rotateBackup', () => {
  it('returns null (and creates nothing) when the file does not exist', async () => {
    expect(await rotateBackup(store, backupDir, 3)).toBeNull();
    expect(await fsp.readdir(dir)).toEqual([]);
  });

  it('hard-links the current content under a timestamped name', async () => {
    await writeFileAtomic(store, 'v1');
    const backup = await rotateBackup(store, backupDir, 3);
    expect(backup).not.toBeNull();
    expect(path.dirname(backup ?? '')).toBe(backupDir);
    expect(path.basename(backup ?? '')).toMatch(BACKUP_NAME);
    if (POSIX) expect(await modeOf(backupDir)).toBe(0o700);

    // Same inode: no copy was made.
    const [a, b] = await Promise.all([fsp.stat(store), fsp.stat(backup ?? '')]);
    expect(b.ino).toBe(a.ino);

    // The next atomic write leaves the backup intact.
    await writeFileAtomic(store, 'v2');
    expect(await fsp.readFile(backup ?? '', 'utf8')).toBe('v1');
    expect(await fsp.readFile(store, 'utf8')).toBe('v2');
  });

  it('keeps only the newest `keep` backups', async () => {
    const made: string[] = [];
    for (let i = 1; i <= 6; i++) {
      await writeFileAtomic(store, `v${i}`);
      const backup = await rotateBackup(store, backupDir, 3);
      if (backup) made.push(backup);
    }
    expect(made).toHaveLength(6);
    const remaining = (await fsp.readdir(backupDir)).sort();
    expect(remaining).toEqual(made.slice(-3).map((p) => path.basename(p)));
    const contents = await Promise.all(remaining.map((n) => fsp.readFile(path.join(backupDir, n), 'utf8')));
    expect(contents).toEqual(['v4', 'v5', 'v6']);
  });

  it('does not prune files that are not backups of this store', async () => {
    await fsp.mkdir(backupDir, { recursive: true });
    const foreign = ['other-20200101T000000000Z-abcd.json', 'notes.txt', 'store-manual.json'];
    for (const name of foreign) await fsp.writeFile(path.join(backupDir, name), 'x');
    await writeFileAtomic(store, 'v');
    for (let i = 0; i < 3; i++) await rotateBackup(store, backupDir, 1);
    const names = await fsp.readdir(backupDir);
    expect(names.filter((n) => BACKUP_NAME.test(n))).toHaveLength(1);
    for (const name of foreign) expect(names).toContain(name);
  });

  it('rejects an invalid keep', async () => {
    await writeFileAtomic(store, 'v');
    await expect(rotateBackup(store, backupDir, 0)).rejects.toBeInstanceOf(RangeError);
  });
});

describe('listBackups', () => {
  it('returns an empty list when there is no backup directory', async () => {
    expect(await listBackups(store, backupDir)).toEqual([]);
  });

  it('lists backups newest first with size and mtime', async () => {
    const made: string[] = [];
    for (const content of ['a', 'bb', 'ccc']) {
      await writeFileAtomic(store, content);
      const backup = await rotateBackup(store, backupDir, 10);
      if (backup) made.push(backup);
    }
    await fsp.writeFile(path.join(backupDir, 'unrelated.txt'), 'x');

    const list = await listBackups(store, backupDir);
    expect(list.map((b) => b.path)).toEqual([...made].reverse());
    expect(list.map((b) => b.size)).toEqual([3, 2, 1]);
    for (const b of list) {
      expect(b.name).toBe(path.basename(b.path));
      expect(b.name).toMatch(BACKUP_NAME);
      expect(b.mtime).toBeInstanceOf(Date);
    }
  });
});
