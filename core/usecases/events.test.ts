import { describe, expect, it } from 'vitest';
import { expectLlaError, expectRefusedWithoutWrite, makeFixture, type Fixture } from '../../test/helpers/core-fixture.js';
import { isWorkingDay, weekday, addDays } from '../dates.js';
import { msg } from '../messages.js';
import { addPerson, updatePerson } from './people.js';
import type { LlaEvent } from '../schema.js';
import {
  announceEvent,
  cancelRegistration,
  createEvent,
  getEvent,
  listEvents,
  planYear,
  registerForEvent,
  updateEvent,
  waitlist,
  yearCycle,
} from './events.js';

async function smallEvent(f: Fixture, extra: Partial<Parameters<typeof createEvent>[1]> = {}): Promise<LlaEvent> {
  return createEvent(f.quartermaster, {
    kind: 'poolMeeting',
    date: '2026-04-20',
    capacity: 2,
    registrationDeadline: '2026-04-10',
    startTime: '13:30',
    endTime: '16:00',
    place: 'Utrecht',
    ...extra,
  });
}

describe('createEvent', () => {
  it('creates an event with a default title and audience', async () => {
    const f = await makeFixture();
    const e = await smallEvent(f);
    expect(e).toEqual({
      id: 'EV-2026-01',
      kind: 'poolMeeting',
      title: 'Vergadering vaste schil 2026',
      date: '2026-04-20',
      startTime: '13:30',
      endTime: '16:00',
      place: 'Utrecht',
      capacity: 2,
      audience: 'pool',
      registrationDeadline: '2026-04-10',
      registrations: [],
      status: 'planned',
      createdAt: '2026-03-02T09:00:00.000Z',
    });
    expect((await f.data()).audit.at(-1)).toMatchObject({ action: 'event.create', entityId: 'EV-2026-01', details: { kind: 'poolMeeting', date: '2026-04-20' } });
    const next = await createEvent(f.quartermaster, { kind: 'other', title: 'Werkbezoek', date: '2027-02-01', capacity: '25' as unknown as number });
    expect(next).toMatchObject({ id: 'EV-2027-01', audience: 'all', capacity: 25 });
  });

  it('only the quartermaster plans events', async () => {
    const f = await makeFixture();
    for (const ctx of [f.ambassador, f.projectLeadHgl, f.poolMember, f.system]) {
      await expectRefusedWithoutWrite(f.store, () => createEvent(ctx, { kind: 'other', title: 'Overleg', date: '2026-05-01', capacity: 10 }), 'forbidden');
    }
  });

  it('validates date, times, deadline, capacity and the programme', async () => {
    const f = await makeFixture();
    const err = await expectRefusedWithoutWrite(f.store, () => smallEvent(f, { date: '2026-03-01' }), 'validation', 'date');
    expect(err.message).toContain(msg.dateInPast());
    await expectRefusedWithoutWrite(f.store, () => smallEvent(f, { registrationDeadline: '2026-04-21' }), 'validation', 'registrationDeadline');
    const order = await expectRefusedWithoutWrite(f.store, () => smallEvent(f, { startTime: '16:00', endTime: '13:30' }), 'validation', 'endTime');
    expect(order.message).toContain(msg.timeOrder());
    await expectRefusedWithoutWrite(f.store, () => smallEvent(f, { startTime: '9:30' }), 'validation', 'startTime');
    await expectRefusedWithoutWrite(f.store, () => smallEvent(f, { capacity: 0 }), 'validation', 'capacity');
    await expectRefusedWithoutWrite(f.store, () => smallEvent(f, { date: '20-04-2026' }), 'validation', 'date');
    await expectRefusedWithoutWrite(f.store, () => smallEvent(f, { programme: 'Casus van dhr. Jansen bespreken.' }), 'privacy', 'programme');
    // Today is fine.
    expect((await smallEvent(f, { date: '2026-03-02', registrationDeadline: '2026-03-02' })).date).toBe('2026-03-02');
  });
});

