/**
 * The store file's bytes: how a store is encoded, how a file is trusted
 * without validating it again, and how a transaction's result is checked
 * member by member. `FileStore` (file-store.ts) does the locking and the
 * durable writes; this module does the work in between.
 *
 * Why: a store of 10,000 cases is some 45 MB of JSON. A schema check of the
 * whole store costs twice as much as parsing it, and a transaction used to
 * check it twice (after reading and before writing), while reads checked it
 * every time. Most of that work re-checks bytes `lla` itself checked before.
 *
 * 1. The file is `JSON.stringify(store) + "\n"`, byte for byte what it was
 *    before; the encoder only writes it member by member so that it knows
 *    where each top-level member's value starts and ends.
 * 2. Beside the file, `lla.json.valid` (the "mark") records, for the file as
 *    written: size, SHA-256, schema version, a fingerprint of the rules
 *    (schema + integrity checks, see `storeRulesSource`), and the byte range
 *    and record count of every member. The mark has its own checksum. It is
 *    written only for bytes that passed full validation or the equivalent
 *    member check below.
 * 3. Loading: when the mark is intact and size, hash, version and rules all
 *    match, the bytes are exactly bytes `lla` validated, so the schema and
 *    integrity checks are skipped. Anything else — no mark, a hand edit
 *    (even of the same size), a file written by another version, a restored
 *    backup, a mark of another content, a damaged mark — means a full parse
 *    and full validation as before. The mark is a cache, not a security
 *    boundary: whoever can write it can write the store itself.
 * 4. Reads on a marked file parse each member only when it is first touched
 *    (a getter that replaces itself with the parsed value). Finding a person
 *    parses `people`, not the 45 MB around it. Every read still re-reads and
 *    hashes the file and gets its own fresh objects.
 * 5. In a transaction on a marked file, each array member is handed out as a
 *    proxy over a real array. Until the transaction does anything else with
 *    it, the proxy only records `push`es and reports the length, so an
 *    append-only change (an audit entry, a new case) never parses the old
 *    records. Any other use parses the old records into the array first;
 *    from then on the proxy only forwards.
 * 6. Checking the result, member by member (`StoreSchema` is a plain object
 *    schema, so the store is valid exactly when each member is):
 *    - a member never touched: its old bytes, already validated;
 *    - a proxy that only recorded pushes: the new records go through the
 *      record schema; the old records are the old bytes;
 *    - an array that was parsed or replaced: its JSON text is compared with
 *      the old text. Equal text, or the old text followed by new records
 *      (a JSON value ends where its text ends, so a shared prefix up to the
 *      comma after the last old record means the first n records have
 *      exactly the old records' texts), and plain JSON data (see
 *      `isPlainJson`) means those records are the validated ones; only the
 *      rest goes through the record schema. Any other change: the whole
 *      member goes through its schema;
 *    - every other member goes through its schema.
 *    Then the integrity check runs on the whole result, as before. If any
 *    member fails, the full `validateResult` runs on the whole result to
 *    refuse it with exactly the message it always gave. The records that
 *    are trusted by their text were written from the schema's own output,
 *    and the store schema has no transforms or defaults (a test holds it to
 *    that), so the schema would return them unchanged: the bytes written are
 *    the bytes a full validation would have written.
 */
import { createHash } from 'node:crypto';
import { LlaError } from '../core/errors.js';
import { msg } from '../core/messages.js';
import { SCHEMA_VERSION, type StoreData } from '../core/schema.js';
import {
  assertResultIntegrity,
  isPlainJson,
  STORE_KEYS,
  storeMemberSchema,
  storeRecordSchema,
  storeRulesSource,
  storeSchemaIsMemberwise,
  validateResult,
  validateStore,
} from '../core/store.js';
import type { z } from 'zod';

/** Version of the mark's own format. */
export const MARK_FORMAT = 1;

/** A top-level member's value in the file: bytes [start, end), and its record count (-1: not an array). */
export interface MemberRange {
  key: string;
  start: number;
  end: number;
  count: number;
}

/** A store ready to write: the file's bytes, the mark that vouches for them, and the member ranges. */
export interface EncodedStore {
  bytes: Buffer;
  mark: string;
  members: MemberRange[];
}

/** A loaded file: bytes vouched for by their mark, or a store that was parsed and fully validated. */
export type LoadedStore = { kind: 'marked'; bytes: Buffer; members: MemberRange[] } | { kind: 'parsed'; data: StoreData; migrated: boolean };

function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

let rulesFingerprint: string | undefined;
/** SHA-256 of the rules a mark was made under (computed once per process). */
export function currentRules(): string {
  return (rulesFingerprint ??= sha256(storeRulesSource()));
}

