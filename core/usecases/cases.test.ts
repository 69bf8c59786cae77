import { describe, expect, it } from 'vitest';
import { caseInput, expectLlaError, expectRefusedWithoutWrite, makeFixture, type Fixture } from '../../test/helpers/core-fixture.js';
import { PrivacyError } from '../errors.js';
import { msg } from '../messages.js';
import type { CaseStatus, StuckCase } from '../schema.js';
import {
  addCaseNote,
  closeCase,
  daysInStatus,
  getCase,
  linkBottleneck,
  listCases,
  moveCase,
  purgeExpiredFreeText,
  reportCase,
  setProblemOwner,
  statusSince,
} from './cases.js';
import { addPerson, updatePerson } from './people.js';
import { updateBottleneck } from './signals.js';
import { updateSettings } from './settings.js';

/** A case reported by the HGL project lead. */
async function hglCase(f: Fixture, overrides: Parameters<typeof caseInput>[0] = {}): Promise<StuckCase> {
  return reportCase(f.projectLeadHgl, caseInput(overrides));
}

/** Move a case step by step as the quartermaster. */
async function moveTo(f: Fixture, code: string, to: CaseStatus, extra: Record<string, string> = {}): Promise<StuckCase> {
  return moveCase(f.quartermaster, { caseCode: code, to, ...extra });
}

describe('reportCase', () => {
  it('generates VC-<year>-0001, 0002, … and prefills the region from the profile', async () => {
    const f = await makeFixture();
    const a = await hglCase(f);
    const b = await reportCase(f.processDirectorHgl, caseInput({ theme: 'outflow' }));
    expect(a.code).toBe('VC-2026-0001');
    expect(b.code).toBe('VC-2026-0002');
    expect(a.regionCode).toBe('HGL');
    expect(b.regionCode).toBe('HGL');
    expect(a).toMatchObject({
      reporterId: f.people.projectLeadHgl.id,
      channel: 'cli',
      status: 'reported',
      reportedAt: '2026-03-02T09:00:00.000Z',
      notes: [],
      history: [{ from: null, to: 'reported', at: '2026-03-02T09:00:00.000Z', byPersonId: f.people.projectLeadHgl.id, channel: 'cli' }],
    });
    expect((await f.data()).counters.caseByYear).toEqual({ 2026: 2 });
  });

  it('restarts the sequence per year, in Amsterdam time (23:30 UTC on 31 December is already next year)', async () => {
    const f = await makeFixture();
    await hglCase(f);
    f.clock.set('2026-12-31T22:59:00Z'); // 23:59 in Amsterdam
    expect((await hglCase(f)).code).toBe('VC-2026-0002');
    f.clock.set('2026-12-31T23:30:00Z'); // 00:30 on 1 January 2027 in Amsterdam
    expect((await hglCase(f)).code).toBe('VC-2027-0001');
    expect((await hglCase(f)).code).toBe('VC-2027-0002');
    expect((await f.data()).counters.caseByYear).toEqual({ 2026: 2, 2027: 2 });
  });

  it('records the channel of the front', async () => {
    const f = await makeFixture();
    const c = await reportCase(f.as(f.people.projectLeadHgl, 'slack'), caseInput());
    expect(c.channel).toBe('slack');
    expect(c.history[0]?.channel).toBe('slack');
    expect((await f.data()).audit.at(-1)).toMatchObject({ action: 'case.report', channel: 'slack', actorId: f.people.projectLeadHgl.id });
  });

  it('refuses when no regional step was tried (field stepsTried), writing nothing', async () => {
    const f = await makeFixture();
    const err = await expectRefusedWithoutWrite(f.store, () => hglCase(f, { stepsTried: [] }), 'validation', 'stepsTried');
    expect(err.message).toBe(msg.routeNotGoneThrough());
    await expectRefusedWithoutWrite(f.store, () => reportCase(f.projectLeadHgl, { ...caseInput(), stepsTried: undefined }), 'validation', 'stepsTried');
  });

  it('refuses a homelessness date in the past (in Amsterdam days); today and later are fine', async () => {
    const f = await makeFixture();
    await expectRefusedWithoutWrite(f.store, () => hglCase(f, { homelessOn: '2026-03-01' }), 'validation', 'homelessOn');
    expect((await hglCase(f, { homelessOn: '2026-03-02' })).homelessOn).toBe('2026-03-02');
    expect((await hglCase(f, { homelessOn: '2026-04-15' })).homelessOn).toBe('2026-04-15');
    // 23:30 UTC on 2 March is 3 March in Amsterdam: 2 March is now the past.
    f.clock.set('2026-03-02T23:30:00Z');
    const err = await expectLlaError(hglCase(f, { homelessOn: '2026-03-02' }), 'validation', 'homelessOn');
    expect(err.message).toContain(msg.dateInPast());
    await expectLlaError(hglCase(f, { homelessOn: '2026-02-30' }), 'validation', 'homelessOn');
  });

  it('validates input with Dutch messages naming the fields', async () => {
    const f = await makeFixture();
    const err = await expectLlaError(
      reportCase(f.projectLeadHgl, { theme: 'weather' as 'housing', sketch: '   ', stepsTried: ['bogus' as 'caseTable'], helpAsked: [], bottleneckIds: ['12'] }),
      'validation',
    );
    expect(err.fields.map((x) => x.field)).toEqual(expect.arrayContaining(['theme', 'sketch', 'stepsTried', 'helpAsked', 'bottleneckIds']));
    expect(err.message).toContain('situatieschets: mag niet leeg zijn');
    expect(err.message).toContain('gevraagde hulp: kies er minstens 1');
  });

  it('refuses unknown and inactive bottlenecks', async () => {
    const f = await makeFixture();
    await expectRefusedWithoutWrite(f.store, () => hglCase(f, { bottleneckIds: ['KP-99'] }), 'notFound', 'bottleneckIds');
    await updateBottleneck(f.quartermaster, { bottleneckId: 'KP-13', active: false });
    const err = await expectRefusedWithoutWrite(f.store, () => hglCase(f, { bottleneckIds: ['KP-13'] }), 'validation', 'bottleneckIds');
    expect(err.message).toContain(msg.bottleneckInactive('KP-13'));
  });

  it('creates one signal per linked bottleneck (duplicates collapsed)', async () => {
    const f = await makeFixture();
    const c = await hglCase(f, { bottleneckIds: ['KP-02', 'KP-09', 'KP-02'] });
    expect(c.bottleneckIds).toEqual(['KP-02', 'KP-09']);
    const d = await f.data();
    expect(d.signals).toEqual([
      { id: 'S-000001', bottleneckId: 'KP-02', regionCode: 'HGL', caseCode: c.code, reportedById: f.people.projectLeadHgl.id, channel: 'cli', at: c.reportedAt },
      { id: 'S-000002', bottleneckId: 'KP-09', regionCode: 'HGL', caseCode: c.code, reportedById: f.people.projectLeadHgl.id, channel: 'cli', at: c.reportedAt },
    ]);
    const none = await hglCase(f, { bottleneckIds: [] });
    expect((await f.data()).signals.filter((s) => s.caseCode === none.code)).toEqual([]);
  });

  it('notifies every active quartermaster except the reporter, and audits', async () => {
    const f = await makeFixture();
    const qm2 = await addPerson(f.quartermaster, { name: 'Tweede Kwartiermaker', email: 'qm2@example.org', roles: ['quartermaster'] });
    const c = await hglCase(f);
    let d = await f.data();
    const notes = d.outbox.filter((n) => n.kind === 'caseReported');
    expect(notes.map((n) => n.recipientId).sort()).toEqual([f.people.quartermaster.id, qm2.id].sort());
    expect(notes[0]?.params).toEqual({ caseCode: c.code, regionCode: 'HGL' });
    expect(notes[0]).toMatchObject({ attempts: 0, createdAt: c.reportedAt });
    expect(d.audit.at(-1)).toMatchObject({ action: 'case.report', entityType: 'case', entityId: c.code, details: { regionCode: 'HGL', theme: 'housing', bottlenecks: 'KP-02' } });

    // The quartermaster reporting is not notified about their own case.
    await reportCase(f.quartermaster, caseInput({ regionCode: 'UTR' }));
    d = await f.data();
    const last = d.outbox.filter((n) => n.kind === 'caseReported' && n.params['caseCode'] === 'VC-2026-0002');
    expect(last.map((n) => n.recipientId)).toEqual([qm2.id]);
  });

  it('free text is guarded: no audit or outbox entry carries the sketch', async () => {
    const f = await makeFixture();
    const c = await hglCase(f);
    const d = await f.data();
    const blob = JSON.stringify([d.audit, d.outbox, d.signals]);
    expect(blob).not.toContain(c.sketch);
  });
});