describe('planYear', () => {
  it('creates the yearly cycle on working days and refuses a second time', async () => {
    const f = await makeFixture({ start: '2026-01-05T09:00:00Z' });
    const events = await planYear(f.quartermaster, { year: 2026 });
    expect(events.map((e) => [e.id, e.kind, e.date])).toEqual([
      ['EV-2026-01', 'poolMeeting', '2026-03-10'],
      ['EV-2026-02', 'vakdagProcessDirectors', '2026-04-09'],
      ['EV-2026-03', 'vakdagProviders', '2026-05-21'],
      ['EV-2026-04', 'poolMeeting', '2026-09-08'],
      ['EV-2026-05', 'duoMeeting', '2026-10-08'],
    ]);
    for (const e of events) {
      expect(isWorkingDay(e.date), e.date).toBe(true);
      expect([0, 6]).not.toContain(weekday(e.date));
      expect(e.registrationDeadline).toBe(addDays(e.date, -14));
      expect(e.status).toBe('planned');
    }
    expect(events.map((e) => e.title)).toEqual([
      'Vergadering vaste schil voorjaar 2026',
      'Vakdag procesregisseurs 2026',
      'Vakdag levensloopaanbieders 2026',
      'Vergadering vaste schil najaar 2026',
      'Duo-bijeenkomst ZVH en levensloopaanbieders 2026',
    ]);
    expect(events.map((e) => e.audience)).toEqual(['pool', 'processDirectors', 'providers', 'pool', 'all']);
    const err = await expectRefusedWithoutWrite(f.store, () => planYear(f.quartermaster, { year: 2026 }), 'conflict');
    expect(err.message).toBe(msg.eventsPlanned(2026));
  });

  it('moves a proposal off a public holiday (Ascension 2034 is the 3rd Thursday of May)', async () => {
    const f = await makeFixture();
    const events = await planYear(f.quartermaster, { year: 2034 });
    const providers = events.find((e) => e.kind === 'vakdagProviders');
    expect(providers?.date).toBe('2034-05-19');
    for (const e of events) expect(isWorkingDay(e.date), e.date).toBe(true);
    // The whole range of years the product plans for lands on working days.
    for (let year = 2026; year <= 2060; year++) for (const e of yearCycle(year)) expect(isWorkingDay(e.date), e.date).toBe(true);
  });

  it('skips proposals already in the past', async () => {
    const f = await makeFixture({ start: '2026-06-01T09:00:00Z' });
    const events = await planYear(f.quartermaster, { year: 2026 });
    expect(events.map((e) => e.date)).toEqual(['2026-09-08', '2026-10-08']);
  });

  it('quartermaster only; year validated', async () => {
    const f = await makeFixture();
    await expectRefusedWithoutWrite(f.store, () => planYear(f.ambassador, { year: 2027 }), 'forbidden');
    await expectRefusedWithoutWrite(f.store, () => planYear(f.quartermaster, { year: 2023 }), 'validation', 'year');
  });

  it('a cancelled cycle may be planned again', async () => {
    const f = await makeFixture();
    const events = await planYear(f.quartermaster, { year: 2027 });
    for (const e of events) await updateEvent(f.quartermaster, { eventId: e.id, cancelled: true });
    expect(await planYear(f.quartermaster, { year: 2027 })).toHaveLength(5);
  });
});

