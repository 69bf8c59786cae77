/**
 * One form field on a line: what is shown in [brackets] as its current value,
 * and what a typed answer means. Pure; every text a person reads comes from
 * `core/messages-chat/terminal.ts`.
 */
import { terminalMsg } from '../../core/messages-chat/terminal.js';
import type { Field, FormValues } from '../conversation/view.js';

export type FieldValue = string | string[] | undefined;

export type Answer =
  /** The value to submit (undefined: left empty). */
  | { ok: true; value: FieldValue }
  /** Bad local input: ask the field again with this message. */
  | { ok: false; error: string };

/** A field's starting value, as a form value. */
export function initialValue(field: Field): FieldValue {
  if (field.initial === undefined) return undefined;
  if (field.kind === 'number') return String(field.initial);
  if (Array.isArray(field.initial)) return field.initial.length > 0 ? [...field.initial] : undefined;
  return field.initial === '' ? undefined : field.initial;
}

/** The starting values of a form's fields, empty ones left out. */
export function initialValues(fields: Field[]): FormValues {
  const values: FormValues = {};
  for (const f of fields) {
    const v = initialValue(f);
    if (v !== undefined) values[f.id] = v;
  }
  return values;
}

/** How the current value is shown in [brackets]: choices by their numbers. */
export function displayValue(field: Field, value: FieldValue): string | undefined {
  if (value === undefined || (Array.isArray(value) && value.length === 0) || value === '') return undefined;
  if (field.kind !== 'choice') return Array.isArray(value) ? value.join(', ') : value;
  const numbers = (Array.isArray(value) ? value : [value]).map((v) => {
    const i = field.choices.findIndex((c) => c.value === v);
    return i >= 0 ? String(i + 1) : v;
  });
  return numbers.join(',');
}

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .toLowerCase();

/** A calendar date as yyyy-mm-dd from `yyyy-mm-dd` or `d-m-yyyy` (also with / or .); null when it is no real date. */
export function parseDate(input: string): string | null {
  const s = input.trim();
  let y: number, m: number, d: number;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (match) {
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else {
    match = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(s);
    if (!match) return null;
    [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  }
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/** One choice by its number, its value or its label. */
function pickChoice(field: Field & { kind: 'choice' }, token: string): Answer {
  const t = token.trim();
  if (/^\d+$/.test(t)) {
    const n = Number(t);
    if (n < 1 || n > field.choices.length) return { ok: false, error: terminalMsg.choiceOutOfRange(n, field.choices.length) };
    return { ok: true, value: field.choices[n - 1]!.value };
  }
  const found = field.choices.find((c) => fold(c.value) === fold(t) || fold(c.label) === fold(t));
  return found ? { ok: true, value: found.value } : { ok: false, error: terminalMsg.notAChoice(t) };
}

/**
 * What a typed line means for a field. `current` is the value Enter keeps
 * (the initial value, or what was typed before a refusal).
 */
export function parseAnswer(field: Field, raw: string, current: FieldValue): Answer {
  const input = raw.trim();
  if (input === '') {
    if (current !== undefined) return { ok: true, value: current };
    return field.required ? { ok: false, error: terminalMsg.required() } : { ok: true, value: undefined };
  }
  if (input === '-' && !field.required) return { ok: true, value: undefined };

  switch (field.kind) {
    case 'text': {
      const length = [...input].length;
      if (length > field.maxLength) return { ok: false, error: terminalMsg.tooLong(field.maxLength, length) };
      return { ok: true, value: input };
    }
    case 'choice': {
      const tokens = input.split(/\s*[,;]\s*|\s+(?=\d)/).filter((t) => t !== '');
      if (!field.multiple) {
        if (tokens.length > 1 && tokens.every((t) => /^\d+$/.test(t))) return { ok: false, error: terminalMsg.onlyOne() };
        return pickChoice(field, input);
      }
      const picked: string[] = [];
      for (const token of tokens) {
        const one = pickChoice(field, token);
        if (!one.ok) return one;
        if (typeof one.value === 'string' && !picked.includes(one.value)) picked.push(one.value);
      }
      if (picked.length === 0) return field.required ? { ok: false, error: terminalMsg.required() } : { ok: true, value: undefined };
      return { ok: true, value: picked };
    }
    case 'date': {
      const date = parseDate(input);
      return date ? { ok: true, value: date } : { ok: false, error: terminalMsg.notADate() };
    }
    case 'number': {
      if (!/^-?\d+$/.test(input)) return { ok: false, error: terminalMsg.notANumber() };
      const n = Number(input);
      if (n < field.min || n > field.max) return { ok: false, error: terminalMsg.outOfRange(field.min, field.max) };
      return { ok: true, value: String(n) };
    }
  }
}