describe('who may report a case', () => {
  it('a project lead of HGL cannot report for UTR', async () => {
    const f = await makeFixture();
    const err = await expectRefusedWithoutWrite(f.store, () => hglCase(f, { regionCode: 'UTR' }), 'forbidden');
    expect(err.message).toBe(msg.forbiddenOtherRegion());
    expect((await hglCase(f, { regionCode: 'hgl' })).regionCode).toBe('HGL');
  });

  it('the quartermaster reports for any region but must name it', async () => {
    const f = await makeFixture();
    expect((await reportCase(f.quartermaster, caseInput({ regionCode: 'UTR' }))).regionCode).toBe('UTR');
    await expectRefusedWithoutWrite(f.store, () => reportCase(f.quartermaster, caseInput()), 'validation', 'regionCode');
    await expectRefusedWithoutWrite(f.store, () => reportCase(f.quartermaster, caseInput({ regionCode: 'ZZZ' })), 'notFound', 'regionCode');
  });

  it('ambassadors and the system actor do not report cases', async () => {
    const f = await makeFixture();
    await expectRefusedWithoutWrite(f.store, () => reportCase(f.ambassador, caseInput({ regionCode: 'HGL' })), 'forbidden');
    const err = await expectRefusedWithoutWrite(f.store, () => reportCase(f.system, caseInput({ regionCode: 'HGL' })), 'forbidden');
    expect(err.message).toBe(msg.forbidden('een vastgelopen casus melden'));
  });

  it('unknown and inactive people write nothing', async () => {
    const f = await makeFixture();
    await expectRefusedWithoutWrite(f.store, () => reportCase(f.as({ personId: 'P-0999' }), caseInput({ regionCode: 'HGL' })), 'unknownPerson');
    await updatePerson(f.quartermaster, { personId: f.people.processDirectorHgl.id, active: false });
    await expectRefusedWithoutWrite(f.store, () => reportCase(f.processDirectorHgl, caseInput()), 'unknownPerson');
  });
});

