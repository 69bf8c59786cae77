import { describe, expect, it } from 'vitest';
import { createSeedStore } from '../data/seed.js';
import { expectDutch, expectLlaError, makeFixture } from '../test/helpers/core-fixture.js';
import { fromZodError } from './errors.js';
import {
  AuditEntrySchema,
  BottleneckSchema,
  CaseCode,
  EventSchema,
  MonitorRoundSchema,
  NotificationSchema,
  Period,
  PersonSchema,
  RegionCode,
  RegionSchema,
  SettingsSchema,
  SignalSchema,
  StoreSchema,
  StuckCaseSchema,
  TaskGroupSchema,
  type LlaEvent,
  type MonitorRound,
  type Person,
  type StuckCase,
  type TaskGroup,
} from './schema.js';
import { addPerson } from './usecases/people.js';
import { reportCase } from './usecases/cases.js';
import { openMonitorRound } from './usecases/monitor.js';

const AT = '2026-03-02T09:00:00.000Z';

const person: Person = {
  id: 'P-0001',
  name: 'Kim Kwartier',
  email: 'kim@example.org',
  roles: ['quartermaster'],
  poolMember: false,
  active: true,
  createdAt: AT,
};

const stuckCase: StuckCase = {
  code: 'VC-2026-0001',
  regionCode: 'HGL',
  reporterId: 'P-0002',
  channel: 'slack',
  theme: 'housing',
  bottleneckIds: ['KP-02'],
  sketch: 'Geen woonplek na detentie.',
  stepsTried: ['caseTable'],
  helpAsked: ['advice'],
  status: 'reported',
  history: [{ from: null, to: 'reported', at: AT, byPersonId: 'P-0002', channel: 'slack' }],
  notes: [],
  reportedAt: AT,
};

const taskGroup: TaskGroup = {
  id: 'TG-001',
  name: 'Signalenrapportage',
  task: 5,
  goal: 'Knelpunten bundelen',
  memberIds: ['P-0003'],
  firstContactId: 'P-0003',
  status: 'active',
  progress: [{ at: AT, byPersonId: 'P-0003', channel: 'teams', text: 'Eerste overleg gehouden.' }],
  createdAt: AT,
  createdById: 'P-0001',
};

const event: LlaEvent = {
  id: 'EV-2026-01',
  kind: 'vakdagProcessDirectors',
  title: 'Vakdag procesregisseurs 2026',
  date: '2026-04-09',
  startTime: '09:30',
  endTime: '16:30',
  capacity: 120,
  audience: 'processDirectors',
  registrationDeadline: '2026-03-26',
  registrations: [{ personId: 'P-0002', status: 'registered', at: AT, channel: 'cli', updatedAt: AT }],
  status: 'planned',
  createdAt: AT,
};

const round: MonitorRound = {
  period: '2026-H1',
  openedAt: AT,
  openedById: 'P-0001',
  status: 'open',
  submissions: [
    { regionCode: 'HGL', includedClients: 12, newInclusions: 3, outflow: 1, started: true, submittedById: 'P-0002', submittedAt: AT, channel: 'slack' },
  ],
};

