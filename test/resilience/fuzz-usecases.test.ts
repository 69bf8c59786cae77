/**
 * Fuzz: every input schema of the use-cases, with fast-check. Each use-case
 * that takes one is called with thousands of arbitrary values (any JSON,
 * odd JavaScript values, nasty strings and numbers) and near-valid values (a
 * valid input with fields dropped, replaced, oversized, made unicode, huge
 * numbers, `__proto__` and other prototype keys), as different actors. Each
 * call must either succeed or throw an LlaError of an input kind (validation,
 * privacy, notFound, conflict, forbidden, unknownPerson) — never a TypeError,
 * never a crash — and afterwards the store must be valid, unchanged when the
 * call failed, and Object.prototype unpolluted.
 *
 * The schemas are enumerated from the core barrel and the use-case modules:
 * a new `…Input` or `…Filter` schema without a fuzz target fails the first test.
 */
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import * as core from '../../core/index.js';
import { SYSTEM, type ActorRef, type Context } from '../../core/context.js';
import { LlaError, type ErrorCode } from '../../core/errors.js';
import { MemoryStore } from '../../core/store.js';
import { createSeedStore } from '../../data/seed.js';
import { ROOT } from '../helpers/cli.js';
import { caseInput, fakeClock, makeFixture, START } from '../helpers/core-fixture.js';
import { anyValue, assertNoPrototypePollution, nearValid, typedVariants } from '../helpers/resilience-fuzz.js';

/** Runs per property (two properties per use-case: arbitrary values, near-valid values). */
const RUNS = Number(process.env.LLA_FUZZ_RUNS ?? 1000);
const ALLOWED: ReadonlySet<ErrorCode> = new Set(['validation', 'privacy', 'notFound', 'conflict', 'forbidden', 'unknownPerson']);
/** Default English texts of zod and JavaScript, which must never reach a person. */
const ENGLISH_DEFAULT = /Invalid input|Invalid option|Too (big|small)|Unrecognized key|expected (string|number|object|array|boolean)|Cannot read propert|is not a function|is not iterable/;

type Call = (ctx: Context, input: any) => Promise<unknown>;

interface Ids {
  hglCase: string;
  utrCase: string;
  taskGroup: string;
  event: string;
  notification: string;
  people: Record<'quartermaster' | 'ambassador' | 'projectLeadHgl' | 'processDirectorHgl' | 'projectLeadUtr' | 'poolMember', string>;
  /** Pool members: one in the task group, one not. */
  pool2: string;
  pool3: string;
}

