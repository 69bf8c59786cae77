/**
 * The terminal chat loop against a scripted Conversation: buttons by number,
 * forms field by field with local re-asks, field errors from the
 * conversation re-asking only those fields, notifications, the end words.
 */
import { describe, expect, it } from 'vitest';
import { terminalMsg } from '../../core/messages-chat/terminal.js';
import type { Delivery } from '../../core/index.js';
import type { BotLogger, Conversation, SubmitResult, Turn } from '../conversation/types.js';
import type { ActionRef, FormValues, FormView, MessageView } from '../conversation/view.js';
import type { LineReader } from './lines.js';
import { TerminalSession, runSession } from './session.js';

const TURN: Turn = { actor: { personId: 'P-0003' }, channel: 'terminal' };

const reportForm: FormView = {
  kind: 'form',
  formId: 'reportCase',
  title: 'Casus melden',
  fields: [
    { kind: 'choice', multiple: false, id: 'regionCode', label: 'Regio', required: true, choices: [{ value: 'HGL', label: 'Haaglanden' }, { value: 'UTR', label: 'Utrecht' }], initial: 'HGL' },
    { kind: 'choice', multiple: true, id: 'stepsTried', label: 'Stappen', required: true, choices: [{ value: 'caseTable', label: 'Casustafel' }, { value: 'careOffice', label: 'Zorgkantoor' }, { value: 'municipality', label: 'Gemeente' }] },
    { kind: 'text', id: 'sketch', label: 'Schets', required: true, multiline: true, maxLength: 500 },
    { kind: 'date', id: 'homelessOn', label: 'Dakloos op', required: false },
    { kind: 'number', id: 'urgency', label: 'Urgentie', required: false, min: 1, max: 5 },
  ],
  submitLabel: 'Melden',
  cancelLabel: 'Annuleren',
  state: { from: 'test' },
};

const home: MessageView = {
  kind: 'message',
  tone: 'info',
  title: 'Welkom, Piet',
  text: ['Wat wilt u doen?'],
  buttons: [
    { label: 'Casus melden', action: { id: 'form.open', value: 'reportCase' } },
    { label: 'Vakdagen', action: { id: 'events.list', value: '' } },
  ],
};

/** A scripted conversation that records what it was asked. */
function fakeConversation() {
  const calls = { text: [] as string[], actions: [] as ActionRef[], submits: [] as Array<{ values: FormValues; state: Record<string, string> }>, notified: [] as string[] };
  const conversation: Conversation = {
    async text(_turn, text) {
      calls.text.push(text);
      if (text === 'meld') return reportForm;
      if (text === 'kapot') throw new Error('disk full while writing "Jansen"');
      if (text === 'verboden') throw Object.assign(new Error('U mag dit niet: casussen van een andere regio bekijken.'), { name: 'LlaError', code: 'forbidden' });
      if (text === 'help') return { kind: 'message', tone: 'info', title: 'Hulp', text: ['Typ meld.'] };
      return { kind: 'message', tone: 'info', text: [`Dat begrijp ik niet: ${text}`] };
    },
    async action(_turn, action) {
      calls.actions.push(action);
      if (action.id === 'form.open') return reportForm;
      if (action.id === 'events.list')
        return {
          kind: 'message',
          tone: 'info',
          title: 'Vakdagen',
          text: [],
          items: [{ title: 'Vakdag 2027', facts: [], buttons: [{ label: 'Aanmelden', action: { id: 'event.register', value: 'E-0001' } }, { label: 'Afmelden', action: { id: 'event.cancel', value: 'E-0001' } }] }],
        };
      return { kind: 'message', tone: 'success', title: `Gedaan: ${action.id} ${action.value}`, text: [] };
    },
    async openForm() {
      return reportForm;
    },
    async check() {
      return null;
    },
    async submit(_turn, _formId, values, state): Promise<SubmitResult> {
      calls.submits.push({ values: structuredClone(values), state });
      if (typeof values.sketch === 'string' && /06-\d{8}/.test(values.sketch)) {
        return {
          kind: 'invalid',
          form: {
            ...reportForm,
            fields: reportForm.fields.map((f) => (f.kind === 'text' && f.id === 'sketch' ? { ...f, initial: values.sketch as string } : f)),
            errors: { sketch: 'Dit lijkt herkenbaar: een telefoonnummer.' },
          },
        };
      }
      return { kind: 'done', view: { kind: 'message', tone: 'success', title: 'Casus VC-2026-0001 gemeld', text: [], buttons: [{ label: 'Toon', action: { id: 'case.show', value: 'VC-2026-0001' } }] } };
    },
    async home() {
      return home;
    },
    notification(delivery) {
      calls.notified.push(delivery.notification.id);
      const code = delivery.notification.params.caseCode as string;
      return { kind: 'message', tone: 'info', title: `Nieuwe casus ${code}`, text: [], buttons: [{ label: 'In behandeling', action: { id: 'case.move', value: `${code}|inTreatment` } }] };
    },
    checkIn() {
      return home;
    },
  };
  return { conversation, calls };
}

