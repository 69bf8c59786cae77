/**
 * Building form fields and reading submitted values: the mechanics every
 * form shares. Values arrive as strings and string arrays (FormValues); the
 * use-cases want numbers, booleans and arrays, and their own schemas decide
 * what is valid.
 */
import { convMsg } from '../../core/messages-bot.js';
import { clip, LIMITS } from './limits.js';
import type { Choice, Field, FormValues } from './view.js';

type Common = { required?: boolean; hint?: string };

export function textField(id: string, label: string, maxLength: number, o: Common & { multiline?: boolean; placeholder?: string } = {}): Field {
  const f: Field = { kind: 'text', id, label, required: o.required ?? false, multiline: o.multiline ?? false, maxLength };
  if (o.hint) f.hint = o.hint;
  if (o.placeholder) f.placeholder = o.placeholder;
  return f;
}

export function choiceField(id: string, label: string, choices: Choice[], o: Common & { multiple?: boolean } = {}): Field {
  const base = { kind: 'choice' as const, id, label, required: o.required ?? false, choices: choices.slice(0, LIMITS.choices) };
  const f: Field = o.multiple ? { ...base, multiple: true } : { ...base, multiple: false };
  if (o.hint) f.hint = o.hint;
  return f;
}

export function dateField(id: string, label: string, o: Common = {}): Field {
  const f: Field = { kind: 'date', id, label, required: o.required ?? false };
  if (o.hint) f.hint = o.hint;
  return f;
}

export function numberField(id: string, label: string, min: number, max: number, o: Common = {}): Field {
  const f: Field = { kind: 'number', id, label, required: o.required ?? false, min, max };
  if (o.hint) f.hint = o.hint;
  return f;
}

export const choice = (value: string, label: string): Choice => ({ value, label: clip(label, LIMITS.choiceLabel) });

/** Choices from an enum and its Dutch labels. */
export function enumChoices<K extends string>(values: ReadonlyArray<K>, labels: Record<K, string>): Choice[] {
  return values.map((v) => choice(v, labels[v]));
}

export const YES = 'yes';
export const NO = 'no';
export const yesNoChoices = (): Choice[] => [choice(YES, convMsg.yes()), choice(NO, convMsg.no())];

/** Put submitted or prefilled values into the fields as `initial`, where they fit the field. */
export function withInitial(fields: Field[], values: FormValues): Field[] {
  return fields.map((f) => {
    const v = values[f.id];
    if (v === undefined) return f;
    const one = Array.isArray(v) ? v[0] : v;
    switch (f.kind) {
      case 'text':
        return one === undefined ? f : { ...f, initial: clip(one, f.maxLength) };
      case 'date':
        return one !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(one) ? { ...f, initial: one } : f;
      case 'number': {
        const n = one !== undefined && /^\d+$/.test(one.trim()) ? Number(one.trim()) : NaN;
        return Number.isInteger(n) && n >= f.min && n <= f.max ? { ...f, initial: n } : f;
      }
      case 'choice': {
        const allowed = new Set(f.choices.map((c) => c.value));
        if (f.multiple) return { ...f, initial: (Array.isArray(v) ? v : [v]).filter((x) => allowed.has(x)) };
        return one !== undefined && allowed.has(one) ? { ...f, initial: one } : f;
      }
    }
  });
}

/** Reading FormValues. Empty strings count as absent. */
export function reader(values: FormValues) {
  const first = (id: string): string | undefined => {
    const v = values[id];
    const s = (Array.isArray(v) ? v[0] : v)?.trim();
    return s ? s : undefined;
  };
  return {
    text: first,
    list: (id: string): string[] => {
      const v = values[id];
      if (v === undefined) return [];
      return (Array.isArray(v) ? v : [v]).map((s) => s.trim()).filter((s) => s !== '');
    },
    /** A whole number; anything else is passed on as typed, so the schema names the problem. */
    number: (id: string): number | string | undefined => {
      const s = first(id);
      return s !== undefined && /^-?\d+$/.test(s) ? Number(s) : s;
    },
    yesNo: (id: string): boolean | undefined => {
      const s = first(id);
      return s === YES ? true : s === NO ? false : undefined;
    },
  };
}

/** How a use-case input key is read: from a field as text, list, whole number or yes/no, or from the form's state (else its field). */
export type Reading = 'text' | 'list' | 'number' | 'yesNo' | 'state';

/** The use-case input of a submission, without the absent keys. */
export function readInput(readings: Readonly<Record<string, Reading>>, values: FormValues, state: Record<string, string>): Record<string, unknown> {
  const v = reader(values);
  const input: Record<string, unknown> = {};
  for (const [key, how] of Object.entries(readings)) {
    const value = how === 'state' ? (state[key] ?? v.text(key)) : v[how](key);
    if (value !== undefined) input[key] = value;
  }
  return input;
}
