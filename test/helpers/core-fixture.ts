/**
 * Shared fixture for core unit tests: an in-memory store seeded with the
 * reference data, a settable fake clock, and a context per kind of actor.
 * No files, no network.
 *
 *   const f = await makeFixture();
 *   await reportCase(f.projectLeadHgl, { ... });
 *   f.clock.set('2026-12-31T23:30:00Z');
 */
import { expect } from 'vitest';
import { SYSTEM, type ActorRef, type Context } from '../../core/context.js';
import type { Clock } from '../../core/dates.js';
import { LlaError, type ErrorCode } from '../../core/errors.js';
import type { Channel, Person, StoreData } from '../../core/schema.js';
import { MemoryStore } from '../../core/store.js';
import { addPerson, createFirstQuartermaster } from '../../core/usecases/people.js';
import type { ReportCaseInput } from '../../core/usecases/cases.js';
import { createSeedStore } from '../../data/seed.js';

/** Default start of every fixture: a Monday in spring, 10:00 in Amsterdam. */
export const START = '2026-03-02T09:00:00.000Z';

export interface FakeClock extends Clock {
  /** Set the clock to an instant. */
  set(instant: string | Date): void;
  /** Move the clock forward by a number of days (may be fractional or negative). */
  advanceDays(days: number): void;
  /** Move the clock forward by a number of milliseconds. */
  advanceMs(ms: number): void;
}

export function fakeClock(start: string | Date = START): FakeClock {
  let t = new Date(start).getTime();
  return {
    now: () => new Date(t),
    set(instant) {
      t = new Date(instant).getTime();
    },
    advanceDays(days) {
      t += days * 86_400_000;
    },
    advanceMs(ms) {
      t += ms;
    },
  };
}

export interface Fixture {
  store: MemoryStore;
  clock: FakeClock;
  people: {
    quartermaster: Person;
    ambassador: Person;
    projectLeadHgl: Person;
    processDirectorHgl: Person;
    projectLeadUtr: Person;
    poolMember: Person;
  };
  system: Context;
  quartermaster: Context;
  ambassador: Context;
  projectLeadHgl: Context;
  processDirectorHgl: Context;
  projectLeadUtr: Context;
  poolMember: Context;
  /** A context for any actor reference (and optionally another channel). */
  as(actor: ActorRef | Person, channel?: Channel): Context;
  /** The current store contents (fresh parse). */
  data(): Promise<StoreData>;
}

export async function makeFixture(options: { start?: string } = {}): Promise<Fixture> {
  const clock = fakeClock(options.start ?? START);
  const store = new MemoryStore(createSeedStore(clock.now()));
  const as = (actor: ActorRef | Person, channel: Channel = 'cli'): Context => ({
    actor: 'id' in actor ? { personId: actor.id } : actor,
    channel,
    clock,
    store,
  });
  const system = as(SYSTEM, 'system');

  const quartermaster = await createFirstQuartermaster(system, {
    name: 'Kim Kwartier',
    email: 'kwartiermaker@coordinatiepunt.example',
    organisation: 'Coördinatiepunt Levensloopaanpak',
  });
  const qm = as(quartermaster);
  const ambassador = await addPerson(qm, { name: 'Anna Ambas', email: 'ambassadeur@example.org', roles: ['ambassador'] });
  const projectLeadHgl = await addPerson(qm, {
    name: 'Piet Projectleider',
    email: 'pl.hgl@fivoor.example',
    organisation: 'Fivoor',
    roles: ['projectLead'],
    regionCode: 'HGL',
    slackUserId: 'U0PLHGL',
  });
  const processDirectorHgl = await addPerson(qm, {
    name: 'Paula Procesregisseur',
    email: 'pr.hgl@zvh.example',
    organisation: 'ZVH Haaglanden',
    roles: ['processDirector'],
    regionCode: 'HGL',
  });
  const projectLeadUtr = await addPerson(qm, {
    name: 'Ursula Utrecht',
    email: 'pl.utr@fivoor.example',
    roles: ['projectLead'],
    regionCode: 'UTR',
  });
  const poolMember = await addPerson(qm, {
    name: 'Sam Schil',
    email: 'schil@partner.example',
    organisation: 'Partner',
    roles: ['processDirector'],
    regionCode: 'RRM',
    poolMember: true,
  });

  return {
    store,
    clock,
    people: { quartermaster, ambassador, projectLeadHgl, processDirectorHgl, projectLeadUtr, poolMember },
    system,
    quartermaster: qm,
    ambassador: as(ambassador),
    projectLeadHgl: as(projectLeadHgl),
    processDirectorHgl: as(processDirectorHgl),
    projectLeadUtr: as(projectLeadUtr),
    poolMember: as(poolMember),
    as,
    data: () => store.read(),
  };
}

/** A valid case report without personal data; override what a test needs. */
export function caseInput(overrides: Partial<ReportCaseInput> = {}): ReportCaseInput {
  return {
    theme: 'housing',
    bottleneckIds: ['KP-02'],
    sketch: 'Cliënt komt over drie weken vrij uit detentie; geen Wlz-indicatie en geen woonplek beschikbaar.',
    stepsTried: ['caseTable', 'regionalEscalation'],
    helpAsked: ['nationalEscalation'],
    ...overrides,
  };
}

/** English fragments that zod or JavaScript would produce if a message leaked through untranslated. */
const ENGLISH = /\b(Invalid|invalid|Expected|expected|Required|required|must|should|received|Unrecognized|undefined|null|NaN|Error)\b/;

/** Assert that a message reads as Dutch: non-empty, no English defaults. */
export function expectDutch(message: string): void {
  expect(message.trim().length).toBeGreaterThan(0);
  expect(message).not.toMatch(ENGLISH);
}

/** Assert that every message of an LlaError (main and per field) reads as Dutch. */
export function expectDutchError(err: LlaError): void {
  expectDutch(err.message);
  for (const f of err.fields) {
    expect(f.field.length).toBeGreaterThan(0);
    expectDutch(f.message);
  }
}

/**
 * Await a promise that must reject with an LlaError of `code` (and, when
 * given, about `field`); checks the message is Dutch; returns the error.
 */
export async function expectLlaError(
  promise: Promise<unknown> | (() => unknown),
  code: ErrorCode,
  field?: string,
): Promise<LlaError> {
  let caught: unknown;
  try {
    if (typeof promise === 'function') await promise();
    else await promise;
  } catch (e) {
    caught = e;
  }
  expect(caught, `expected an LlaError with code ${code}`).toBeInstanceOf(LlaError);
  const err = caught as LlaError;
  expect(err.code, `code of: ${err.message}`).toBe(code);
  if (field !== undefined) expect(err.fields.map((f) => f.field)).toContain(field);
  expectDutchError(err);
  return err;
}

/**
 * Run `fn`, which must fail with `code`, and assert that the store did not
 * change at all (byte for byte).
 */
export async function expectRefusedWithoutWrite(
  store: MemoryStore,
  fn: () => Promise<unknown>,
  code: ErrorCode,
  field?: string,
): Promise<LlaError> {
  const before = store.snapshot();
  const writes = store.writes;
  const err = await expectLlaError(fn, code, field);
  expect(store.snapshot()).toBe(before);
  expect(store.writes).toBe(writes);
  return err;
}
