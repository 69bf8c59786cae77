import { describe, expect, it } from 'vitest';
import { caseInput, expectLlaError, expectRefusedWithoutWrite, makeFixture, type Fixture } from '../../test/helpers/core-fixture.js';
import { isoWeek, planJob } from '../jobs.js';
import type { JobName } from '../schema.js';
import { moveCase, reportCase } from './cases.js';
import { createEvent, registerForEvent, cancelRegistration } from './events.js';
import { openMonitorRound, submitMonitorFigures } from './monitor.js';
import { addPerson } from './people.js';
import { authorizeJobRun, jobOverview, jobStatuses, runJob, SENT_KEY_DAYS } from './schedule.js';
import { updateSettings } from './settings.js';
import { addProgress, createTaskGroup, snoozeCheckIn } from './task-groups.js';

async function outboxOf(f: Fixture, kind?: string) {
  return (await f.data()).outbox.filter((n) => !kind || n.kind === kind);
}

async function run(f: Fixture, job: JobName) {
  return runJob(f.system, { job });
}

const recipients = (r: { queued: Array<{ recipientId: string }> }) => r.queued.map((m) => m.recipientId).sort();

describe('runJob: idempotent, audited, bounded', () => {
  it('queues the weekly digest once per week and recipient; a second run sends nothing', async () => {
    const f = await makeFixture({ start: '2026-11-23T07:00:00.000Z' }); // Monday 08:00
    const first = await run(f, 'weeklyDigest');
    expect(recipients(first)).toEqual([f.people.quartermaster.id, f.people.ambassador.id].sort());
    expect(first.queued[0]).toMatchObject({ key: `weeklyDigest:2026-W48:${first.queued[0]!.recipientId}`, kind: 'weeklyDigest', params: { from: '2026-11-16', to: '2026-11-22' } });
    const digests = await outboxOf(f, 'weeklyDigest');
    expect(digests).toHaveLength(2);
    expect(digests[0]!.params).toEqual({ from: '2026-11-16', to: '2026-11-22' });

    f.clock.advanceDays(1);
    const again = await run(f, 'weeklyDigest');
    expect(again.queued).toEqual([]);
    expect(again.alreadySent).toBe(2);
    expect(await outboxOf(f, 'weeklyDigest')).toHaveLength(2);

    const data = await f.data();
    const jobRun = data.jobRuns.find((r) => r.job === 'weeklyDigest')!;
    expect(jobRun.lastRunAt).toBe(f.clock.now().toISOString());
    expect(jobRun.sentKeys).toEqual([`weeklyDigest:2026-W48:${f.people.quartermaster.id}|2026-11-23`, `weeklyDigest:2026-W48:${f.people.ambassador.id}|2026-11-23`]);
    expect(data.audit.filter((a) => a.action === 'job.run').map((a) => a.details)).toEqual([
      { queued: 2, alreadySent: 0 },
      { queued: 0, alreadySent: 2 },
    ]);

    f.clock.advanceDays(6); // next Monday
    expect((await run(f, 'weeklyDigest')).queued.map((m) => m.key.split(':')[1])).toEqual(['2026-W49', '2026-W49']);
  });

  it('dryRun writes nothing and says what would be queued', async () => {
    const f = await makeFixture({ start: '2026-11-23T07:00:00.000Z' });
    const before = f.store.snapshot();
    const writes = f.store.writes;
    const dry = await runJob(f.system, { job: 'monthlyReport', dryRun: true });
    expect(dry).toMatchObject({ job: 'monthlyReport', dryRun: true, alreadySent: 0, purged: null });
    expect(dry.queued.map((m) => m.key)).toEqual([`monthlyReport:2026-10:${f.people.quartermaster.id}`, `monthlyReport:2026-10:${f.people.ambassador.id}`]);
    expect(dry.queued[0]!.params).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(f.store.snapshot()).toBe(before);
    expect(f.store.writes).toBe(writes);
  });

  it('only the system runs jobs; the CLI checks the quartermaster first', async () => {
    const f = await makeFixture();
    for (const ctx of [f.quartermaster, f.ambassador, f.projectLeadHgl]) {
      await expectRefusedWithoutWrite(f.store, () => runJob(ctx, { job: 'weeklyDigest' }), 'forbidden');
      await expectLlaError(runJob(ctx, { job: 'weeklyDigest', dryRun: true }), 'forbidden');
    }
    expect(await authorizeJobRun(f.quartermaster)).toBe(f.people.quartermaster.id);
    await expectLlaError(authorizeJobRun(f.ambassador), 'forbidden');
    await expectLlaError(runJob(f.system, { job: 'nope' as JobName }), 'validation', 'job');
    const r = await runJob(f.system, { job: 'weeklyDigest', requestedById: f.people.quartermaster.id });
    expect((await f.data()).audit.at(-1)).toMatchObject({ action: 'job.run', actorId: 'system', entityId: 'weeklyDigest', details: { queued: r.queued.length, requestedById: f.people.quartermaster.id } });
  });

  it('prunes sent keys older than the retention of keys', async () => {
    const f = await makeFixture({ start: '2026-11-23T07:00:00.000Z' });
    await run(f, 'weeklyDigest');
    f.clock.advanceDays(SENT_KEY_DAYS + 7);
    await run(f, 'weeklyDigest');
    const keys = (await f.data()).jobRuns.find((r) => r.job === 'weeklyDigest')!.sentKeys;
    expect(keys).toHaveLength(2);
    expect(keys.every((k) => !k.includes('2026-W48'))).toBe(true);
  });

  it('retentionPurge erases expired free text and sends nothing; the dry run lists the cases', async () => {
    const f = await makeFixture();
    const c = await reportCase(f.projectLeadHgl, caseInput());
    await moveCase(f.quartermaster, { caseCode: c.code, to: 'closedUnresolved', reason: 'Geen oplossing gevonden', outcome: 'Niet gelukt' });
    f.clock.advanceDays(366);
    const outbox = (await outboxOf(f)).length;
    expect((await runJob(f.system, { job: 'retentionPurge', dryRun: true })).purged).toEqual([c.code]);
    const r = await run(f, 'retentionPurge');
    expect(r).toMatchObject({ purged: [c.code], queued: [] });
    expect((await f.data()).cases[0]!.sketch).toBe('');
    expect(await outboxOf(f)).toHaveLength(outbox);
    expect((await run(f, 'retentionPurge')).purged).toEqual([]);
  });
});

