/**
 * The Block Kit renderer on its own: limits kept by cutting, ids that come
 * back decodable, Block Kit state read back as FormValues; and the limits
 * checker catches what it should (so the other tests can rely on it).
 */
import { describe, expect, it } from 'vitest';
import type { FormView, MessageView } from '../bot/conversation/view.js';
import {
  decodeAction,
  errorsAck,
  LIMITS,
  readFormState,
  readFormValues,
  renderHome,
  renderMessage,
  renderModal,
  renderOpenFormPrompt,
} from '../bot/slack/render.js';
import { slackMsg } from '../core/messages-chat/slack.js';
import { blockKitProblems } from './helpers/slack-blockkit-limits.js';

const message = (extra: Partial<MessageView> = {}): MessageView => ({ kind: 'message', tone: 'info', text: ['Hallo.'], ...extra });

const form = (extra: Partial<FormView> = {}): FormView => ({
  kind: 'form',
  formId: 'reportSignal',
  title: 'Signaal melden',
  fields: [
    { kind: 'choice', multiple: false, id: 'bottleneckId', label: 'Knelpunt', required: true, choices: [{ value: 'KP-01', label: 'KP-01' }, { value: 'KP-02', label: 'KP-02' }], initial: 'KP-02' },
    { kind: 'text', multiline: true, maxLength: 4000, id: 'note', label: 'Toelichting', required: false, hint: 'Zonder persoonsgegevens.', initial: 'eerder' },
    { kind: 'date', id: 'homelessOn', label: 'Datum', required: false, initial: '2026-05-01' },
    { kind: 'number', id: 'clients', label: 'Cliënten', required: true, min: 0, max: 500, initial: 12 },
    { kind: 'choice', multiple: true, id: 'help', label: 'Hulp', required: true, choices: [{ value: 'advice', label: 'advies' }], initial: ['advice', 'gone'] },
  ],
  submitLabel: 'Versturen',
  cancelLabel: 'Annuleren',
  state: { taskGroupId: 'TG-0001' },
  ...extra,
});

