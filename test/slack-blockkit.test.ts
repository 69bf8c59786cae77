/**
 * Every view the real conversation layer can produce, rendered for Slack,
 * respects Block Kit's limits. The conversation runs on the generated demo
 * store (hundreds of cases, events, task groups, monitor rounds) for a
 * person of every role and a stranger, through every typed command, every
 * form (opened, submitted empty, submitted with junk), every button reachable
 * from those views (breadth first), the home view, every notification in
 * the outbox and every task group's check-in.
 */
import { describe, expect, it } from 'vitest';
import { createConversation } from '../bot/conversation/index.js';
import type { Conversation, Turn } from '../bot/conversation/types.js';
import type { FormId, FormView, MessageView, View } from '../bot/conversation/view.js';
import { renderHome, renderMessage, renderMessageModal, renderModal, renderOpenFormPrompt } from '../bot/slack/render.js';
import { MemoryStore, myNotifications, type Role } from '../core/index.js';
import { generateDemoStore } from '../data/demo.js';
import { fakeClock } from './helpers/core-fixture.js';
import { blockKitProblems } from './helpers/slack-blockkit-limits.js';

const FORMS: FormId[] = ['reportCase', 'reportSignal', 'moveCase', 'progress', 'monitor'];
const COMMANDS = ['meld', 'signaal', 'mijn casussen', 'casus VC-2025-0001', 'casus VC-9999-0001', 'voortgang', 'vakdagen', 'monitor', 'help', 'wat kan ik hier?', ''];
const MAX_ACTIONS_PER_PERSON = 60;

interface Rendered {
  where: string;
  problems: string[];
}

function render(where: string, view: View, out: Rendered[]): void {
  const add = (w: string, payload: unknown, surface: 'message' | 'modal' | 'home') => out.push({ where: w, problems: blockKitProblems(payload, surface) });
  if (view.kind === 'form') {
    add(`${where} → modal`, renderModal(view), 'modal');
    add(`${where} → DM prompt`, renderOpenFormPrompt(view), 'message');
    return;
  }
  const message = renderMessage(view);
  add(`${where} → message`, message, 'message');
  if (message.text.length === 0 || message.text.length > 3000) out.push({ where: `${where} → text`, problems: [`fallback text of ${message.text.length} chars`] });
  add(`${where} → modal`, renderMessageModal(view, 'Casus melden'), 'modal');
}

async function explore(conversation: Conversation, turn: Turn, label: string, out: Rendered[]): Promise<number> {
  const queue: View[] = [];
  const see = (where: string, view: View) => {
    render(where, view, out);
    queue.push(view);
  };
  for (const c of COMMANDS) see(`${label} text "${c}"`, await conversation.text(turn, c));
  const home = await conversation.home(turn);
  render(`${label} home`, home, out);
  out.push({ where: `${label} home → home`, problems: blockKitProblems(renderHome(home), 'home') });
  queue.push(home);
  for (const f of FORMS) {
    const form = await conversation.openForm(turn, f);
    see(`${label} openForm ${f}`, form);
    if (form.kind !== 'form') continue;
    const empty = await conversation.submit(turn, f, {}, form.state);
    see(`${label} submit ${f} empty`, empty.kind === 'done' ? empty.view : empty.form);
    const junk = Object.fromEntries(form.fields.map((field) => [field.id, field.kind === 'choice' && field.multiple ? ['x'.repeat(300)] : 'Bel 06-12345678 of mail jan@example.org; BSN 111222333. '.repeat(80)]));
    const bad = await conversation.submit(turn, f, junk, form.state);
    see(`${label} submit ${f} junk`, bad.kind === 'done' ? bad.view : bad.form);
  }
  // Breadth first over every button reachable from what was shown.
  const pressed = new Set<string>();
  let actions = 0;
  while (queue.length > 0 && actions < MAX_ACTIONS_PER_PERSON) {
    const view = queue.shift()!;
    if (view.kind !== 'message') continue;
    const buttons = [...(view.buttons ?? []), ...(view.items ?? []).flatMap((i) => i.buttons ?? [])];
    for (const b of buttons) {
      const key = `${b.action.id}:${b.action.value}`;
      if (pressed.has(key) || actions >= MAX_ACTIONS_PER_PERSON) continue;
      pressed.add(key);
      actions += 1;
      see(`${label} button ${key}`, await conversation.action(turn, b.action));
    }
  }
  return actions;
}