describe('record schemas: valid records pass', () => {
  it('person, region, case, task group, event, monitor round', () => {
    expect(PersonSchema.safeParse(person).success).toBe(true);
    expect(PersonSchema.safeParse({ ...person, roles: ['projectLead'], regionCode: 'HGL', slackUserId: 'U012ABC', teamsAadObjectId: '8f14e45f-ceea-4e7a-9f6b-2d3c4b5a6978' }).success).toBe(true);
    expect(RegionSchema.safeParse({ code: 'HGL', name: 'Haaglanden', started: true, active: true, startedOn: '2022-01-01' }).success).toBe(true);
    expect(StuckCaseSchema.safeParse(stuckCase).success).toBe(true);
    expect(TaskGroupSchema.safeParse(taskGroup).success).toBe(true);
    expect(EventSchema.safeParse(event).success).toBe(true);
    expect(MonitorRoundSchema.safeParse(round).success).toBe(true);
    expect(SignalSchema.safeParse({ id: 'S-000001', bottleneckId: 'KP-02', regionCode: 'HGL', reportedById: 'P-0002', channel: 'cli', at: AT }).success).toBe(true);
    expect(
      AuditEntrySchema.safeParse({ seq: 1, at: AT, actorId: 'system', channel: 'system', action: 'case.report', entityType: 'case', entityId: 'VC-2026-0001', details: { a: 1, b: null } })
        .success,
    ).toBe(true);
    expect(NotificationSchema.safeParse({ id: 'N-000001', kind: 'caseNote', recipientId: 'P-0002', createdAt: AT, params: { caseCode: 'VC-2026-0001' }, attempts: 0 }).success).toBe(true);
  });

  it('a freshly seeded store passes the store schema', () => {
    const seeded = createSeedStore(new Date(AT));
    expect(StoreSchema.safeParse(seeded).success).toBe(true);
    expect(seeded.regions).toHaveLength(31);
    expect(seeded.bottlenecks).toHaveLength(14);
    expect(SettingsSchema.safeParse(seeded.settings).success).toBe(true);
    for (const b of seeded.bottlenecks) expect(BottleneckSchema.safeParse(b).success).toBe(true);
  });

  it('the fixture store with people passes the store schema', async () => {
    const f = await makeFixture();
    expect(StoreSchema.safeParse(await f.data()).success).toBe(true);
  });
});

describe('record schemas: typical bad values fail', () => {
  it.each(['hgl', 'H', 'HAAGLANDEN1', 'HG L', '1HG', ''])('region code %j', (code) => {
    expect(RegionCode.safeParse(code).success).toBe(false);
    expect(RegionSchema.safeParse({ code, name: 'Haaglanden', started: true, active: true }).success).toBe(false);
  });

  it.each(['VC-26-0001', 'VC-2026-1', 'vc-2026-0001', 'XX-2026-0001', 'VC-2026-00a1', 'Jan Jansen'])('case code %j', (code) => {
    expect(CaseCode.safeParse(code).success).toBe(false);
    expect(StuckCaseSchema.safeParse({ ...stuckCase, code }).success).toBe(false);
  });

  it('accepts case codes with a longer sequence', () => {
    expect(CaseCode.safeParse('VC-2026-12345').success).toBe(true);
  });

  it.each(['kim', 'kim@', 'kim@example', 'kim example.org', ''])('e-mail %j', (email) => {
    expect(PersonSchema.safeParse({ ...person, email }).success).toBe(false);
  });

  it.each(['2026-1', '2026-H3', '2026H1', '26-H1', '2026-h1', '2026-Q1'])('period %j', (period) => {
    expect(Period.safeParse(period).success).toBe(false);
    expect(MonitorRoundSchema.safeParse({ ...round, period }).success).toBe(false);
  });

  it('other fields', () => {
    expect(PersonSchema.safeParse({ ...person, roles: [] }).success).toBe(false);
    expect(PersonSchema.safeParse({ ...person, roles: ['boss'] }).success).toBe(false);
    expect(PersonSchema.safeParse({ ...person, id: 'P-1' }).success).toBe(false);
    expect(PersonSchema.safeParse({ ...person, slackUserId: 'x123' }).success).toBe(false);
    expect(PersonSchema.safeParse({ ...person, createdAt: '2026-03-02' }).success).toBe(false);
    expect(StuckCaseSchema.safeParse({ ...stuckCase, status: 'open' }).success).toBe(false);
    expect(StuckCaseSchema.safeParse({ ...stuckCase, helpAsked: [] }).success).toBe(false);
    expect(StuckCaseSchema.safeParse({ ...stuckCase, history: [] }).success).toBe(false);
    expect(StuckCaseSchema.safeParse({ ...stuckCase, bottleneckIds: ['KP-2'] }).success).toBe(false);
    expect(StuckCaseSchema.safeParse({ ...stuckCase, homelessOn: '31-12-2026' }).success).toBe(false);
    expect(StuckCaseSchema.safeParse({ ...stuckCase, homelessOn: '2026-02-30' }).success).toBe(false);
    expect(TaskGroupSchema.safeParse({ ...taskGroup, task: 6 }).success).toBe(false);
    expect(EventSchema.safeParse({ ...event, capacity: 0 }).success).toBe(false);
    expect(EventSchema.safeParse({ ...event, startTime: '24:00' }).success).toBe(false);
    expect(EventSchema.safeParse({ ...event, id: 'EV-26-01' }).success).toBe(false);
    expect(MonitorRoundSchema.safeParse({ ...round, submissions: [{ ...round.submissions[0], includedClients: -1 }] }).success).toBe(false);
    expect(SettingsSchema.safeParse({ ...createSeedStore(new Date(AT)).settings, retentionDays: 10 }).success).toBe(false);
    expect(AuditEntrySchema.safeParse({ seq: 1, at: AT, actorId: 'root', channel: 'cli', action: 'x', entityType: 'case', entityId: 'a' }).success).toBe(false);
  });
});