describe('homelessness alerts', () => {
  it('14 and 3 days before the date, exactly once each, to the quartermaster and ambassadors; not when resolved', async () => {
    const f = await makeFixture(); // 2 March 2026
    const urgent = await reportCase(f.projectLeadHgl, caseInput({ homelessOn: '2026-03-20' }));
    const solved = await reportCase(f.projectLeadHgl, caseInput({ homelessOn: '2026-03-18' }));
    await moveCase(f.quartermaster, { caseCode: solved.code, to: 'resolved', outcome: 'Woonplek gevonden', lesson: 'Vroeg bellen' });
    const sent: string[] = [];
    for (let day = 0; day < 25; day++) {
      sent.push(...(await run(f, 'homelessnessAlerts')).queued.map((m) => m.key));
      f.clock.advanceDays(1);
    }
    const qm = f.people.quartermaster.id;
    const amb = f.people.ambassador.id;
    expect(sent.sort()).toEqual(
      [`homelessnessAlerts:${urgent.code}:14d:${qm}`, `homelessnessAlerts:${urgent.code}:14d:${amb}`, `homelessnessAlerts:${urgent.code}:3d:${qm}`, `homelessnessAlerts:${urgent.code}:3d:${amb}`].sort(),
    );
    const alerts = await outboxOf(f, 'homelessnessAlert');
    expect(alerts.map((n) => [n.createdAt.slice(0, 10), n.params.step, n.params.daysLeft])).toEqual([
      ['2026-03-06', 14, 14],
      ['2026-03-06', 14, 14],
      ['2026-03-17', 3, 3],
      ['2026-03-17', 3, 3],
    ]);
  });

  it('a missed day still alerts (window, not exact day), and a late case gets only the 3-day alert', async () => {
    const f = await makeFixture();
    const c = await reportCase(f.projectLeadHgl, caseInput({ homelessOn: '2026-03-14' })); // 12 days ahead
    const late = await reportCase(f.projectLeadHgl, caseInput({ homelessOn: '2026-03-04' })); // 2 days ahead
    const r = await run(f, 'homelessnessAlerts');
    expect(r.queued.map((m) => m.key.split(':').slice(1, 3).join(':')).sort()).toEqual([`${c.code}:14d`, `${c.code}:14d`, `${late.code}:3d`, `${late.code}:3d`].sort());
  });
});