describe('Block Kit limits on every view of the real conversation', () => {
  it('holds for every role, command, form, button, home, notification and check-in on the demo store', async () => {
    const clock = fakeClock('2026-04-15T08:00:00.000Z');
    const data = generateDemoStore({ now: clock.now(), cases: 80, years: 1 });
    const store = new MemoryStore(data);
    const logger = { debug() {}, info() {}, warn() {}, error() {} };
    const conversation = createConversation({ store, clock, logger });
    const out: Rendered[] = [];

    const pick = (role: Role) => data.people.find((p) => p.active && p.roles.includes(role));
    const people = (['quartermaster', 'ambassador', 'projectLead', 'processDirector'] as Role[]).map(pick).filter((p) => p !== undefined);
    expect(people.length).toBe(4);
    // The project lead with the most open cases, for the longest lists.
    const busiest = [...data.people]
      .filter((p) => p.roles.includes('projectLead') && p.regionCode)
      .sort((a, b) => data.cases.filter((c) => c.regionCode === b.regionCode).length - data.cases.filter((c) => c.regionCode === a.regionCode).length)[0]!;
    people.push(busiest);

    let actions = 0;
    for (const p of people) actions += await explore(conversation, { actor: { personId: p.id }, channel: 'slack' }, `${p.roles.join('+')} ${p.id}`, out);
    actions += await explore(conversation, { actor: { slackUserId: 'U0ONBEKEND' }, channel: 'slack' }, 'stranger', out);
    expect(actions).toBeGreaterThan(20);

    for (const p of data.people.filter((x) => x.active).slice(0, 60)) {
      const deliveries = await myNotifications({ actor: { personId: p.id }, channel: 'slack', clock, store }, { limit: 50 });
      for (const d of deliveries) render(`notification ${d.notification.kind} → ${p.id}`, conversation.notification(d), out);
    }
    for (const tg of data.taskGroups) {
      const checkIn = conversation.checkIn(tg);
      render(`checkIn ${tg.id}`, checkIn, out);
      const turn: Turn = { actor: { personId: tg.firstContactId ?? 'P-0001' }, channel: 'slack' };
      for (const b of checkIn.buttons ?? []) render(`${tg.id} button ${b.action.id}:${b.action.value}`, await conversation.action(turn, b.action), out);
    }

    const kinds = new Set(out.map((r) => /button ([a-zA-Z.]+):/.exec(r.where)?.[1]).filter(Boolean));
    expect([...kinds].sort()).toEqual(['case.move', 'case.show', 'cases.mine', 'event.cancel', 'event.register', 'events.list', 'form.open', 'help', 'taskGroup.snooze']);
    const failing = out.filter((r) => r.problems.length > 0);
    expect(failing).toEqual([]);
    expect(out.length).toBeGreaterThan(300);
    expect(out.some((r) => r.where.includes('notification'))).toBe(true);
    expect(out.some((r) => r.where.includes('checkIn'))).toBe(true);
  });

  it('holds for the largest views a conversation may make (its own limits at their maximum)', () => {
    const long = (n: number, c = 'x') => c.repeat(n);
    const button = (i: number) => ({ label: long(75, 'b'), action: { id: 'case.move' as const, value: `VC-2026-${String(i).padStart(4, '0')}|inTreatment` } });
    const view: MessageView = {
      kind: 'message',
      tone: 'warning',
      title: long(150, 'T'),
      text: Array.from({ length: 12 }, () => long(2800, 'p')),
      facts: Array.from({ length: 20 }, (_, i) => ({ label: long(75, 'l') + i, value: long(1000, 'v') })),
      items: Array.from({ length: 20 }, (_, i) => ({ title: long(150, 'i'), facts: Array.from({ length: 10 }, () => ({ label: long(75), value: long(1000) })), buttons: Array.from({ length: 5 }, (_, j) => button(i * 5 + j)) })),
      buttons: Array.from({ length: 10 }, (_, i) => button(i)),
    };
    expect(blockKitProblems(renderMessage(view), 'message')).toEqual([]);
    expect(blockKitProblems(renderHome(view), 'home')).toEqual([]);
    expect(blockKitProblems(renderMessageModal(view), 'modal')).toEqual([]);
    const form: FormView = {
      kind: 'form',
      formId: 'reportCase',
      title: long(24, 'F'),
      intro: long(2800),
      fields: Array.from({ length: 20 }, (_, i) => ({
        kind: 'choice' as const,
        multiple: true as const,
        id: `f${i}`,
        label: long(75),
        hint: long(300),
        required: i % 2 === 0,
        choices: Array.from({ length: 100 }, (_, j) => ({ value: `${long(140)}${j}`, label: long(75) })),
        initial: [`${long(140)}3`],
      })),
      submitLabel: 'Versturen',
      cancelLabel: 'Annuleren',
      state: { caseCode: 'VC-2026-0001' },
      error: long(2800),
      errors: Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`f${i}`, long(300)])),
    };
    expect(blockKitProblems(renderModal(form), 'modal')).toEqual([]);
  });
});