interface Target {
  /** The use-case function (export name). */
  fn: string;
  /** The input schema it parses (export name), for the enumeration check. */
  schema?: string;
  /** Valid inputs in the base store (each must succeed for some actor in `actors`). */
  valid: (ids: Ids) => Array<Record<string, unknown>>;
  /** Who calls it; default: everyone. */
  actors?: Array<keyof Ids['people'] | 'system' | 'stranger'>;
  /**
   * No schema: the input is typed by TypeScript only (the fronts build it from
   * flags or ids). Fuzzed with well-typed values; these optional keys may be left out.
   */
  typed?: string[];
  /** Runs on a store without people (`lla init` before the first quartermaster). */
  emptyStore?: boolean;
}

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const TARGETS: Target[] = [
  { fn: 'reportCase', schema: 'ReportCaseInput', valid: () => [caseInput(), { ...caseInput(), regionCode: 'hgl', stepsNote: 'Casustafel twee keer.', homelessOn: '2026-12-01' }] },
  { fn: 'addCaseNote', schema: 'AddNoteInput', valid: (i) => [{ caseCode: i.hglCase, text: 'Gebeld met het zorgkantoor.' }, { caseCode: i.hglCase.toLowerCase(), text: 'Voor jou.', toPersonId: i.people.processDirectorHgl }] },
  {
    fn: 'moveCase',
    schema: 'MoveCaseInput',
    valid: (i) => [
      { caseCode: i.hglCase, to: 'inTreatment' },
      { caseCode: i.hglCase, to: 'resolved', outcome: 'Woonplek gevonden.', lesson: 'Eerder bellen.' },
      { caseCode: i.utrCase, to: 'regionalMediation', reason: 'Route uitgeput.', problemOwner: 'Gemeente Utrecht' },
    ],
  },
  { fn: 'setProblemOwner', schema: 'SetProblemOwnerInput', valid: (i) => [{ caseCode: i.hglCase, problemOwner: 'Zorgkantoor Haaglanden' }] },
  { fn: 'linkBottleneck', schema: 'LinkBottleneckInput', valid: (i) => [{ caseCode: i.hglCase, bottleneckId: 'KP-09' }] },
  { fn: 'listCases', schema: 'CaseFilter', valid: (i) => [{}, { regionCode: 'HGL', status: ['reported'], openOnly: true, olderThanDays: 0, reporterId: i.people.projectLeadHgl }] },
  {
    fn: 'linkChatIdentity',
    schema: 'LinkChatInput',
    valid: () => [
      { platform: 'slack', externalId: 'U0NEW0001', email: 'ambassadeur@example.org' },
      { platform: 'teams', externalId: uuid(7), email: 'PL.UTR@fivoor.example' },
    ],
    actors: ['system', 'quartermaster'],
  },
  {
    fn: 'rememberTeamsAddress',
    schema: 'TeamsAddressInput',
    valid: () => [{ serviceUrl: 'https://smba.trafficmanager.net/emea/', conversationId: 'a:1', channelId: 'msteams', botId: '28:bot', userId: '29:user', tenantId: 'tenant' }],
  },
  { fn: 'createEvent', schema: 'CreateEventInput', valid: () => [{ kind: 'vakdagProviders', date: '2026-10-01', capacity: 40, title: 'Vakdag', startTime: '10:00', endTime: '16:00', place: 'Utrecht', audience: 'all' }] },
  { fn: 'planYear', schema: 'PlanYearInput', valid: () => [{ year: 2027 }, { year: '2028' }] },
  { fn: 'updateEvent', schema: 'UpdateEventInput', valid: (i) => [{ eventId: i.event, title: 'Nieuwe titel', capacity: 3 }, { eventId: i.event.toLowerCase(), cancelled: true }] },
  { fn: 'registerForEvent', schema: 'RegistrationInput', valid: (i) => [{ eventId: i.event }, { eventId: i.event, personId: i.people.poolMember }] },
  { fn: 'cancelRegistration', schema: 'RegistrationInput', valid: (i) => [{ eventId: i.event, personId: i.people.processDirectorHgl }] },
  { fn: 'announceEvent', schema: 'AnnounceInput', valid: (i) => [{ eventId: i.event }] },
  { fn: 'openMonitorRound', schema: 'OpenRoundInput', valid: () => [{ period: '2026-h2', closesOn: '2026-12-31' }, { period: '2027-H1' }] },
  { fn: 'submitMonitorFigures', schema: 'SubmitFiguresInput', valid: () => [{ includedClients: 3, newInclusions: 1, outflow: 0, started: true }, { period: '2026-H1', regionCode: 'UTR', includedClients: '4', newInclusions: 0, outflow: 1, started: false }] },
  { fn: 'addPerson', schema: 'AddPersonInput', valid: () => [{ name: 'Nina Nieuw', email: 'nina@voorbeeld.nl', roles: ['processDirector'], regionCode: 'HGL', slackUserId: 'U0NINA001', teamsAadObjectId: uuid(9) }] },
  { fn: 'updatePerson', schema: 'UpdatePersonInput', valid: (i) => [{ personId: i.people.ambassador, name: 'Anna Ambassadeur', organisation: null, slackUserId: 'U0ANNA001' }, { personId: i.people.poolMember, active: false }] },
  { fn: 'addRegion', schema: 'AddRegionInput', valid: () => [{ code: 'nwr', name: 'Nieuwe regio', started: true, startedOn: '2026-01-01', coordinatingProvider: 'Aanbieder' }] },
  { fn: 'updateRegion', schema: 'UpdateRegionInput', valid: () => [{ code: 'HGL', name: 'Haaglanden', startedOn: null, active: true }] },
  { fn: 'updateSettings', schema: 'UpdateSettingsInput', valid: () => [{ retentionDays: 365, checkInIntervalDays: '14' }, { schedules: { weeklyDigest: '0 9 * * 1' } }] },
  { fn: 'listAudit', schema: 'AuditFilter', valid: () => [{}, { since: START, entityId: 'P-0001', limit: 5 }] },
  { fn: 'reportSignal', schema: 'ReportSignalInput', valid: () => [{ bottleneckId: 'KP-02' }, { bottleneckId: 'KP-09', regionCode: 'utr', note: 'Wmo-plek geweigerd.' }] },
  { fn: 'listSignals', schema: 'SignalFilter', valid: () => [{}, { from: START, to: '2027-01-01T00:00:00Z', regionCode: 'HGL', bottleneckId: 'KP-02' }] },
  { fn: 'addBottleneck', schema: 'AddBottleneckInput', valid: () => [{ title: 'Geen nachtopvang', owner: 'Gemeente', description: 'Vaak.', approach: 'Overleg.' }] },
  { fn: 'updateBottleneck', schema: 'UpdateBottleneckInput', valid: () => [{ bottleneckId: 'KP-02', title: 'Wonen', owner: 'Rijk', active: true }] },
  {
    fn: 'createTaskGroup',
    schema: 'CreateTaskGroupInput',
    valid: (i) => [{ name: 'Taakgroep uitstroom', task: 2, goal: 'Uitstroom versnellen.', memberIds: [i.people.poolMember], firstContactId: i.people.poolMember, deadline: '2026-12-31' }],
  },
  { fn: 'addTaskGroupMember', schema: 'MemberInput', valid: (i) => [{ taskGroupId: i.taskGroup, personId: i.pool3 }] },
  { fn: 'removeTaskGroupMember', schema: 'MemberInput', valid: (i) => [{ taskGroupId: i.taskGroup, personId: i.pool2 }] },
  { fn: 'setFirstContact', schema: 'MemberInput', valid: (i) => [{ taskGroupId: i.taskGroup, personId: i.pool2 }] },
  { fn: 'addProgress', schema: 'ProgressInput', valid: (i) => [{ taskGroupId: i.taskGroup, text: 'Twee gesprekken gevoerd.' }] },
  { fn: 'snoozeCheckIn', schema: 'SnoozeInput', valid: (i) => [{ taskGroupId: i.taskGroup, until: '2026-03-09T09:00:00Z' }] },
  { fn: 'dissolveTaskGroup', schema: 'DissolveInput', valid: (i) => [{ taskGroupId: i.taskGroup, result: 'Doel bereikt.' }] },
  { fn: 'recordDelivery', valid: (i) => [{ id: i.notification }, { id: i.notification, error: 'slack: 500', permanent: false }], actors: ['system', 'quartermaster'] },
  { fn: 'runJob', schema: 'RunJobInput', valid: () => [{ job: 'weeklyDigest', dryRun: true }, { job: 'taskGroupCheckIn' }], actors: ['system', 'quartermaster'] },
  // No schema of their own, but strings from outside in them (codes, periods, names typed on the command line).
  { fn: 'closeCase', valid: (i) => [{ caseCode: i.hglCase, resolved: true, outcome: 'Opgelost.', lesson: 'Les.', reason: 'Reden.' }], typed: ['lesson', 'reason'] },
  { fn: 'closeMonitorRound', valid: () => [{ period: '2026-H1' }], typed: [] },
  { fn: 'monitorOverview', valid: () => [{ period: '2026-H1' }], typed: ['period'] },
  { fn: 'createFirstQuartermaster', valid: () => [{ name: 'Eerste Kwartier', email: 'k1@voorbeeld.nl', organisation: 'Org' }], actors: ['system'], typed: ['organisation'], emptyStore: true },
];

