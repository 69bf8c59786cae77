/**
 * The fast path of the store (data/store-codec.ts) against the full
 * validation it replaces: every change is run twice, on a store with a
 * fitting mark and on the same bytes without one, and both must end the same
 * way — the same refusal with the same message and the file untouched, or
 * byte-identical files.
 */
import { cp, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { LlaError } from '../core/errors.js';
import { StoreSchema, type StoreData } from '../core/schema.js';
import { isPlainJson, STORE_KEYS, storeRecordSchema, storeSchemaIsMemberwise, validateResult } from '../core/store.js';
import { generateDemoStore } from './demo.js';
import { FileStore, parseStoreBytes, STORE_MARK } from './file-store.js';
import { encodeValidStore, vouchedMembers } from './store-codec.js';

const NOW = new Date('2026-11-20T10:00:00.000Z');
const dirs: string[] = [];
let template: string; // a marked demo store, copied for every test
let sample: StoreData; // its content, to build records without touching the transaction's members

beforeAll(async () => {
  template = await newDir();
  const store = new FileStore({ dir: template });
  expect(await store.initialise(generateDemoStore({ now: NOW, cases: 40, seed: 7 }))).toBe(true);
  sample = JSON.parse(await readFile(store.file, 'utf8')) as StoreData;
}, 60_000);

afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

async function newDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'lla-codec-'));
  dirs.push(dir);
  return dir;
}

/** A copy of the template; with `marked: false` its mark is removed. */
async function copyStore(marked: boolean): Promise<FileStore> {
  const dir = await newDir();
  await cp(template, dir, { recursive: true });
  if (!marked) await rm(path.join(dir, STORE_MARK));
  return new FileStore({ dir, backupsKept: 3 });
}

type Outcome = { ok: true; bytes: Buffer } | { ok: false; message: string; untouched: boolean };

async function outcome(store: FileStore, fn: (data: StoreData) => void): Promise<Outcome> {
  const before = await readFile(store.file);
  try {
    await store.transact(fn);
  } catch (err) {
    if (!(err instanceof LlaError)) throw err;
    expect(err.code).toBe('storeInvalid');
    return { ok: false, message: err.message, untouched: (await readFile(store.file)).equals(before) };
  }
  return { ok: true, bytes: await readFile(store.file) };
}

/** Run `fn` on a marked and an unmarked copy; both must end the same way. Returns whether it was accepted. */
async function sameAsFullValidation(fn: (data: StoreData) => void): Promise<boolean> {
  const fast = await outcome(await copyStore(true), fn);
  const full = await outcome(await copyStore(false), fn);
  if (full.ok) {
    expect(fast.ok, fast.ok ? '' : fast.message).toBe(true);
    expect(fast.ok && fast.bytes.equals(full.bytes)).toBe(true);
    // And what was written is what a full validation of the file gives back.
    const { data } = parseStoreBytes(full.bytes, 'lla.json');
    expect(full.bytes.equals(encodeValidStore(validateResult(data)).bytes)).toBe(true);
    return true;
  }
  expect(fast).toEqual(full);
  expect(full.untouched).toBe(true);
  return false;
}

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

