import { describe, expect, it } from 'vitest';
import { caseInput, expectLlaError, expectRefusedWithoutWrite, makeFixture } from '../../test/helpers/core-fixture.js';
import { msg } from '../messages.js';
import { reportCase } from './cases.js';
import {
  addBottleneck,
  findBottleneckOrThrow,
  getBottleneck,
  listBottlenecks,
  listSignals,
  reportSignal,
  updateBottleneck,
} from './signals.js';

describe('reportSignal', () => {
  it('a project lead reports a signal for their own region (prefilled), audited', async () => {
    const f = await makeFixture();
    const s = await reportSignal(f.as(f.people.projectLeadHgl, 'teams'), { bottleneckId: 'KP-09', note: 'Weer een afwijzing door het zorgkantoor.' });
    expect(s).toEqual({
      id: 'S-000001',
      bottleneckId: 'KP-09',
      regionCode: 'HGL',
      reportedById: f.people.projectLeadHgl.id,
      channel: 'teams',
      at: '2026-03-02T09:00:00.000Z',
      note: 'Weer een afwijzing door het zorgkantoor.',
    });
    expect((await f.data()).audit.at(-1)).toMatchObject({ action: 'signal.report', entityType: 'signal', entityId: 'S-000001', details: { bottleneckId: 'KP-09', regionCode: 'HGL' } });
  });

  it('refuses another region for regional people; the quartermaster may report for any', async () => {
    const f = await makeFixture();
    const err = await expectRefusedWithoutWrite(f.store, () => reportSignal(f.projectLeadHgl, { bottleneckId: 'KP-09', regionCode: 'UTR' }), 'forbidden');
    expect(err.message).toBe(msg.forbiddenOtherRegion());
    expect((await reportSignal(f.quartermaster, { bottleneckId: 'KP-01', regionCode: 'utr' })).regionCode).toBe('UTR');
    await expectRefusedWithoutWrite(f.store, () => reportSignal(f.quartermaster, { bottleneckId: 'KP-01' }), 'validation', 'regionCode');
    await expectRefusedWithoutWrite(f.store, () => reportSignal(f.quartermaster, { bottleneckId: 'KP-01', regionCode: 'NOPE' }), 'notFound', 'regionCode');
  });

  it('ambassadors and the system actor do not report signals', async () => {
    const f = await makeFixture();
    await expectRefusedWithoutWrite(f.store, () => reportSignal(f.ambassador, { bottleneckId: 'KP-01', regionCode: 'HGL' }), 'forbidden');
    await expectRefusedWithoutWrite(f.store, () => reportSignal(f.system, { bottleneckId: 'KP-01', regionCode: 'HGL' }), 'forbidden');
    await expectRefusedWithoutWrite(f.store, () => reportSignal(f.as({ personId: 'P-0999' }), { bottleneckId: 'KP-01', regionCode: 'HGL' }), 'unknownPerson');
  });

  it('refuses unknown, malformed and inactive bottlenecks, and identifying notes', async () => {
    const f = await makeFixture();
    await expectRefusedWithoutWrite(f.store, () => reportSignal(f.projectLeadHgl, { bottleneckId: 'KP-99' }), 'notFound', 'bottleneckId');
    await expectRefusedWithoutWrite(f.store, () => reportSignal(f.projectLeadHgl, { bottleneckId: 'wlz-2' }), 'validation', 'bottleneckId');
    await updateBottleneck(f.quartermaster, { bottleneckId: 'KP-14', active: false });
    await expectRefusedWithoutWrite(f.store, () => reportSignal(f.projectLeadHgl, { bottleneckId: 'KP-14' }), 'validation', 'bottleneckId');
    const err = await expectRefusedWithoutWrite(
      f.store,
      () => reportSignal(f.projectLeadHgl, { bottleneckId: 'KP-02', note: 'Meneer El Amrani, postcode 2511 AB.' }),
      'privacy',
      'note',
    );
    expect(err.message).toContain('Toelichting lijkt gegevens te bevatten');
  });
});