describe('registration, capacity and the waiting list', () => {
  it('registers until full, then waitlists with a position', async () => {
    const f = await makeFixture();
    const e = await smallEvent(f);
    const a = await registerForEvent(f.projectLeadHgl, { eventId: e.id });
    expect(a).toMatchObject({ status: 'registered' });
    expect(a.waitlistPosition).toBeUndefined();
    expect((await registerForEvent(f.as(f.people.processDirectorHgl, 'slack'), { eventId: e.id.toLowerCase() })).status).toBe('registered');
    f.clock.advanceMs(1000);
    const c = await registerForEvent(f.projectLeadUtr, { eventId: e.id });
    expect(c).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    f.clock.advanceMs(1000);
    const d = await registerForEvent(f.poolMember, { eventId: e.id });
    expect(d).toMatchObject({ status: 'waitlisted', waitlistPosition: 2 });
    expect(d.event.registrations.map((r) => [r.personId, r.status, r.channel])).toEqual([
      [f.people.projectLeadHgl.id, 'registered', 'cli'],
      [f.people.processDirectorHgl.id, 'registered', 'slack'],
      [f.people.projectLeadUtr.id, 'waitlisted', 'cli'],
      [f.people.poolMember.id, 'waitlisted', 'cli'],
    ]);
    expect((await f.data()).audit.at(-1)).toMatchObject({ action: 'event.register', details: { personId: f.people.poolMember.id, status: 'waitlisted' } });
    const again = await expectRefusedWithoutWrite(f.store, () => registerForEvent(f.projectLeadUtr, { eventId: e.id }), 'conflict');
    expect(again.message).toBe(msg.alreadyRegistered(true));
    const twice = await expectRefusedWithoutWrite(f.store, () => registerForEvent(f.projectLeadHgl, { eventId: e.id }), 'conflict');
    expect(twice.message).toBe(msg.alreadyRegistered(false));
  });

  it('a cancellation promotes the first on the waiting list and notifies them', async () => {
    const f = await makeFixture();
    const e = await smallEvent(f);
    await registerForEvent(f.projectLeadHgl, { eventId: e.id });
    await registerForEvent(f.processDirectorHgl, { eventId: e.id });
    f.clock.advanceMs(1000);
    await registerForEvent(f.projectLeadUtr, { eventId: e.id });
    f.clock.advanceMs(1000);
    await registerForEvent(f.poolMember, { eventId: e.id });
    f.clock.advanceDays(1);

    const after = await cancelRegistration(f.projectLeadHgl, { eventId: e.id });
    const status = Object.fromEntries(after.registrations.map((r) => [r.personId, r.status]));
    expect(status).toEqual({
      [f.people.projectLeadHgl.id]: 'cancelled',
      [f.people.processDirectorHgl.id]: 'registered',
      [f.people.projectLeadUtr.id]: 'registered',
      [f.people.poolMember.id]: 'waitlisted',
    });
    const d = await f.data();
    expect(d.outbox.filter((n) => n.kind === 'waitlistPromoted')).toEqual([
      expect.objectContaining({ recipientId: f.people.projectLeadUtr.id, params: { eventId: e.id }, createdAt: f.clock.now().toISOString() }),
    ]);
    expect(d.audit.slice(-2).map((a) => a.action)).toEqual(['event.cancelRegistration', 'event.promote']);
    expect(waitlist(after).map((r) => r.personId)).toEqual([f.people.poolMember.id]);

    // Cancelling from the waiting list frees no seat: nobody is promoted.
    await cancelRegistration(f.poolMember, { eventId: e.id });
    expect((await f.data()).outbox.filter((n) => n.kind === 'waitlistPromoted')).toHaveLength(1);

    // Not registered (any more): refused.
    const err = await expectRefusedWithoutWrite(f.store, () => cancelRegistration(f.projectLeadHgl, { eventId: e.id }), 'conflict');
    expect(err.message).toBe(msg.notRegistered());
  });

  it('re-registering after a cancellation joins the back of the queue', async () => {
    const f = await makeFixture();
    const e = await smallEvent(f, { capacity: 1 });
    await registerForEvent(f.projectLeadHgl, { eventId: e.id });
    f.clock.advanceMs(1000);
    await registerForEvent(f.projectLeadUtr, { eventId: e.id }); // waitlisted
    f.clock.advanceMs(1000);
    await cancelRegistration(f.projectLeadHgl, { eventId: e.id }); // promotes UTR
    f.clock.advanceMs(1000);
    const back = await registerForEvent(f.projectLeadHgl, { eventId: e.id });
    expect(back).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    expect(back.event.registrations.filter((r) => r.personId === f.people.projectLeadHgl.id)).toHaveLength(1);
  });

  it('raising the capacity promotes from the waiting list, in order', async () => {
    const f = await makeFixture();
    const e = await smallEvent(f, { capacity: 1 });
    await registerForEvent(f.projectLeadHgl, { eventId: e.id });
    f.clock.advanceMs(1000);
    await registerForEvent(f.projectLeadUtr, { eventId: e.id });
    f.clock.advanceMs(1000);
    await registerForEvent(f.poolMember, { eventId: e.id });
    f.clock.advanceMs(1000);
    await registerForEvent(f.processDirectorHgl, { eventId: e.id });
    const updated = await updateEvent(f.quartermaster, { eventId: e.id, capacity: 3 });
    expect(updated.registrations.filter((r) => r.status === 'registered').map((r) => r.personId)).toEqual([
      f.people.projectLeadHgl.id,
      f.people.projectLeadUtr.id,
      f.people.poolMember.id,
    ]);
    expect(waitlist(updated).map((r) => r.personId)).toEqual([f.people.processDirectorHgl.id]);
    const promoted = (await f.data()).outbox.filter((n) => n.kind === 'waitlistPromoted').map((n) => n.recipientId);
    expect(promoted).toEqual([f.people.projectLeadUtr.id, f.people.poolMember.id]);
  });

  it('the registration deadline (inclusive, Amsterdam day) binds everyone but the quartermaster', async () => {
    const f = await makeFixture();
    const e = await smallEvent(f, { capacity: 10 });
    f.clock.set('2026-04-10T21:30:00Z'); // 23:30 on 10 April in Amsterdam (CEST)
    expect((await registerForEvent(f.projectLeadHgl, { eventId: e.id })).status).toBe('registered');
    f.clock.set('2026-04-10T22:30:00Z'); // 00:30 on 11 April in Amsterdam
    const err = await expectRefusedWithoutWrite(f.store, () => registerForEvent(f.projectLeadUtr, { eventId: e.id }), 'conflict');
    expect(err.message).toBe('Aanmelden kon tot en met 10 april 2026.');
    expect((await registerForEvent(f.quartermaster, { eventId: e.id })).status).toBe('registered');
    expect((await registerForEvent(f.quartermaster, { eventId: e.id, personId: f.people.projectLeadUtr.id })).status).toBe('registered');
  });

  it('only the quartermaster registers someone else; the system actor registers nobody', async () => {
    const f = await makeFixture();
    const e = await smallEvent(f);
    const err = await expectRefusedWithoutWrite(f.store, () => registerForEvent(f.projectLeadHgl, { eventId: e.id, personId: f.people.projectLeadUtr.id }), 'forbidden');
    expect(err.message).toBe(msg.forbidden('iemand anders aan- of afmelden'));
    await expectRefusedWithoutWrite(f.store, () => cancelRegistration(f.ambassador, { eventId: e.id, personId: f.people.projectLeadUtr.id }), 'forbidden');
    await expectRefusedWithoutWrite(f.store, () => registerForEvent(f.system, { eventId: e.id }), 'forbidden');
    // Naming oneself explicitly is fine.
    expect((await registerForEvent(f.projectLeadHgl, { eventId: e.id, personId: 'pl.hgl@fivoor.example' })).status).toBe('registered');
    await expectLlaError(registerForEvent(f.quartermaster, { eventId: e.id, personId: 'P-0999' }), 'notFound', 'personId');
    await expectLlaError(registerForEvent(f.quartermaster, { eventId: 'EV-2026-99' }), 'notFound', 'eventId');
  });

  it('cancelled and past events take no registrations', async () => {
    const f = await makeFixture();
    const e = await smallEvent(f);
    await updateEvent(f.quartermaster, { eventId: e.id, cancelled: true });
    const err = await expectRefusedWithoutWrite(f.store, () => registerForEvent(f.quartermaster, { eventId: e.id }), 'conflict');
    expect(err.message).toBe(msg.eventCancelled(e.id));
    const later = await smallEvent(f, { date: '2026-03-05', registrationDeadline: undefined });
    f.clock.set('2026-03-06T09:00:00Z');
    const past = await expectRefusedWithoutWrite(f.store, () => registerForEvent(f.quartermaster, { eventId: later.id }), 'conflict');
    expect(past.message).toBe(msg.eventPast());
  });
});

