/**
 * Every card the Teams bot can send parses without errors in the Adaptive
 * Cards parser (the `adaptivecards` package): the views of the real
 * conversation layer for every person, every command, every button reachable
 * from them (pressed, a few levels deep), every form empty and with errors,
 * every notification and the check-in — rendered for a chat and, for forms,
 * for the message-action dialog. And the renderer's details: inputs, errors,
 * the overflow of buttons into rows, and reading a submission back.
 */
import { describe, expect, it } from 'vitest';
import { createEvent, createTaskGroup, openMonitorRound, pendingDeliveries, registerForEvent, reportCase, type Context } from '../core/index.js';
import type { Turn } from '../bot/conversation/types.js';
import type { Button, FormView, MessageView, View } from '../bot/conversation/view.js';
import { parseSubmission, renderForm, renderMessage, renderView } from '../bot/teams/render.js';
import { makeConversationFixture } from './helpers/conversation-fixture.js';
import { caseInput } from './helpers/core-fixture.js';
import { cardProblems, expectValidCard } from './helpers/teams-card-check.js';

function buttonsOf(view: View): Button[] {
  if (view.kind !== 'message') return [];
  return [...(view.buttons ?? []), ...(view.items ?? []).flatMap((i) => i.buttons ?? [])];
}

describe('every card of the real conversation parses', () => {
  it('commands, homes, buttons, forms (empty, with errors, done), notifications and check-ins', async () => {
    const f = await makeConversationFixture();
    const qmCtx: Context = f.quartermaster;
    const submitted = await f.conv.submit(
      f.turns.projectLeadHgl,
      'reportCase',
      { theme: 'housing', bottleneckIds: ['KP-02'], sketch: caseInput().sketch, stepsTried: ['caseTable'], helpAsked: ['advice'] },
      {},
    );
    expect(submitted.kind).toBe('done');
    await reportCase(f.projectLeadUtr, caseInput({ theme: 'financing' }));
    await reportCase(f.quartermaster, caseInput({ regionCode: 'HGL', homelessOn: '2026-04-01' }));
    const tg = await createTaskGroup(qmCtx, { name: 'Werkproces', task: 2, goal: 'Playbook', firstContactId: f.people.poolMember.id });
    await openMonitorRound(qmCtx, { period: '2026-H1', closesOn: '2026-03-31' });
    const event = await createEvent(qmCtx, { kind: 'vakdagProcessDirectors', date: '2026-05-12', capacity: 1, place: 'Utrecht' });
    await registerForEvent(f.processDirectorHgl, { eventId: event.id });

    const unknown: Turn = { actor: { teamsAadObjectId: '00000000-0000-4000-8000-0000000000ff' }, channel: 'teams' };
    const turns: [string, Turn][] = [...Object.entries(f.turns), ['unknown', unknown]];
    const views: [string, View][] = [];
    const seen = new Set<string>();
    let frontier: [string, Turn, View][] = [];
    const add = (name: string, turn: Turn, view: View) => {
      views.push([name, view]);
      frontier.push([name, turn, view]);
    };

    for (const [who, turn] of turns) {
      add(`${who} home`, turn, await f.conv.home(turn));
      for (const text of ['help', 'meld', 'signaal', 'mijn casussen', 'vakdagen', 'voortgang', 'monitor', 'casus VC-2026-0001', 'casus VC-2026-0002', 'wat is dit']) {
        add(`${who} "${text}"`, turn, await f.conv.text(turn, text));
      }
    }

    // Press every button reachable, three levels deep (bounded).
    for (let depth = 0; depth < 3; depth++) {
      const next = frontier;
      frontier = [];
      for (const [name, turn, view] of next) {
        for (const b of buttonsOf(view)) {
          const key = `${JSON.stringify(turn.actor)} ${b.action.id} ${b.action.value}`;
          if (seen.has(key) || seen.size > 400) continue;
          seen.add(key);
          add(`${name} → ${b.action.id}(${b.action.value})`, turn, await f.conv.action(turn, b.action));
        }
      }
    }

    // Every form: submitted empty (errors on the fields) and with nonsense values.
    const forms = views.filter((v): v is [string, FormView] => v[1].kind === 'form');
    expect(new Set(forms.map(([, v]) => v.formId))).toEqual(new Set(['reportCase', 'reportSignal', 'moveCase', 'progress', 'monitor']));
    let withErrors = 0;
    for (const [name, form] of forms.slice(0, 60)) {
      const turn = turns.find(([who]) => name.startsWith(who))![1];
      for (const values of [{}, Object.fromEntries(form.fields.map((x) => [x.id, x.kind === 'choice' && x.multiple ? ['nope'] : 'Bel 06-12345678']))]) {
        const r = await f.conv.submit(turn, form.formId, values, form.state);
        views.push([`${name} submitted`, r.kind === 'done' ? r.view : r.form]);
        if (r.kind === 'invalid' && r.form.errors && Object.keys(r.form.errors).length > 0) withErrors++;
      }
    }
    expect(withErrors).toBeGreaterThan(5);

    const deliveries = await pendingDeliveries(f.system);
    expect(new Set(deliveries.map((d) => d.notification.kind)).size).toBeGreaterThanOrEqual(3);
    for (const d of deliveries) views.push([`notification ${d.notification.kind}`, f.conv.notification(d)]);
    views.push(['check-in', f.conv.checkIn(tg)]);

    const problems: string[] = [];
    for (const [name, view] of views) {
      for (const p of cardProblems(renderView(view, 'chat'))) problems.push(`${name} (chat): ${p}`);
      if (view.kind === 'form') for (const p of cardProblems(renderView(view, 'dialog'))) problems.push(`${name} (dialog): ${p}`);
    }
    expect(problems).toEqual([]);
    expect(views.length).toBeGreaterThan(150);
  });
});

