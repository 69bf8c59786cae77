import { describe, expect, it } from 'vitest';
import { moveCase, reportCase, type StuckCase } from '../../core/index.js';
import { caseInput } from '../../test/helpers/core-fixture.js';
import { allText, asForm, asMessage, makeConversationFixture, type ConversationFixture } from '../../test/helpers/conversation-fixture.js';

async function withCase(): Promise<{ f: ConversationFixture; c: StuckCase }> {
  const f = await makeConversationFixture();
  const c = await reportCase(f.projectLeadHgl, caseInput());
  return { f, c };
}

const moveTargetsOf = (view: { buttons?: Array<{ action: { id: string; value: string } }> }) =>
  (view.buttons ?? []).filter((b) => b.action.id === 'case.move').map((b) => b.action.value.split('|')[1]);

describe('my cases', () => {
  it('regional people see their own region, most stuck first, with days in status', async () => {
    const f = await makeConversationFixture();
    const first = await reportCase(f.projectLeadHgl, caseInput());
    f.clock.advanceDays(3);
    const second = await reportCase(f.processDirectorHgl, caseInput({ theme: 'financing' }));
    await reportCase(f.projectLeadUtr, caseInput());
    f.clock.advanceDays(2);
    await moveCase(f.quartermaster, { caseCode: first.code, to: 'inTreatment' }); // 0 days in its new status
    const list = asMessage(await f.conv.text(f.turns.projectLeadHgl, 'mijn casussen'));
    expect(list.items?.map((i) => i.title)).toEqual([`${second.code} · Haaglanden`, `${first.code} · Haaglanden`]);
    expect(list.items?.[0]?.facts).toEqual(
      expect.arrayContaining([
        { label: 'Status', value: 'gemeld' },
        { label: 'Dagen in status', value: '2 dagen' },
      ]),
    );
    expect(list.items?.[1]?.facts).toContainEqual({ label: 'Dagen in status', value: '0 dagen' });
    expect(list.items?.[0]?.buttons).toEqual([{ label: 'Toon', action: { id: 'case.show', value: second.code } }]);
    expect(allText(list)).not.toContain('UTR');
  });

  it('the quartermaster sees every region, capped at 20 with "en nog N"', async () => {
    const f = await makeConversationFixture();
    for (let i = 0; i < 23; i++) await reportCase(f.quartermaster, caseInput({ regionCode: i % 2 ? 'UTR' : 'HGL' }));
    const list = asMessage(await f.conv.action(f.turns.quartermaster, { id: 'cases.mine', value: '' }));
    expect(list.items).toHaveLength(20);
    expect(list.text[0]).toMatch(/^En nog 3 casussen/);
    expect(list.title).toBe('Open casussen, langst vastgelopen eerst');
  });
});

describe('one case', () => {
  it('shows status, region, theme, days in status, urgency, help and history; no free text', async () => {
    const { f, c } = await withCase();
    await moveCase(f.quartermaster, { caseCode: c.code, to: 'inTreatment' });
    f.clock.advanceDays(4);
    const detail = asMessage(await f.conv.action(f.turns.projectLeadHgl, { id: 'case.show', value: c.code }));
    expect(detail.facts).toEqual(
      expect.arrayContaining([
        { label: 'Status', value: 'in behandeling' },
        { label: 'Regio', value: 'Haaglanden' },
        { label: 'Thema', value: 'wonen / dreigende dakloosheid' },
        { label: 'Dagen in status', value: '4 dagen (sinds 2 maart 2026)' },
        { label: 'Gevraagde hulp', value: 'landelijke escalatie' },
      ]),
    );
    expect(detail.text[0]).toBe('Verloop: gemeld (2 maart 2026) → in behandeling (2 maart 2026)');
    expect(allText(detail)).not.toContain('detentie');
    expect(moveTargetsOf(detail)).toEqual([]);
  });

  it('a project lead of another region gets the refusal, not the case', async () => {
    const { f, c } = await withCase();
    for (const view of [
      await f.conv.text(f.turns.projectLeadUtr, `casus ${c.code}`),
      await f.conv.action(f.turns.projectLeadUtr, { id: 'case.show', value: c.code }),
      await f.conv.action(f.turns.projectLeadUtr, { id: 'case.move', value: `${c.code}|inTreatment` }),
    ]) {
      const m = asMessage(view);
      expect(m.text).toEqual(['U hebt alleen toegang tot de casussen en gegevens van uw eigen regio.']);
      expect(allText(m)).not.toMatch(/Haaglanden|wonen|gemeld/);
    }
    expect((await f.data()).cases[0]?.status).toBe('reported');
  });
});