describe('the privacy guard on case text', () => {
  it.each([
    ['a BSN', 'Cliënt met BSN 111222333 komt vrij uit detentie.', 'bsn', 'een BSN', '111222333'],
    ['a phone number', 'Bel de cliënt op 06-12345678 voor een afspraak.', 'phone', 'een telefoonnummer', '06-12345678'],
    ['a titled name', 'Dhr. Jansen komt over twee weken vrij en heeft geen woonplek.', 'titledName', 'een naam met aanhef', 'Jansen'],
    ['an e-mail address', 'Cliënt is bereikbaar via jan.jansen@gmail.com voor afspraken.', 'email', 'een e-mailadres', 'jan.jansen@gmail.com'],
    ['a date of birth', 'Cliënt is geboren op 12-03-1985 en heeft een Wlz-indicatie.', 'birthDate', 'een geboortedatum', '12-03-1985'],
  ])('refuses a sketch with %s, names it in Dutch, and writes nothing', async (_what, sketch, kind, label, raw) => {
    const f = await makeFixture();
    const err = await expectRefusedWithoutWrite(f.store, () => hglCase(f, { sketch }), 'privacy', 'sketch');
    expect(err).toBeInstanceOf(PrivacyError);
    expect((err as PrivacyError).kinds).toContain(kind);
    expect(err.field).toBe('sketch');
    expect(err.message).toMatch(/^Situatieschets lijkt gegevens te bevatten die een cliënt herkenbaar maken: /);
    expect(err.message).toContain(label);
    // The refusal shows a masked example, never the identifying text itself.
    expect(err.message).not.toContain(raw);
    expect(err.message).toMatch(/„[^”]*•[^”]*”/);
  });

  it('names several kinds at once', async () => {
    const f = await makeFixture();
    const err = await expectLlaError(hglCase(f, { sketch: 'Mevrouw De Vries, BSN 123456782, tel. 070-1234567.' }), 'privacy', 'sketch');
    expect(err.message).toContain('een BSN');
    expect(err.message).toContain('een telefoonnummer');
    expect(err.message).toContain('een naam met aanhef');
  });

  it('also guards the steps note', async () => {
    const f = await makeFixture();
    const err = await expectRefusedWithoutWrite(f.store, () => hglCase(f, { stepsNote: 'Besproken met mw. Bakker op 06 1234 5678.' }), 'privacy', 'stepsNote');
    expect(err.message).toContain('Toelichting op de doorlopen stappen');
  });

  it('accepts ordinary bottleneck language', async () => {
    const f = await makeFixture();
    const c = await hglCase(f, {
      sketch: 'Na 14 maanden detentie geen Wlz-indicatie; zorgkantoor en gemeente wijzen naar elkaar. Casustafel 2025 zonder resultaat.',
      stepsNote: 'Ook bestuurlijk overleg op 3 maart gehad.',
    });
    expect(c.code).toBe('VC-2026-0001');
  });
});

describe('notes', () => {
  it('a note to a person notifies them; a note to oneself does not', async () => {
    const f = await makeFixture();
    const c = await hglCase(f);
    const withNote = await addCaseNote(f.quartermaster, { caseCode: c.code.toLowerCase(), text: 'Graag de stappen toelichten.', toPersonId: f.people.projectLeadHgl.id });
    expect(withNote.notes).toEqual([
      { at: '2026-03-02T09:00:00.000Z', byPersonId: f.people.quartermaster.id, channel: 'cli', text: 'Graag de stappen toelichten.', toPersonId: f.people.projectLeadHgl.id },
    ]);
    let d = await f.data();
    expect(d.outbox.filter((n) => n.kind === 'caseNote')).toEqual([
      expect.objectContaining({ recipientId: f.people.projectLeadHgl.id, params: { caseCode: c.code } }),
    ]);
    expect(d.audit.at(-1)).toMatchObject({ action: 'case.note', entityId: c.code, details: { toPersonId: f.people.projectLeadHgl.id } });

    await addCaseNote(f.projectLeadHgl, { caseCode: c.code, text: 'Voor mezelf.', toPersonId: f.people.projectLeadHgl.id });
    await addCaseNote(f.processDirectorHgl, { caseCode: c.code, text: 'Zonder geadresseerde.' });
    d = await f.data();
    expect(d.outbox.filter((n) => n.kind === 'caseNote')).toHaveLength(1);
    expect(d.cases[0]?.notes).toHaveLength(3);
  });

  it('the addressee may be given by e-mail; an unknown addressee is notFound', async () => {
    const f = await makeFixture();
    const c = await hglCase(f);
    const n = await addCaseNote(f.ambassador, { caseCode: c.code, text: 'Vraag.', toPersonId: 'kwartiermaker@coordinatiepunt.example' });
    expect(n.notes[0]?.toPersonId).toBe(f.people.quartermaster.id);
    await expectRefusedWithoutWrite(f.store, () => addCaseNote(f.quartermaster, { caseCode: c.code, text: 'x', toPersonId: 'P-0404' }), 'notFound', 'toPersonId');
  });

  it('regional people of another region cannot write notes; privacy applies to notes', async () => {
    const f = await makeFixture();
    const c = await hglCase(f);
    await expectRefusedWithoutWrite(f.store, () => addCaseNote(f.projectLeadUtr, { caseCode: c.code, text: 'Hallo' }), 'forbidden');
    await expectRefusedWithoutWrite(f.store, () => addCaseNote(f.system, { caseCode: c.code, text: 'Hallo' }), 'forbidden');
    const err = await expectRefusedWithoutWrite(f.store, () => addCaseNote(f.quartermaster, { caseCode: c.code, text: 'BSN is 111222333' }), 'privacy', 'text');
    expect(err.message).toContain('een BSN');
    await expectRefusedWithoutWrite(f.store, () => addCaseNote(f.quartermaster, { caseCode: 'VC-2026-0099', text: 'x' }), 'notFound', 'caseCode');
  });
});