describe('a change is accepted or refused exactly as a full validation would', () => {
  const accepted: Array<[string, (d: StoreData) => void]> = [
    ['nothing changed', () => undefined],
    ['only reads, also of big members', (d) => void d.cases.filter((c) => c.status === 'reported').length],
    ['append a case (copy of a valid one under a new code)', (d) => {
      const c = clone(d.cases[0]!);
      c.code = 'VC-2026-9001';
      d.cases.push(c);
    }],
    ['only push to members never read (old records stay unparsed)', (d) => {
      d.signals.push({ ...clone(sample.signals[0]!), id: 'S-999020' });
      d.audit.push({ ...clone(sample.audit[0]!), seq: 999_001 });
      d.cases.push({ ...clone(sample.cases[0]!), code: 'VC-2026-9020' });
    }],
    ['append an audit entry after reading the length', (d) => {
      d.counters.audit = Math.max(d.counters.audit, d.audit.length) + 1;
      d.audit.push({ ...clone(d.audit[0]!), seq: d.counters.audit, at: NOW.toISOString() });
    }],
    ['append a record with an unknown key (stripped)', (d) => {
      const s = { ...clone(d.signals[0]!), id: 'S-999001', extra: 'weg' };
      d.signals.push(s);
    }],
    ['change a case in place', (d) => {
      d.cases[3]!.bottleneckIds = [];
    }],
    ['add an unknown key to a record in place (stripped)', (d) => {
      (d.cases[2] as Record<string, unknown>).extra = 1;
    }],
    ['replace a record by the same content in another key order', (d) => {
      const c = d.cases[1]!;
      d.cases[1] = Object.fromEntries(Object.entries(c).reverse()) as typeof c;
    }],
    ['remove records (splice) and append', (d) => {
      d.outbox.splice(0, 2);
      d.outbox.push({ ...clone(d.outbox[0]!), id: 'N-999001' });
    }],
    ['replace a member by a filtered copy', (d) => {
      d.signals = d.signals.filter((_, i) => i % 2 === 0);
    }],
    ['sort a member in place', (d) => {
      d.audit.sort((a, b) => b.seq - a.seq);
    }],
    ['unshift into a member', (d) => {
      d.signals.unshift({ ...clone(d.signals[0]!), id: 'S-999002' });
    }],
    ['an unknown top-level member (stripped)', (d) => {
      (d as Record<string, unknown>).extra = [1, 2];
    }],
    ['an undefined optional field', (d) => {
      d.people[0]!.organisation = undefined;
    }],
    ['counters and settings', (d) => {
      d.counters.signal += 5;
      d.settings.retentionDays += 1;
    }],
  ];
  for (const [name, fn] of accepted) {
    it(`accepted: ${name}`, async () => {
      expect(await sameAsFullValidation(fn)).toBe(true);
    });
  }

  const refused: Array<[string, (d: StoreData) => void]> = [
    ['append an invalid record', (d) => {
      d.audit.push({ seq: -1 } as StoreData['audit'][number]);
    }],
    ['only push an invalid record to a member never read', (d) => {
      d.signals.push({ ...clone(sample.signals[0]!), id: 'geen-id' });
    }],
    ['only push a record with a dangling reference to a member never read', (d) => {
      d.signals.push({ ...clone(sample.signals[0]!), id: 'S-999021', regionCode: 'XXX' });
    }],
    ['only push a record whose id exists to a member never read', (d) => {
      d.cases.push(clone(sample.cases[1]!));
    }],
    ['append a record that breaks a reference', (d) => {
      d.signals.push({ ...clone(d.signals[0]!), id: 'S-999003', caseCode: 'VC-1999-0001' });
    }],
    ['append a duplicate (same id)', (d) => {
      d.cases.push(clone(d.cases[0]!));
    }],
    ['append an identical record object twice', (d) => {
      const s = { ...clone(d.signals[0]!), id: 'S-999004' };
      d.signals.push(s, s);
    }],
    ['mutate a record in place to an invalid value', (d) => {
      (d.cases[5] as Record<string, unknown>).theme = 'geen-thema';
    }],
    ['mutate a record in place to break a reference', (d) => {
      d.signals[0]!.bottleneckId = 'KP-99';
    }],
    ['delete a person still referred to', (d) => {
      const used = new Set(d.cases.map((c) => c.reporterId));
      d.people = d.people.filter((p) => !used.has(p.id));
    }],
    ['a Date where a timestamp string belongs, with the same JSON text', (d) => {
      const c = d.cases[4]!;
      (c as Record<string, unknown>).reportedAt = new Date(c.reportedAt);
    }],
    ['NaN where null was (same JSON text)', (d) => {
      const n = d.outbox.find((x) => Object.values(x.params).includes(null)) ?? d.outbox[0]!;
      const key = Object.keys(n.params).find((k) => n.params[k] === null);
      if (key) n.params[key] = Number.NaN;
      else n.params.x = Number.NaN;
    }],
    ['a hole in an array', (d) => {
      d.signals.length += 1;
    }],
    ['undefined pushed', (d) => {
      (d.audit as unknown[]).push(undefined);
    }],
    ['a class instance as a record', (d) => {
      class Fake {
        constructor(readonly code: string) {}
      }
      (d.regions as unknown[]).push(new Fake('XYZ'));
    }],
    ['a member deleted', (d) => {
      delete (d as Partial<StoreData>).events;
    }],
    ['a member replaced by something else', (d) => {
      (d as Record<string, unknown>).cases = {};
    }],
    ['an invalid counter', (d) => {
      d.counters.audit = -3;
    }],
    ['an invalid record pushed after a valid one, then read back', (d) => {
      d.cases.push({ ...clone(d.cases[0]!), code: 'VC-2026-9002' });
      d.cases.push({ code: 'x' } as StoreData['cases'][number]);
      void d.cases[0];
    }],
  ];
  for (const [name, fn] of refused) {
    it(`refused, file untouched: ${name}`, async () => {
      expect(await sameAsFullValidation(fn)).toBe(false);
    });
  }
});

