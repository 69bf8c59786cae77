import { describe, expect, it } from 'vitest';
import { terminalMsg } from '../../core/messages-chat/terminal.js';
import { themeField } from '../../test/helpers/terminal-fields.js';
import type { Field, FormView, MessageView } from '../conversation/view.js';
import { renderFieldQuestion, renderFormHeader, renderMessage, renderMessages, wrap } from './render.js';

const ESC = '\u001b[';
const LONG =
  'De cliënt komt over zes weken vrij uit detentie en heeft nog geen woonplek; de Wlz-indicatie sluit een plek in de maatschappelijke opvang uit en de gemeente verwijst naar het zorgkantoor, dat weer naar de gemeente verwijst.';

const event: MessageView = {
  kind: 'message',
  tone: 'info',
  title: 'Vakdag procesregisseurs',
  text: ['Meld u aan voor de vakdag.', 'Tweede alinea.'],
  facts: [
    { label: 'Datum', value: '12 maart 2027' },
    { label: 'Plaats', value: 'Utrecht' },
  ],
  buttons: [
    { label: 'Aanmelden', action: { id: 'event.register', value: 'E-0001' }, style: 'primary' },
    { label: 'Afmelden', action: { id: 'event.cancel', value: 'E-0001' } },
  ],
};

const cases: MessageView = {
  kind: 'message',
  tone: 'info',
  title: 'Open casussen van Haaglanden',
  text: [],
  items: [
    {
      title: 'VC-2026-0001 · wonen',
      facts: [
        { label: 'Status', value: 'Gemeld' },
        { label: 'Dagen', value: '3' },
      ],
      buttons: [{ label: 'Toon', action: { id: 'case.show', value: 'VC-2026-0001' } }],
    },
    {
      title: 'VC-2026-0002 · indicatie',
      facts: [{ label: 'Status', value: 'In behandeling' }],
      buttons: [
        { label: 'Toon', action: { id: 'case.show', value: 'VC-2026-0002' } },
        { label: 'In behandeling', action: { id: 'case.move', value: 'VC-2026-0002|inTreatment' } },
      ],
    },
  ],
  buttons: [{ label: 'Nieuwe casus', action: { id: 'form.open', value: 'reportCase' } }],
};