describe('moveCase: the status route in use', () => {
  it('stamps history (from, to, at, by, channel), audits, and notifies the reporter', async () => {
    const f = await makeFixture();
    const c = await hglCase(f);
    f.clock.advanceDays(2);
    const moved = await moveCase(f.as(f.people.quartermaster, 'slack'), { caseCode: c.code, to: 'inTreatment' });
    expect(moved.status).toBe('inTreatment');
    expect(moved.history).toHaveLength(2);
    expect(moved.history[1]).toEqual({ from: 'reported', to: 'inTreatment', at: '2026-03-04T09:00:00.000Z', byPersonId: f.people.quartermaster.id, channel: 'slack' });
    const d = await f.data();
    expect(d.audit.at(-1)).toMatchObject({
      action: 'case.move',
      entityType: 'case',
      entityId: c.code,
      actorId: f.people.quartermaster.id,
      channel: 'slack',
      at: '2026-03-04T09:00:00.000Z',
      details: { from: 'reported', to: 'inTreatment', kind: 'forward', problemOwner: null },
    });
    const note = d.outbox.filter((n) => n.kind === 'caseStatusChanged');
    expect(note).toEqual([expect.objectContaining({ recipientId: f.people.projectLeadHgl.id, params: { caseCode: c.code, from: 'reported', to: 'inTreatment' } })]);
    expect(statusSince(moved)).toBe('2026-03-04T09:00:00.000Z');
  });

  it('every move writes an audit entry and a notification', async () => {
    const f = await makeFixture();
    const c = await hglCase(f);
    const before = await f.data();
    await moveTo(f, c.code, 'regionalMediation'); // skip forward
    await moveTo(f, c.code, 'nationalEscalation');
    await moveTo(f, c.code, 'inTreatment', { reason: 'Regio pakt het toch zelf op.' }); // back with reason
    await moveTo(f, c.code, 'withProblemOwner', { problemOwner: 'CIZ' });
    await moveTo(f, c.code, 'closedUnresolved', { outcome: 'Geen passende plek gevonden.' });
    await moveTo(f, c.code, 'nationalEscalation', { reason: 'Nieuwe feiten.' }); // reopen
    const after = await f.data();
    expect(after.audit.length - before.audit.length).toBe(6);
    expect(after.outbox.filter((n) => n.kind === 'caseStatusChanged')).toHaveLength(6);
    const final = after.cases[0];
    expect(final?.history.map((h) => `${h.from ?? '-'}>${h.to}`)).toEqual([
      '->reported',
      'reported>regionalMediation',
      'regionalMediation>nationalEscalation',
      'nationalEscalation>inTreatment',
      'inTreatment>withProblemOwner',
      'withProblemOwner>closedUnresolved',
      'closedUnresolved>nationalEscalation',
    ]);
    expect(final?.history[3]?.reason).toBe('Regio pakt het toch zelf op.');
    expect(after.audit.filter((a) => a.action === 'case.move').map((a) => a.details?.['kind'])).toEqual(['forward', 'forward', 'back', 'forward', 'close', 'reopen']);
  });

  it('does not notify the reporter when the reporter moved it', async () => {
    const f = await makeFixture();
    const c = await reportCase(f.quartermaster, caseInput({ regionCode: 'UTR' }));
    await moveTo(f, c.code, 'inTreatment');
    const d = await f.data();
    expect(d.outbox.filter((n) => n.kind === 'caseStatusChanged')).toEqual([]);
    expect(d.audit.at(-1)?.action).toBe('case.move');
  });

  it('going back needs a reason; a failed move writes nothing', async () => {
    const f = await makeFixture();
    const c = await hglCase(f);
    await moveTo(f, c.code, 'nationalEscalation');
    const err = await expectRefusedWithoutWrite(f.store, () => moveTo(f, c.code, 'regionalMediation'), 'validation', 'reason');
    expect(err.message).toContain(msg.transitionBackNeedsReason());
    await expectRefusedWithoutWrite(f.store, () => moveTo(f, c.code, 'regionalMediation', { reason: '   ' }), 'validation', 'reason');
    const back = await moveTo(f, c.code, 'regionalMediation', { reason: 'Eerst regionaal bemiddelen.' });
    expect(back.history.at(-1)?.reason).toBe('Eerst regionaal bemiddelen.');
  });

  it('`reported` is never a target and the same status is refused', async () => {
    const f = await makeFixture();
    const c = await hglCase(f);
    await moveTo(f, c.code, 'inTreatment');
    const err = await expectRefusedWithoutWrite(f.store, () => moveTo(f, c.code, 'reported', { reason: 'Terug.' }), 'validation', 'status');
    expect(err.message).toContain(msg.transitionNotAllowed('inTreatment', 'reported'));
    const same = await expectRefusedWithoutWrite(f.store, () => moveTo(f, c.code, 'inTreatment'), 'validation', 'status');
    expect(same.message).toContain(msg.transitionSame('inTreatment'));
    await expectRefusedWithoutWrite(f.store, () => moveTo(f, c.code, 'resolvedd' as CaseStatus), 'validation', 'to');
  });

  it('`withProblemOwner` needs a problem owner (given now or set before)', async () => {
    const f = await makeFixture();
    const c = await hglCase(f);
    const err = await expectRefusedWithoutWrite(f.store, () => moveTo(f, c.code, 'withProblemOwner'), 'validation', 'problemOwner');
    expect(err.message).toContain(msg.problemOwnerRequired());
    const moved = await moveTo(f, c.code, 'withProblemOwner', { problemOwner: 'VWS' });
    expect(moved.problemOwner).toBe('VWS');
    expect((await f.data()).audit.at(-1)?.details?.['problemOwner']).toBe('VWS');

    const c2 = await hglCase(f);
    await setProblemOwner(f.ambassador, { caseCode: c2.code, problemOwner: 'CIZ' });
    expect((await moveTo(f, c2.code, 'withProblemOwner')).problemOwner).toBe('CIZ');
  });

  it('closing needs an outcome, sets closedAt, outcome and lesson; closed → closed is refused', async () => {
    const f = await makeFixture();
    const c = await hglCase(f);
    const err = await expectRefusedWithoutWrite(f.store, () => moveTo(f, c.code, 'resolved'), 'validation', 'outcome');
    expect(err.message).toContain(msg.outcomeRequired());
    f.clock.advanceDays(10);
    const closed = await closeCase(f.quartermaster, { caseCode: c.code, resolved: true, outcome: 'Plek gevonden via zorgkantoor.', lesson: 'Eerder het zorgkantoor betrekken.' });
    expect(closed).toMatchObject({ status: 'resolved', closedAt: '2026-03-12T09:00:00.000Z', outcome: 'Plek gevonden via zorgkantoor.', lesson: 'Eerder het zorgkantoor betrekken.' });
    await expectRefusedWithoutWrite(f.store, () => moveTo(f, c.code, 'closedUnresolved', { outcome: 'Anders.', reason: 'Toch niet.' }), 'validation', 'status');
    await expectRefusedWithoutWrite(f.store, () => closeCase(f.quartermaster, { caseCode: c.code, resolved: true, outcome: 'Nog eens.' }), 'validation', 'status');
  });

  it('reopening needs a reason and clears closedAt', async () => {
    const f = await makeFixture();
    const c = await hglCase(f);
    await closeCase(f.quartermaster, { caseCode: c.code, resolved: false, outcome: 'Geen oplossing.' });
    const err = await expectRefusedWithoutWrite(f.store, () => moveTo(f, c.code, 'inTreatment'), 'validation', 'reason');
    expect(err.message).toContain(msg.transitionBackNeedsReason());
    const reopened = await moveTo(f, c.code, 'inTreatment', { reason: 'Nieuwe mogelijkheid in de regio.' });
    expect(reopened.status).toBe('inTreatment');
    expect(reopened.closedAt).toBeUndefined();
  });

  it('guards reason, outcome and lesson for privacy', async () => {
    const f = await makeFixture();
    const c = await hglCase(f);
    await moveTo(f, c.code, 'nationalEscalation');
    await expectRefusedWithoutWrite(f.store, () => moveTo(f, c.code, 'inTreatment', { reason: 'Overleg met dhr. Pietersen.' }), 'privacy', 'reason');
    await expectRefusedWithoutWrite(f.store, () => moveTo(f, c.code, 'resolved', { outcome: 'Woont nu op Kerkstraat 12.' }), 'privacy', 'outcome');
    await expectRefusedWithoutWrite(f.store, () => moveTo(f, c.code, 'resolved', { outcome: 'Opgelost.', lesson: 'Bel 06-12345678.' }), 'privacy', 'lesson');
  });

  it('guards the problem owner for privacy too (it also lands in the audit details)', async () => {
    const f = await makeFixture();
    const c = await hglCase(f);
    await expectRefusedWithoutWrite(f.store, () => moveTo(f, c.code, 'withProblemOwner', { problemOwner: 'Mevrouw Jansen' }), 'privacy', 'problemOwner');
    await expectRefusedWithoutWrite(f.store, () => setProblemOwner(f.quartermaster, { caseCode: c.code, problemOwner: 'tel 06-12345678' }), 'privacy', 'problemOwner');
    // Every problem owner of the reference list passes.
    for (const owner of (await f.data()).reference.problemOwners) {
      expect((await setProblemOwner(f.ambassador, { caseCode: c.code, problemOwner: owner })).problemOwner).toBe(owner);
    }
  });

  it('an unknown case is notFound', async () => {
    const f = await makeFixture();
    const err = await expectLlaError(moveTo(f, 'VC-2026-0042', 'inTreatment'), 'notFound', 'caseCode');
    expect(err.message).toBe('Casus „VC-2026-0042” bestaat niet.');
  });
});