describe('messages', () => {
  it('renders title, text, facts, items and buttons, with a plain fallback text', () => {
    const view = message({
      tone: 'success',
      title: 'Casus gemeld',
      text: ['Uw casus is gemeld als VC-2026-0007.', 'U hoort het als hij beweegt.'],
      facts: [{ label: 'Regio', value: 'Haaglanden <HGL> & co' }],
      items: [{ title: 'VC-2026-0007', facts: [{ label: 'Status', value: 'gemeld' }], buttons: [{ label: 'Bekijken', action: { id: 'case.show', value: 'VC-2026-0007' } }] }],
      buttons: [{ label: 'Mijn casussen', action: { id: 'cases.mine', value: '' }, style: 'primary' }],
    });
    const { text, blocks } = renderMessage(view);
    expect(text).toBe('Casus gemeld\nUw casus is gemeld als VC-2026-0007.\nU hoort het als hij beweegt.');
    expect(blocks.map((b) => b.type)).toEqual(['header', 'section', 'section', 'divider', 'section', 'actions', 'actions']);
    expect(JSON.stringify(blocks[0])).toContain(slackMsg.toneIcon.success);
    expect(JSON.stringify(blocks)).toContain('Haaglanden &lt;HGL&gt; &amp; co');
    expect(blockKitProblems({ blocks }, 'message')).toEqual([]);
  });

  it('cuts a long list to 50 blocks in a message and 100 in the home tab, saying how many are left out', () => {
    const items = Array.from({ length: 60 }, (_, i) => ({ title: `VC-2026-${String(i).padStart(4, '0')}`, facts: [{ label: 'Status', value: 'gemeld' }], buttons: [{ label: 'Bekijken', action: { id: 'case.show' as const, value: `VC-${i}` } }] }));
    const view = message({ title: 'Open casussen', items, buttons: [{ label: 'Help', action: { id: 'help', value: '' } }] });
    const msg = renderMessage(view).blocks;
    expect(msg.length).toBeLessThanOrEqual(LIMITS.messageBlocks);
    expect(blockKitProblems({ blocks: msg }, 'message')).toEqual([]);
    const shown = msg.filter((b) => b.type === 'actions' && JSON.stringify(b).includes('case.show')).length;
    expect(JSON.stringify(msg.at(-2))).toContain(slackMsg.more(60 - shown));
    expect(JSON.stringify(msg.at(-1))).toContain('"help"'); // the message's own buttons survive
    const home = renderHome(view);
    expect(home.blocks.length).toBeLessThanOrEqual(LIMITS.surfaceBlocks);
    expect(home.blocks.length).toBeGreaterThan(msg.length);
    expect(blockKitProblems(home, 'home')).toEqual([]);
  });

  it('splits 30 buttons over two actions blocks and numbers a repeated action id; the ids decode back', () => {
    const buttons = Array.from({ length: 30 }, (_, i) => ({ label: 'x'.repeat(100), action: { id: 'case.move' as const, value: `VC-2026-0001|s${i}` } }));
    const blocks = renderMessage(message({ buttons })).blocks.filter((b) => b.type === 'actions') as any[];
    expect(blocks.map((b) => b.elements.length)).toEqual([25, 5]);
    expect(blocks[0].elements[0].action_id).toBe('case.move');
    expect(blocks[0].elements[1].action_id).toBe('case.move#1');
    expect(blocks[0].elements[0].text.text).toHaveLength(75);
    expect(decodeAction('case.move#1', 'VC-2026-0001|s1')).toEqual({ id: 'case.move', value: 'VC-2026-0001|s1' });
    expect(decodeAction('help', undefined)).toEqual({ id: 'help', value: '' });
    expect(decodeAction('constructor', 'x')).toBeNull();
    expect(decodeAction('evil.do', 'x')).toBeNull();
  });

  it('packs long paragraphs into sections of at most 3000 characters', () => {
    const blocks = renderMessage(message({ text: ['a'.repeat(2000), 'b'.repeat(2000), 'c'.repeat(5000)] })).blocks as any[];
    expect(blocks.every((b) => b.text.text.length <= 3000)).toBe(true);
    expect(blocks).toHaveLength(3);
  });

  it('offers a button to open a form asked for in a DM, carrying the form state', () => {
    const prompt = renderOpenFormPrompt(form({ state: { taskGroupId: 'TG-0001', x: 'a b&c' } }));
    const button = (prompt.blocks.find((b) => b.type === 'actions') as any).elements[0];
    expect(button.action_id).toBe('form.open');
    expect(button.value).toBe('reportSignal|taskGroupId=TG-0001&x=a%20b%26c');
  });
});

