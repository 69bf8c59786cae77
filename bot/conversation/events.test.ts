import { describe, expect, it } from 'vitest';
import { addProgress, createEvent, createTaskGroup, pendingDeliveries } from '../../core/index.js';
import { asMessage, makeConversationFixture } from '../../test/helpers/conversation-fixture.js';

describe('vakdagen', () => {
  it('lists coming events with places, waiting list and my registration; register, waitlist, cancel, promotion', async () => {
    const f = await makeConversationFixture();
    const e = await createEvent(f.quartermaster, {
      kind: 'vakdagProviders',
      date: '2026-05-21',
      capacity: 1,
      place: 'Utrecht',
      startTime: '09:30',
      endTime: '16:30',
      registrationDeadline: '2026-05-07',
    });
    const piet = f.turns.projectLeadHgl;
    const paula = f.turns.processDirectorHgl;
    const list = asMessage(await f.conv.text(piet, 'vakdagen'));
    expect(list.items).toHaveLength(1);
    expect(list.items?.[0]?.facts).toEqual(
      expect.arrayContaining([
        { label: 'Datum', value: '21 mei 2026, 09:30–16:30' },
        { label: 'Plaatsen', value: '0 van 1 bezet' },
        { label: 'Uw aanmelding', value: 'niet aangemeld' },
      ]),
    );
    expect(list.items?.[0]?.buttons).toEqual([{ label: 'Aanmelden', style: 'primary', action: { id: 'event.register', value: e.id } }]);

    const registered = asMessage(await f.conv.action(piet, { id: 'event.register', value: e.id }));
    expect(registered.tone).toBe('success');
    expect(registered.text[0]).toBe(`U bent aangemeld voor ${e.title} op 21 mei 2026.`);
    expect(registered.buttons?.[0]?.action).toEqual({ id: 'event.cancel', value: e.id });

    const waiting = asMessage(await f.conv.action(paula, { id: 'event.register', value: e.id }));
    expect(waiting.title).toBe('Op de wachtlijst');
    expect(waiting.text[0]).toBe(`${e.title} is vol; u staat op de wachtlijst (plaats 1).`);
    const paulaList = asMessage(await f.conv.action(paula, { id: 'events.list', value: '' }));
    expect(paulaList.items?.[0]?.facts).toEqual(
      expect.arrayContaining([
        { label: 'Plaatsen', value: '1 van 1 bezet' },
        { label: 'Wachtlijst', value: '1 persoon' },
        { label: 'Uw aanmelding', value: 'op de wachtlijst (plaats 1)' },
      ]),
    );

    const twice = asMessage(await f.conv.action(piet, { id: 'event.register', value: e.id }));
    expect(twice.text[0]).toBe('U bent al aangemeld voor deze bijeenkomst.');

    const cancelled = asMessage(await f.conv.action(piet, { id: 'event.cancel', value: e.id }));
    expect(cancelled.text[0]).toBe(`U bent afgemeld voor ${e.title}.`);
    const data = await f.data();
    expect(data.events[0]?.registrations.find((r) => r.personId === f.people.processDirectorHgl.id)?.status).toBe('registered');
    const promoted = (await pendingDeliveries(f.system)).find((d) => d.notification.kind === 'waitlistPromoted');
    expect(promoted?.recipient.id).toBe(f.people.processDirectorHgl.id);
    const note = asMessage(f.conv.notification(promoted!));
    expect(note.text[0]).toBe(`Er is een plek vrijgekomen: u bent nu aangemeld voor ${e.title} op 21 mei 2026.`);
    expect(note.buttons).toEqual([{ label: 'Afmelden', style: 'danger', action: { id: 'event.cancel', value: e.id } }]);
  });

  it('after the deadline there is no Aanmelden button and the deadline says closed', async () => {
    const f = await makeConversationFixture();
    await createEvent(f.quartermaster, { kind: 'duoMeeting', date: '2026-05-21', capacity: 10, registrationDeadline: '2026-04-01' });
    f.clock.set('2026-04-10T09:00:00Z');
    const list = asMessage(await f.conv.text(f.turns.projectLeadHgl, 'vakdag'));
    expect(list.items?.[0]?.buttons).toEqual([]);
    expect(list.items?.[0]?.facts).toContainEqual({ label: 'Aanmelden tot en met', value: '1 april 2026 (gesloten)' });
  });
});

describe('task-group check-in', () => {
  it('check-in message: group, last progress, buttons to give progress and to snooze', async () => {
    const f = await makeConversationFixture();
    const tg = await createTaskGroup(f.quartermaster, { name: 'Werkproces', task: 2, goal: 'Playbook', firstContactId: f.people.poolMember.id, deadline: '2026-12-01' });
    const first = asMessage(f.conv.checkIn(tg));
    expect(first.title).toBe('Hoe staat taakgroep „Werkproces” ervoor?');
    expect(first.text[1]).toBe('Er is nog geen voortgang doorgegeven.');
    expect(first.buttons?.map((b) => b.action)).toEqual([
      { id: 'form.open', value: `progress|taskGroupId=${tg.id}` },
      { id: 'taskGroup.snooze', value: tg.id },
    ]);
    f.clock.advanceDays(10);
    const later = await addProgress(f.poolMember, { taskGroupId: tg.id, text: 'Gestart.' });
    expect(asMessage(f.conv.checkIn(later)).text[1]).toBe('De laatste voortgang is van 12 maart 2026.');

    const form = await f.conv.action(f.turns.poolMember, first.buttons![0]!.action);
    expect(form.kind === 'form' && form.state).toEqual({ taskGroupId: tg.id });
  });

  it('herinner me later snoozes the check-in for 7 days and says until when; others are refused', async () => {
    const f = await makeConversationFixture();
    const tg = await createTaskGroup(f.quartermaster, { name: 'Werkproces', task: 2, goal: 'Playbook', firstContactId: f.people.poolMember.id });
    const m = asMessage(await f.conv.action(f.turns.poolMember, { id: 'taskGroup.snooze', value: tg.id }));
    expect(m.text[0]).toBe('Goed, ik vraag het opnieuw op 9 maart 2026 (taakgroep „Werkproces”).');
    expect((await f.data()).taskGroups[0]?.checkInSnoozedUntil).toBe('2026-03-09T09:00:00.000Z');
    const refused = asMessage(await f.conv.action(f.turns.projectLeadHgl, { id: 'taskGroup.snooze', value: tg.id }));
    expect(refused.text[0]).toMatch(/eerste aanspreekpunt/);
  });
});
