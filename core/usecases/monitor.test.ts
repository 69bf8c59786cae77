import { describe, expect, it } from 'vitest';
import { expectLlaError, expectRefusedWithoutWrite, makeFixture } from '../../test/helpers/core-fixture.js';
import { msg } from '../messages.js';
import { addPerson, updatePerson } from './people.js';
import { closeMonitorRound, listMonitorRounds, monitorOverview, openMonitorRound, openRound, submitMonitorFigures } from './monitor.js';

const figures = { includedClients: 12, newInclusions: 3, outflow: 1, started: true };

describe('monitor rounds', () => {
  it('the quartermaster opens a round (period upper-cased); audited', async () => {
    const f = await makeFixture();
    const r = await openMonitorRound(f.quartermaster, { period: '2026-h1', closesOn: '2026-07-15' });
    expect(r).toEqual({ period: '2026-H1', openedAt: '2026-03-02T09:00:00.000Z', openedById: f.people.quartermaster.id, closesOn: '2026-07-15', status: 'open', submissions: [] });
    expect((await f.data()).audit.at(-1)).toMatchObject({ action: 'monitor.open', entityType: 'monitorRound', entityId: '2026-H1' });
    expect(openRound(await f.data())?.period).toBe('2026-H1');
  });

  it('refuses others, duplicates, bad periods and a closing date in the past', async () => {
    const f = await makeFixture();
    for (const ctx of [f.ambassador, f.projectLeadHgl, f.system]) {
      await expectRefusedWithoutWrite(f.store, () => openMonitorRound(ctx, { period: '2026-H1' }), 'forbidden');
    }
    await openMonitorRound(f.quartermaster, { period: '2026-H1' });
    const dup = await expectRefusedWithoutWrite(f.store, () => openMonitorRound(f.quartermaster, { period: '2026-H1' }), 'conflict');
    expect(dup.message).toBe(msg.roundExists('2026-H1'));
    for (const period of ['2026-H3', '2026-1', 'H1-2026', '2026']) {
      await expectRefusedWithoutWrite(f.store, () => openMonitorRound(f.quartermaster, { period }), 'validation', 'period');
    }
    await expectRefusedWithoutWrite(f.store, () => openMonitorRound(f.quartermaster, { period: '2026-H2', closesOn: '2026-03-01' }), 'validation', 'closesOn');
  });

  it('closing a round: quartermaster only, once', async () => {
    const f = await makeFixture();
    await openMonitorRound(f.quartermaster, { period: '2026-H1' });
    await expectRefusedWithoutWrite(f.store, () => closeMonitorRound(f.ambassador, { period: '2026-H1' }), 'forbidden');
    const closed = await closeMonitorRound(f.quartermaster, { period: '2026-h1' });
    expect(closed).toMatchObject({ status: 'closed', closedAt: '2026-03-02T09:00:00.000Z' });
    const again = await expectRefusedWithoutWrite(f.store, () => closeMonitorRound(f.quartermaster, { period: '2026-H1' }), 'conflict');
    expect(again.message).toBe(msg.roundClosed('2026-H1'));
    await expectLlaError(closeMonitorRound(f.quartermaster, { period: '2025-H2' }), 'notFound', 'period');
  });
});