function reader(lines: string[]): LineReader & { prompts: string[]; closed: boolean } {
  let i = 0;
  const r = {
    prompts: [] as string[],
    closed: false,
    read(prompt: string) {
      r.prompts.push(prompt);
      return Promise.resolve(i < lines.length ? lines[i++]! : null);
    },
    close() {
      r.closed = true;
    },
  };
  return r;
}

function logger() {
  const entries: Array<{ level: string; obj: object; msg?: string }> = [];
  const at = (level: string) => (obj: object, msg?: string) => void entries.push({ level, obj, ...(msg ? { msg } : {}) });
  const l: BotLogger = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
  return { logger: l, entries };
}

const delivery = (id: string, caseCode: string) => ({ notification: { id, kind: 'caseReported', recipientId: 'P-0001', createdAt: '2026-01-01T00:00:00Z', params: { caseCode }, attempts: 0 } }) as unknown as Delivery;

async function session(lines: string[], deliveries: Delivery[] = []) {
  const fake = fakeConversation();
  const log = logger();
  const input = reader(lines);
  let out = '';
  await runSession({ conversation: fake.conversation, turn: TURN, reader: input, write: (s) => (out += s), render: {}, notifications: async () => deliveries, logger: log.logger });
  return { ...fake, out, input, log: log.entries };
}