describe('updating and reading events', () => {
  it('only the quartermaster changes events; changes are validated', async () => {
    const f = await makeFixture();
    const e = await smallEvent(f);
    await expectRefusedWithoutWrite(f.store, () => updateEvent(f.ambassador, { eventId: e.id, capacity: 5 }), 'forbidden');
    await expectRefusedWithoutWrite(f.store, () => updateEvent(f.quartermaster, { eventId: e.id, date: '2026-03-01' }), 'validation', 'date');
    await expectRefusedWithoutWrite(f.store, () => updateEvent(f.quartermaster, { eventId: e.id, endTime: '12:00' }), 'validation', 'endTime');
    await expectRefusedWithoutWrite(f.store, () => updateEvent(f.quartermaster, { eventId: e.id, date: '2026-04-05' }), 'validation', 'registrationDeadline');
    const moved = await updateEvent(f.quartermaster, { eventId: e.id, date: '2026-04-21', place: 'Den Haag' });
    expect(moved).toMatchObject({ date: '2026-04-21', place: 'Den Haag' });
    expect((await f.data()).audit.at(-1)).toMatchObject({ action: 'event.update', details: { fields: 'date,place' } });
  });

  it('everyone known reads events; upcoming and per year', async () => {
    const f = await makeFixture();
    const a = await smallEvent(f, { date: '2026-03-05', registrationDeadline: undefined });
    const b = await smallEvent(f, { date: '2026-04-01', registrationDeadline: undefined });
    const c = await createEvent(f.quartermaster, { kind: 'duoMeeting', date: '2027-10-07', capacity: 200 });
    await updateEvent(f.quartermaster, { eventId: b.id, cancelled: true });
    f.clock.set('2026-03-10T09:00:00Z');
    expect((await listEvents(f.projectLeadHgl)).map((e) => e.id)).toEqual([a.id, b.id, c.id]);
    expect((await listEvents(f.projectLeadHgl, { upcomingOnly: true })).map((e) => e.id)).toEqual([c.id]);
    expect((await listEvents(f.poolMember, { year: 2026 })).map((e) => e.id)).toEqual([a.id, b.id]);
    expect((await getEvent(f.ambassador, c.id)).title).toBe('Duo-bijeenkomst ZVH en levensloopaanbieders 2027');
    await expectLlaError(getEvent(f.ambassador, 'EV-2030-01'), 'notFound', 'eventId');
  });
});