describe('moveCase: who may take a step', () => {
  it('the ambassador may move a case out of `nationalEscalation`, not other steps', async () => {
    const f = await makeFixture();
    const c = await hglCase(f);
    const err = await expectRefusedWithoutWrite(f.store, () => moveCase(f.ambassador, { caseCode: c.code, to: 'inTreatment' }), 'forbidden');
    expect(err.message).toBe(msg.forbidden('de status van een casus wijzigen'));
    await moveTo(f, c.code, 'nationalEscalation');
    const moved = await moveCase(f.ambassador, { caseCode: c.code, to: 'withProblemOwner', problemOwner: 'VWS' });
    expect(moved.history.at(-1)).toMatchObject({ from: 'nationalEscalation', to: 'withProblemOwner', byPersonId: f.people.ambassador.id });
    await expectRefusedWithoutWrite(f.store, () => moveCase(f.ambassador, { caseCode: c.code, to: 'resolved', outcome: 'Klaar.' }), 'forbidden');
    // Back out of national escalation, with a reason, is theirs too.
    const c2 = await hglCase(f);
    await moveTo(f, c2.code, 'nationalEscalation');
    expect((await moveCase(f.ambassador, { caseCode: c2.code, to: 'regionalMediation', reason: 'Eerst regionaal.' })).status).toBe('regionalMediation');
    const c3 = await hglCase(f);
    await moveTo(f, c3.code, 'nationalEscalation');
    expect((await moveCase(f.ambassador, { caseCode: c3.code, to: 'closedUnresolved', outcome: 'Geen landelijke oplossing.' })).status).toBe('closedUnresolved');
    // … but not reopening it.
    await expectRefusedWithoutWrite(f.store, () => moveCase(f.ambassador, { caseCode: c3.code, to: 'nationalEscalation', reason: 'Opnieuw.' }), 'forbidden');
  });

  it('regional people do not move cases; other regions hear it is not their region', async () => {
    const f = await makeFixture();
    const c = await hglCase(f);
    const own = await expectRefusedWithoutWrite(f.store, () => moveCase(f.projectLeadHgl, { caseCode: c.code, to: 'inTreatment' }), 'forbidden');
    expect(own.message).toBe(msg.forbidden('de status van een casus wijzigen'));
    const other = await expectRefusedWithoutWrite(f.store, () => moveCase(f.projectLeadUtr, { caseCode: c.code, to: 'inTreatment' }), 'forbidden');
    expect(other.message).toBe(msg.forbiddenOtherRegion());
    await expectRefusedWithoutWrite(f.store, () => moveCase(f.system, { caseCode: c.code, to: 'inTreatment' }), 'forbidden');
    // Another region learns nothing about the case's status: no "already at …" or "cannot go from …" answers.
    for (const to of ['reported', 'resolved', 'inTreatment'] as const) {
      const probe = await expectRefusedWithoutWrite(f.store, () => moveCase(f.projectLeadUtr, { caseCode: c.code, to, reason: 'x', outcome: 'y' }), 'forbidden');
      expect(probe.message).toBe(msg.forbiddenOtherRegion());
    }
    await expectRefusedWithoutWrite(f.store, () => moveCase(f.as({ personId: 'P-0777' }), { caseCode: c.code, to: 'inTreatment' }), 'unknownPerson');
  });
});

