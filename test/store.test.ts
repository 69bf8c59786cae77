/**
 * The store across processes: concurrent writers, writers killed with
 * SIGKILL, corrupt files. These run real OS processes against a real file.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { SYSTEM, type Context } from '../core/context.js';
import { systemClock } from '../core/dates.js';
import { LlaError } from '../core/errors.js';
import { listCases, reportCase } from '../core/usecases/cases.js';
import { createFirstQuartermaster } from '../core/usecases/people.js';
import { FileStore, parseStoreBytes, STORE_FILE, STORE_MARK } from '../data/file-store.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dirs: string[] = [];
const children = new Set<ChildProcess>();

afterEach(() => {
  for (const c of children) c.kill('SIGKILL');
  children.clear();
});
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

async function newStore(): Promise<FileStore> {
  const dir = await mkdtemp(path.join(tmpdir(), 'lla-store-'));
  dirs.push(dir);
  const store = new FileStore({ dir });
  await createFirstQuartermaster({ actor: SYSTEM, channel: 'cli', clock: systemClock, store }, { name: 'Kim Kwartier', email: 'kim@voorbeeld.nl' });
  return store;
}

function ctxFor(store: FileStore): Context {
  return { actor: { personId: 'P-0001' }, channel: 'cli', clock: systemClock, store };
}

interface Writer {
  child: ChildProcess;
  acked: Map<string, string>; // case code → marker
  done: Promise<number | null>;
  stderr: () => string;
}

function startWriter(dir: string, tag: string, count: number): Writer {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/store-writer.ts', dir, tag, String(count)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  const acked = new Map<string, string>();
  let buffer = '';
  let err = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    buffer += chunk;
    let nl: number;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      const m = /^ok (\S+) (\S+)$/.exec(line);
      if (m) acked.set(m[1]!, m[2]!);
    }
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const done = new Promise<number | null>((resolve) => child.on('exit', (code) => {
    children.delete(child);
    resolve(code);
  }));
  return { child, acked, done, stderr: () => err };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('store shared by separate processes', () => {
  it('4 processes × 200 changes each: all 800 present, codes unique, file valid', async () => {
    const store = await newStore();
    const writers = ['A', 'B', 'C', 'D'].map((tag) => startWriter(store.dir, tag, 200));
    const codes = await Promise.all(writers.map((w) => w.done));
    for (const [i, w] of writers.entries()) expect(codes[i], w.stderr()).toBe(0);

    const { data } = parseStoreBytes(await readFile(store.file), store.file);
    expect(data.cases).toHaveLength(800);
    expect(new Set(data.cases.map((c) => c.code)).size).toBe(800);
    for (const w of writers) {
      expect(w.acked.size).toBe(200);
      for (const [code, marker] of w.acked) {
        const c = data.cases.find((x) => x.code === code);
        expect(c?.sketch).toContain(`${marker}:`);
      }
    }
    // Every change audited and signalled once.
    expect(data.audit.filter((a) => a.action === 'case.report')).toHaveLength(800);
    expect(data.signals).toHaveLength(800);
    expect((await stat(store.file)).mode & 0o777).toBe(0o600);
  }, 180_000);

  it('a writer killed with SIGKILL at random moments, 20 times: file always valid, acknowledged changes present', async () => {
    const store = await newStore();
    const acknowledged = new Map<string, string>();
    let rng = 0x5eed;
    const random = () => ((rng = (rng * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    for (let round = 0; round < 20; round++) {
      const w = startWriter(store.dir, `R${round}`, 0);
      // Wait until the writer is really writing, then kill it at a random moment.
      for (let i = 0; i < 400 && w.acked.size === 0 && w.child.exitCode === null; i++) await sleep(10);
      expect(w.child.exitCode, w.stderr()).toBeNull();
      await sleep(random() * 150);
      w.child.kill('SIGKILL');
      await w.done;
      for (const [code, marker] of w.acked) acknowledged.set(code, marker);

      const bytes = await readFile(store.file);
      const { data } = parseStoreBytes(bytes, store.file); // throws if not valid
      const byCode = new Map(data.cases.map((c) => [c.code, c]));
      for (const [code, marker] of acknowledged) {
        expect(byCode.get(code)?.sketch, `round ${round}: ${code} lost`).toContain(`${marker}:`);
      }
    }
    expect(acknowledged.size).toBeGreaterThanOrEqual(20);
    // After all that the lock is recoverable and the store takes changes.
    const created = await reportCase(ctxFor(store), {
      regionCode: 'UTR',
      theme: 'outflow',
      sketch: 'Na de laatste ronde gewoon verder.',
      stepsTried: ['caseTable'],
      helpAsked: ['advice'],
    });
    expect(created.code).toMatch(/^VC-\d{4}-\d{4}$/);
    // Killed writers leave no temp files behind for long: the next writer sweeps them.
    const leftovers = (await readdir(store.dir)).filter((n) => n !== STORE_FILE && n !== STORE_MARK && n !== 'backups');
    expect(leftovers).toEqual([]);
  }, 240_000);
});

describe('corrupt files are refused and never overwritten', () => {
  const variants: Array<[string, (good: string) => string]> = [
    ['garbage bytes', () => '\u0000\u0001garbage{{{'],
    ['truncated JSON', (good) => good.slice(0, Math.floor(good.length / 2))],
    ['empty file', () => ''],
    ['JSON that is not an object', () => '[1,2,3]'],
    ['no schemaVersion', (good) => JSON.stringify({ ...JSON.parse(good), schemaVersion: undefined })],
    ['schema-invalid record', (good) => {
      const d = JSON.parse(good);
      d.people[0].email = 'geen-email';
      return JSON.stringify(d);
    }],
    ['dangling reference', (good) => {
      const d = JSON.parse(good);
      d.people[0].regionCode = 'XXX';
      return JSON.stringify(d);
    }],
    ['newer schema version', (good) => JSON.stringify({ ...JSON.parse(good), schemaVersion: 99 })],
  ];

  for (const [name, corrupt] of variants) {
    it(`${name}: transact and read refuse, bytes identical`, async () => {
      const store = await newStore();
      const good = await readFile(store.file, 'utf8');
      const bad = corrupt(good);
      await writeFile(store.file, bad);
      const before = await readFile(store.file);

      const attempt = reportCase(ctxFor(store), {
        regionCode: 'HGL',
        theme: 'housing',
        sketch: 'Mag niet worden opgeslagen.',
        stepsTried: ['caseTable'],
        helpAsked: ['advice'],
      });
      await expect(attempt).rejects.toBeInstanceOf(LlaError);
      await attempt.catch((err: LlaError) => {
        expect(err.code).toBe('storeInvalid');
        expect(err.message).toContain(store.file);
        expect(err.message).toMatch(/niet aangepast|nieuwer/);
      });
      await expect(store.read()).rejects.toMatchObject({ code: 'storeInvalid' });
      await expect(store.backup()).rejects.toMatchObject({ code: 'storeInvalid' });
      expect((await readFile(store.file)).equals(before)).toBe(true);
    });
  }

  it('restore from a backup repairs a corrupt store, and keeps the corrupt file as a backup', async () => {
    const store = await newStore();
    const ctx = ctxFor(store);
    await reportCase(ctx, { regionCode: 'HGL', theme: 'housing', sketch: 'Eerste melding.', stepsTried: ['caseTable'], helpAsked: ['advice'] });
    const backup = await store.backup();
    await writeFile(store.file, '{"kapot":');
    await expect(listCases(ctx)).rejects.toMatchObject({ code: 'storeInvalid' });

    await store.restore(path.basename(backup));
    const cases = await listCases(ctx);
    expect(cases).toHaveLength(1);
    const backups = await store.listBackups();
    const contents = await Promise.all(backups.map((b) => readFile(b.path, 'utf8')));
    expect(contents).toContain('{"kapot":');
  });

  it('refuses to restore a backup that is itself invalid', async () => {
    const store = await newStore();
    const bogus = path.join(store.dir, 'bogus.json');
    await writeFile(bogus, '{"schemaVersion":1}');
    const before = await readFile(store.file);
    await expect(store.restore(bogus)).rejects.toMatchObject({ code: 'storeInvalid' });
    expect((await readFile(store.file)).equals(before)).toBe(true);
  });

  it('every change keeps the previous version as a backup, pruned to the newest ones', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'lla-store-'));
    dirs.push(dir);
    const store = new FileStore({ dir, backupsKept: 3 });
    await createFirstQuartermaster({ actor: SYSTEM, channel: 'cli', clock: systemClock, store }, { name: 'Kim Kwartier', email: 'kim@voorbeeld.nl' });
    const ctx = ctxFor(store);
    for (let i = 0; i < 5; i++) {
      await reportCase(ctx, { regionCode: 'HGL', theme: 'housing', sketch: `Melding ${i}.`, stepsTried: ['caseTable'], helpAsked: ['advice'] });
    }
    const backups = await store.listBackups();
    expect(backups).toHaveLength(3);
    // The newest backup is the version just before the last change: 4 cases.
    const newest = parseStoreBytes(await readFile(backups[0]!.path), backups[0]!.path).data;
    expect(newest.cases).toHaveLength(4);
  });

  it('a missing store is not created when createIfMissing is false', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'lla-store-'));
    dirs.push(dir);
    const store = new FileStore({ dir, createIfMissing: false });
    await expect(store.read()).rejects.toMatchObject({ code: 'notFound' });
    expect(await store.exists()).toBe(false);
  });
});