describe('submitting figures', () => {
  it('a project lead submits for their own region into the open round', async () => {
    const f = await makeFixture();
    await openMonitorRound(f.quartermaster, { period: '2026-H1' });
    const s = await submitMonitorFigures(f.as(f.people.projectLeadHgl, 'slack'), figures);
    expect(s).toEqual({ regionCode: 'HGL', ...figures, submittedById: f.people.projectLeadHgl.id, submittedAt: '2026-03-02T09:00:00.000Z', channel: 'slack' });
    expect((await f.data()).audit.at(-1)).toMatchObject({ action: 'monitor.submit', entityId: '2026-H1', details: { regionCode: 'HGL', replaced: false, includedClients: 12 } });
  });

  it('for their own region only; process directors and ambassadors do not submit', async () => {
    const f = await makeFixture();
    await openMonitorRound(f.quartermaster, { period: '2026-H1' });
    const err = await expectRefusedWithoutWrite(f.store, () => submitMonitorFigures(f.projectLeadHgl, { ...figures, regionCode: 'UTR' }), 'forbidden');
    expect(err.message).toBe(msg.forbiddenOtherRegion());
    await expectRefusedWithoutWrite(f.store, () => submitMonitorFigures(f.processDirectorHgl, figures), 'forbidden');
    await expectRefusedWithoutWrite(f.store, () => submitMonitorFigures(f.ambassador, { ...figures, regionCode: 'HGL' }), 'forbidden');
    await expectRefusedWithoutWrite(f.store, () => submitMonitorFigures(f.system, { ...figures, regionCode: 'HGL' }), 'forbidden');
    await expectRefusedWithoutWrite(f.store, () => submitMonitorFigures(f.as({ personId: 'P-0999' }), figures), 'unknownPerson');
    // The quartermaster submits on a region's behalf, and must name it.
    expect((await submitMonitorFigures(f.quartermaster, { ...figures, regionCode: 'utr' })).regionCode).toBe('UTR');
    await expectRefusedWithoutWrite(f.store, () => submitMonitorFigures(f.quartermaster, figures), 'validation', 'regionCode');
    await expectRefusedWithoutWrite(f.store, () => submitMonitorFigures(f.quartermaster, { ...figures, regionCode: 'XYZ' }), 'notFound', 'regionCode');
  });

  it('a resubmission replaces the earlier one', async () => {
    const f = await makeFixture();
    await openMonitorRound(f.quartermaster, { period: '2026-H1' });
    await submitMonitorFigures(f.projectLeadHgl, figures);
    f.clock.advanceDays(1);
    await submitMonitorFigures(f.projectLeadHgl, { ...figures, includedClients: 14 });
    const [round] = (await f.data()).monitorRounds;
    expect(round?.submissions).toHaveLength(1);
    expect(round?.submissions[0]).toMatchObject({ regionCode: 'HGL', includedClients: 14, submittedAt: '2026-03-03T09:00:00.000Z' });
    expect((await f.data()).audit.at(-1)?.details).toMatchObject({ replaced: true });
  });

  it('needs an open round', async () => {
    const f = await makeFixture();
    const err = await expectRefusedWithoutWrite(f.store, () => submitMonitorFigures(f.projectLeadHgl, figures), 'conflict');
    expect(err.message).toBe(msg.noOpenRound());
    await openMonitorRound(f.quartermaster, { period: '2025-H2' });
    await closeMonitorRound(f.quartermaster, { period: '2025-H2' });
    await expectRefusedWithoutWrite(f.store, () => submitMonitorFigures(f.projectLeadHgl, figures), 'conflict');
    await expectRefusedWithoutWrite(f.store, () => submitMonitorFigures(f.projectLeadHgl, { ...figures, period: '2025-H2' }), 'conflict');
    await expectRefusedWithoutWrite(f.store, () => submitMonitorFigures(f.projectLeadHgl, { ...figures, period: '2024-H2' }), 'notFound', 'period');
  });

  it('validates the figures with Dutch messages', async () => {
    const f = await makeFixture();
    await openMonitorRound(f.quartermaster, { period: '2026-H1' });
    await expectRefusedWithoutWrite(f.store, () => submitMonitorFigures(f.projectLeadHgl, { ...figures, includedClients: -1 }), 'validation', 'includedClients');
    await expectRefusedWithoutWrite(f.store, () => submitMonitorFigures(f.projectLeadHgl, { ...figures, outflow: 2.5 }), 'validation', 'outflow');
    await expectRefusedWithoutWrite(f.store, () => submitMonitorFigures(f.projectLeadHgl, { ...figures, newInclusions: 'veel' as unknown as number }), 'validation', 'newInclusions');
    const err = await expectRefusedWithoutWrite(
      f.store,
      () => submitMonitorFigures(f.projectLeadHgl, { includedClients: 2, newInclusions: 5, outflow: 1, started: true }),
      'validation',
      'newInclusions',
    );
    expect(err.message).toContain(msg.monitorInconsistent());
    expect((await submitMonitorFigures(f.projectLeadHgl, { ...figures, includedClients: '12' as unknown as number })).includedClients).toBe(12);
  });

  it('the started flag updates the region', async () => {
    const f = await makeFixture();
    await openMonitorRound(f.quartermaster, { period: '2026-H1' });
    await submitMonitorFigures(f.quartermaster, { regionCode: 'ARN', includedClients: 0, newInclusions: 0, outflow: 0, started: true });
    expect((await f.data()).regions.find((r) => r.code === 'ARN')?.started).toBe(true);
  });
});