describe('setProblemOwner and linkBottleneck', () => {
  it('setProblemOwner: quartermaster and ambassadors only', async () => {
    const f = await makeFixture();
    const c = await hglCase(f);
    await expectRefusedWithoutWrite(f.store, () => setProblemOwner(f.projectLeadHgl, { caseCode: c.code, problemOwner: 'CIZ' }), 'forbidden');
    const set = await setProblemOwner(f.quartermaster, { caseCode: c.code, problemOwner: 'NZa' });
    expect(set.problemOwner).toBe('NZa');
    expect((await f.data()).audit.at(-1)).toMatchObject({ action: 'case.problemOwner', details: { problemOwner: 'NZa' } });
  });

  it('linkBottleneck adds a bottleneck and a signal once; quartermaster only', async () => {
    const f = await makeFixture();
    const c = await hglCase(f);
    await expectRefusedWithoutWrite(f.store, () => linkBottleneck(f.ambassador, { caseCode: c.code, bottleneckId: 'KP-05' }), 'forbidden');
    const linked = await linkBottleneck(f.quartermaster, { caseCode: c.code, bottleneckId: 'KP-05' });
    expect(linked.bottleneckIds).toEqual(['KP-02', 'KP-05']);
    await linkBottleneck(f.quartermaster, { caseCode: c.code, bottleneckId: 'KP-05' });
    const d = await f.data();
    expect(d.signals.filter((s) => s.bottleneckId === 'KP-05')).toEqual([
      expect.objectContaining({ regionCode: 'HGL', caseCode: c.code, reportedById: f.people.quartermaster.id }),
    ]);
    await expectLlaError(linkBottleneck(f.quartermaster, { caseCode: c.code, bottleneckId: 'KP-50' }), 'notFound', 'bottleneckIds');
  });
});