/** Use-cases taking a plain id or code string from outside. */
const STRING_TARGETS = ['getCase', 'getEvent', 'getTaskGroup', 'getBottleneck'] as const;

const ACTORS = ['quartermaster', 'ambassador', 'projectLeadHgl', 'processDirectorHgl', 'projectLeadUtr', 'poolMember', 'system', 'stranger'] as const;
type ActorName = (typeof ACTORS)[number];

let ids: Ids;
let baseJson: string;
const emptyJson = JSON.stringify(createSeedStore(new Date(START)));
const modules: Record<string, Record<string, unknown>> = {};

function actorRef(name: ActorName): ActorRef {
  if (name === 'system') return SYSTEM;
  if (name === 'stranger') return { slackUserId: 'U0ONBEKEND' };
  return { personId: ids.people[name] };
}

function fnOf(name: string): Call {
  for (const m of [core as unknown as Record<string, unknown>, ...Object.values(modules)]) {
    if (typeof m[name] === 'function') return m[name] as Call;
  }
  throw new Error(`use-case ${name} not found`);
}

beforeAll(async () => {
  // Every use-case module, also one not (yet) in the barrel.
  const dir = path.join(ROOT, 'core', 'usecases');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
    modules[file] = (await import(path.join(dir, file))) as Record<string, unknown>;
  }
  const f = await makeFixture();
  const hgl = await core.reportCase(f.projectLeadHgl, caseInput());
  const utr = await core.reportCase(f.projectLeadUtr, caseInput({ theme: 'outflow' }));
  const pool = (name: string, email: string) => core.addPerson(f.quartermaster, { name, email, roles: ['processDirector'], regionCode: 'UTR', poolMember: true });
  const pool2 = await pool('Pim Pool', 'pim@partner.example');
  const pool3 = await pool('Pia Pool', 'pia@partner.example');
  const tg = await core.createTaskGroup(f.quartermaster, { name: 'Taakgroep wonen', task: 1, goal: 'Meer woonplekken.', memberIds: [f.people.poolMember.id, pool2.id], firstContactId: f.people.poolMember.id });
  const ev = await core.createEvent(f.quartermaster, { kind: 'vakdagProcessDirectors', date: '2026-06-01', capacity: 2, audience: 'processDirectors' });
  await core.registerForEvent(f.processDirectorHgl, { eventId: ev.id });
  await core.openMonitorRound(f.quartermaster, { period: '2026-H1' });
  const data = await f.data();
  ids = {
    hglCase: hgl.code,
    utrCase: utr.code,
    taskGroup: tg.id,
    event: ev.id,
    notification: data.outbox[0]!.id,
    pool2: pool2.id,
    pool3: pool3.id,
    people: {
      quartermaster: f.people.quartermaster.id,
      ambassador: f.people.ambassador.id,
      projectLeadHgl: f.people.projectLeadHgl.id,
      processDirectorHgl: f.people.processDirectorHgl.id,
      projectLeadUtr: f.people.projectLeadUtr.id,
      poolMember: f.people.poolMember.id,
    },
  };
  baseJson = f.store.snapshot();
});