describe('the mark', () => {
  async function markedStore(): Promise<FileStore> {
    return copyStore(true);
  }

  /** Same-size edit of the file: replace the first occurrence of `from` by `to` (same byte length). */
  async function editInPlace(store: FileStore, from: string, to: string): Promise<void> {
    expect(Buffer.byteLength(from)).toBe(Buffer.byteLength(to));
    const text = await readFile(store.file, 'utf8');
    expect(text).toContain(from);
    await writeFile(store.file, text.replace(from, to));
  }

  it('a transaction writes a mark that fits the file', async () => {
    const store = await markedStore();
    await store.transact((d) => void (d.counters.signal += 1));
    const bytes = await readFile(store.file);
    expect(vouchedMembers(bytes, await readFile(store.markFile))).not.toBeNull();
    const mark = JSON.parse(await readFile(store.markFile, 'utf8')) as { size: number };
    expect(mark.size).toBe(bytes.length);
    expect((await stat(store.markFile)).mode & 0o777).toBe(0o600);
  });

  it('a tampered file of the same size is validated in full: an invalid edit is refused, untouched', async () => {
    const store = await markedStore();
    const email = (await store.read()).people[0]!.email;
    await editInPlace(store, `"${email}"`, `"${email.replace('@', '#')}"`);
    const before = await readFile(store.file);
    await expect(store.read()).rejects.toMatchObject({ code: 'storeInvalid' });
    await expect(store.transact(() => undefined)).rejects.toMatchObject({ code: 'storeInvalid' });
    expect((await readFile(store.file)).equals(before)).toBe(true);
  });

  it('a valid same-size hand edit is read as edited, and the next change marks it again', async () => {
    const store = await markedStore();
    const name = (await store.read()).people[0]!.name;
    const edited = `${name.slice(0, -1)}${name.endsWith('x') ? 'y' : 'x'}`;
    await editInPlace(store, `"${name}"`, `"${edited}"`);
    expect(vouchedMembers(await readFile(store.file), await readFile(store.markFile))).toBeNull();
    expect((await store.read()).people[0]!.name).toBe(edited);
    await store.transact(() => undefined);
    expect(vouchedMembers(await readFile(store.file), await readFile(store.markFile))).not.toBeNull();
    expect((await store.read()).people[0]!.name).toBe(edited);
  });

  /** Rewrite the mark's body with `change` and a correct checksum, as another version would have. */
  async function rewriteMark(store: FileStore, change: (body: Record<string, unknown>) => void): Promise<void> {
    const { check: _check, ...body } = JSON.parse(await readFile(store.markFile, 'utf8')) as Record<string, unknown>;
    change(body);
    const { createHash } = await import('node:crypto');
    const check = createHash('sha256').update(JSON.stringify(body)).digest('hex');
    await writeFile(store.markFile, JSON.stringify({ ...body, check }));
  }

  /**
   * Make the file schema-invalid while keeping a mark that fits it in every
   * other respect: a test that the mark, and not the data, decided.
   */
  async function invalidButMarked(store: FileStore): Promise<void> {
    const email = (await store.read()).people[0]!.email;
    await editInPlace(store, `"${email}"`, `"${email.replace('@', '#')}"`);
    const bytes = await readFile(store.file);
    const { createHash } = await import('node:crypto');
    await rewriteMark(store, (body) => void (body.sha256 = createHash('sha256').update(bytes).digest('hex')));
  }

  it('control: a mark that fits in every respect is trusted (it is a cache, not a guard against forgery)', async () => {
    const store = await markedStore();
    await invalidButMarked(store);
    await expect(store.read()).resolves.toBeDefined();
  });

  const stale: Array<[string, (body: Record<string, unknown>) => void]> = [
    ['a mark from an older rule set', (b) => void (b.rules = '0'.repeat(64))],
    ['a mark of an older mark format', (b) => void (b.format = 0)],
    ['a mark of another schema version', (b) => void (b.schemaVersion = (b.schemaVersion as number) - 1)],
    ['a mark of another size', (b) => void (b.size = (b.size as number) + 1)],
    ['a mark with shifted member ranges', (b) => {
      const m = b.members as Array<[string, number, number, number]>;
      m[5]![2] += 1;
      m[6]![1] += 1;
    }],
  ];
  for (const [name, change] of stale) {
    it(`${name} is not trusted: full validation refuses the invalid file, bytes untouched`, async () => {
      const store = await markedStore();
      await invalidButMarked(store);
      await rewriteMark(store, change);
      const before = await readFile(store.file);
      await expect(store.read()).rejects.toMatchObject({ code: 'storeInvalid' });
      await expect(store.transact(() => undefined)).rejects.toMatchObject({ code: 'storeInvalid' });
      await expect(store.backup()).rejects.toMatchObject({ code: 'storeInvalid' });
      expect((await readFile(store.file)).equals(before)).toBe(true);
    });
  }

  it('a damaged mark (bad checksum, not JSON, empty) is not trusted', async () => {
    for (const damage of [(t: string) => t.replace(/"size":\d/, '"size":9'), () => '{"format":', () => '']) {
      const store = await markedStore();
      await invalidButMarked(store);
      await writeFile(store.markFile, damage(await readFile(store.markFile, 'utf8')));
      await expect(store.read()).rejects.toMatchObject({ code: 'storeInvalid' });
    }
  });

  it('a missing mark: full validation (an invalid file is refused), and a valid file still works', async () => {
    const invalid = await markedStore();
    await invalidButMarked(invalid);
    await rm(invalid.markFile);
    await expect(invalid.read()).rejects.toMatchObject({ code: 'storeInvalid' });

    const valid = await copyStore(false);
    expect((await valid.read()).cases.length).toBe(40);
  });

  it('a mark of another content of the same store (an older version) is not trusted', async () => {
    const store = await markedStore();
    const oldMark = await readFile(store.markFile);
    const email = (await store.read()).people[0]!.email;
    await store.transact((d) => void (d.people[0]!.email = email.replace('@', '.x@')));
    // Put back a schema-invalid version of the same size with the first version's mark.
    await editInPlace(store, `"${email.replace('@', '.x@')}"`, `"${email.replace('@', '.x#')}"`);
    await writeFile(store.markFile, oldMark);
    await expect(store.read()).rejects.toMatchObject({ code: 'storeInvalid' });
  });

  it('a restored backup is validated in full and marked again', async () => {
    const store = await markedStore();
    await store.transact((d) => void (d.counters.signal += 1));
    const [backup] = await store.listBackups();
    await store.restore(backup!.path);
    expect(vouchedMembers(await readFile(store.file), await readFile(store.markFile))).not.toBeNull();
    expect((await store.read()).counters.signal).toBe(JSON.parse(await readFile(backup!.path, 'utf8')).counters.signal);
  });
});

