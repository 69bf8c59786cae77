import { describe, expect, it } from 'vitest';
import { expectLlaError, expectRefusedWithoutWrite, makeFixture, type Fixture } from '../../test/helpers/core-fixture.js';
import { msg } from '../messages.js';
import type { Person, TaskGroup } from '../schema.js';
import { addPerson, updatePerson } from './people.js';
import {
  addProgress,
  addTaskGroupMember,
  createTaskGroup,
  dissolveTaskGroup,
  getTaskGroup,
  listTaskGroups,
  removeTaskGroupMember,
  setFirstContact,
  snoozeCheckIn,
} from './task-groups.js';

async function secondPoolMember(f: Fixture): Promise<Person> {
  return addPerson(f.quartermaster, { name: 'Tom Tweede', email: 'tweede@partner.example', roles: ['processDirector'], regionCode: 'AMS', poolMember: true });
}

async function group(f: Fixture, extra: Partial<Parameters<typeof createTaskGroup>[1]> = {}): Promise<TaskGroup> {
  return createTaskGroup(f.quartermaster, {
    name: 'Signalenrapportage',
    task: 5,
    goal: 'Knelpunten uit de casuïstiek bundelen voor de ambassadeurs.',
    firstContactId: f.people.poolMember.id,
    ...extra,
  });
}

describe('createTaskGroup', () => {
  it('creates a group; the first contact is added as member', async () => {
    const f = await makeFixture();
    const other = await secondPoolMember(f);
    const tg = await group(f, { memberIds: [other.id], deadline: '2026-09-01' });
    expect(tg).toMatchObject({
      id: 'TG-001',
      name: 'Signalenrapportage',
      task: 5,
      status: 'active',
      progress: [],
      firstContactId: f.people.poolMember.id,
      deadline: '2026-09-01',
      createdById: f.people.quartermaster.id,
      createdAt: '2026-03-02T09:00:00.000Z',
    });
    expect(tg.memberIds).toEqual([other.id, f.people.poolMember.id]);
    expect((await f.data()).audit.at(-1)).toMatchObject({ action: 'taskGroup.create', entityId: 'TG-001', details: { task: 5, members: 2 } });
    expect((await group(f, { task: '3' as unknown as 3 })).id).toBe('TG-002');
  });

  it('members are given by id or e-mail and deduplicated', async () => {
    const f = await makeFixture();
    const tg = await group(f, { memberIds: ['schil@partner.example', f.people.poolMember.id] });
    expect(tg.memberIds).toEqual([f.people.poolMember.id]);
  });

  it('members and first contact must be active pool members', async () => {
    const f = await makeFixture();
    const err = await expectRefusedWithoutWrite(f.store, () => group(f, { memberIds: [f.people.projectLeadHgl.id] }), 'validation', 'memberIds');
    expect(err.message).toContain(msg.notPoolMember(f.people.projectLeadHgl.name));
    await expectRefusedWithoutWrite(f.store, () => group(f, { firstContactId: f.people.projectLeadUtr.id }), 'validation', 'firstContactId');
    await expectRefusedWithoutWrite(f.store, () => group(f, { memberIds: ['P-0999'] }), 'notFound', 'memberIds');
    const other = await secondPoolMember(f);
    await updatePerson(f.quartermaster, { personId: other.id, active: false });
    await expectRefusedWithoutWrite(f.store, () => group(f, { memberIds: [other.id] }), 'validation', 'memberIds');
  });

  it('only the quartermaster creates task groups', async () => {
    const f = await makeFixture();
    for (const ctx of [f.ambassador, f.projectLeadHgl, f.poolMember, f.system]) {
      const err = await expectRefusedWithoutWrite(
        f.store,
        () => createTaskGroup(ctx, { name: 'X groep', task: 1, goal: 'Doel', firstContactId: f.people.poolMember.id }),
        'forbidden',
      );
      expect(err.message).toBe(msg.forbidden('taakgroepen samenstellen'));
    }
  });

  it('validates task, goal and deadline; guards the goal for privacy', async () => {
    const f = await makeFixture();
    await expectRefusedWithoutWrite(f.store, () => group(f, { task: 6 as 5 }), 'validation', 'task');
    await expectRefusedWithoutWrite(f.store, () => group(f, { goal: '' }), 'validation', 'goal');
    await expectRefusedWithoutWrite(f.store, () => group(f, { deadline: '1 september' }), 'validation', 'deadline');
    await expectRefusedWithoutWrite(f.store, () => group(f, { goal: 'Casus van mevrouw Bakker oplossen.' }), 'privacy', 'goal');
  });
});

