import { describe, expect, it } from 'vitest';
import { SYSTEM, type Context } from '../context.js';
import { MemoryStore } from '../store.js';
import { createSeedStore } from '../../data/seed.js';
import { addPerson, createFirstQuartermaster } from './people.js';
import { moveCase, reportCase } from './cases.js';
import { MAX_ATTEMPTS, pendingNotifications, recordDelivery } from './outbox.js';

const clock = { now: () => new Date('2026-11-22T10:00:00Z') };

async function setup() {
  const store = new MemoryStore(createSeedStore(clock.now()));
  const system: Context = { actor: SYSTEM, channel: 'system', clock, store };
  const q = await createFirstQuartermaster(system, { name: 'Kim Kwartier', email: 'kim@voorbeeld.nl' });
  const qctx: Context = { actor: { personId: q.id }, channel: 'cli', clock, store };
  const lead = await addPerson(qctx, { name: 'Lot Leider', email: 'lot@voorbeeld.nl', roles: ['projectLead'], regionCode: 'HGL' });
  const lctx: Context = { actor: { personId: lead.id }, channel: 'slack', clock, store };
  return { store, system, qctx, lctx, q, lead };
}

describe('notification outbox', () => {
  it('a reported case notifies the quartermaster, a status change the reporter; delivery is recorded', async () => {
    const { system, qctx, lctx, q, lead } = await setup();
    const c = await reportCase(lctx, { theme: 'housing', sketch: 'Geen woonplek na ontslag.', stepsTried: ['caseTable'], helpAsked: ['advice'] });
    await moveCase(qctx, { caseCode: c.code, to: 'inTreatment' });

    const pending = await pendingNotifications(system);
    expect(pending.map((n) => [n.kind, n.recipientId])).toEqual([
      ['caseReported', q.id],
      ['caseStatusChanged', lead.id],
    ]);

    await recordDelivery(system, { id: pending[0]!.id });
    await recordDelivery(system, { id: pending[1]!.id, error: 'HTTP 429' });
    const after = await pendingNotifications(system);
    expect(after.map((n) => n.id)).toEqual([pending[1]!.id]);
    expect(after[0]!.attempts).toBe(1);
    expect(after[0]!.lastError).toBe('HTTP 429');
  });

  it('gives up after MAX_ATTEMPTS failures, and only the system actor may deliver', async () => {
    const { system, qctx, lctx } = await setup();
    const c = await reportCase(lctx, { theme: 'housing', sketch: 'Geen woonplek.', stepsTried: ['caseTable'], helpAsked: ['advice'] });
    await moveCase(qctx, { caseCode: c.code, to: 'inTreatment' });
    const [, n] = await pendingNotifications(system);
    for (let i = 0; i < MAX_ATTEMPTS; i++) await recordDelivery(system, { id: n!.id, error: 'HTTP 500' });
    expect((await pendingNotifications(system)).map((x) => x.id)).not.toContain(n!.id);
    await expect(pendingNotifications(qctx)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(recordDelivery(qctx, { id: n!.id })).rejects.toMatchObject({ code: 'forbidden' });
  });
});