describe('reads and the transaction view', () => {
  it('a marked read equals a full read, and each read is its own copy', async () => {
    const marked = await copyStore(true);
    const unmarked = await copyStore(false);
    const a = await marked.read();
    const b = await unmarked.read();
    expect(Object.keys(a)).toEqual([...STORE_KEYS]);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    a.cases[0]!.sketch = 'veranderd';
    a.people.length = 0;
    const again = await marked.read();
    expect(again.cases[0]!.sketch).not.toBe('veranderd');
    expect(again.people.length).toBe(b.people.length);
  });

  it('array members in a transaction behave as arrays', async () => {
    const store = await copyStore(true);
    const seen = await store.transact((d) => {
      const n = d.signals.length;
      const first = { ...clone(d.signals[0]!), id: 'S-999010' };
      const pushed = d.signals.push(first);
      const out = {
        isArray: Array.isArray(d.signals),
        lengths: [n, pushed, d.signals.length],
        last: d.signals.at(-1)?.id,
        has: 0 in d.signals,
        keys: Object.keys(d.signals).length,
        iterated: [...d.signals].length,
        json: (JSON.parse(JSON.stringify(d.signals)) as unknown[]).length,
      };
      d.signals.pop();
      return out;
    });
    expect(seen.isArray).toBe(true);
    expect(seen.lengths[1]).toBe(seen.lengths[0]! + 1);
    expect(seen.lengths[2]).toBe(seen.lengths[1]);
    expect(seen.last).toBe('S-999010');
    expect(seen.has).toBe(true);
    expect(seen.keys).toBe(seen.lengths[1]);
    expect(seen.iterated).toBe(seen.lengths[1]);
    expect(seen.json).toBe(seen.lengths[1]);
    expect((await store.read()).signals.some((s) => s.id === 'S-999010')).toBe(false);
  });
});