describe('members and first contact', () => {
  it('adds and removes members; removing the first contact clears it', async () => {
    const f = await makeFixture();
    const tg = await group(f);
    const other = await secondPoolMember(f);
    const added = await addTaskGroupMember(f.quartermaster, { taskGroupId: tg.id.toLowerCase(), personId: other.email });
    expect(added.memberIds).toEqual([f.people.poolMember.id, other.id]);
    await expectRefusedWithoutWrite(f.store, () => addTaskGroupMember(f.quartermaster, { taskGroupId: tg.id, personId: other.id }), 'validation', 'personId');
    await expectRefusedWithoutWrite(f.store, () => addTaskGroupMember(f.quartermaster, { taskGroupId: tg.id, personId: f.people.ambassador.id }), 'validation', 'personId');
    await expectRefusedWithoutWrite(f.store, () => addTaskGroupMember(f.ambassador, { taskGroupId: tg.id, personId: other.id }), 'forbidden');
    const removed = await removeTaskGroupMember(f.quartermaster, { taskGroupId: tg.id, personId: f.people.poolMember.id });
    expect(removed.memberIds).toEqual([other.id]);
    expect(removed.firstContactId).toBeUndefined();
    const err = await expectLlaError(removeTaskGroupMember(f.quartermaster, { taskGroupId: tg.id, personId: f.people.poolMember.id }), 'validation', 'personId');
    expect(err.message).toContain(msg.notMember(f.people.poolMember.name));
  });

  it('the first contact must be a member', async () => {
    const f = await makeFixture();
    const tg = await group(f);
    const other = await secondPoolMember(f);
    const err = await expectRefusedWithoutWrite(f.store, () => setFirstContact(f.quartermaster, { taskGroupId: tg.id, personId: other.id }), 'validation', 'firstContactId');
    expect(err.message).toContain(msg.firstContactMustBeMember());
    await addTaskGroupMember(f.quartermaster, { taskGroupId: tg.id, personId: other.id });
    expect((await setFirstContact(f.quartermaster, { taskGroupId: tg.id, personId: other.id })).firstContactId).toBe(other.id);
    await expectRefusedWithoutWrite(f.store, () => setFirstContact(f.poolMember, { taskGroupId: tg.id, personId: f.people.poolMember.id }), 'forbidden');
  });
});

describe('progress and snooze', () => {
  it('the first contact and the quartermaster add progress; others do not', async () => {
    const f = await makeFixture();
    const other = await secondPoolMember(f);
    const tg = await group(f, { memberIds: [other.id] });
    const a = await addProgress(f.as(f.people.poolMember, 'teams'), { taskGroupId: tg.id, text: 'Eerste bijeenkomst gehouden.' });
    f.clock.advanceDays(7);
    const b = await addProgress(f.quartermaster, { taskGroupId: tg.id, text: 'Concept klaar.' });
    expect(a.progress).toEqual([{ at: '2026-03-02T09:00:00.000Z', byPersonId: f.people.poolMember.id, channel: 'teams', text: 'Eerste bijeenkomst gehouden.' }]);
    expect(b.progress.map((p) => p.byPersonId)).toEqual([f.people.poolMember.id, f.people.quartermaster.id]);
    for (const ctx of [f.as(other), f.ambassador, f.projectLeadHgl]) {
      const err = await expectRefusedWithoutWrite(f.store, () => addProgress(ctx, { taskGroupId: tg.id, text: 'Ik ook.' }), 'forbidden');
      expect(err.message).toBe(msg.onlyFirstContactReports());
    }
    await expectRefusedWithoutWrite(f.store, () => addProgress(f.system, { taskGroupId: tg.id, text: 'Systeem.' }), 'forbidden');
    await expectRefusedWithoutWrite(f.store, () => addProgress(f.poolMember, { taskGroupId: tg.id, text: 'Gesproken met dhr. De Boer.' }), 'privacy', 'text');
    await expectRefusedWithoutWrite(f.store, () => addProgress(f.poolMember, { taskGroupId: tg.id, text: '  ' }), 'validation', 'text');
    await expectRefusedWithoutWrite(f.store, () => addProgress(f.poolMember, { taskGroupId: 'TG-404', text: 'x' }), 'notFound', 'taskGroupId');
  });

  it('snooze postpones the check-in; new progress clears it', async () => {
    const f = await makeFixture();
    const tg = await group(f);
    const snoozed = await snoozeCheckIn(f.poolMember, { taskGroupId: tg.id, until: '2026-03-09T09:00:00.000Z' });
    expect(snoozed.checkInSnoozedUntil).toBe('2026-03-09T09:00:00.000Z');
    expect((await f.data()).audit.at(-1)).toMatchObject({ action: 'taskGroup.snooze', details: { until: '2026-03-09T09:00:00.000Z' } });
    await expectRefusedWithoutWrite(f.store, () => snoozeCheckIn(f.ambassador, { taskGroupId: tg.id, until: '2026-03-09T09:00:00.000Z' }), 'forbidden');
    await expectRefusedWithoutWrite(f.store, () => snoozeCheckIn(f.poolMember, { taskGroupId: tg.id, until: 'volgende week' }), 'validation', 'until');
    const after = await addProgress(f.poolMember, { taskGroupId: tg.id, text: 'Toch al verder.' });
    expect(after.checkInSnoozedUntil).toBeUndefined();
  });
});