describe('forms', () => {
  it('renders a modal: callback_id, state in private_metadata, one input per field with block_id = field id', () => {
    const modal = renderModal(form());
    expect(modal.callback_id).toBe('reportSignal');
    expect(JSON.parse(modal.private_metadata!)).toEqual({ taskGroupId: 'TG-0001' });
    const inputs = modal.blocks as any[];
    expect(inputs.map((b) => [b.block_id, b.element.type, b.optional])).toEqual([
      ['bottleneckId', 'static_select', false],
      ['note', 'plain_text_input', true],
      ['homelessOn', 'datepicker', true],
      ['clients', 'number_input', false],
      ['help', 'multi_static_select', false],
    ]);
    expect(inputs[0].element.initial_option.value).toBe('KP-02');
    expect(inputs[1].element.max_length).toBe(3000);
    expect(inputs[1].element.initial_value).toBe('eerder');
    expect(inputs[1].hint.text).toBe('Zonder persoonsgegevens.');
    expect(inputs[2].element.initial_date).toBe('2026-05-01');
    expect(inputs[3].element).toMatchObject({ initial_value: '12', min_value: '0', max_value: '500', is_decimal_allowed: false });
    expect(inputs[4].element.initial_options.map((o: any) => o.value)).toEqual(['advice']); // a value no longer offered is dropped
    expect(blockKitProblems(modal, 'modal')).toEqual([]);
  });

  it('clips the title, and shows errors of a form shown again on top', () => {
    const modal = renderModal(form({ title: 'Een heel erg lange formuliertitel', error: 'Er ging iets mis.', errors: { note: 'te lang' } }));
    expect(Array.from(modal.title.text)).toHaveLength(24);
    const top = JSON.stringify(modal.blocks[0]);
    expect(top).toContain('Er ging iets mis.');
    expect(top).toContain(slackMsg.fieldError('Toelichting', 'te lang'));
    expect(blockKitProblems(modal, 'modal')).toEqual([]);
  });

  it('refuses a state that does not fit in private_metadata', () => {
    expect(() => renderModal(form({ state: { big: 'x'.repeat(3000) } }))).toThrow(/private_metadata/);
  });

  it('reads Block Kit state back as FormValues; empty fields are absent', () => {
    const values = readFormValues({
      bottleneckId: { value: { type: 'static_select', selected_option: { value: 'KP-01' } } },
      note: { value: { type: 'plain_text_input', value: 'tekst' } },
      empty: { value: { type: 'plain_text_input', value: null } },
      blank: { value: { type: 'plain_text_input', value: '' } },
      homelessOn: { value: { type: 'datepicker', selected_date: '2026-05-01' } },
      clients: { value: { type: 'number_input', value: '12' } },
      help: { value: { type: 'multi_static_select', selected_options: [{ value: 'advice' }, { value: 'regionalMediation' }] } },
      none: { value: { type: 'multi_static_select', selected_options: [] } },
      other: { notvalue: { type: 'plain_text_input', value: 'x' } },
    });
    expect(values).toEqual({ bottleneckId: 'KP-01', note: 'tekst', homelessOn: '2026-05-01', clients: '12', help: ['advice', 'regionalMediation'] });
  });

  it('reads private_metadata back, malformed as empty', () => {
    expect(readFormState('{"caseCode":"VC-2026-0001","n":3}')).toEqual({ caseCode: 'VC-2026-0001' });
    expect(readFormState('not json')).toEqual({});
    expect(readFormState('[1]')).toEqual({});
    expect(readFormState(undefined)).toEqual({});
  });

  it('puts field errors on their blocks and errors of unknown ids on the first block', () => {
    expect(errorsAck({ note: 'te lang', ghost: 'weg' }, ['bottleneckId', 'note'])).toEqual({
      response_action: 'errors',
      errors: { note: 'te lang', bottleneckId: 'weg' },
    });
  });
});

describe('the Block Kit limits checker', () => {
  it('catches what Slack would refuse', () => {
    const bad = {
      type: 'modal',
      title: { type: 'plain_text', text: 'x'.repeat(25) },
      blocks: [
        { type: 'section', text: { type: 'mrkdwn', text: 'x'.repeat(3001) } },
        { type: 'section', fields: Array.from({ length: 11 }, () => ({ type: 'mrkdwn', text: 'f' })) },
        { type: 'actions', elements: [
          { type: 'button', action_id: 'a', text: { type: 'plain_text', text: 'x'.repeat(76) } },
          { type: 'button', action_id: 'a', text: { type: 'plain_text', text: '' } },
        ] },
        { type: 'input', block_id: 'b', label: { type: 'plain_text', text: 'L' }, element: { type: 'static_select', action_id: 'value', options: Array.from({ length: 101 }, (_, i) => ({ text: { type: 'plain_text', text: 'o'.repeat(76) }, value: `v${i}` })) } },
        { type: 'input', block_id: 'b', label: { type: 'plain_text', text: 'L' }, element: { type: 'plain_text_input', action_id: 'value', max_length: 4000 } },
      ],
    };
    const problems = blockKitProblems(bad, 'modal').join('\n');
    for (const expected of ['title: 25 chars, max 24', '3001 chars, max 3000', 'fields: 11, max 10', '76 chars, max 75', 'repeats in its block', 'empty text', '101 options, max 100', 'block_id b repeats', 'max_length: 4000', 'needs a submit button']) {
      expect(problems).toContain(expected);
    }
    const tooMany = { blocks: Array.from({ length: 51 }, () => ({ type: 'divider' })) };
    expect(blockKitProblems(tooMany, 'message')).toEqual(['51 blocks, max 50 in a message']);
    expect(blockKitProblems({ type: 'home', blocks: tooMany.blocks }, 'home')).toEqual([]);
    expect(blockKitProblems({ blocks: [{ type: 'input', label: { type: 'plain_text', text: 'x' }, element: { type: 'datepicker', action_id: 'v' } }] }, 'message')).toEqual([
      'blocks[0](input): input blocks belong in modals or the home tab',
    ]);
  });
});