describe('the store schema allows member-by-member validation', () => {
  it('is a plain object schema whose array members are plain arrays of records', () => {
    expect(storeSchemaIsMemberwise()).toBe(true);
    for (const key of ['cases', 'signals', 'audit', 'outbox', 'people']) expect(storeRecordSchema(key)).not.toBeNull();
  });

  it('contains no transforms, defaults, coercion or custom checks (the schema returns valid data unchanged)', () => {
    const found: string[] = [];
    const seen = new Set<unknown>();
    const walk = (schema: z.ZodType, at: string): void => {
      if (seen.has(schema)) return;
      seen.add(schema);
      const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
      if (['transform', 'pipe', 'default', 'prefault', 'catch', 'custom', 'lazy', 'promise', 'date', 'bigint'].includes(def.type)) found.push(`${at}: ${def.type}`);
      if ((def as { coerce?: boolean }).coerce) found.push(`${at}: coerce`);
      for (const c of (def.checks as Array<{ _zod: { def: { check: string } } }> | undefined) ?? []) {
        if (c._zod.def.check === 'custom' || c._zod.def.check === 'overwrite') found.push(`${at}: ${c._zod.def.check}`);
      }
      for (const [k, v] of Object.entries(def)) {
        if (v instanceof z.ZodType) walk(v, `${at}.${k}`);
        else if (Array.isArray(v)) v.forEach((x, i) => x instanceof z.ZodType && walk(x, `${at}.${k}[${i}]`));
        else if (k === 'shape' && v && typeof v === 'object') for (const [sk, sv] of Object.entries(v)) walk(sv as z.ZodType, `${at}.${sk}`);
      }
    };
    walk(StoreSchema, 'store');
    expect(found).toEqual([]);
  });

  it('validating valid data again changes nothing (demo data)', () => {
    const valid = validateResult(generateDemoStore({ now: NOW, cases: 30, seed: 3 }));
    const text = JSON.stringify(valid);
    expect(JSON.stringify(validateResult(JSON.parse(text) as StoreData))).toBe(text);
    expect(isPlainJson(valid)).toBe(true);
  });

  it('isPlainJson refuses what JSON would silently change', () => {
    for (const bad of [new Date(), Number.NaN, Infinity, undefined, () => 1, [1, , 3], { a: undefined }, new (class X {})(), 1n, Symbol('s')]) {
      expect(isPlainJson(bad)).toBe(false);
    }
    for (const good of [null, 'a', 0, -0, true, [], {}, Object.create(null) as object, { a: [1, { b: null }] }]) expect(isPlainJson(good)).toBe(true);
  });
});
