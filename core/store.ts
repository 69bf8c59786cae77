/**
 * The repository port core asks for, and the pure parts of loading a store:
 * migration, schema validation and referential integrity. `data/` implements
 * the port on a file; `MemoryStore` implements it in memory for tests.
 */
import { z } from 'zod';
import { describeStoreIssues, LlaError } from './errors.js';
import { msg } from './messages.js';
import { SCHEMA_VERSION, StoreSchema, type StoreData } from './schema.js';

/**
 * Every `read` and every `transact` works on its own fresh parse of the
 * store, so use-cases may hand out the records they found without copying.
 */
export interface StorePort {
  /** A fresh, validated snapshot of the store (re-read every call). Treat it as read-only. */
  read(): Promise<StoreData>;
  /**
   * Run `fn` on a fresh copy of the store under the cross-process lock. When
   * `fn` returns, the result is validated and persisted atomically; when it
   * throws, nothing is written. `fn` is synchronous on purpose: no waiting
   * while the lock is held.
   */
  transact<T>(fn: (data: StoreData) => T): Promise<T>;
}

/**
 * Migrations from each older schema version to the next. Index `n - 1`
 * migrates version `n` to `n + 1`.
 * - 1 → 2: people may carry a Teams conversation reference (optional field,
 *   nothing to convert; the version bump keeps older `lla` builds, which
 *   would silently drop the field on write, from writing the file).
 */
export const MIGRATIONS: Array<(raw: Record<string, unknown>) => Record<string, unknown>> = [(raw) => raw];

/** Brings a parsed store up to the current schema version. Pure; returns a new object when it migrated. */
export function migrate(
  raw: unknown,
  file: string,
  migrations: ReadonlyArray<(raw: Record<string, unknown>) => Record<string, unknown>> = MIGRATIONS,
  target: number = SCHEMA_VERSION,
): { data: unknown; migrated: boolean } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new LlaError('storeInvalid', msg.storeInvalidSchema(file, 'het bestand bevat geen object'));
  }
  const version = (raw as Record<string, unknown>).schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new LlaError('storeInvalid', msg.storeInvalidSchema(file, 'schemaVersion ontbreekt of is ongeldig'));
  }
  if (version > target) throw new LlaError('storeInvalid', msg.storeTooNew(file, version));
  let current = raw as Record<string, unknown>;
  for (let v = version; v < target; v++) {
    const step = migrations[v - 1];
    if (!step) throw new LlaError('storeInvalid', msg.storeInvalidSchema(file, `geen migratie van versie ${v}`));
    current = { ...step(current), schemaVersion: v + 1 };
  }
  return { data: current, migrated: version !== target };
}

/** Problems no schema can see: duplicate ids and references to things that do not exist. */
export function integrityProblems(data: StoreData): string[] {
  const problems: string[] = [];
  const unique = <T>(label: string, items: T[], key: (t: T) => string): Set<string> => {
    const seen = new Set<string>();
    for (const item of items) {
      const k = key(item);
      if (seen.has(k)) problems.push(`${label}: dubbel id ${k}`);
      seen.add(k);
    }
    return seen;
  };
  const regions = unique('regions', data.regions, (r) => r.code);
  const people = unique('people', data.people, (p) => p.id);
  unique('people', data.people, (p) => p.email.toLowerCase());
  const bottlenecks = unique('bottlenecks', data.bottlenecks, (b) => b.id);
  const cases = unique('cases', data.cases, (c) => c.code);
  unique('taskGroups', data.taskGroups, (t) => t.id);
  unique('signals', data.signals, (s) => s.id);
  unique('events', data.events, (e) => e.id);
  unique('monitorRounds', data.monitorRounds, (m) => m.period);
  unique('outbox', data.outbox, (n) => n.id);

  const ref = (label: string, set: Set<string>, id: string | undefined) => {
    if (id !== undefined && !set.has(id)) problems.push(`${label}: verwijst naar onbekend ${id}`);
  };
  for (const p of data.people) ref(`people.${p.id}.regionCode`, regions, p.regionCode);
  for (const c of data.cases) {
    ref(`cases.${c.code}.regionCode`, regions, c.regionCode);
    ref(`cases.${c.code}.reporterId`, people, c.reporterId);
    for (const h of c.history) ref(`cases.${c.code}.history`, people, h.byPersonId);
    for (const n of c.notes) {
      ref(`cases.${c.code}.notes`, people, n.byPersonId);
      ref(`cases.${c.code}.notes`, people, n.toPersonId);
    }
    for (const b of c.bottleneckIds) ref(`cases.${c.code}.bottleneckIds`, bottlenecks, b);
  }
  for (const s of data.signals) {
    ref(`signals.${s.id}.bottleneckId`, bottlenecks, s.bottleneckId);
    ref(`signals.${s.id}.regionCode`, regions, s.regionCode);
    ref(`signals.${s.id}.caseCode`, cases, s.caseCode);
    ref(`signals.${s.id}.reportedById`, people, s.reportedById);
  }
  for (const t of data.taskGroups) {
    for (const m of t.memberIds) ref(`taskGroups.${t.id}.memberIds`, people, m);
    ref(`taskGroups.${t.id}.firstContactId`, people, t.firstContactId);
    ref(`taskGroups.${t.id}.createdById`, people, t.createdById);
    for (const p of t.progress) ref(`taskGroups.${t.id}.progress`, people, p.byPersonId);
  }
  for (const e of data.events) for (const r of e.registrations) ref(`events.${e.id}.registrations`, people, r.personId);
  for (const m of data.monitorRounds) {
    ref(`monitorRounds.${m.period}.openedById`, people, m.openedById);
    for (const s of m.submissions) {
      ref(`monitorRounds.${m.period}`, regions, s.regionCode);
      ref(`monitorRounds.${m.period}`, people, s.submittedById);
    }
  }
  for (const n of data.outbox) ref(`outbox.${n.id}.recipientId`, people, n.recipientId);
  return problems;
}