describe('reading cases', () => {
  async function twoRegions(f: Fixture): Promise<{ hgl: StuckCase; utr: StuckCase }> {
    const hgl = await hglCase(f);
    const utr = await reportCase(f.projectLeadUtr, caseInput({ theme: 'financing' }));
    return { hgl, utr };
  }

  it('a project lead of HGL sees only HGL cases without a filter', async () => {
    const f = await makeFixture();
    const { hgl } = await twoRegions(f);
    expect((await listCases(f.projectLeadHgl)).map((c) => c.code)).toEqual([hgl.code]);
    expect((await listCases(f.processDirectorHgl)).map((c) => c.code)).toEqual([hgl.code]);
    expect((await listCases(f.projectLeadHgl, { regionCode: 'HGL' })).map((c) => c.code)).toEqual([hgl.code]);
    expect(await listCases(f.poolMember)).toEqual([]); // RRM has none
  });

  it('a project lead of HGL cannot list or get UTR cases', async () => {
    const f = await makeFixture();
    const { utr } = await twoRegions(f);
    const err = await expectLlaError(listCases(f.projectLeadHgl, { regionCode: 'UTR' }), 'forbidden');
    expect(err.message).toBe(msg.forbiddenOtherRegion());
    await expectLlaError(getCase(f.projectLeadHgl, utr.code), 'forbidden');
    await expectLlaError(getCase(f.processDirectorHgl, utr.code), 'forbidden');
    expect((await getCase(f.projectLeadUtr, utr.code.toLowerCase())).code).toBe(utr.code);
  });

  it('the ambassador and quartermaster read everything', async () => {
    const f = await makeFixture();
    const { hgl, utr } = await twoRegions(f);
    expect((await listCases(f.ambassador)).map((c) => c.code)).toEqual([hgl.code, utr.code]);
    expect((await listCases(f.ambassador, { regionCode: 'utr' })).map((c) => c.code)).toEqual([utr.code]);
    expect((await getCase(f.ambassador, hgl.code)).code).toBe(hgl.code);
    expect((await getCase(f.quartermaster, utr.code)).regionCode).toBe('UTR');
    await expectLlaError(getCase(f.ambassador, 'VC-2030-0001'), 'notFound', 'caseCode');
    await expectLlaError(listCases(f.as({ personId: 'P-0999' })), 'unknownPerson');
  });

  it('filters on status, openOnly, olderThanDays and reporter', async () => {
    const f = await makeFixture();
    const a = await hglCase(f); // stays reported from day 0
    const b = await hglCase(f);
    await moveTo(f, b.code, 'inTreatment');
    const c = await hglCase(f);
    await closeCase(f.quartermaster, { caseCode: c.code, resolved: true, outcome: 'Opgelost.' });
    f.clock.advanceDays(10);
    await moveTo(f, b.code, 'regionalMediation'); // b's current status is from day 10
    const d = await reportCase(f.quartermaster, caseInput({ regionCode: 'HGL' }));
    f.clock.advanceDays(5); // now day 15

    const codes = async (filter: Parameters<typeof listCases>[1]) => (await listCases(f.ambassador, filter)).map((x) => x.code);
    expect(await codes({ status: ['reported'] })).toEqual([a.code, d.code]);
    expect(await codes({ status: ['regionalMediation', 'resolved'] })).toEqual([b.code, c.code]);
    expect(await codes({ openOnly: true })).toEqual([a.code, b.code, d.code]);
    expect(await codes({ olderThanDays: 10 })).toEqual([a.code, c.code]); // 15 days; b is 5, d is 5
    expect(await codes({ olderThanDays: 4 })).toEqual([a.code, b.code, c.code, d.code]);
    expect(await codes({ olderThanDays: 5 })).toEqual([a.code, c.code]); // strictly older
    expect(await codes({ olderThanDays: 10, openOnly: true })).toEqual([a.code]);
    expect(await codes({ reporterId: f.people.quartermaster.id })).toEqual([d.code]);
    const listed = await listCases(f.ambassador, { status: ['reported'] });
    expect(daysInStatus(listed[0] as StuckCase, f.clock.now())).toBe(15);
    await expectLlaError(listCases(f.ambassador, { status: ['open' as CaseStatus] }), 'validation', 'status');
  });

  it('returns copies: changing a result does not change the store', async () => {
    const f = await makeFixture();
    const c = await hglCase(f);
    const before = f.store.snapshot();
    const [listed] = await listCases(f.quartermaster);
    if (listed) listed.status = 'resolved';
    c.sketch = 'gewijzigd';
    expect(f.store.snapshot()).toBe(before);
  });
});