/** Parse and fully validate the bytes of a store file; throws `storeInvalid` naming the file and the fault. */
export function parseStoreBytes(bytes: Buffer, file: string): { data: StoreData; migrated: boolean } {
  let raw: unknown;
  try {
    raw = JSON.parse(bytes.toString('utf8'));
  } catch (err) {
    throw new LlaError('storeInvalid', msg.storeInvalidJson(file, (err as Error).message));
  }
  return validateStore(raw, file);
}

const memberPrefix = (index: number, key: string): string => `${index === 0 ? '{' : ','}${JSON.stringify(key)}:`;
const SUFFIX = '}\n';

/** The file and its mark from each member's value (as JSON text, or old bytes) and record count. */
function assemble(values: ReadonlyArray<string | Buffer>, counts: readonly number[]): EncodedStore {
  const parts: Buffer[] = [];
  const members: Array<[string, number, number, number]> = [];
  let pos = 0;
  STORE_KEYS.forEach((key, i) => {
    const prefix = Buffer.from(memberPrefix(i, key));
    const raw = values[i]!;
    const value = typeof raw === 'string' ? Buffer.from(raw) : raw;
    parts.push(prefix, value);
    pos += prefix.length;
    members.push([key, pos, pos + value.length, counts[i]!]);
    pos += value.length;
  });
  parts.push(Buffer.from(SUFFIX));
  const bytes = Buffer.concat(parts, pos + SUFFIX.length);
  const body = { format: MARK_FORMAT, size: bytes.length, sha256: sha256(bytes), schemaVersion: SCHEMA_VERSION, rules: currentRules(), members };
  return {
    bytes,
    mark: `${JSON.stringify({ ...body, check: sha256(JSON.stringify(body)) })}\n`,
    members: members.map(([key, start, end, count]) => ({ key, start, end, count })),
  };
}

/** Encode a store that passed `validateResult` (its output, so members in schema order). */
export function encodeValidStore(valid: StoreData): EncodedStore {
  const record = valid as unknown as Record<string, unknown>;
  const values = STORE_KEYS.map((k) => JSON.stringify(record[k]));
  const counts = STORE_KEYS.map((k) => (Array.isArray(record[k]) ? (record[k] as unknown[]).length : -1));
  return assemble(values, counts);
}

/** The member ranges a mark vouches for, or null when the mark does not fit these bytes exactly. */
export function vouchedMembers(bytes: Buffer, mark: Buffer | null): MemberRange[] | null {
  if (mark === null || !storeSchemaIsMemberwise()) return null;
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(mark.toString('utf8')) as Record<string, unknown>;
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const { check, ...body } = parsed;
  if (typeof check !== 'string' || check !== sha256(JSON.stringify(body))) return null;
  if (body.format !== MARK_FORMAT || body.schemaVersion !== SCHEMA_VERSION || body.rules !== currentRules()) return null;
  if (body.size !== bytes.length || typeof body.sha256 !== 'string' || !Array.isArray(body.members)) return null;
  const list = body.members as unknown[];
  if (list.length !== STORE_KEYS.length) return null;
  const members: MemberRange[] = [];
  let pos = 0;
  for (const [i, key] of STORE_KEYS.entries()) {
    const m = list[i];
    if (!Array.isArray(m) || m.length !== 4 || m[0] !== key) return null;
    const [, start, end, count] = m as [string, unknown, unknown, unknown];
    if (!Number.isInteger(start) || !Number.isInteger(end) || !Number.isInteger(count)) return null;
    const prefix = Buffer.from(memberPrefix(i, key));
    // The layout must be exactly the encoder's: prefix, value, next prefix, ….
    if (start !== pos + prefix.length || (end as number) < (start as number)) return null;
    if (!bytes.subarray(pos, pos + prefix.length).equals(prefix)) return null;
    members.push({ key, start: start as number, end: end as number, count: count as number });
    pos = end as number;
  }
  if (pos + SUFFIX.length !== bytes.length || bytes.toString('utf8', pos) !== SUFFIX) return null;
  // Last, as the most expensive: the bytes are the bytes the mark was made for.
  if (sha256(bytes) !== body.sha256) return null;
  return members;
}

/** Trust the bytes by their mark, else parse and validate them fully. */
export function loadStore(bytes: Buffer, mark: Buffer | null, file: string): LoadedStore {
  const members = vouchedMembers(bytes, mark);
  if (members) return { kind: 'marked', bytes, members };
  return { kind: 'parsed', ...parseStoreBytes(bytes, file) };
}

function decode(bytes: Buffer, m: MemberRange): unknown {
  return JSON.parse(bytes.toString('utf8', m.start, m.end));
}

/** Replace an accessor by a plain, writable data property. */
function settle(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}