describe('the card renderer', () => {
  const form: FormView = {
    kind: 'form',
    formId: 'monitor',
    title: 'Monitor 2026-H1',
    intro: 'Cijfers van uw regio.',
    fields: [
      { id: 'includedClients', kind: 'number', label: 'Cliënten in de aanpak', required: true, min: 0, max: 10000, initial: 12 },
      { id: 'started', kind: 'choice', multiple: false, label: 'Gestart', required: true, choices: [{ value: 'yes', label: 'ja' }, { value: 'no', label: 'nee' }] },
      { id: 'kinds', kind: 'choice', multiple: true, label: 'Soorten', required: false, choices: [{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }], initial: ['a', 'b'] },
      { id: 'on', kind: 'date', label: 'Datum', required: false, hint: 'jjjj-mm-dd' },
      { id: 'note', kind: 'text', label: 'Toelichting', required: false, multiline: true, maxLength: 200, placeholder: 'kort' },
    ],
    submitLabel: 'Versturen',
    cancelLabel: 'Annuleren',
    state: { period: '2026-H1' },
    errors: { includedClients: 'moet een heel getal zijn' },
    error: 'De ronde is gesloten.',
  };

  it('renders every input kind with label, required, limits and initial values; field errors under their input', () => {
    const card = renderForm(form);
    expectValidCard(card);
    const inputs = card.body.filter((b) => String(b.type).startsWith('Input.'));
    expect(inputs).toEqual([
      expect.objectContaining({ type: 'Input.Number', id: 'includedClients', min: 0, max: 10000, value: 12, isRequired: true, errorMessage: 'moet een heel getal zijn' }),
      expect.objectContaining({ type: 'Input.ChoiceSet', id: 'started', isMultiSelect: false, style: 'expanded', errorMessage: 'Maak een keuze bij „Gestart”.' }),
      expect.objectContaining({ type: 'Input.ChoiceSet', id: 'kinds', isMultiSelect: true, value: 'a,b' }),
      expect.objectContaining({ type: 'Input.Date', id: 'on', isRequired: false }),
      expect.objectContaining({ type: 'Input.Text', id: 'note', isMultiline: true, maxLength: 200, placeholder: 'kort' }),
    ]);
    const i = card.body.findIndex((b) => b.id === 'includedClients');
    expect(card.body[i + 1]).toMatchObject({ type: 'TextBlock', color: 'Attention', text: 'moet een heel getal zijn' });
    expect(card.body.some((b) => b.text === 'De ronde is gesloten.' && b.color === 'Attention')).toBe(true);
    expect(card.actions?.[0]).toMatchObject({ type: 'Action.Execute', verb: 'monitor', data: { verb: 'monitor', lla: { state: { period: '2026-H1' }, multi: ['kinds'] } } });
    expect(renderForm(form, 'dialog').actions?.map((a) => a.type)).toEqual(['Action.Submit', 'Action.Submit']);
  });

  it('reads a submission back: only the form fields, multi-select split, numbers as text, empty left out', () => {
    const data = renderForm(form).actions?.[0]?.data as Record<string, unknown>;
    const parsed = parseSubmission({ ...data, includedClients: 7, started: 'no', kinds: 'a, b,', on: '', note: '   ', injected: 'x' });
    expect(parsed).toEqual({ formId: 'monitor', state: { period: '2026-H1' }, values: { includedClients: '7', started: 'no', kinds: ['a', 'b'] } });
    expect(parseSubmission({ verb: 'monitor' })).toBeNull();
    expect(parseSubmission({ verb: 'drop.tables', lla: { fields: [] } })).toBeNull();
    expect(parseSubmission('x')).toBeNull();
  });

  it('puts more than five buttons into rows of five, colours the title by tone, and keeps items with their buttons', () => {
    const b = (n: number): Button => ({ label: `Knop ${n}`, action: { id: 'case.show', value: `VC-2026-000${n}` }, ...(n === 1 ? { style: 'primary' as const } : {}) });
    const view: MessageView = {
      kind: 'message',
      tone: 'error',
      title: 'Titel',
      text: ['Eén', 'Twee'],
      facts: [{ label: 'Status', value: 'gemeld' }],
      items: [{ title: 'VC-2026-0001', facts: [{ label: 'Regio', value: 'Haaglanden' }], buttons: [b(1), b(2)] }],
      buttons: [1, 2, 3, 4, 5, 6, 7, 8].map(b),
    };
    const card = renderMessage(view);
    expectValidCard(card);
    expect(card.actions).toBeUndefined();
    const rows = card.body.filter((x) => x.type === 'ActionSet');
    expect(rows.map((r) => (r.actions as unknown[]).length)).toEqual([5, 3]);
    expect(card.body[0]).toMatchObject({ text: 'Titel', color: 'Attention' });
    const item = card.body.find((x) => x.type === 'Container') as { items: Record<string, unknown>[] };
    expect(item.items.map((x) => x.type)).toEqual(['TextBlock', 'FactSet', 'ActionSet']);
    expect((item.items[2]!.actions as Record<string, unknown>[])[0]).toMatchObject({ type: 'Action.Execute', verb: 'case.show', data: { verb: 'case.show', value: 'VC-2026-0001' }, style: 'positive' });
    const few = renderMessage({ ...view, buttons: view.buttons!.slice(0, 3) });
    expect(few.actions).toHaveLength(3);
  });

  it('the checker itself catches broken cards', () => {
    expect(cardProblems({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlok', text: 'x' }] })).not.toEqual([]);
    expect(cardProblems({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'Input.Text', id: 'a', isRequired: true }] })).not.toEqual([]);
    expect(cardProblems({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'Input.Text', id: 'a' }, { type: 'Input.Date', id: 'a' }] })).not.toEqual([]);
    expect(cardProblems({ type: 'AdaptiveCard', version: '1.2', body: [] })).not.toEqual([]);
    expect(cardProblems({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'x', color: 'Pink' }] })).not.toEqual([]);
  });
});
