import { describe, expect, it } from 'vitest';
import { addCaseNote, announceEvent, createEvent, moveCase, pendingDeliveries, registerForEvent, reportCase, type Delivery } from '../../core/index.js';
import { caseInput } from '../../test/helpers/core-fixture.js';
import { allText, asMessage, makeConversationFixture } from '../../test/helpers/conversation-fixture.js';

async function deliveries(f: Awaited<ReturnType<typeof makeConversationFixture>>, kind: Delivery['notification']['kind']) {
  return (await pendingDeliveries(f.system)).filter((d) => d.notification.kind === kind);
}

describe('notifications', () => {
  it('caseReported: the quartermaster gets region, theme, help, urgency and buttons to move the case', async () => {
    const f = await makeConversationFixture();
    const c = await reportCase(f.projectLeadHgl, caseInput({ homelessOn: '2026-03-20', helpAsked: ['advice', 'regionalMediation'] }));
    const [d] = await deliveries(f, 'caseReported');
    const m = asMessage(f.conv.notification(d!));
    expect(m.title).toBe('Nieuwe vastgelopen casus');
    expect(m.text[0]).toBe(`Nieuwe vastgelopen casus ${c.code} uit Haaglanden.`);
    expect(m.facts).toEqual(
      expect.arrayContaining([
        { label: 'Regio', value: 'Haaglanden' },
        { label: 'Thema', value: 'wonen / dreigende dakloosheid' },
        { label: 'Gevraagde hulp', value: 'advies, bemiddeling in de regio' },
        { label: 'Dreigende dakloosheid', value: '20 maart 2026' },
      ]),
    );
    expect(m.buttons?.map((b) => b.action.value)).toEqual([
      `${c.code}|inTreatment`,
      `${c.code}|regionalMediation`,
      `${c.code}|nationalEscalation`,
      `${c.code}|withProblemOwner`,
      `${c.code}|resolved`,
      `${c.code}|closedUnresolved`,
      c.code,
    ]);
    expect(allText(m)).not.toContain('detentie');
    // The button works: the quartermaster moves the case from the notification.
    const moved = asMessage(await f.conv.action(f.turns.quartermaster, m.buttons![0]!.action));
    expect(moved.tone).toBe('success');
  });

  it('caseStatusChanged: the reporter gets from → to, the case code and a Toon casus button', async () => {
    const f = await makeConversationFixture();
    const c = await reportCase(f.projectLeadHgl, caseInput());
    await moveCase(f.quartermaster, { caseCode: c.code, to: 'nationalEscalation' });
    const [d] = await deliveries(f, 'caseStatusChanged');
    expect(d?.recipient.id).toBe(f.people.projectLeadHgl.id);
    const m = asMessage(f.conv.notification(d!));
    expect(m.title).toBe(`Casus ${c.code}: nieuwe status`);
    expect(m.text).toEqual([`Casus ${c.code} staat nu op „geëscaleerd landelijk”.`, 'Van „gemeld” naar „geëscaleerd landelijk”.']);
    expect(m.buttons).toEqual([{ label: 'Toon casus', action: { id: 'case.show', value: c.code } }]);
  });

  it('caseNote: the addressed note with its text', async () => {
    const f = await makeConversationFixture();
    const c = await reportCase(f.projectLeadHgl, caseInput());
    await addCaseNote(f.quartermaster, { caseCode: c.code, text: 'Kunt u het verslag van de casustafel sturen?', toPersonId: f.people.projectLeadHgl.id });
    const [d] = await deliveries(f, 'caseNote');
    const m = asMessage(f.conv.notification(d!));
    expect(m.text).toEqual([`Er is een notitie voor u bij casus ${c.code}.`, 'Kunt u het verslag van de casustafel sturen?']);
    expect(m.buttons?.[0]?.action).toEqual({ id: 'case.show', value: c.code });
  });

  it('registrationChanged reflects the current registration', async () => {
    const f = await makeConversationFixture();
    const e = await createEvent(f.quartermaster, { kind: 'duoMeeting', date: '2026-10-08', capacity: 5 });
    await registerForEvent(f.projectLeadHgl, { eventId: e.id });
    const data = await f.data();
    const d: Delivery = {
      notification: { id: 'N-000099', kind: 'registrationChanged', recipientId: f.people.projectLeadHgl.id, createdAt: data.createdAt, params: { eventId: e.id }, attempts: 0 },
      recipient: f.people.projectLeadHgl,
      event: data.events[0]!,
    };
    const m = asMessage(f.conv.notification(d));
    expect(m.title).toBe(e.title);
    expect(m.text[0]).toBe(`U bent aangemeld voor ${e.title} op 8 oktober 2026.`);
    expect(m.buttons?.[0]?.action).toEqual({ id: 'event.cancel', value: e.id });
  });

  it('degrades gracefully when the subject is gone', async () => {
    const f = await makeConversationFixture();
    const base = { recipientId: f.people.projectLeadHgl.id, createdAt: '2026-03-02T09:00:00.000Z', attempts: 0 };
    const gone = (kind: Delivery['notification']['kind'], params: Delivery['notification']['params']): Delivery => ({
      notification: { id: 'N-000001', kind, params, ...base },
      recipient: f.people.projectLeadHgl,
    });
    const status = asMessage(f.conv.notification(gone('caseStatusChanged', { caseCode: 'VC-2026-0042', from: 'reported', to: 'inTreatment' })));
    expect(status.text[0]).toBe('Casus VC-2026-0042 staat nu op „in behandeling”.');
    expect(status.buttons).toBeUndefined();
    const reported = asMessage(f.conv.notification(gone('caseReported', { caseCode: 'VC-2026-0042', regionCode: 'HGL' })));
    expect(reported.text).toEqual(['Nieuwe vastgelopen casus VC-2026-0042 uit HGL.']);
    expect(reported.buttons).toBeUndefined();
    expect(asMessage(f.conv.notification(gone('caseNote', { caseCode: 'VC-2026-0042' }))).text).toEqual(['Er is een notitie voor u bij casus VC-2026-0042.']);
    expect(asMessage(f.conv.notification(gone('waitlistPromoted', { eventId: 'EV-2026-01' }))).text).toEqual(['Het onderwerp van dit bericht bestaat niet meer.']);
    expect(asMessage(f.conv.notification(gone('caseStatusChanged', {}))).text).toEqual(['Het onderwerp van dit bericht bestaat niet meer.']);
  });

  it('eventAnnounced: an invitation with the programme, seats and an Aanmelden button that works', async () => {
    const f = await makeConversationFixture();
    const e = await createEvent(f.quartermaster, {
      kind: 'vakdagProviders',
      date: '2026-05-21',
      place: 'Utrecht',
      capacity: 1,
      programme: 'Ochtend: casuïstiek en knelpunten uit de regio’s. Middag: werkplaatsen. '.repeat(50),
    });
    const { announced } = await announceEvent(f.quartermaster, { eventId: e.id });
    expect(announced).toContain(f.people.projectLeadHgl.id);
    const d = (await deliveries(f, 'eventAnnounced')).find((x) => x.recipient.id === f.people.projectLeadHgl.id)!;
    const m = asMessage(f.conv.notification(d));
    expect(m.title).toBe(`Uitnodiging: ${e.title}`);
    expect(m.text[0]).toBe(`U bent van harte uitgenodigd voor ${e.title} op 21 mei 2026. Meld u aan met de knop hieronder.`);
    expect(m.text[1]!.endsWith('…')).toBe(true);
    expect(m.buttons?.map((b) => [b.label, b.action.id])).toEqual([['Aanmelden', 'event.register']]);
    const done = asMessage(await f.conv.action(f.turns.projectLeadHgl, m.buttons![0]!.action));
    expect(allText(done)).toContain('aangemeld');
    // The one seat is taken: the next person is put on the waiting list.
    const other = (await deliveries(f, 'eventAnnounced')).find((x) => x.recipient.id === f.people.projectLeadUtr.id)!;
    const wait = asMessage(await f.conv.action(f.turns.projectLeadUtr, asMessage(f.conv.notification(other)).buttons![0]!.action));
    expect(allText(wait)).toContain('wachtlijst');
  });
});