/** A fresh store with the base state, and a context factory on it. */
function freshWorld(empty = false) {
  const store = new MemoryStore(JSON.parse(empty ? emptyJson : baseJson));
  const clock = fakeClock();
  return { store, ctx: (actor: ActorName): Context => ({ actor: actorRef(actor), channel: actor === 'system' ? 'system' : 'cli', clock, store }) };
}

interface Tally {
  ok: number;
  byCode: Partial<Record<ErrorCode, number>>;
}

/** One call: succeeds, or throws an allowed LlaError with a readable message; the store stays valid (and unchanged on failure). */
async function checkedCall(world: ReturnType<typeof freshWorld>, call: Call, actor: ActorName, input: unknown, tally: Tally): Promise<void> {
  const before = world.store.snapshot();
  let error: unknown;
  try {
    await call(world.ctx(actor), input);
    tally.ok += 1;
  } catch (err) {
    error = err;
  }
  assertNoPrototypePollution();
  if (error !== undefined) {
    if (!(error instanceof LlaError)) throw new Error(`not an LlaError: ${error instanceof Error ? `${error.name}: ${error.message}\n${error.stack}` : String(error)}`);
    if (!ALLOWED.has(error.code)) throw new Error(`LlaError ${error.code}: ${error.message}`);
    if (typeof error.message !== 'string' || error.message.trim() === '') throw new Error(`empty message (${error.code})`);
    if (ENGLISH_DEFAULT.test(error.message)) throw new Error(`English default text reached the message: ${error.message}`);
    for (const fe of error.fields) if (typeof fe.field !== 'string' || typeof fe.message !== 'string') throw new Error('malformed field error');
    tally.byCode[error.code] = (tally.byCode[error.code] ?? 0) + 1;
    if (world.store.snapshot() !== before) throw new Error(`the store changed although the call failed (${error.code})`);
  }
  await world.store.read(); // throws storeInvalid if the store is not valid any more
}