describe('monitor reminders to non-responders', () => {
  it('after 3 and 7 days only project leads of regions that did not submit are reminded; the quartermaster gets the missing list once per step', async () => {
    const f = await makeFixture();
    const extra = await addPerson(f.quartermaster, { name: 'Rob Rijnmond', email: 'pl.rrm@example.org', roles: ['projectLead'], regionCode: 'RRM' });
    await openMonitorRound(f.quartermaster, { period: '2026-H1' });
    await submitMonitorFigures(f.projectLeadHgl, { includedClients: 12, newInclusions: 3, outflow: 1, started: true });

    f.clock.advanceDays(2);
    expect((await run(f, 'monitorReminders')).queued).toEqual([]);
    f.clock.advanceDays(1); // day 3
    const day3 = await run(f, 'monitorReminders');
    expect(day3.queued.filter((m) => m.kind === 'monitorReminder').map((m) => m.recipientId).sort()).toEqual([f.people.projectLeadUtr.id, extra.id].sort());
    const missing = day3.queued.filter((m) => m.kind === 'monitorMissing');
    expect(missing).toEqual([
      { key: `monitorReminders:2026-H1:3d:missing:${f.people.quartermaster.id}`, recipientId: f.people.quartermaster.id, kind: 'monitorMissing', params: { period: '2026-H1', step: 3, missing: 28, expected: 29 } },
    ]);
    f.clock.advanceDays(1);
    expect((await run(f, 'monitorReminders')).queued).toEqual([]); // day 4: nothing new

    await submitMonitorFigures(f.projectLeadUtr, { includedClients: 4, newInclusions: 1, outflow: 0, started: true });
    f.clock.advanceDays(3); // day 7
    const day7 = await run(f, 'monitorReminders');
    expect(day7.queued.map((m) => [m.kind, m.recipientId, m.params.step])).toEqual([
      ['monitorReminder', extra.id, 7],
      ['monitorMissing', f.people.quartermaster.id, 7],
    ]);
    f.clock.advanceDays(5);
    expect((await run(f, 'monitorReminders')).queued).toEqual([]);
  });

  it('no reminders for a closed round or after its closing date', async () => {
    const f = await makeFixture();
    await openMonitorRound(f.quartermaster, { period: '2026-H1', closesOn: '2026-03-04' });
    f.clock.advanceDays(3);
    expect((await run(f, 'monitorReminders')).queued).toEqual([]);
  });
});

describe('task-group check-in', () => {
  async function group(f: Fixture) {
    return createTaskGroup(f.quartermaster, { name: 'Signalenrapportage', task: 5, goal: 'Knelpunten bundelen', firstContactId: f.people.poolMember.id });
  }

  it('asks the first contact when the last update is older than the interval, again each interval while silent', async () => {
    const f = await makeFixture();
    const tg = await group(f);
    await updateSettings(f.quartermaster, { checkInIntervalDays: 14 });
    f.clock.advanceDays(13);
    expect((await run(f, 'taskGroupCheckIn')).queued).toEqual([]);
    f.clock.advanceDays(1);
    const due = await run(f, 'taskGroupCheckIn');
    expect(due.queued).toEqual([{ key: `taskGroupCheckIn:${tg.id}:2026-03-16:${f.people.poolMember.id}`, recipientId: f.people.poolMember.id, kind: 'taskGroupCheckIn', params: { taskGroupId: tg.id } }]);
    f.clock.advanceDays(7);
    expect((await run(f, 'taskGroupCheckIn')).queued).toEqual([]);
    f.clock.advanceDays(7);
    expect((await run(f, 'taskGroupCheckIn')).queued.map((m) => m.key)).toEqual([`taskGroupCheckIn:${tg.id}:2026-03-30:${f.people.poolMember.id}`]);
  });

  it('a progress update restarts the interval; a snooze is honoured and asks again when it ends', async () => {
    const f = await makeFixture();
    const tg = await group(f);
    f.clock.advanceDays(20);
    await addProgress(f.poolMember, { taskGroupId: tg.id, text: 'Concept besproken met de ambassadeurs' });
    f.clock.advanceDays(20); // 20 days after the update: not due (interval 30)
    expect((await run(f, 'taskGroupCheckIn')).queued).toEqual([]);
    f.clock.advanceDays(10); // 30 days after
    expect((await run(f, 'taskGroupCheckIn')).queued).toHaveLength(1);
    await snoozeCheckIn(f.poolMember, { taskGroupId: tg.id, until: new Date(f.clock.now().getTime() + 7 * 86_400_000).toISOString() });
    f.clock.advanceDays(6);
    expect((await run(f, 'taskGroupCheckIn')).queued).toEqual([]);
    f.clock.advanceDays(1);
    const after = await run(f, 'taskGroupCheckIn');
    expect(after.queued.map((m) => m.key)).toEqual([`taskGroupCheckIn:${tg.id}:2026-04-28:${f.people.poolMember.id}`]);
    expect((await run(f, 'taskGroupCheckIn')).queued).toEqual([]);
  });

  it('skips groups without a first contact and dissolved groups', async () => {
    const f = await makeFixture();
    await createTaskGroup(f.quartermaster, { name: 'Zonder aanspreekpunt', task: 1, goal: 'Helpdesk' });
    f.clock.advanceDays(60);
    expect((await run(f, 'taskGroupCheckIn')).queued).toEqual([]);
  });
});

