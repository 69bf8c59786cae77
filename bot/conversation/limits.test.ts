import { describe, expect, it } from 'vitest';
import { assertViewLimits, clip, LIMITS, viewLimitProblems } from './limits.js';
import type { FormView, MessageView } from './view.js';

const okForm = (): FormView => ({
  kind: 'form',
  formId: 'reportSignal',
  title: 'Signaal melden',
  fields: [{ kind: 'choice', id: 'bottleneckId', label: 'Knelpunt', required: true, multiple: false, choices: [{ value: 'KP-01', label: 'KP-01' }] }],
  submitLabel: 'Versturen',
  cancelLabel: 'Annuleren',
  state: {},
});

const okMessage = (): MessageView => ({ kind: 'message', tone: 'info', text: ['Hallo'] });

describe('view limits', () => {
  it('accepts views within the limits', () => {
    expect(viewLimitProblems(okForm())).toEqual([]);
    expect(() => assertViewLimits(okMessage())).not.toThrow();
  });

  it('refuses a form title over 24 characters, too many or too long choices, and errors on unknown fields', () => {
    const form = okForm();
    form.title = 'Een veel te lange titel voor Slack';
    const field = form.fields[0]!;
    if (field.kind !== 'choice') throw new Error('choice expected');
    field.choices = Array.from({ length: 101 }, (_, i) => ({ value: `v${i}`, label: i === 0 ? 'x'.repeat(76) : `keuze ${i}` }));
    form.errors = { nope: 'fout' };
    const problems = viewLimitProblems(form);
    expect(problems.some((p) => p.startsWith('title'))).toBe(true);
    expect(problems.some((p) => p.includes('101 choices'))).toBe(true);
    expect(problems.some((p) => p.includes('choices[0].label'))).toBe(true);
    expect(problems.some((p) => p.includes('unknown field nope'))).toBe(true);
    expect(() => assertViewLimits(form)).toThrow(/title/);
  });

  it('refuses long paragraphs, long button labels, long action values and too many items', () => {
    const m = okMessage();
    m.text = ['x'.repeat(LIMITS.paragraph + 1)];
    m.buttons = [{ label: 'y'.repeat(76), action: { id: 'help', value: 'z'.repeat(201) } }];
    m.items = Array.from({ length: 21 }, (_, i) => ({ title: `item ${i}`, facts: [] }));
    const problems = viewLimitProblems(m);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('text[0]'),
        expect.stringContaining('buttons[0].label'),
        expect.stringContaining('buttons[0].action.value'),
        expect.stringContaining('21 items'),
      ]),
    );
  });

  it('checks initial values against the field', () => {
    const form = okForm();
    form.fields = [
      { kind: 'choice', id: 'a', label: 'A', required: false, multiple: true, choices: [{ value: 'x', label: 'x' }], initial: ['y'] },
      { kind: 'number', id: 'b', label: 'B', required: true, min: 0, max: 10, initial: 11 },
      { kind: 'text', id: 'c', label: 'C', required: true, multiline: false, maxLength: 3, initial: 'abcd' },
    ];
    expect(viewLimitProblems(form)).toHaveLength(3);
  });

  it('clip keeps short text and cuts long text with an ellipsis at the limit', () => {
    expect(clip('kort', 10)).toBe('kort');
    const cut = clip('a'.repeat(100), 75);
    expect(Array.from(cut)).toHaveLength(75);
    expect(cut.endsWith('…')).toBe(true);
  });
});
