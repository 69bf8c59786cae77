import { describe, expect, it } from 'vitest';
import {
  addCaseNote,
  announceEvent,
  createEvent,
  createTaskGroup,
  moveCase,
  NOTIFICATION_KINDS,
  openMonitorRound,
  pendingDeliveries,
  registerForEvent,
  reportCase,
  submitMonitorFigures,
  type Delivery,
} from '../../core/index.js';
import { runJob } from '../../core/usecases/schedule.js';
import { caseInput, expectDutch } from '../../test/helpers/core-fixture.js';
import { allText, asForm, asMessage, makeConversationFixture } from '../../test/helpers/conversation-fixture.js';

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

describe('scheduled notifications (issue 5)', () => {
  type F = Awaited<ReturnType<typeof makeConversationFixture>>;
  const render = async (f: F, kind: Delivery['notification']['kind'], recipientId?: string) => {
    const d = (await deliveries(f, kind)).find((x) => !recipientId || x.recipient.id === recipientId);
    expect(d, `a ${kind} delivery`).toBeDefined();
    const m = asMessage(f.conv.notification(d!));
    for (const t of [m.title ?? '', ...m.text, ...(m.facts ?? []).map((x) => `${x.label} ${x.value}`)]) expectDutch(t || 'leeg');
    return m;
  };

  it('weekly digest: headline figures, what changed, decisions waiting with Toon buttons, how to get the full report', async () => {
    const f = await makeConversationFixture(); // Monday 2 March 2026
    const a = await reportCase(f.projectLeadHgl, caseInput());
    const b = await reportCase(f.projectLeadUtr, caseInput({ theme: 'financing' }));
    await moveCase(f.quartermaster, { caseCode: a.code, to: 'nationalEscalation' });
    f.clock.advanceDays(7);
    await runJob(f.system, { job: 'weeklyDigest' });
    const m = await render(f, 'weeklyDigest', f.people.ambassador.id);
    expect(m.title).toBe('Weekoverzicht 2 maart 2026 – 8 maart 2026');
    expect(m.text).toEqual([
      'Wat er de afgelopen week veranderde bij het Coördinatiepunt, en wat op u wacht.',
      'Nieuw: 2 casussen en 2 signalen (de periode ervoor: 0). Opgelost: 0; gesloten zonder oplossing: 0; landelijk geëscaleerd: 1.',
      expect.stringMatching(/^Meest gesignaleerd: KP-02 .+ \(2\)\.$/),
      '27 van de 29 gestarte regio’s meldden in deze periode geen casus en geen signaal.',
      'Wachten op uw besluit (landelijk geëscaleerd, langst wachtend eerst): 1 casus.',
      'Het volledige rapport met grafieken: „lla rapport --formaat html --van 2026-03-02 --tot 2026-03-08” (of vraag het de kwartiermaker).',
    ]);
    expect(m.facts).toEqual([
      { label: 'Open casussen', value: '2' },
      { label: 'Nieuwe casussen', value: '2' },
      { label: 'Signalen', value: '2' },
      { label: 'Opgelost', value: '0' },
      { label: 'Landelijk geëscaleerd', value: '1' },
      { label: 'Wachten op besluit', value: '1' },
    ]);
    expect(m.items).toEqual([
      {
        title: `${a.code} · Haaglanden`,
        facts: [
          { label: 'Thema', value: 'wonen / dreigende dakloosheid' },
          { label: 'Wacht sinds', value: '2 maart 2026 (6 dagen)' },
        ],
        buttons: [{ label: 'Toon', action: { id: 'case.show', value: a.code } }],
      },
    ]);
    expect(allText(m)).not.toContain(b.code);
    expect(allText(m)).not.toContain('drie weken vrij'); // the sketch (free text) is never in a digest
    // The button works for the ambassador.
    const shown = asMessage(await f.conv.action(f.turns.ambassador, m.items![0]!.buttons![0]!.action));
    expect(shown.title).toBe(`Casus ${a.code}`);
  });

  it('monthly report: the last full month; many decisions stay within the limits', async () => {
    const f = await makeConversationFixture();
    f.clock.set('2026-02-10T09:00:00.000Z');
    const codes: string[] = [];
    for (let i = 0; i < 8; i++) {
      const c = await reportCase(f.projectLeadHgl, caseInput());
      await moveCase(f.quartermaster, { caseCode: c.code, to: 'nationalEscalation' });
      codes.push(c.code);
      f.clock.advanceDays(1);
    }
    f.clock.set('2026-03-02T07:00:00.000Z');
    await runJob(f.system, { job: 'monthlyReport' });
    const m = await render(f, 'monthlyReport', f.people.quartermaster.id);
    expect(m.title).toBe('Signalenrapportage februari 2026');
    expect(m.text[0]).toBe('De signalenrapportage over februari 2026 in het kort, en wat op u wacht.');
    expect(m.items?.map((i) => i.title)).toEqual(codes.slice(0, 5).map((c) => `${c} · Haaglanden`));
    expect(m.text).toContain('En nog 3 casussen; die staan in het volledige rapport.');
    expect(m.text.at(-1)).toContain('--van 2026-02-01 --tot 2026-02-28');
  });

  it('task-group check-in: the progress form and "herinner me later" both work, and the snooze is honoured', async () => {
    const f = await makeConversationFixture();
    const tg = await createTaskGroup(f.quartermaster, { name: 'Signalenrapportage', task: 5, goal: 'Knelpunten bundelen', firstContactId: f.people.poolMember.id });
    f.clock.advanceDays(30);
    await runJob(f.system, { job: 'taskGroupCheckIn' });
    const m = await render(f, 'taskGroupCheckIn', f.people.poolMember.id);
    expect(m.title).toBe('Hoe staat taakgroep „Signalenrapportage” ervoor?');
    expect(m.buttons?.map((b) => [b.label, b.action.id, b.action.value])).toEqual([
      ['Voortgang doorgeven', 'form.open', `progress|taskGroupId=${tg.id}`],
      ['Herinner me later', 'taskGroup.snooze', tg.id],
    ]);
    const form = asForm(await f.conv.action(f.turns.poolMember, m.buttons![0]!.action));
    expect(form.state).toEqual({ taskGroupId: tg.id });
    const snoozed = asMessage(await f.conv.action(f.turns.poolMember, m.buttons![1]!.action));
    expect(snoozed.tone).toBe('success');
    f.clock.advanceDays(6);
    expect((await runJob(f.system, { job: 'taskGroupCheckIn' })).queued).toEqual([]);
    f.clock.advanceDays(1.1);
    expect((await runJob(f.system, { job: 'taskGroupCheckIn' })).queued).toHaveLength(1);
    // The answer becomes a progress update.
    const done = await f.conv.submit(f.turns.poolMember, 'progress', { text: 'Eerste rapportage besproken' }, form.state);
    expect(done.kind).toBe('done');
    expect((await f.data()).taskGroups[0]!.progress.map((p) => p.text)).toEqual(['Eerste rapportage besproken']);
  });

  it('monitor request and reminder open the monitor form; after submitting they say thanks; the quartermaster gets the missing regions', async () => {
    const f = await makeConversationFixture();
    await openMonitorRound(f.quartermaster, { period: '2026-H1', closesOn: '2026-04-01' });
    const ask = await render(f, 'monitorRequest', f.people.projectLeadHgl.id);
    expect(ask.title).toBe('Monitor 2026-H1: uw cijfers gevraagd');
    expect(ask.text).toEqual([
      'De monitorronde 2026-H1 is geopend. Wilt u de cijfers van Haaglanden invullen: geïncludeerde cliënten, nieuwe inclusies en uitstroom? Het formulier kost een minuut.',
      'De ronde sluit op 1 april 2026.',
    ]);
    expect(ask.buttons).toEqual([{ label: 'Cijfers invullen', action: { id: 'form.open', value: 'monitor' }, style: 'primary' }]);
    const form = asForm(await f.conv.action(f.turns.projectLeadHgl, ask.buttons![0]!.action));
    expect(form.formId).toBe('monitor');

    f.clock.advanceDays(3);
    await runJob(f.system, { job: 'monitorReminders' });
    const reminder = await render(f, 'monitorReminder', f.people.projectLeadUtr.id);
    expect(reminder.title).toBe('Herinnering: monitor 2026-H1');
    expect(reminder.text[0]).toBe(
      'De cijfers van Regio Utrecht voor de monitor 2026-H1 zijn nog niet binnen; de ronde is 3 dagen geleden geopend. Wilt u ze nu invullen?',
    );
    const missing = await render(f, 'monitorMissing', f.people.quartermaster.id);
    expect(missing.title).toBe('Monitor 2026-H1: 29 regio’s zonder cijfers');
    expect(missing.text[0]).toMatch(/^Na 3 dagen hebben deze regio’s nog geen cijfers ingestuurd: Groningen, Fryslân, .*Haaglanden, .*Zuid-Limburg\. De projectleiders hebben een herinnering gekregen\.$/);
    expect(missing.text[0]).not.toContain('Regio Arnhem');
    expect(missing.facts).toContainEqual({ label: 'Ingestuurd', value: '0 van 29 regio’s' });

    await submitMonitorFigures(f.projectLeadUtr, { includedClients: 4, newInclusions: 1, outflow: 0, started: true });
    const thanked = await render(f, 'monitorReminder', f.people.projectLeadUtr.id);
    expect(thanked.text).toContain('Uw regio heeft de cijfers inmiddels ingestuurd, dank u wel. Opnieuw insturen vervangt ze.');
    expect((await render(f, 'monitorMissing')).facts).toContainEqual({ label: 'Ingestuurd', value: '1 van 29 regio’s' });
  });

  it('homelessness alert: the date, days left, status and a Toon casus button', async () => {
    const f = await makeConversationFixture();
    const c = await reportCase(f.projectLeadHgl, caseInput({ homelessOn: '2026-03-16' }));
    await runJob(f.system, { job: 'homelessnessAlerts' });
    const m = await render(f, 'homelessnessAlert', f.people.ambassador.id);
    expect(m.tone).toBe('warning');
    expect(m.title).toBe(`Dreigende dakloosheid over 14 dagen: casus ${c.code}`);
    expect(m.text).toEqual([
      `Bij casus ${c.code} (Haaglanden) dreigt op 16 maart 2026 dakloosheid. De casus staat op „gemeld”.`,
      'Dit is de waarschuwing van 14 dagen vooraf; u krijgt er per casus hoogstens twee.',
    ]);
    expect(m.buttons?.[0]).toEqual({ label: 'Toon casus', action: { id: 'case.show', value: c.code } });
    const qm = await render(f, 'homelessnessAlert', f.people.quartermaster.id);
    expect(qm.buttons?.length).toBeGreaterThan(1); // the quartermaster can move the case from here
  });

  it('event reminders: register before the deadline; one week before with the cancel button', async () => {
    const f = await makeConversationFixture();
    const e = await createEvent(f.quartermaster, { kind: 'vakdagProviders', date: '2026-03-12', capacity: 10, registrationDeadline: '2026-03-04', place: 'Utrecht' });
    await registerForEvent(f.projectLeadHgl, { eventId: e.id });
    await runJob(f.system, { job: 'eventReminders' });
    const ask = await render(f, 'eventDeadlineReminder', f.people.projectLeadUtr.id);
    expect(ask.title).toBe(`Nog aanmelden: ${e.title}`);
    expect(ask.text).toEqual([`U kunt zich tot en met 4 maart 2026 aanmelden voor ${e.title} op 12 maart 2026.`]);
    expect(ask.buttons?.map((b) => b.action)).toEqual([{ id: 'event.register', value: e.id }]);
    f.clock.advanceDays(5);
    await runJob(f.system, { job: 'eventReminders' });
    const soon = await render(f, 'eventReminder', f.people.projectLeadHgl.id);
    expect(soon.title).toBe(`Binnenkort: ${e.title}`);
    expect(soon.text[0]).toBe(`U bent aangemeld voor ${e.title} op 12 maart 2026 in Utrecht.`);
    expect(soon.buttons?.map((b) => b.action)).toEqual([{ id: 'event.cancel', value: e.id }]);
  });

  it('every new kind degrades gracefully when its subject is gone', async () => {
    const f = await makeConversationFixture();
    // Every kind the schedule added (they follow eventAnnounced in the schema).
    const kinds = NOTIFICATION_KINDS.slice(NOTIFICATION_KINDS.indexOf('eventAnnounced') + 1);
    expect(kinds).toHaveLength(9);
    for (const kind of kinds) {
      const d: Delivery = {
        notification: { id: 'N-000001', kind, recipientId: f.people.quartermaster.id, createdAt: '2026-03-02T09:00:00.000Z', params: {}, attempts: 0 },
        recipient: f.people.quartermaster,
      };
      expect(asMessage(f.conv.notification(d)).text, kind).toEqual(['Het onderwerp van dit bericht bestaat niet meer.']);
    }
  });
});
