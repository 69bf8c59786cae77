import { describe, expect, it } from 'vitest';
import { terminalMsg } from '../../core/messages-chat/terminal.js';
import type { Field } from '../conversation/view.js';
import { themeField } from '../../test/helpers/terminal-fields.js';
import { displayValue, initialValues, parseAnswer, parseDate } from './fields.js';

const theme = themeField;
const steps: Field = { ...theme, multiple: true, id: 'stepsTried', label: 'Stappen', initial: ['financing', 'housing'] } as Field;
const sketch: Field = { kind: 'text', id: 'sketch', label: 'Schets', required: true, multiline: true, maxLength: 10 };
const note: Field = { kind: 'text', id: 'note', label: 'Toelichting', required: false, multiline: false, maxLength: 100, initial: 'eerder' };
const date: Field = { kind: 'date', id: 'homelessOn', label: 'Dakloos op', required: false };
const count: Field = { kind: 'number', id: 'clients', label: 'Cliënten', required: true, min: 0, max: 500, initial: 7 };

describe('parseAnswer', () => {
  it('choices by number, by value or by label; out of range and unknown are refused in Dutch', () => {
    expect(parseAnswer(theme, '2', undefined)).toEqual({ ok: true, value: 'indication' });
    expect(parseAnswer(theme, ' financiering ', undefined)).toEqual({ ok: true, value: 'financing' });
    expect(parseAnswer(theme, 'housing', undefined)).toEqual({ ok: true, value: 'housing' });
    expect(parseAnswer(theme, '4', undefined)).toEqual({ ok: false, error: terminalMsg.choiceOutOfRange(4, 3) });
    expect(parseAnswer(theme, '0', undefined)).toEqual({ ok: false, error: terminalMsg.choiceOutOfRange(0, 3) });
    expect(parseAnswer(theme, 'zorg', undefined)).toEqual({ ok: false, error: terminalMsg.notAChoice('zorg') });
    expect(parseAnswer(theme, '1,2', undefined)).toEqual({ ok: false, error: terminalMsg.onlyOne() });
    expect(parseAnswer(theme, '', undefined)).toEqual({ ok: false, error: terminalMsg.required() });
  });

  it('multiple choices: comma- or space-separated numbers, duplicates once, Enter keeps the current ones', () => {
    expect(parseAnswer(steps, '3, 1', undefined)).toEqual({ ok: true, value: ['financing', 'housing'] });
    expect(parseAnswer(steps, '1 2 1', undefined)).toEqual({ ok: true, value: ['housing', 'indication'] });
    expect(parseAnswer(steps, '1,9', undefined)).toEqual({ ok: false, error: terminalMsg.choiceOutOfRange(9, 3) });
    expect(parseAnswer(steps, '', ['housing'])).toEqual({ ok: true, value: ['housing'] });
    expect(parseAnswer(steps, ',', undefined)).toEqual({ ok: false, error: terminalMsg.required() });
  });

  it('text: trimmed, length checked; optional text is skipped with Enter or cleared with -', () => {
    expect(parseAnswer(sketch, '  kort  ', undefined)).toEqual({ ok: true, value: 'kort' });
    expect(parseAnswer(sketch, 'veel te lange tekst', undefined)).toEqual({ ok: false, error: terminalMsg.tooLong(10, 19) });
    expect(parseAnswer(sketch, '', undefined)).toEqual({ ok: false, error: terminalMsg.required() });
    expect(parseAnswer(note, '', 'eerder')).toEqual({ ok: true, value: 'eerder' });
    expect(parseAnswer(note, '-', 'eerder')).toEqual({ ok: true, value: undefined });
    expect(parseAnswer(note, '', undefined)).toEqual({ ok: true, value: undefined });
  });

  it('dates as yyyy-mm-dd or d-m-yyyy; impossible dates refused', () => {
    expect(parseAnswer(date, '2026-12-01', undefined)).toEqual({ ok: true, value: '2026-12-01' });
    expect(parseAnswer(date, '1-12-2026', undefined)).toEqual({ ok: true, value: '2026-12-01' });
    expect(parseAnswer(date, '29/2/2028', undefined)).toEqual({ ok: true, value: '2028-02-29' });
    expect(parseAnswer(date, '29-2-2027', undefined)).toEqual({ ok: false, error: terminalMsg.notADate() });
    expect(parseAnswer(date, 'morgen', undefined)).toEqual({ ok: false, error: terminalMsg.notADate() });
    expect(parseDate('2026-13-01')).toBeNull();
  });

  it('numbers: whole, within range, handed on as text', () => {
    expect(parseAnswer(count, '12', '7')).toEqual({ ok: true, value: '12' });
    expect(parseAnswer(count, '', '7')).toEqual({ ok: true, value: '7' });
    expect(parseAnswer(count, 'twaalf', '7')).toEqual({ ok: false, error: terminalMsg.notANumber() });
    expect(parseAnswer(count, '1.5', '7')).toEqual({ ok: false, error: terminalMsg.notANumber() });
    expect(parseAnswer(count, '501', '7')).toEqual({ ok: false, error: terminalMsg.outOfRange(0, 500) });
  });
});

describe('initial values', () => {
  it('as form values, empty ones left out; shown in brackets with choices by number', () => {
    expect(initialValues([theme, steps, sketch, note, date, count])).toEqual({ stepsTried: ['financing', 'housing'], note: 'eerder', clients: '7' });
    expect(displayValue(steps, ['financing', 'housing'])).toBe('3,1');
    expect(displayValue(theme, 'indication')).toBe('2');
    expect(displayValue(note, 'eerder')).toBe('eerder');
    expect(displayValue(note, undefined)).toBeUndefined();
    expect(displayValue(steps, [])).toBeUndefined();
  });
});