describe('announceEvent', () => {
  it('invites the active people of the audience once, skipping who is registered already', async () => {
    const f = await makeFixture();
    const e = await smallEvent(f, { kind: 'vakdagProcessDirectors' }); // audience: process directors
    await registerForEvent(f.processDirectorHgl, { eventId: e.id });
    const gone = await addPerson(f.quartermaster, { name: 'Oud Regisseur', email: 'oud@zvh.example', roles: ['processDirector'], regionCode: 'UTR' });
    await updatePerson(f.quartermaster, { personId: gone.id, active: false });

    const first = await announceEvent(f.quartermaster, { eventId: e.id });
    expect(first.announced).toEqual([f.people.poolMember.id]); // the other process director; Paula is registered, the inactive one left out
    expect(first.skipped).toBe(1);
    const data = await f.data();
    expect(data.outbox.filter((n) => n.kind === 'eventAnnounced').map((n) => [n.recipientId, n.params.eventId])).toEqual([[f.people.poolMember.id, e.id]]);
    expect(data.audit.at(-1)).toMatchObject({ action: 'event.announce', entityId: e.id, details: { audience: 'processDirectors', announced: 1 } });

    // Repeating reaches only people added since.
    const late = await addPerson(f.quartermaster, { name: 'Nieuwe Regisseur', email: 'nieuw@zvh.example', roles: ['processDirector'], regionCode: 'UTR' });
    expect((await announceEvent(f.quartermaster, { eventId: e.id })).announced).toEqual([late.id]);
    expect((await announceEvent(f.quartermaster, { eventId: e.id })).announced).toEqual([]);
  });

  it('reaches everyone for "all", the pool for a pool meeting', async () => {
    const f = await makeFixture();
    const all = await smallEvent(f, { kind: 'duoMeeting' });
    expect((await announceEvent(f.quartermaster, { eventId: all.id })).announced).toHaveLength(5); // everyone but the sender
    const pool = await smallEvent(f, { kind: 'poolMeeting' });
    expect((await announceEvent(f.quartermaster, { eventId: pool.id })).announced).toEqual([f.people.poolMember.id]);
  });

  it('is for the quartermaster, and not for cancelled or past events', async () => {
    const f = await makeFixture();
    const e = await smallEvent(f);
    await expectRefusedWithoutWrite(f.store, () => announceEvent(f.projectLeadHgl, { eventId: e.id }), 'forbidden');
    await updateEvent(f.quartermaster, { eventId: e.id, cancelled: true });
    await expectRefusedWithoutWrite(f.store, () => announceEvent(f.quartermaster, { eventId: e.id }), 'conflict');
    const past = await smallEvent(f, { date: '2026-04-20' });
    f.clock.set('2026-04-21T09:00:00Z');
    await expectRefusedWithoutWrite(f.store, () => announceEvent(f.quartermaster, { eventId: past.id }), 'conflict');
    await expectLlaError(announceEvent(f.quartermaster, { eventId: 'EV-2026-99' }), 'notFound');
  });
});
