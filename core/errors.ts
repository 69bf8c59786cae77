/**
 * Typed errors the fronts can render. `message` is already Dutch (from the
 * catalog); `code` tells a front how to react (CLI exit code, form field
 * error, polite refusal in chat).
 */
import type { z } from 'zod';
import { labelOfField, msg } from './messages.js';
import type { PrivacyFindingKind } from './privacy.js';

export type ErrorCode =
  | 'validation' // bad input
  | 'privacy' // free text looked identifying
  | 'forbidden' // not allowed for this person
  | 'unknownPerson' // not known at all: refused without disclosing anything
  | 'notFound'
  | 'conflict' // valid input that clashes with the current state
  | 'storeInvalid' // store file is not valid JSON or fails the schema
  | 'storeBusy' // lock not obtained in time
  | 'unavailable'; // a service it needs (Slack, Teams) did not answer

export interface FieldError {
  field: string;
  message: string;
}

export class LlaError extends Error {
  readonly code: ErrorCode;
  /** Per-field problems, for forms (the first one is also in `message`). */
  readonly fields: FieldError[];

  constructor(code: ErrorCode, message: string, fields: FieldError[] = []) {
    super(message);
    this.name = 'LlaError';
    this.code = code;
    this.fields = fields;
  }

  /** The first field the error is about, if any. */
  get field(): string | undefined {
    return this.fields[0]?.field;
  }
}

export function validationError(field: string, problem: string): LlaError {
  return new LlaError('validation', msg.invalidField(field, problem), [{ field, message: problem }]);
}

export function fieldConflict(field: string, message: string): LlaError {
  return new LlaError('conflict', message, [{ field, message }]);
}

export function forbidden(what: string): LlaError {
  return new LlaError('forbidden', msg.forbidden(what));
}

export function notFound(kind: string, id: string, field?: string): LlaError {
  const message = msg.notFound(kind, id);
  return new LlaError('notFound', message, field ? [{ field, message }] : []);
}

export class PrivacyError extends LlaError {
  readonly kinds: PrivacyFindingKind[];
  constructor(field: string, kinds: PrivacyFindingKind[], examples: string[]) {
    const message = msg.privacyRefused(field, kinds, examples);
    super('privacy', message, [{ field, message }]);
    this.name = 'PrivacyError';
    this.kinds = kinds;
  }
}

/** Dutch problem text for one zod issue. */
function issueText(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'ontbreekt' : `ongeldig type (verwacht ${dutchType(String(issue.expected))})`;
    case 'too_small':
      if (issue.origin === 'string') return issue.minimum === 1 ? 'mag niet leeg zijn' : `te kort (minstens ${issue.minimum} tekens)`;
      if (issue.origin === 'array' || issue.origin === 'set') return `kies er minstens ${issue.minimum}`;
      return `moet minstens ${issue.minimum} zijn`;
    case 'too_big':
      if (issue.origin === 'string') return `te lang (hoogstens ${issue.maximum} tekens)`;
      if (issue.origin === 'array' || issue.origin === 'set') return `hoogstens ${issue.maximum} keuzes`;
      return `mag hoogstens ${issue.maximum} zijn`;
    case 'invalid_format':
      if (issue.format === 'email') return 'geen geldig e-mailadres';
      if (issue.format === 'date') return 'geen geldige datum (jjjj-mm-dd)';
      if (issue.format === 'datetime') return 'geen geldig tijdstip';
      if (issue.format === 'uuid') return 'geen geldig id';
      return issue.message && !issue.message.startsWith('Invalid') ? issue.message : 'ongeldige notatie';
    case 'invalid_value':
      return `kies uit: ${issue.values.map((v) => String(v)).join(', ')}`;
    case 'invalid_union':
      return 'ongeldige waarde';
    case 'unrecognized_keys':
      return `onbekende velden: ${issue.keys.join(', ')}`;
    case 'not_multiple_of':
      return 'moet een geheel getal zijn';
    default:
      return issue.message && !issue.message.startsWith('Invalid') ? issue.message : 'ongeldige waarde';
  }
}

function dutchType(t: string): string {
  return ({ string: 'tekst', number: 'getal', boolean: 'ja/nee', array: 'lijst', object: 'object', int: 'geheel getal' } as Record<string, string>)[t] ?? t;
}

/** A zod failure of use-case input, as a validation error naming the fields in Dutch. */
/** Fields named in one validation error. */
const MAX_FIELD_ERRORS = 20;

export function fromZodError(error: z.ZodError): LlaError {
  // At most one problem per field and a few fields: a hostile list of a million bad elements must
  // not become a message of a hundred megabytes.
  const fields: FieldError[] = [];
  const seen = new Set<string>();
  for (const issue of error.issues) {
    const field = issue.path.length > 0 ? String(issue.path[0]) : 'invoer';
    if (seen.has(field)) continue;
    seen.add(field);
    fields.push({ field, message: issueText(issue) });
    if (fields.length >= MAX_FIELD_ERRORS) break;
  }
  const first = fields[0] ?? { field: 'invoer', message: 'ongeldige invoer' };
  const message = fields.map((f) => msg.invalidField(f.field, f.message)).join('; ');
  return new LlaError('validation', message || msg.invalidField(first.field, first.message), fields);
}

/** A short, readable description of a zod failure of the store file (path and problem). */
export function describeStoreIssues(error: z.ZodError, max = 3): string {
  const parts = error.issues.slice(0, max).map((i) => `${i.path.map(String).join('.') || '(hoofdniveau)'}: ${issueText(i)}`);
  const more = error.issues.length > max ? ` (en nog ${error.issues.length - max})` : '';
  return parts.join('; ') + more;
}

export { labelOfField };