/**
 * An enumerable property that computes its value on first use and then
 * becomes a plain data property; assigning also makes it one. Returns the
 * getter, so a caller can tell later whether the property was ever touched.
 */
function defineLazy(target: object, key: string, make: () => unknown): () => unknown {
  const get = (): unknown => {
    const value = make();
    settle(target, key, value);
    return value;
  };
  Object.defineProperty(target, key, {
    get,
    set: (value: unknown) => settle(target, key, value),
    enumerable: true,
    configurable: true,
  });
  return get;
}

/** A fresh store for a read: parsed member by member on first use when the file is marked. */
export function readView(loaded: LoadedStore): StoreData {
  if (loaded.kind === 'parsed') return loaded.data;
  const data = {};
  for (const m of loaded.members) defineLazy(data, m.key, () => decode(loaded.bytes, m));
  return data as StoreData;
}

/**
 * An array member inside a transaction, behind a proxy. While it is only
 * pushed to, the old records stay unparsed; anything else parses them into
 * the real array first and from then on the proxy only forwards.
 */
class AppendLog {
  readonly target: unknown[] = [];
  readonly added: unknown[] = [];
  readonly proxy: unknown[];
  materialized = false;
  private oldText: string | undefined;
  /** The number of old records: the mark's count until they are parsed, then the parsed length. */
  oldCount: number;

  constructor(
    private readonly bytes: Buffer,
    private readonly range: MemberRange,
  ) {
    this.oldCount = range.count;
    this.proxy = new Proxy(this.target, {
      get: (target, prop, receiver) => {
        if (!this.materialized) {
          if (prop === 'length') return this.oldCount + this.added.length;
          // `push` itself only reads the length and sets the next index and the length.
          if (prop === 'push') return Array.prototype.push;
          this.materialize();
        }
        return Reflect.get(target, prop, receiver) as unknown;
      },
      set: (target, prop, value, receiver) => {
        if (!this.materialized) {
          const length = this.oldCount + this.added.length;
          if (prop === String(length)) {
            this.added.push(value);
            return true;
          }
          if (prop === 'length' && value === length) return true;
          this.materialize();
        }
        return Reflect.set(target, prop, value, receiver);
      },
      // Everything else sees the real, complete array.
      has: (target, prop) => {
        this.materialize();
        return Reflect.has(target, prop);
      },
      ownKeys: (target) => {
        this.materialize();
        return Reflect.ownKeys(target);
      },
      getOwnPropertyDescriptor: (target, prop) => {
        this.materialize();
        return Reflect.getOwnPropertyDescriptor(target, prop);
      },
      defineProperty: (target, prop, attributes) => {
        this.materialize();
        return Reflect.defineProperty(target, prop, attributes);
      },
      deleteProperty: (target, prop) => {
        this.materialize();
        return Reflect.deleteProperty(target, prop);
      },
    });
  }

  /** The old member's JSON text (decoded once). */
  text(): string {
    return (this.oldText ??= this.bytes.toString('utf8', this.range.start, this.range.end));
  }

  materialize(): void {
    if (this.materialized) return;
    const old = JSON.parse(this.text()) as unknown[];
    this.oldCount = old.length;
    for (const item of old) this.target.push(item);
    for (const item of this.added) this.target.push(item);
    this.added.length = 0;
    this.materialized = true;
  }
}

/** Records through the record schema; their outputs, or null when one fails. */
function validateRecords(schema: z.ZodType, records: readonly unknown[]): unknown[] | null {
  const out: unknown[] = new Array<unknown>(records.length);
  for (let i = 0; i < records.length; i++) {
    const r = schema.safeParse(records[i]);
    if (!r.success) return null;
    out[i] = r.data;
  }
  return out;
}

/** A member's checked result: its JSON text or old bytes, record count, and the value for the integrity check. */
interface CheckedMember {
  value: string | Buffer;
  count: number;
  data: () => unknown;
}

/**
 * Check an array member that was parsed or replaced, against the old text
 * (see point 6 above). `oldCount` is the number of records in `oldText`
 * when known for certain (parsed), else null. Null when it fails the schema.
 */
