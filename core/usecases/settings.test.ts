import { describe, expect, it } from 'vitest';
import { expectLlaError, expectRefusedWithoutWrite, makeFixture } from '../../test/helpers/core-fixture.js';
import { msg } from '../messages.js';
import { getSettings, listAudit, updateSettings } from './settings.js';
import { addRegion } from './people.js';

describe('settings', () => {
  it('everyone known reads the settings; defaults from the seed', async () => {
    const f = await makeFixture();
    const s = await getSettings(f.projectLeadHgl);
    expect(s).toMatchObject({ retentionDays: 365, checkInIntervalDays: 30, timeZone: 'Europe/Amsterdam' });
    expect(Object.keys(s.schedules).sort()).toEqual(
      ['eventReminders', 'homelessnessAlerts', 'monitorReminders', 'monthlyReport', 'retentionPurge', 'taskGroupCheckIn', 'weeklyDigest'],
    );
    await expectLlaError(getSettings(f.as({ personId: 'P-0999' })), 'unknownPerson');
  });

  it('only the quartermaster changes them; audited with the changed fields', async () => {
    const f = await makeFixture();
    for (const ctx of [f.ambassador, f.projectLeadHgl, f.system]) {
      const err = await expectRefusedWithoutWrite(f.store, () => updateSettings(ctx, { retentionDays: 90 }), 'forbidden');
      expect(err.message).toBe(msg.forbidden('instellingen wijzigen'));
    }
    const s = await updateSettings(f.quartermaster, { retentionDays: '90' as unknown as number, checkInIntervalDays: 14, schedules: { weeklyDigest: '0 9 * * 1' } });
    expect(s.retentionDays).toBe(90);
    expect(s.checkInIntervalDays).toBe(14);
    expect(s.schedules.weeklyDigest).toBe('0 9 * * 1');
    expect(s.schedules.monthlyReport).toBe('0 8 1 * *');
    expect((await f.data()).audit.at(-1)).toMatchObject({
      action: 'settings.update',
      entityType: 'settings',
      details: { fields: 'retentionDays,checkInIntervalDays,schedules', schedules: 'weeklyDigest' },
    });
  });

  it('changes everything at once: all schedules and both numbers', async () => {
    const f = await makeFixture();
    const schedules = {
      weeklyDigest: '0 7 * * 1',
      monthlyReport: '0 7 1 * *',
      taskGroupCheckIn: '0 10 * * 2',
      monitorReminders: '0 10 * * *',
      homelessnessAlerts: '0 6 * * *',
      eventReminders: '30 10 * * *',
      retentionPurge: '0 4 * * *',
    };
    const s = await updateSettings(f.quartermaster, { retentionDays: 400, checkInIntervalDays: 21, schedules });
    expect(s.schedules).toEqual(schedules);
    expect((await getSettings(f.ambassador)).retentionDays).toBe(400);
    const entry = (await f.data()).audit.at(-1);
    expect(entry?.action).toBe('settings.update');
    for (const key of ['retentionDays', 'checkInIntervalDays', ...Object.keys(schedules)]) {
      expect(JSON.stringify(entry?.details)).toContain(key);
    }
  });

  it('refuses out-of-range values with Dutch messages, writing nothing', async () => {
    const f = await makeFixture();
    const err = await expectRefusedWithoutWrite(f.store, () => updateSettings(f.quartermaster, { retentionDays: 10 }), 'validation', 'retentionDays');
    expect(err.message).toBe('bewaartermijn (dagen): moet minstens 30 zijn');
    await expectRefusedWithoutWrite(f.store, () => updateSettings(f.quartermaster, { checkInIntervalDays: 500 }), 'validation', 'checkInIntervalDays');
    await expectRefusedWithoutWrite(f.store, () => updateSettings(f.quartermaster, { retentionDays: 45.5 }), 'validation', 'retentionDays');
    await expectRefusedWithoutWrite(f.store, () => updateSettings(f.quartermaster, { schedules: { nightly: '0 1 * * *' } as never }), 'validation', 'schedules');
  });
});

describe('the audit trail', () => {
  it('every change is audited with seq, time, actor and channel', async () => {
    const f = await makeFixture();
    const audit = await listAudit(f.quartermaster);
    expect(audit[0]).toMatchObject({ seq: 1, action: 'store.create', actorId: 'system' });
    expect(audit.map((a) => a.seq)).toEqual(audit.map((_, i) => i + 1));
    expect(audit.filter((a) => a.action === 'person.add')).toHaveLength(6);
  });

  it('quartermaster and ambassadors read it; regional people do not', async () => {
    const f = await makeFixture();
    expect((await listAudit(f.ambassador)).length).toBeGreaterThan(0);
    const err = await expectLlaError(listAudit(f.projectLeadHgl), 'forbidden');
    expect(err.message).toBe(msg.forbidden('het auditlog inzien'));
  });

  it('filters on since, entity and limit', async () => {
    const f = await makeFixture();
    f.clock.advanceDays(1);
    await addRegion(f.quartermaster, { code: 'NEW', name: 'Nieuwe Regio' });
    await updateSettings(f.quartermaster, { retentionDays: 60 });
    const since = await listAudit(f.quartermaster, { since: '2026-03-03T00:00:00Z' });
    expect(since.map((a) => a.action)).toEqual(['region.add', 'settings.update']);
    expect((await listAudit(f.quartermaster, { entityId: 'NEW' })).map((a) => a.action)).toEqual(['region.add']);
    expect((await listAudit(f.quartermaster, { limit: 1 })).map((a) => a.action)).toEqual(['settings.update']);
    await expectLlaError(listAudit(f.quartermaster, { since: 'gisteren' }), 'validation', 'since');
  });
});

describe('backup and restore authorization', () => {
  it('any known person may back up; only the kwartiermaker may restore', async () => {
    const { authorizeBackup, authorizeRestore } = await import('./settings.js');
    const f = await makeFixture();
    await expect(authorizeBackup(f.projectLeadHgl)).resolves.toBeUndefined();
    await expectLlaError(authorizeBackup(f.as({ personId: 'P-0999' })), 'unknownPerson');
    await expect(authorizeRestore(f.quartermaster)).resolves.toBeUndefined();
    await expectLlaError(authorizeRestore(f.ambassador), 'forbidden');
    await expectLlaError(authorizeRestore(f.projectLeadHgl), 'forbidden');
  });

  it('a store that fails validation may be restored: that is the repair', async () => {
    const { authorizeRestore } = await import('./settings.js');
    const { LlaError } = await import('../errors.js');
    const f = await makeFixture();
    const broken = { ...f.projectLeadHgl, store: { read: async () => { throw new LlaError('storeInvalid', 'kapot'); }, transact: async () => { throw new Error('unused'); } } };
    await expect(authorizeRestore(broken)).resolves.toBeUndefined();
  });
});