describe('the overview', () => {
  async function withRounds() {
    const f = await makeFixture();
    await openMonitorRound(f.quartermaster, { period: '2025-H1' });
    await submitMonitorFigures(f.projectLeadHgl, { period: '2025-H1', includedClients: 8, newInclusions: 2, outflow: 0, started: true });
    await submitMonitorFigures(f.projectLeadUtr, { period: '2025-H1', includedClients: 5, newInclusions: 1, outflow: 0, started: true });
    await closeMonitorRound(f.quartermaster, { period: '2025-H1' });
    await openMonitorRound(f.quartermaster, { period: '2025-H2' });
    await submitMonitorFigures(f.projectLeadHgl, { includedClients: 10, newInclusions: 3, outflow: 1, started: true });
    await closeMonitorRound(f.quartermaster, { period: '2025-H2' });
    await openMonitorRound(f.quartermaster, { period: '2026-H1' });
    await submitMonitorFigures(f.projectLeadHgl, { includedClients: 12, newInclusions: 3, outflow: 1, started: true });
    await submitMonitorFigures(f.projectLeadUtr, { includedClients: 7, newInclusions: 2, outflow: 0, started: true });
    return f;
  }

  it('lists missing regions and totals (newest round by default)', async () => {
    const f = await withRounds();
    const o = await monitorOverview(f.quartermaster);
    expect(o.period).toBe('2026-H1');
    expect(o.status).toBe('open');
    expect(o.rows).toHaveLength(31);
    expect(o.missingRegions).toHaveLength(29);
    expect(o.missingRegions).not.toContain('HGL');
    expect(o.missingRegions).not.toContain('UTR');
    expect(o.missingRegions).toContain('ARN');
    expect(o.totals).toEqual({ includedClients: 19, newInclusions: 5, outflow: 1, submitted: 2, regions: 31 });
    expect(o.regionsStarted).toBe(29);
    expect(o.regionsTotal).toBe(31);
    const hgl = o.rows.find((r) => r.regionCode === 'HGL');
    expect(hgl).toMatchObject({ regionName: 'Haaglanden', submitted: true, includedClients: 12, submittedById: f.people.projectLeadHgl.id });
    expect(o.rows.find((r) => r.regionCode === 'GRO')).toMatchObject({ submitted: false, includedClients: null, submittedAt: null });
  });

  it('an older round on request', async () => {
    const f = await withRounds();
    const o = await monitorOverview(f.ambassador, { period: '2025-h2' });
    expect(o.period).toBe('2025-H2');
    expect(o.status).toBe('closed');
    expect(o.totals.submitted).toBe(1);
    expect(o.missingRegions).toContain('UTR');
    await expectLlaError(monitorOverview(f.ambassador, { period: '2020-H1' }), 'notFound', 'period');
  });

  it('the per-year series takes the last submission of each year', async () => {
    const f = await withRounds();
    const o = await monitorOverview(f.quartermaster);
    expect(o.perYear).toEqual([
      { year: 2025, total: 15, byRegion: { HGL: 10, UTR: 5 } },
      { year: 2026, total: 19, byRegion: { HGL: 12, UTR: 7 } },
    ]);
  });

  it('regional people see only their own row and series', async () => {
    const f = await withRounds();
    const o = await monitorOverview(f.processDirectorHgl);
    expect(o.rows.map((r) => r.regionCode)).toEqual(['HGL']);
    expect(o.missingRegions).toEqual([]);
    expect(o.totals).toEqual({ includedClients: 12, newInclusions: 3, outflow: 1, submitted: 1, regions: 1 });
    expect(o.perYear).toEqual([
      { year: 2025, total: 10, byRegion: { HGL: 10 } },
      { year: 2026, total: 12, byRegion: { HGL: 12 } },
    ]);
    const utr = await monitorOverview(f.projectLeadUtr);
    expect(utr.rows.map((r) => r.regionCode)).toEqual(['UTR']);
    const rounds = await listMonitorRounds(f.projectLeadHgl);
    expect(rounds.map((r) => r.period)).toEqual(['2025-H1', '2025-H2', '2026-H1']);
    expect(rounds.flatMap((r) => r.submissions.map((s) => s.regionCode))).toEqual(['HGL', 'HGL', 'HGL']);
    expect((await listMonitorRounds(f.ambassador)).flatMap((r) => r.submissions)).toHaveLength(5);
  });

  it('without any round there is nothing to show', async () => {
    const f = await makeFixture();
    await expectLlaError(monitorOverview(f.quartermaster), 'conflict');
  });
});

describe('asking the regions', () => {
  it('opening a round asks each started region’s active project lead, with the period and region', async () => {
    const f = await makeFixture();
    await openMonitorRound(f.quartermaster, { period: '2026-H1' });
    const asked = (await f.data()).outbox.filter((n) => n.kind === 'monitorRequest');
    expect(asked.map((n) => [n.recipientId, n.params])).toEqual([
      [f.people.projectLeadUtr.id, { period: '2026-H1', regionCode: 'UTR' }],
      [f.people.projectLeadHgl.id, { period: '2026-H1', regionCode: 'HGL' }],
    ]);
    expect((await f.data()).audit.at(-1)).toMatchObject({ action: 'monitor.open', details: { asked: 2 } });
  });


  it('regions that have not started, and inactive project leads, are not asked', async () => {
    const f = await makeFixture();
    await addPerson(f.quartermaster, { name: 'Arnout Arnhem', email: 'pl.arn@example.org', roles: ['projectLead'], regionCode: 'ARN' });
    await updatePerson(f.quartermaster, { personId: f.people.projectLeadUtr.id, active: false });
    await openMonitorRound(f.quartermaster, { period: '2026-H2' });
    const asked = (await f.data()).outbox.filter((n) => n.kind === 'monitorRequest');
    expect(asked.map((n) => n.recipientId)).toEqual([f.people.projectLeadHgl.id]);
  });
});