/**
 * Parse-level validation of a store: migrate, check the schema and integrity.
 * Throws `storeInvalid` naming the file and the fault.
 */
export function validateStore(raw: unknown, file: string): { data: StoreData; migrated: boolean } {
  const { data, migrated } = migrate(raw, file);
  const parsed = StoreSchema.safeParse(data);
  if (!parsed.success) {
    throw new LlaError('storeInvalid', msg.storeInvalidSchema(file, describeStoreIssues(parsed.error as z.ZodError)));
  }
  const problems = integrityProblems(parsed.data);
  if (problems.length > 0) {
    const more = problems.length > 3 ? ` (en nog ${problems.length - 3})` : '';
    throw new LlaError('storeInvalid', msg.storeInvalidSchema(file, problems.slice(0, 3).join('; ') + more));
  }
  return { data: parsed.data, migrated };
}

/** Validation of a transaction's result before it is written. */
export function validateResult(data: StoreData): StoreData {
  const parsed = StoreSchema.safeParse(data);
  if (!parsed.success) {
    throw new LlaError('storeInvalid', msg.storeResultInvalid(describeStoreIssues(parsed.error as z.ZodError)));
  }
  assertResultIntegrity(parsed.data);
  return parsed.data;
}

/** The integrity half of `validateResult`, for a result whose schema check was done member by member. */
export function assertResultIntegrity(data: StoreData): void {
  const problems = integrityProblems(data);
  if (problems.length > 0) throw new LlaError('storeInvalid', msg.storeResultInvalid(problems.slice(0, 3).join('; ')));
}

// Helpers for validating a store member by member ---------------------------
//
// `StoreSchema` is a plain `z.object` without refinements or catch-all, so a
// whole store passes it exactly when every member passes its own schema, and
// a member that is a `z.array(R)` without checks passes exactly when every
// record passes `R`. The file store uses that to re-check only the records a
// transaction added or changed (see data/store-codec.ts).

type Shape = Record<string, z.ZodType>;
const shape = StoreSchema.shape as unknown as Shape;

/** The top-level members of a store, in schema order (the order zod writes them in). */
export const STORE_KEYS: readonly string[] = Object.freeze(Object.keys(shape));

/** The schema of one top-level member. */
export function storeMemberSchema(key: string): z.ZodType {
  const schema = shape[key];
  if (!schema) throw new RangeError(`unknown store member ${key}`);
  return schema;
}

/**
 * The record schema of a member that is a plain array of records (no checks
 * on the array itself, such as a minimum length), else null.
 */
export function storeRecordSchema(key: string): z.ZodType | null {
  const def = storeMemberSchema(key)._zod.def as { type: string; element?: z.ZodType; checks?: unknown[] };
  if (def.type !== 'array' || !def.element || (def.checks?.length ?? 0) > 0) return null;
  return def.element;
}

/** Whether the store schema itself allows member-by-member validation (no refinements, no catch-all). */
export function storeSchemaIsMemberwise(): boolean {
  const def = StoreSchema._zod.def as { checks?: unknown[]; catchall?: unknown };
  return (def.checks?.length ?? 0) === 0 && def.catchall === undefined;
}

/**
 * Whether a value is plain JSON data: strings, finite numbers, booleans,
 * null, arrays without holes and objects with the plain prototype, all the
 * way down, and nothing undefined. For such a value, its JSON text fixes the
 * value completely, so a record whose text equals that of a record that
 * passed the schema passes it too. Anything else (a Date, NaN, undefined,
 * a class instance, a function) is left to the schema.
 */
export function isPlainJson(value: unknown): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value);
    case 'object': {
      if (value === null) return true;
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) if (!(i in value) || !isPlainJson(value[i])) return false;
        return true;
      }
      const proto = Object.getPrototypeOf(value) as unknown;
      if (proto !== Object.prototype && proto !== null) return false;
      for (const k in value) if (!isPlainJson((value as Record<string, unknown>)[k])) return false;
      return true;
    }
    default:
      return false;
  }
}

/**
 * Everything a store's validity depends on, as text: the schema (as JSON
 * Schema) and the integrity rules. A change in either gives another text, so
 * a mark "this file was valid" made under other rules is not trusted.
 */
export function storeRulesSource(): string {
  let schema: string;
  try {
    schema = JSON.stringify(z.toJSONSchema(StoreSchema, { unrepresentable: 'any' }));
  } catch {
    schema = 'no-json-schema';
  }
  return `schema ${SCHEMA_VERSION}\n${schema}\n${integrityProblems.toString()}\n${validateStore.toString()}\n${migrate.toString()}`;
}

/**
 * A store in memory with the same semantics as the file store: every read
 * and every transaction works on a fresh parse, results are validated, and a
 * throwing transaction changes nothing. For tests and demos.
 */
export class MemoryStore implements StorePort {
  private json: string;
  writes = 0;

  constructor(initial: StoreData) {
    this.json = JSON.stringify(validateResult(initial));
  }

  async read(): Promise<StoreData> {
    return validateStore(JSON.parse(this.json), 'geheugen').data;
  }

  async transact<T>(fn: (data: StoreData) => T): Promise<T> {
    const data = validateStore(JSON.parse(this.json), 'geheugen').data;
    const result = fn(data);
    this.json = JSON.stringify(validateResult(data));
    this.writes++;
    return result;
  }

  /** The raw JSON, for tests. */
  snapshot(): string {
    return this.json;
  }
}