describe('fuzz: every use-case input schema', () => {
  it('has a fuzz target for every …Input and …Filter schema the use-cases export', () => {
    const exported = new Set<string>();
    for (const m of [core as unknown as Record<string, unknown>, ...Object.values(modules)]) {
      for (const [name, value] of Object.entries(m)) {
        if (/(Input|Filter)$/.test(name) && value && typeof (value as { safeParse?: unknown }).safeParse === 'function') exported.add(name);
      }
    }
    const covered = new Set(TARGETS.map((t) => t.schema).filter(Boolean));
    expect([...exported].filter((s) => !covered.has(s)).sort(), 'schemas without a fuzz target: add them to TARGETS').toEqual([]);
    expect(exported.size).toBeGreaterThanOrEqual(30);
    for (const t of TARGETS) expect(() => fnOf(t.fn), t.fn).not.toThrow();
  });

  it('the valid samples are valid: each succeeds for some actor on a fresh store (so the near-valid runs start from real inputs)', async () => {
    for (const t of TARGETS) {
      for (const input of t.valid(ids)) {
        let done = false;
        const errors: string[] = [];
        for (const actor of t.actors ?? ACTORS) {
          const world = freshWorld(t.emptyStore);
          try {
            await fnOf(t.fn)(world.ctx(actor), structuredClone(input));
            done = true;
            break;
          } catch (err) {
            errors.push(`${actor}: ${(err as Error).message}`);
          }
        }
        expect(done, `${t.fn}(${JSON.stringify(input)}) failed for every actor:\n${errors.join('\n')}`).toBe(true);
      }
    }
  });

  for (const t of TARGETS) {
    it(`${t.fn}${t.schema ? ` (${t.schema})` : t.typed ? ' (typed)' : ''}: ${t.typed ? 'well-typed' : 'arbitrary and near-valid'} values → success or an input error, store valid`, async () => {
      const call = fnOf(t.fn);
      const actors = fc.constantFrom<ActorName>(...(t.actors ?? ACTORS));
      const tally: Tally = { ok: 0, byCode: {} };
      let world = freshWorld(t.emptyStore);
      let calls = 0;
      const fresh = () => {
        // Keep the store small (and the state varied): a new base store every 100 calls.
        if (++calls % 100 === 0) world = freshWorld(t.emptyStore);
      };
      const typed = t.typed ? typedVariants(t.valid(ids), t.typed) : undefined;
      await fc.assert(
        fc.asyncProperty(actors, typed ?? anyValue, async (actor, input) => {
          fresh();
          await checkedCall(world, call, actor, input, tally);
        }),
        { numRuns: RUNS },
      );
      const nearOk = tally.ok;
      await fc.assert(
        fc.asyncProperty(actors, typed ?? nearValid(t.valid(ids)), async (actor, input) => {
          fresh();
          await checkedCall(world, call, actor, input, tally);
        }),
        { numRuns: RUNS },
      );
      // The near-valid runs got past validation: some succeeded, or were refused by the rules rather than the schema.
      const deep = tally.ok - nearOk + (tally.byCode.forbidden ?? 0) + (tally.byCode.notFound ?? 0) + (tally.byCode.conflict ?? 0) + (tally.byCode.privacy ?? 0) + (tally.byCode.unknownPerson ?? 0);
      expect(deep, JSON.stringify(tally)).toBeGreaterThan(0);
      if (!t.typed) expect(tally.byCode.validation ?? 0, JSON.stringify(tally)).toBeGreaterThan(0);
    });
  }

  it('use-cases taking a code or id string: arbitrary strings → the record or notFound/forbidden/unknownPerson', async () => {
    const str = fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.constantFrom(ids.hglCase, ids.utrCase, ids.event, ids.taskGroup, 'KP-02', ` ${ids.hglCase.toLowerCase()} `, 'x'.repeat(100_000)));
    for (const name of STRING_TARGETS) {
      const call = fnOf(name);
      const tally: Tally = { ok: 0, byCode: {} };
      const world = freshWorld();
      await fc.assert(
        fc.asyncProperty(fc.constantFrom<ActorName>(...ACTORS), str, async (actor, input) => {
          await checkedCall(world, call, actor, input, tally);
        }),
        { numRuns: RUNS },
      );
      expect(tally.ok, `${name} ${JSON.stringify(tally)}`).toBeGreaterThan(0);
    }
  });
});