describe('event reminders', () => {
  it('deadline reminder to the audience not yet registered; one week before to the registered', async () => {
    const f = await makeFixture();
    const e = await createEvent(f.quartermaster, { kind: 'vakdagProviders', date: '2026-03-20', capacity: 10, registrationDeadline: '2026-03-10' });
    await registerForEvent(f.projectLeadHgl, { eventId: e.id });
    f.clock.advanceDays(6); // 8 March: 2 days before the deadline
    const deadline = await run(f, 'eventReminders');
    // Audience "providers" = project leads; Piet registered already.
    expect(deadline.queued).toEqual([{ key: `eventReminders:${e.id}:deadline:${f.people.projectLeadUtr.id}`, recipientId: f.people.projectLeadUtr.id, kind: 'eventDeadlineReminder', params: { eventId: e.id } }]);
    expect((await run(f, 'eventReminders')).queued).toEqual([]);
    f.clock.advanceDays(5); // 13 March: 7 days before
    const week = await run(f, 'eventReminders');
    expect(week.queued.map((m) => [m.kind, m.recipientId])).toEqual([['eventReminder', f.people.projectLeadHgl.id]]);
    f.clock.advanceDays(3);
    expect((await run(f, 'eventReminders')).queued).toEqual([]);
  });

  it('cancelled people and cancelled events get no reminder', async () => {
    const f = await makeFixture();
    const e = await createEvent(f.quartermaster, { kind: 'vakdagProviders', date: '2026-03-06', capacity: 10, registrationDeadline: '2026-03-04' });
    await registerForEvent(f.projectLeadUtr, { eventId: e.id });
    await cancelRegistration(f.projectLeadUtr, { eventId: e.id });
    const r = await run(f, 'eventReminders');
    expect(r.queued.map((m) => [m.kind, m.recipientId])).toEqual([['eventDeadlineReminder', f.people.projectLeadHgl.id]]);
  });
});

describe('the planning overview', () => {
  it('lists every job with the next run off holidays and says when a catch-up is due', async () => {
    const f = await makeFixture({ start: '2027-03-24T12:00:00.000Z' }); // Wednesday before Easter
    const rows = await jobOverview(f.ambassador);
    expect(rows.map((r) => r.job)).toEqual(['weeklyDigest', 'monthlyReport', 'taskGroupCheckIn', 'monitorReminders', 'homelessnessAlerts', 'eventReminders', 'retentionPurge']);
    const digest = rows[0]!;
    expect(digest).toMatchObject({ cron: '0 8 * * 1', valid: true, lastRunAt: null, catchUp: false });
    expect(digest.nextRunAt).toBe('2027-03-30T06:00:00.000Z'); // Easter Monday → Tuesday 08:00
    await expectLlaError(jobOverview(f.projectLeadHgl), 'forbidden');

    // A week later without runs: the digest's due time passed since the store was made.
    f.clock.set('2027-03-31T12:00:00.000Z');
    const later = jobStatuses(await f.data(), f.clock.now());
    expect(later[0]).toMatchObject({ catchUp: true, lastDueAt: '2027-03-30T06:00:00.000Z' });
    await run(f, 'weeklyDigest');
    expect(jobStatuses(await f.data(), f.clock.now())[0]!.catchUp).toBe(false);
  });

  it('updateSettings validates and normalises cron expressions', async () => {
    const f = await makeFixture();
    const err = await expectRefusedWithoutWrite(f.store, () => updateSettings(f.quartermaster, { schedules: { weeklyDigest: '0 8 * * 8' } }), 'validation', 'schedules');
    expect(err.message).toBe('Ongeldig schema voor weekoverzicht: „8” valt buiten dag van de week 0–7.');
    await expectRefusedWithoutWrite(f.store, () => updateSettings(f.quartermaster, { schedules: { monthlyReport: '0 8 30 2 *' } }), 'validation', 'schedules');
    const s = await updateSettings(f.quartermaster, { schedules: { weeklyDigest: ' 30  7 * *  mon ' } });
    expect(s.schedules.weeklyDigest).toBe('30 7 * * mon');
  });

  it('isoWeek and the planners are pure', async () => {
    expect(isoWeek('2026-11-23')).toBe('2026-W48');
    expect(isoWeek('2027-01-01')).toBe('2026-W53');
    expect(isoWeek('2027-01-04')).toBe('2027-W01');
    expect(isoWeek('2025-12-29')).toBe('2026-W01');
    const f = await makeFixture();
    const data = await f.data();
    expect(planJob('weeklyDigest', data, f.clock.now())).toEqual(planJob('weeklyDigest', data, f.clock.now()));
  });
});