describe('terminal session', () => {
  it('greets with the home and how to go on, reads at the prompt, says goodbye at the end of input', async () => {
    const s = await session([]);
    expect(s.out).toBe(['Welkom, Piet', 'Wat wilt u doen?', '', '[1] Casus melden  [2] Vakdagen', '', terminalMsg.usage(), '', terminalMsg.bye(), ''].join('\n'));
    expect(s.input.prompts).toEqual([terminalMsg.prompt()]);
    expect(s.input.closed).toBe(true);
  });

  it('stop, exit and quit end the session; nothing after them is read', async () => {
    for (const word of ['stop', 'EXIT', ' quit ']) {
      const s = await session([word, 'meld']);
      expect(s.calls.text).toEqual([]);
      expect(s.out.trimEnd().endsWith(terminalMsg.bye())).toBe(true);
    }
  });

  it('typed text goes to the conversation; help adds the words of the terminal', async () => {
    const s = await session(['mijn casussen', '', 'help']);
    expect(s.calls.text).toEqual(['mijn casussen', 'help']);
    expect(s.out).toContain('Dat begrijp ik niet: mijn casussen');
    expect(s.out).toContain(terminalMsg.terminalHelp()[1]);
  });

  it('a number or "knop n" presses the button with that number among the last shown', async () => {
    const s = await session(['2', 'knop 1', 'annuleer', '7', 'Knop 2']);
    expect(s.calls.actions.slice(0, 2)).toEqual([
      { id: 'events.list', value: '' },
      { id: 'event.register', value: 'E-0001' }, // button 1 of the events list, not of the home
    ]);
    // `annuleer` outside a form is just text; 7 does not exist; the list's buttons stay addressable after a message without buttons.
    expect(s.out).toContain(terminalMsg.unknownButton(7, 2));
    expect(s.calls.actions[2]).toEqual({ id: 'event.cancel', value: 'E-0001' });
    expect(s.calls.actions).toHaveLength(3);
  });

  it('says so when there are no buttons to press', async () => {
    const fake = fakeConversation();
    fake.conversation.home = async () => ({ kind: 'message', tone: 'info', text: ['Hallo.'] });
    let out = '';
    await runSession({ conversation: fake.conversation, turn: TURN, reader: reader(['1']), write: (s) => (out += s), render: {}, notifications: async () => [], logger: logger().logger });
    expect(out).toContain(terminalMsg.noButtons());
    expect(fake.calls.actions).toEqual([]);
  });

  it('asks a form field by field: initial on Enter, choices by number, dates in both spellings, bad input asked again', async () => {
    const s = await session(['meld', '', '4', '1, 3', 'Geen woonplek na detentie', '31-2-2027', '1-12-2026', 'hoog', '9', '3']);
    expect(s.calls.submits).toEqual([
      { values: { regionCode: 'HGL', stepsTried: ['caseTable', 'municipality'], sketch: 'Geen woonplek na detentie', homelessOn: '2026-12-01', urgency: '3' }, state: { from: 'test' } },
    ]);
    expect(s.out).toContain('Regio [1]');
    expect(s.out).toContain(terminalMsg.choiceOutOfRange(4, 3));
    expect(s.out).toContain(terminalMsg.notADate());
    expect(s.out).toContain(terminalMsg.notANumber());
    expect(s.out).toContain(terminalMsg.outOfRange(1, 5));
    expect(s.out).toContain('✓ Casus VC-2026-0001 gemeld');
    // The confirmation's button is now button 1.
    expect(s.input.prompts.filter((p) => p === terminalMsg.fieldPrompt())).toHaveLength(9);
  });

  it('field errors from the conversation: shown, only those fields asked again, the other answers kept', async () => {
    const s = await session(['meld', '2', '1', 'Bel 06-12345678 voor info', '', '', '', 'Geen woonplek na detentie', '1']);
    expect(s.calls.submits).toHaveLength(2);
    // The refused text is not offered again as the Enter default: Enter now says the field is required.
    expect(s.out).not.toContain('[Bel');
    expect(s.out.split(terminalMsg.required()).length - 1).toBe(1);
    expect(s.calls.submits[1]!.values).toEqual({ regionCode: 'UTR', stepsTried: ['caseTable'], sketch: 'Geen woonplek na detentie' });
    expect(s.out).toContain(terminalMsg.fixFields());
    expect(s.out).toContain('✗ Dit lijkt herkenbaar: een telefoonnummer.');
    // After the refusal only the sketch is asked (twice: Enter, then the new text), not the other four fields.
    expect(s.input.prompts.filter((p) => p === terminalMsg.fieldPrompt())).toHaveLength(7);
    // The confirmation's button is pressed with 1.
    expect(s.calls.actions).toEqual([{ id: 'case.show', value: 'VC-2026-0001' }]);
  });

  it('annuleer at any field cancels without submitting; end of input inside a form ends the session', async () => {
    const cancelled = await session(['meld', '', 'annuleer', 'mijn casussen']);
    expect(cancelled.calls.submits).toEqual([]);
    expect(cancelled.out).toContain(terminalMsg.formCancelled());
    expect(cancelled.calls.text).toEqual(['meld', 'mijn casussen']);

    const ended = await session(['meld', '']);
    expect(ended.calls.submits).toEqual([]);
    expect(ended.out.trimEnd().endsWith(terminalMsg.bye())).toBe(true);
  });

  it('a button that opens a form asks that form', async () => {
    const s = await session(['1', '', '2', 'Schets', '', '']);
    expect(s.calls.actions[0]).toEqual({ id: 'form.open', value: 'reportCase' });
    expect(s.calls.submits[0]!.values).toEqual({ regionCode: 'HGL', stepsTried: ['careOffice'], sketch: 'Schets' });
  });

  it('meldingen: the latest notifications rendered by the conversation, their buttons numbered on', async () => {
    const s = await session(['meldingen', '2'], [delivery('N-000002', 'VC-2026-0002'), delivery('N-000001', 'VC-2026-0001')]);
    expect(s.calls.notified).toEqual(['N-000002', 'N-000001']);
    expect(s.out).toContain(terminalMsg.notificationsTitle(2));
    expect(s.out).toContain('Nieuwe casus VC-2026-0002\n\n[1] In behandeling\n\nNieuwe casus VC-2026-0001\n\n[2] In behandeling');
    expect(s.calls.actions).toEqual([{ id: 'case.move', value: 'VC-2026-0001|inTreatment' }]);

    const none = await session(['meldingen']);
    expect(none.out).toContain(terminalMsg.noNotifications());
  });

  it('a failing call is shown in Dutch and logged without free text; the session goes on', async () => {
    const s = await session(['kapot', 'verboden', 'hallo']);
    expect(s.out).toContain(`✗ ${terminalMsg.somethingWrong()}`);
    expect(s.out).toContain('✗ U mag dit niet: casussen van een andere regio bekijken.');
    expect(s.out).not.toContain('disk full');
    expect(s.calls.text).toEqual(['kapot', 'verboden', 'hallo']);
    const errors = s.log.filter((e) => e.level === 'error');
    expect(errors).toHaveLength(2);
    expect(JSON.stringify(errors)).not.toContain('Jansen');
    expect(errors[1]!.obj).toMatchObject({ what: 'text', err: 'LlaError', code: 'forbidden' });
  });

  it('home without the usage line, for a refused person', async () => {
    const fake = fakeConversation();
    let out = '';
    await new TerminalSession({ conversation: fake.conversation, turn: TURN, reader: reader([]), write: (s) => (out += s), render: {}, notifications: async () => [], logger: logger().logger }).home({ usage: false });
    expect(out).toBe('Welkom, Piet\nWat wilt u doen?\n\n[1] Casus melden  [2] Vakdagen\n');
  });
});