describe('dissolving', () => {
  it('sets status, time and result, and blocks every further change', async () => {
    const f = await makeFixture();
    const tg = await group(f);
    const other = await secondPoolMember(f);
    await expectRefusedWithoutWrite(f.store, () => dissolveTaskGroup(f.ambassador, { taskGroupId: tg.id, result: 'Klaar.' }), 'forbidden');
    await expectRefusedWithoutWrite(f.store, () => dissolveTaskGroup(f.poolMember, { taskGroupId: tg.id, result: 'Klaar.' }), 'forbidden');
    await expectRefusedWithoutWrite(f.store, () => dissolveTaskGroup(f.quartermaster, { taskGroupId: tg.id, result: '' }), 'validation', 'result');
    f.clock.advanceDays(30);
    const done = await dissolveTaskGroup(f.quartermaster, { taskGroupId: tg.id, result: 'Signalenrapportage loopt nu maandelijks.' });
    expect(done).toMatchObject({ status: 'dissolved', dissolvedAt: '2026-04-01T09:00:00.000Z', result: 'Signalenrapportage loopt nu maandelijks.' });

    const blocked = [
      () => addProgress(f.poolMember, { taskGroupId: tg.id, text: 'Nog iets.' }),
      () => addProgress(f.quartermaster, { taskGroupId: tg.id, text: 'Nog iets.' }),
      () => addTaskGroupMember(f.quartermaster, { taskGroupId: tg.id, personId: other.id }),
      () => removeTaskGroupMember(f.quartermaster, { taskGroupId: tg.id, personId: f.people.poolMember.id }),
      () => setFirstContact(f.quartermaster, { taskGroupId: tg.id, personId: f.people.poolMember.id }),
      () => snoozeCheckIn(f.poolMember, { taskGroupId: tg.id, until: '2026-05-01T09:00:00.000Z' }),
      () => dissolveTaskGroup(f.quartermaster, { taskGroupId: tg.id, result: 'Nogmaals.' }),
    ];
    for (const fn of blocked) {
      const err = await expectRefusedWithoutWrite(f.store, fn, 'conflict');
      expect(err.message).toBe(msg.taskGroupDissolved(tg.id));
    }
  });

  it('the result is guarded for privacy', async () => {
    const f = await makeFixture();
    const tg = await group(f);
    await expectRefusedWithoutWrite(f.store, () => dissolveTaskGroup(f.quartermaster, { taskGroupId: tg.id, result: 'Opgelost voor mevr. Visser.' }), 'privacy', 'result');
  });
});

describe('reading task groups', () => {
  it('everyone known reads them; dissolved ones only on request', async () => {
    const f = await makeFixture();
    const a = await group(f);
    const b = await group(f, { name: 'Werkproces', task: 2 });
    await dissolveTaskGroup(f.quartermaster, { taskGroupId: a.id, result: 'Klaar.' });
    expect((await listTaskGroups(f.projectLeadUtr)).map((t) => t.id)).toEqual([b.id]);
    expect((await listTaskGroups(f.ambassador, { includeDissolved: true })).map((t) => t.id)).toEqual([a.id, b.id]);
    expect((await getTaskGroup(f.projectLeadHgl, 'tg-002')).name).toBe('Werkproces');
    await expectLlaError(getTaskGroup(f.projectLeadHgl, 'TG-009'), 'notFound', 'taskGroupId');
    await expectLlaError(listTaskGroups(f.as({ personId: 'P-0999' })), 'unknownPerson');
  });
});