describe('retention: purgeExpiredFreeText', () => {
  async function closedCaseWithText(f: Fixture): Promise<StuckCase> {
    const c = await hglCase(f, { stepsNote: 'Ook de centrumgemeente benaderd.' });
    await addCaseNote(f.quartermaster, { caseCode: c.code, text: 'Contact gezocht met zorgkantoor.', toPersonId: f.people.projectLeadHgl.id });
    await moveTo(f, c.code, 'nationalEscalation');
    await moveTo(f, c.code, 'inTreatment', { reason: 'Terug naar behandeling.' });
    return closeCase(f.quartermaster, { caseCode: c.code, resolved: true, outcome: 'Woonplek gevonden.', lesson: 'Eerder opschalen.' });
  }

  it('empties free text only once `retentionDays` have passed since closing', async () => {
    const f = await makeFixture();
    await updateSettings(f.quartermaster, { retentionDays: 30 });
    const closed = await closedCaseWithText(f);
    const open = await hglCase(f, { stepsNote: 'Open casus blijft.' });

    f.clock.advanceDays(29);
    expect(await purgeExpiredFreeText(f.system)).toEqual([]);
    let d = await f.data();
    expect(d.cases[0]?.sketch).toBe(closed.sketch);

    f.clock.advanceDays(1);
    expect(await purgeExpiredFreeText(f.system)).toEqual([closed.code]);
    d = await f.data();
    const purged = d.cases.find((x) => x.code === closed.code);
    expect(purged).toBeDefined();
    expect(purged?.sketch).toBe('');
    expect(purged?.stepsNote).toBeUndefined();
    expect(purged?.outcome).toBeUndefined();
    expect(purged?.lesson).toBeUndefined();
    expect(purged?.notes).toEqual([]);
    expect(purged?.history.every((h) => h.reason === undefined)).toBe(true);
    expect(purged?.freeTextPurgedAt).toBe(f.clock.now().toISOString());
    // Structured facts stay for the signal report.
    expect(purged).toMatchObject({ status: 'resolved', theme: 'housing', bottleneckIds: ['KP-02'], regionCode: 'HGL', closedAt: closed.closedAt });
    expect(purged?.history).toHaveLength(closed.history.length);
    expect(d.signals.some((s) => s.caseCode === closed.code)).toBe(true);
    // The open case keeps its text.
    expect(d.cases.find((x) => x.code === open.code)?.stepsNote).toBe('Open casus blijft.');
    expect(d.audit.at(-1)).toMatchObject({ action: 'case.purge', entityId: closed.code, actorId: 'system', channel: 'system' });

    // Idempotent.
    f.clock.advanceDays(100);
    expect(await purgeExpiredFreeText(f.system)).toEqual([]);
  });

  it('uses the default retention of 365 days', async () => {
    const f = await makeFixture();
    const closed = await closedCaseWithText(f);
    f.clock.advanceDays(364);
    expect(await purgeExpiredFreeText(f.quartermaster)).toEqual([]);
    f.clock.advanceDays(1);
    expect(await purgeExpiredFreeText(f.quartermaster)).toEqual([closed.code]);
  });

  it('runs for the system actor and the quartermaster only', async () => {
    const f = await makeFixture();
    await closedCaseWithText(f);
    f.clock.advanceDays(400);
    for (const ctx of [f.ambassador, f.projectLeadHgl]) {
      const err = await expectRefusedWithoutWrite(f.store, () => purgeExpiredFreeText(ctx), 'forbidden');
      expect(err.message).toBe(msg.forbidden('de bewaartermijn toepassen'));
    }
    expect(await purgeExpiredFreeText(f.system)).toHaveLength(1);
  });

  it('a case purged, reopened and closed again loses its new free text after the retention period too', async () => {
    const f = await makeFixture();
    await updateSettings(f.quartermaster, { retentionDays: 30 });
    const closed = await closedCaseWithText(f);
    f.clock.advanceDays(30);
    expect(await purgeExpiredFreeText(f.system)).toEqual([closed.code]);
    await moveTo(f, closed.code, 'inTreatment', { reason: 'Nieuwe situatie na vrijlating.' });
    await addCaseNote(f.quartermaster, { caseCode: closed.code, text: 'Nieuwe notitie na heropenen.' });
    await closeCase(f.quartermaster, { caseCode: closed.code, resolved: false, outcome: 'Opnieuw geen plek.', lesson: 'Les twee.' });
    f.clock.advanceDays(29);
    expect(await purgeExpiredFreeText(f.system)).toEqual([]);
    f.clock.advanceDays(1);
    expect(await purgeExpiredFreeText(f.system)).toEqual([closed.code]);
    const c = (await f.data()).cases[0];
    expect(c?.notes).toEqual([]);
    expect(c?.outcome).toBeUndefined();
    expect(c?.lesson).toBeUndefined();
    expect(c?.history.every((h) => h.reason === undefined)).toBe(true);
    expect(c?.freeTextPurgedAt).toBe(f.clock.now().toISOString());
  });

  it('a reopened case is not purged', async () => {
    const f = await makeFixture();
    const closed = await closedCaseWithText(f);
    await moveTo(f, closed.code, 'inTreatment', { reason: 'Heropend.' });
    f.clock.advanceDays(400);
    expect(await purgeExpiredFreeText(f.system)).toEqual([]);
  });
});