describe('listSignals', () => {
  it('regional people see their own region only; asking for another is refused', async () => {
    const f = await makeFixture();
    await reportSignal(f.projectLeadHgl, { bottleneckId: 'KP-02' });
    await reportSignal(f.projectLeadUtr, { bottleneckId: 'KP-02' });
    await reportCase(f.projectLeadUtr, caseInput({ bottleneckIds: ['KP-05'] }));
    expect((await listSignals(f.processDirectorHgl)).map((s) => s.regionCode)).toEqual(['HGL']);
    expect((await listSignals(f.projectLeadUtr)).map((s) => s.bottleneckId)).toEqual(['KP-02', 'KP-05']);
    await expectLlaError(listSignals(f.projectLeadHgl, { regionCode: 'UTR' }), 'forbidden');
    expect(await listSignals(f.ambassador)).toHaveLength(3);
    expect(await listSignals(f.quartermaster, { regionCode: 'UTR', bottleneckId: 'KP-05' })).toHaveLength(1);
  });

  it('filters on a period [from, to)', async () => {
    const f = await makeFixture();
    await reportSignal(f.projectLeadHgl, { bottleneckId: 'KP-02' }); // 2 March
    f.clock.set('2026-04-01T08:00:00Z');
    await reportSignal(f.projectLeadHgl, { bottleneckId: 'KP-03' });
    f.clock.set('2026-05-01T08:00:00Z');
    await reportSignal(f.projectLeadHgl, { bottleneckId: 'KP-04' });
    const april = await listSignals(f.quartermaster, { from: '2026-04-01T00:00:00Z', to: '2026-05-01T08:00:00Z' });
    expect(april.map((s) => s.bottleneckId)).toEqual(['KP-03']);
    await expectLlaError(listSignals(f.quartermaster, { from: '1 april' }), 'validation', 'from');
  });
});

describe('bottlenecks', () => {
  it('the reference list has the 14 Wlz bottlenecks; lookup by number', async () => {
    const f = await makeFixture();
    const all = await listBottlenecks(f.projectLeadHgl);
    expect(all).toHaveLength(14);
    expect(all.map((b) => b.id)).toEqual(Array.from({ length: 14 }, (_, i) => `KP-${String(i + 1).padStart(2, '0')}`));
    expect(all.every((b) => b.source === 'wlz' && b.signalCount === 0)).toBe(true);
    const d = await f.data();
    expect(findBottleneckOrThrow(d, '2').id).toBe('KP-02');
    expect(findBottleneckOrThrow(d, 'kp-11').id).toBe('KP-11');
    await expectLlaError(() => findBottleneckOrThrow(d, '42'), 'notFound', 'bottleneckId');
  });

  it('signal counts are limited to what the actor may see', async () => {
    const f = await makeFixture();
    await reportSignal(f.projectLeadHgl, { bottleneckId: 'KP-02' });
    await reportSignal(f.projectLeadUtr, { bottleneckId: 'KP-02' });
    await reportSignal(f.projectLeadUtr, { bottleneckId: 'KP-02' });
    const count = async (ctx: typeof f.quartermaster) => (await listBottlenecks(ctx)).find((b) => b.id === 'KP-02')?.signalCount;
    expect(await count(f.ambassador)).toBe(3);
    expect(await count(f.projectLeadHgl)).toBe(1);
    expect(await count(f.projectLeadUtr)).toBe(2);
    expect((await getBottleneck(f.projectLeadHgl, '2')).signalCount).toBe(1);
    expect((await getBottleneck(f.quartermaster, 'KP-02')).signalCount).toBe(3);
  });

  it('only the quartermaster adds and changes bottlenecks', async () => {
    const f = await makeFixture();
    const input = { title: 'Geen crisisplek voor licht verstandelijk beperkten', owner: 'VNG / gemeenten' };
    await expectRefusedWithoutWrite(f.store, () => addBottleneck(f.ambassador, input), 'forbidden');
    await expectRefusedWithoutWrite(f.store, () => addBottleneck(f.projectLeadHgl, input), 'forbidden');
    const b = await addBottleneck(f.quartermaster, input);
    expect(b).toMatchObject({ id: 'KP-15', source: 'added', active: true, description: '', approach: '', title: input.title });
    expect(b.wlzNumber).toBeUndefined();
    await expectRefusedWithoutWrite(f.store, () => updateBottleneck(f.ambassador, { bottleneckId: 'KP-15', active: false }), 'forbidden');
    const updated = await updateBottleneck(f.quartermaster, { bottleneckId: '15', approach: 'Bespreken met VNG.', active: false });
    expect(updated).toMatchObject({ approach: 'Bespreken met VNG.', active: false });
    expect(await listBottlenecks(f.quartermaster)).toHaveLength(14);
    expect(await listBottlenecks(f.quartermaster, { includeInactive: true })).toHaveLength(15);
    expect((await f.data()).audit.at(-1)).toMatchObject({ action: 'bottleneck.update', details: { fields: 'approach,active' } });
  });

  it('bottleneck text is guarded for privacy and validated', async () => {
    const f = await makeFixture();
    await expectRefusedWithoutWrite(f.store, () => addBottleneck(f.quartermaster, { title: 'Casus dhr. Jansen', owner: 'VWS' }), 'privacy', 'title');
    await expectRefusedWithoutWrite(f.store, () => updateBottleneck(f.quartermaster, { bottleneckId: 'KP-01', description: 'Zie BSN 111222333' }), 'privacy', 'description');
    await expectLlaError(addBottleneck(f.quartermaster, { title: 'ab', owner: 'V' }), 'validation', 'title');
  });
});