describe('renderMessage', () => {
  it('title, paragraphs, aligned facts and numbered buttons, plain without colour', () => {
    const r = renderMessage(event);
    expect(r.lines).toEqual([
      'Vakdag procesregisseurs',
      'Meld u aan voor de vakdag.',
      'Tweede alinea.',
      '',
      'Datum:  12 maart 2027',
      'Plaats: Utrecht',
      '',
      '[1] Aanmelden  [2] Afmelden',
    ]);
    expect(r.buttons).toEqual([
      { id: 'event.register', value: 'E-0001' },
      { id: 'event.cancel', value: 'E-0001' },
    ]);
    expect(r.lines.join('\n')).not.toContain(ESC);
  });

  it("numbers items' buttons first, in the order shown, then the message's buttons; from a given first number", () => {
    const r = renderMessage(cases, {}, 4);
    expect(r.lines).toEqual([
      'Open casussen van Haaglanden',
      '',
      '• VC-2026-0001 · wonen',
      '  Status: Gemeld · Dagen: 3',
      '  [4] Toon',
      '• VC-2026-0002 · indicatie',
      '  Status: In behandeling',
      '  [5] Toon  [6] In behandeling',
      '',
      '[7] Nieuwe casus',
    ]);
    expect(r.buttons.map((a) => a.value)).toEqual(['VC-2026-0001', 'VC-2026-0002', 'VC-2026-0002|inTreatment', 'reportCase']);
  });

  it('marks the tone: success, warning and error (on the first paragraph when there is no title)', () => {
    expect(renderMessage({ kind: 'message', tone: 'success', title: 'Casus gemeld', text: [] }).lines).toEqual(['✓ Casus gemeld']);
    expect(renderMessage({ kind: 'message', tone: 'warning', title: 'Wachtlijst', text: [] }).lines).toEqual(['! Wachtlijst']);
    expect(renderMessage({ kind: 'message', tone: 'error', text: ['U mag dit niet.', 'Vraag de kwartiermaker.'] }).lines).toEqual([
      '✗ U mag dit niet.',
      'Vraag de kwartiermaker.',
    ]);
    expect(renderMessage({ kind: 'message', tone: 'info', text: ['Hallo.'] }).lines).toEqual(['Hallo.']);
  });

  it('a message without buttons numbers nothing; a line break inside a paragraph starts a new line', () => {
    const r = renderMessage({ kind: 'message', tone: 'info', text: ['een\ntwee'] });
    expect(r).toEqual({ lines: ['een', 'twee'], buttons: [] });
  });

  it('colour codes only when asked, and the same text underneath', () => {
    const plain = renderMessage({ ...event, tone: 'success' });
    const coloured = renderMessage({ ...event, tone: 'success' }, { color: true });
    const joined = coloured.lines.join('\n');
    expect(joined).toContain(`${ESC}32m`); // green success title
    expect(joined).toContain(`${ESC}36m[1]${ESC}39m`); // button number
    expect(joined.replace(/\u001b\[\d+m/g, '')).toBe(plain.lines.join('\n'));
  });

  it('wraps to the given width with hanging indents, losing no word', () => {
    const view: MessageView = {
      kind: 'message',
      tone: 'info',
      title: 'Casus VC-2026-0042',
      text: [LONG],
      facts: [{ label: 'Schets', value: LONG }],
      items: [{ title: LONG, facts: [{ label: 'Toelichting', value: LONG }] }],
      buttons: Array.from({ length: 8 }, (_, i) => ({ label: `Knop nummer ${i + 1}`, action: { id: 'help' as const, value: '' } })),
    };
    const r = renderMessage(view, { width: 80 });
    for (const line of r.lines) expect(line.length, line).toBeLessThanOrEqual(80);
    const words = (s: string) => s.split(/\s+/).filter((w) => w !== '' && w !== '•' && w !== '·');
    expect(words(r.lines.join(' '))).toEqual(
      words([view.title, LONG, 'Schets:', LONG, LONG, `Toelichting: ${LONG}`, ...view.buttons!.map((b, i) => `[${i + 1}] ${b.label}`)].join(' ')),
    );
    // Fact values continue under themselves.
    const schets = r.lines.findIndex((l) => l.startsWith('Schets: '));
    expect(r.lines[schets + 1]).toMatch(/^ {8}\S/);
    // Buttons break between buttons, never inside one.
    const buttonLines = r.lines.filter((l) => l.startsWith('[')) ;
    expect(buttonLines.length).toBeGreaterThan(1);
    for (const l of buttonLines) expect(l).toMatch(/^(\[\d\] Knop nummer \d(  |$))+$/);
    // Unwrapped without a width: one line per paragraph.
    expect(renderMessage(view).lines).toContain(LONG);
  });

  it('cuts a word longer than the line', () => {
    const lines = wrap(`kort ${'x'.repeat(100)} eind`, 40);
    expect(lines).toEqual(['kort', 'x'.repeat(40), 'x'.repeat(40), `${'x'.repeat(20)} eind`]);
  });
});

describe('renderMessages', () => {
  it('separates messages by a blank line and numbers their buttons on', () => {
    const r = renderMessages([event, cases]);
    expect(r.buttons).toHaveLength(6);
    expect(r.lines).toContain('[1] Aanmelden  [2] Afmelden');
    expect(r.lines).toContain('  [3] Toon');
    expect(r.lines).toContain('[6] Nieuwe casus');
    expect(r.lines[r.lines.indexOf('Open casussen van Haaglanden') - 1]).toBe('');
  });
});

describe('forms', () => {
  const form: FormView = {
    kind: 'form',
    formId: 'reportCase',
    title: 'Casus melden',
    intro: 'Alleen na de regionale route.',
    fields: [],
    submitLabel: 'Melden',
    cancelLabel: 'Annuleren',
    state: {},
    error: 'Er ging iets mis met het formulier.',
  };

  it('header: title, intro, general error and how to cancel', () => {
    expect(renderFormHeader(form)).toEqual(['Casus melden', 'Alleen na de regionale route.', '✗ Er ging iets mis met het formulier.', terminalMsg.formCancelHint()]);
  });

  it('a required text field with a hint', () => {
    const f: Field = { kind: 'text', id: 'sketch', label: 'Schets', required: true, hint: 'Geen namen of adressen.', multiline: true, maxLength: 2000 };
    expect(renderFieldQuestion(f, undefined)).toEqual(['Schets', '  Geen namen of adressen.']);
    expect(renderFieldQuestion(f, 'eerder', {}, 'Bevat een telefoonnummer.')).toEqual([
      'Schets [eerder]',
      '  ✗ Bevat een telefoonnummer.',
      '  Geen namen of adressen.',
      `  ${terminalMsg.keepInitial()}`,
    ]);
  });

  it('single and multiple choices numbered, with how to answer; optional says Enter skips', () => {
    expect(renderFieldQuestion(themeField, '2')).toEqual(['Thema [2]', '  [1] Wonen', '  [2] Indicatie (Wlz, Wmo)', '  [3] Financiering', `  ${terminalMsg.chooseOne()}`, `  ${terminalMsg.keepInitial()}`]);
    const multi: Field = {
      kind: 'choice',
      multiple: true,
      id: 'bottleneckIds',
      label: 'Knelpunten',
      required: false,
      choices: Array.from({ length: 10 }, (_, i) => ({ value: `KP-${i + 1}`, label: `Knelpunt ${i + 1}` })),
    };
    const lines = renderFieldQuestion(multi, undefined);
    expect(lines[1]).toBe('  [ 1] Knelpunt 1');
    expect(lines[10]).toBe('  [10] Knelpunt 10');
    expect(lines.slice(-2)).toEqual([`  ${terminalMsg.chooseMany()}`, `  ${terminalMsg.optional()}`]);
  });

  it('date and number fields say their format', () => {
    expect(renderFieldQuestion({ kind: 'date', id: 'homelessOn', label: 'Dakloos op', required: false }, undefined)).toEqual([
      'Dakloos op',
      `  ${terminalMsg.dateFormat()}`,
      `  ${terminalMsg.optional()}`,
    ]);
    expect(renderFieldQuestion({ kind: 'number', id: 'clients', label: 'Cliënten', required: true, min: 0, max: 500 }, '12')).toEqual([
      'Cliënten [12]',
      `  ${terminalMsg.numberRange(0, 500)}`,
      `  ${terminalMsg.keepInitial()}`,
    ]);
    expect(renderFieldQuestion({ kind: 'number', id: 'n', label: 'N', required: false, min: 0, max: 5 }, '3').at(-1)).toBe(`  ${terminalMsg.optionalClear()}`);
  });
});