describe('zod failures become Dutch validation errors', () => {
  it('names the fields and never leaks English defaults', () => {
    const r = PersonSchema.safeParse({ ...person, email: 'nope', roles: ['boss'], id: 'x', active: 'yes', createdAt: 'gisteren' });
    expect(r.success).toBe(false);
    if (r.success) return;
    const err = fromZodError(r.error);
    expect(err.code).toBe('validation');
    const fields = err.fields.map((f) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['email', 'roles', 'id', 'active', 'createdAt']));
    expectDutch(err.message);
    for (const f of err.fields) expectDutch(f.message);
    expect(err.message).toContain('e-mailadres: geen geldig e-mailadres');
  });

  it('regex failures without their own message still read as Dutch', () => {
    const r = StuckCaseSchema.safeParse({ ...stuckCase, code: 'nope', bottleneckIds: ['x'], regionCode: 'x' });
    expect(r.success).toBe(false);
    if (r.success) return;
    const err = fromZodError(r.error);
    for (const f of err.fields) expectDutch(f.message);
    expect(err.fields.find((f) => f.field === 'regionCode')?.message).toBe('regiocode: 2 tot 8 hoofdletters/cijfers');
  });
});

describe('schema rules enforced in use-cases', () => {
  it('a project lead without a region is refused (field regionCode)', async () => {
    const f = await makeFixture();
    const err = await expectLlaError(
      addPerson(f.quartermaster, { name: 'Zonder Regio', email: 'zr@example.org', roles: ['projectLead'] }),
      'validation',
      'regionCode',
    );
    expect(err.message).toMatch(/regio/);
  });

  it('a bad region code in input is refused (field regionCode)', async () => {
    const f = await makeFixture();
    await expectLlaError(
      addPerson(f.quartermaster, { name: 'Rare Regio', email: 'rr@example.org', roles: ['projectLead'], regionCode: 'hgl' }),
      'validation',
      'regionCode',
    );
    await expectLlaError(reportCase(f.quartermaster, { theme: 'housing', sketch: 'x', stepsTried: ['caseTable'], helpAsked: ['advice'], regionCode: 'H-G' }), 'validation', 'regionCode');
  });

  it('an invalid e-mail is refused (field email)', async () => {
    const f = await makeFixture();
    const err = await expectLlaError(addPerson(f.quartermaster, { name: 'Geen Mail', email: 'geen-mail', roles: ['ambassador'] }), 'validation', 'email');
    expect(err.message).toContain('geen geldig e-mailadres');
  });

  it('a wrong period format is refused (field period)', async () => {
    const f = await makeFixture();
    const err = await expectLlaError(openMonitorRound(f.quartermaster, { period: '2026-3' }), 'validation', 'period');
    expect(err.message).toContain('jjjj-H1 of jjjj-H2');
  });
});
