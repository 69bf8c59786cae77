/**
 * A Conversation for the Slack platform's own tests: answers are set per
 * test (including slow or failing ones), and every call is recorded.
 */
import type { Conversation } from '../../bot/conversation/types.js';
import type { FormView, MessageView } from '../../bot/conversation/view.js';

export const SAMPLE_FORM: FormView = {
  kind: 'form',
  formId: 'reportSignal',
  title: 'Signaal melden',
  fields: [
    { kind: 'choice', multiple: false, id: 'bottleneckId', label: 'Knelpunt', required: true, choices: [{ value: 'KP-01', label: 'KP-01 Inhoud indicatie' }] },
    { kind: 'text', multiline: true, maxLength: 2000, id: 'note', label: 'Toelichting', required: false },
    { kind: 'date', id: 'seenOn', label: 'Datum', required: false },
    { kind: 'number', id: 'count', label: 'Aantal', required: false, min: 0, max: 99 },
    { kind: 'choice', multiple: true, id: 'help', label: 'Hulp', required: false, choices: [{ value: 'advice', label: 'advies' }, { value: 'regionalMediation', label: 'bemiddeling' }] },
  ],
  submitLabel: 'Versturen',
  cancelLabel: 'Annuleren',
  state: { origin: 'test' },
};

export const said = (text: string, extra: Partial<MessageView> = {}): MessageView => ({ kind: 'message', tone: 'info', text: [text], ...extra });

export type FakeConversation = Conversation & { calls: Array<{ method: keyof Conversation; args: unknown[] }> };

export function fakeConversation(overrides: Partial<Conversation> = {}): FakeConversation {
  const calls: FakeConversation['calls'] = [];
  const base: Conversation = {
    text: async () => said('tekst'),
    action: async () => said('actie'),
    openForm: async () => SAMPLE_FORM,
    check: async () => null,
    submit: async () => ({ kind: 'done', view: said('Opgeslagen.', { tone: 'success', title: 'Gelukt' }) }),
    home: async () => said('thuis'),
    notification: () => said('melding'),
    checkIn: () => said('check-in'),
    ...overrides,
  };
  const recorded = {} as Conversation;
  for (const key of Object.keys(base) as Array<keyof Conversation>) {
    (recorded as any)[key] = (...args: unknown[]) => {
      calls.push({ method: key, args });
      return (base as any)[key](...args);
    };
  }
  return Object.assign(recorded, { calls });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