function checkArray(key: string, records: unknown[], oldText: string, oldBytes: Buffer, oldCount: number | null): CheckedMember | null {
  const recordSchema = storeRecordSchema(key)!;
  let text: string | undefined;
  try {
    text = JSON.stringify(records);
  } catch {
    text = undefined; // not serialisable (a cycle, a BigInt): leave the verdict to the schema
  }
  if (text !== undefined) {
    if (text === oldText && isPlainJson(records)) return { value: oldBytes, count: records.length, data: () => records };
    const head = oldText.length - 1; // the old text without its closing `]`
    if (
      oldCount !== null &&
      oldCount > 0 &&
      records.length > oldCount &&
      text.length > oldText.length &&
      text.charCodeAt(head) === 44 /* , */ &&
      text.startsWith(oldText.slice(0, head))
    ) {
      const old = records.slice(0, oldCount);
      if (isPlainJson(old)) {
        const tail = validateRecords(recordSchema, records.slice(oldCount));
        if (tail === null) return null;
        const tailText = tail.map((r) => JSON.stringify(r)).join(',');
        return { value: `${oldText.slice(0, head)},${tailText}]`, count: records.length, data: () => [...old, ...tail] };
      }
    }
  }
  const r = storeMemberSchema(key).safeParse(records);
  if (!r.success) return null;
  const valid = r.data as unknown[];
  return { value: JSON.stringify(valid), count: valid.length, data: () => valid };
}

/** A transaction's working copy of the store and the step that checks and encodes the result. */
export interface StoreTransaction {
  data: StoreData;
  /** Validate the result (throws `storeInvalid` as `validateResult` does) and encode it. */
  finish(): EncodedStore;
}

export function openTransaction(loaded: LoadedStore): StoreTransaction {
  if (loaded.kind === 'parsed') {
    const data = loaded.data;
    return { data, finish: () => encodeValidStore(validateResult(data)) };
  }
  const { bytes, members } = loaded;
  const data = {} as Record<string, unknown>;
  const getters = new Map<string, () => unknown>();
  const logs = new Map<string, AppendLog>();
  for (const m of members) {
    const make = storeRecordSchema(m.key)
      ? () => {
          const log = new AppendLog(bytes, m);
          logs.set(m.key, log);
          return log.proxy;
        }
      : () => decode(bytes, m);
    getters.set(m.key, defineLazy(data, m.key, make));
  }

  /** The whole result as plain data (for the full validation that words a refusal). */
  const plain = (): StoreData => {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(data)) {
      const value = data[key];
      const log = logs.get(key);
      if (log && value === log.proxy) {
        log.materialize();
        out[key] = log.target;
      } else {
        out[key] = value;
      }
    }
    return out as StoreData;
  };

  const finish = (): EncodedStore => {
    const values: Array<string | Buffer> = [];
    const counts: number[] = [];
    const view = {} as Record<string, unknown>;
    let failed = false;
    for (const m of members) {
      const key = m.key;
      const oldBytes = bytes.subarray(m.start, m.end);
      const desc = Object.getOwnPropertyDescriptor(data, key);
      let checked: CheckedMember | null;
      if (desc?.get !== undefined && desc.get === getters.get(key)) {
        checked = { value: oldBytes, count: m.count, data: () => decode(bytes, m) }; // never touched
      } else {
        const value = data[key];
        const log = logs.get(key);
        const recordSchema = storeRecordSchema(key);
        if (recordSchema && log && value === log.proxy && !log.materialized) {
          const added = validateRecords(recordSchema, log.added);
          if (added === null) checked = null;
          else if (added.length === 0) checked = { value: oldBytes, count: log.oldCount, data: () => JSON.parse(log.text()) };
          else {
            const tail = added.map((r) => JSON.stringify(r)).join(',');
            const value = log.oldCount === 0 ? `[${tail}]` : Buffer.concat([bytes.subarray(m.start, m.end - 1), Buffer.from(`,${tail}]`)]);
            checked = { value, count: log.oldCount + added.length, data: () => [...(JSON.parse(log.text()) as unknown[]), ...added] };
          }
        } else if (recordSchema && Array.isArray(value)) {
          const parsedLog = log && value === log.proxy ? log : undefined;
          const records = parsedLog ? parsedLog.target : (value as unknown[]);
          const oldText = log ? log.text() : bytes.toString('utf8', m.start, m.end);
          // The old record count is certain only once the old text was parsed.
          const oldCount = log?.materialized ? log.oldCount : null;
          checked = checkArray(key, records, oldText, oldBytes, oldCount);
        } else {
          const r = storeMemberSchema(key).safeParse(value);
          checked = r.success ? { value: JSON.stringify(r.data), count: Array.isArray(r.data) ? r.data.length : -1, data: () => r.data } : null;
        }
      }
      if (checked === null) {
        failed = true;
        break;
      }
      values.push(checked.value);
      counts.push(checked.count);
      defineLazy(view, key, checked.data);
    }
    if (failed) {
      // Refuse with exactly the message a full validation gives.
      validateResult(plain());
      throw new LlaError('storeInvalid', msg.storeResultInvalid('controle per onderdeel'));
    }
    assertResultIntegrity(view as StoreData);
    return assemble(values, counts);
  };

  return { data: data as StoreData, finish };
}