describe('moving a case', () => {
  it('the quartermaster gets move buttons for the allowed next statuses; a button moves and the reporter hears', async () => {
    const { f, c } = await withCase();
    const detail = asMessage(await f.conv.text(f.turns.quartermaster, `casus ${c.code}`));
    expect(moveTargetsOf(detail)).toEqual(['inTreatment', 'regionalMediation', 'nationalEscalation', 'withProblemOwner', 'resolved', 'closedUnresolved']);
    const moved = asMessage(await f.conv.action(f.turns.quartermaster, { id: 'case.move', value: `${c.code}|inTreatment` }));
    expect(moved.tone).toBe('success');
    expect(moved.text[0]).toBe(`Casus ${c.code} is verplaatst van „gemeld” naar „in behandeling”.`);
    const data = await f.data();
    expect(data.cases[0]?.status).toBe('inTreatment');
    expect(data.outbox.filter((n) => n.kind === 'caseStatusChanged').map((n) => n.recipientId)).toEqual([f.people.projectLeadHgl.id]);
    const again = asMessage(await f.conv.action(f.turns.quartermaster, { id: 'case.move', value: `${c.code}|inTreatment` }));
    expect(again.text[0]).toMatch(/staat al op „in behandeling”/);
  });

  it('ambassadors get buttons only on nationally escalated cases', async () => {
    const { f, c } = await withCase();
    expect(moveTargetsOf(asMessage(await f.conv.text(f.turns.ambassador, `casus ${c.code}`)))).toEqual([]);
    await moveCase(f.quartermaster, { caseCode: c.code, to: 'nationalEscalation' });
    const targets = moveTargetsOf(asMessage(await f.conv.text(f.turns.ambassador, `casus ${c.code}`)));
    expect(targets).toEqual(['inTreatment', 'regionalMediation', 'withProblemOwner', 'resolved', 'closedUnresolved']);
  });

  it('a step back opens the move form with a required reason; without it the form comes back', async () => {
    const { f, c } = await withCase();
    await moveCase(f.quartermaster, { caseCode: c.code, to: 'regionalMediation' });
    const form = asForm(await f.conv.action(f.turns.quartermaster, { id: 'case.move', value: `${c.code}|inTreatment` }));
    expect(form.formId).toBe('moveCase');
    expect(form.state).toEqual({ caseCode: c.code, to: 'inTreatment', from: 'regionalMediation' });
    expect(form.fields).toMatchObject([{ id: 'reason', required: true }]);
    expect(form.intro).toBe(`Casus ${c.code} van „bemiddeling regio” naar „in behandeling”.`);
    expect(await f.conv.check(f.turns.quartermaster, 'moveCase', {}, form.state)).toEqual({ reason: expect.stringMatching(/toelichting/) });
    const without = await f.conv.submit(f.turns.quartermaster, 'moveCase', {}, form.state);
    expect(without.kind === 'invalid' && without.form.errors?.reason).toMatch(/toelichting/);
    const done = await f.conv.submit(f.turns.quartermaster, 'moveCase', { reason: 'Regio vraagt nog een ronde.' }, form.state);
    expect(done.kind).toBe('done');
    const data = await f.data();
    expect(data.cases[0]?.status).toBe('inTreatment');
    expect(data.cases[0]?.history.at(-1)).toMatchObject({ reason: 'Regio vraagt nog een ronde.', channel: 'terminal' });
  });

  it('to the problem owner asks the owner; closing asks the outcome and an optional lesson', async () => {
    const { f, c } = await withCase();
    const owner = asForm(await f.conv.action(f.turns.quartermaster, { id: 'case.move', value: `${c.code}|withProblemOwner` }));
    expect(owner.fields.map((x) => [x.id, x.required])).toEqual([
      ['reason', false],
      ['problemOwner', true],
    ]);
    const saved = await f.conv.submit(f.turns.quartermaster, 'moveCase', { problemOwner: 'CIZ' }, owner.state);
    expect(saved.kind).toBe('done');
    expect((await f.data()).cases[0]).toMatchObject({ status: 'withProblemOwner', problemOwner: 'CIZ' });

    const close = asForm(await f.conv.action(f.turns.quartermaster, { id: 'case.move', value: `${c.code}|resolved` }));
    expect(close.fields.map((x) => [x.id, x.required])).toEqual([
      ['reason', false],
      ['outcome', true],
      ['lesson', false],
    ]);
    const privacy = await f.conv.submit(f.turns.quartermaster, 'moveCase', { outcome: 'Woning aan de Kerkstraat 12 gevonden.' }, close.state);
    expect(privacy.kind === 'invalid' && privacy.form.errors?.outcome).toMatch(/adres/);
    const closed = await f.conv.submit(f.turns.quartermaster, 'moveCase', { outcome: 'Plek gevonden via zorgkantoor.', lesson: 'Eerder opschalen.' }, close.state);
    expect(closed.kind).toBe('done');
    expect((await f.data()).cases[0]).toMatchObject({ status: 'resolved', outcome: 'Plek gevonden via zorgkantoor.', lesson: 'Eerder opschalen.' });
  });

  it('a project lead cannot move a case of their own region either (core refuses)', async () => {
    const { f, c } = await withCase();
    const m = asMessage(await f.conv.action(f.turns.projectLeadHgl, { id: 'case.move', value: `${c.code}|inTreatment` }));
    expect(m.text[0]).toMatch(/U mag dit niet/);
    expect((await f.data()).cases[0]?.status).toBe('reported');
  });
});
