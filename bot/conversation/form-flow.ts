/**
 * The generic life of a form: open (prefill, privacy finding up front),
 * quick check (no write, at most one store read), submit (the use-case,
 * errors back on the fields).
 */
import {
  fromZodError,
  guardText,
  LlaError,
  PrivacyError,
  type Context,
  type StoreData,
  type StorePort,
} from '../../core/index.js';
import { readInput } from './fields.js';
import { FORMS, type FormSpec, type FormState } from './forms.js';
import { convMsg } from '../../core/messages-bot.js';
import { ctxOf, errName, failureView, guarded, message } from './kit.js';
import type { ConversationDeps, SubmitResult, Turn } from './types.js';
import type { FormId, FormValues, FormView, MessageView, View } from './view.js';

/**
 * A store that reads the real one once and never writes: every use-case run
 * on it sees the same snapshot, and a "transaction" changes only that
 * snapshot. The quick check builds the form and dry-runs the use-case on it.
 */
export function snapshotStore(store: StorePort): StorePort {
  let snapshot: Promise<StoreData> | undefined;
  const read = () => (snapshot ??= store.read());
  return {
    read,
    async transact(fn) {
      return fn(await read());
    },
  };
}

/** Field errors of the privacy guard on the free-text inputs, all fields at once. */
function privacyErrors(spec: FormSpec, input: Record<string, unknown>, now: Date): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const field of spec.freeText) {
    const value = input[field];
    if (typeof value !== 'string') continue;
    try {
      guardText(field, value, now);
    } catch (err) {
      if (!(err instanceof PrivacyError)) throw err;
      errors[field] = err.message;
    }
  }
  return errors;
}

/** Schema problems of the input in core's Dutch wording, the first one per field. */
function schemaErrors(spec: FormSpec, input: Record<string, unknown>): Record<string, string> {
  const parsed = spec.schema.safeParse(input);
  if (parsed.success) return {};
  const errors: Record<string, string> = {};
  for (const f of fromZodError(parsed.error).fields) if (!(f.field in errors)) errors[f.field] = f.message;
  return errors;
}

/** Errors of a use-case on fields of the form, and the rest as one general message. */
function placeErrors(err: LlaError, form: FormView): { errors: Record<string, string>; general?: string } {
  const ids = new Set(form.fields.map((f) => f.id));
  const errors: Record<string, string> = {};
  const rest: string[] = [];
  for (const f of err.fields) {
    if (ids.has(f.field) && !(f.field in errors)) errors[f.field] = f.message;
    else if (!ids.has(f.field)) rest.push(f.message);
  }
  if (Object.keys(errors).length === 0 && rest.length === 0) rest.push(err.message);
  return rest.length > 0 ? { errors, general: [...new Set(rest)].join(' ') } : { errors };
}

export async function openForm(deps: ConversationDeps, turn: Turn, formId: FormId, prefill: FormValues = {}, state: FormState = {}): Promise<View> {
  return guarded(deps, { formId, step: 'open' }, async () => {
    const spec = FORMS[formId];
    const view = await spec.build(ctxOf(deps, turn), prefill, state);
    if (view.kind !== 'form') return view;
    // A prefilled text (a chat message made into a case) is checked at once, so the person sees what to remove.
    const prefilledText = Object.fromEntries(spec.freeText.filter((f) => typeof prefill[f] === 'string').map((f) => [f, prefill[f]]));
    const errors = privacyErrors(spec, prefilledText, deps.clock.now());
    if (Object.keys(errors).length > 0) view.errors = errors;
    return view;
  });
}

/**
 * Quick check without writing: the input schema and the privacy guard on
 * every free-text field; when those pass, the use-case itself runs on a
 * snapshot (one store read, nothing written) so rules like "route gone
 * through" or "date in the past" show on the field too. Errors only on
 * fields the form has; anything else is left to `submit`.
 */
export async function check(deps: ConversationDeps, turn: Turn, formId: FormId, values: FormValues, state: FormState): Promise<Record<string, string> | null> {
  try {
    const spec = FORMS[formId];
    const ctx: Context = { ...ctxOf(deps, turn), store: snapshotStore(deps.store) };
    const view = await spec.build(ctx, values, state);
    if (view.kind !== 'form') return null;
    const input = readInput(spec.inputs, values, view.state);
    let errors = { ...schemaErrors(spec, input), ...privacyErrors(spec, input, deps.clock.now()) };
    if (Object.keys(errors).length === 0) {
      try {
        await spec.call(ctx, input);
      } catch (err) {
        if (!(err instanceof LlaError)) throw err;
        errors = placeErrors(err, view).errors;
      }
    }
    const ids = new Set(view.fields.map((f) => f.id));
    const onFields = Object.fromEntries(Object.entries(errors).filter(([id]) => ids.has(id)));
    return Object.keys(onFields).length > 0 ? onFields : null;
  } catch (err) {
    deps.logger.warn({ err: errName(err), formId, step: 'check' }, 'form check failed');
    return null;
  }
}

const FIELD_CODES = new Set(['validation', 'privacy', 'conflict', 'notFound']);

export async function submit(deps: ConversationDeps, turn: Turn, formId: FormId, values: FormValues, state: FormState): Promise<SubmitResult> {
  const spec = FORMS[formId];
  const ctx = ctxOf(deps, turn);
  let confirm: () => Promise<MessageView>;
  try {
    confirm = await spec.call(ctx, readInput(spec.inputs, values, state));
  } catch (err) {
    if (err instanceof LlaError && err.fields.length > 0 && FIELD_CODES.has(err.code)) {
      const again = await guarded(deps, { formId, step: 'reopen' }, () => spec.build(ctx, values, state));
      if (again.kind === 'form') {
        const placed = placeErrors(err, again);
        // A record that vanished (notFound) is no field problem the person can fix.
        if (err.code !== 'notFound' || Object.keys(placed.errors).length > 0) {
          again.errors = placed.errors;
          if (placed.general) again.error = placed.general;
          return { kind: 'invalid', form: again };
        }
      }
    }
    return { kind: 'done', view: await failureView(deps, err, { formId, step: 'submit' }) };
  }
  deps.logger.info({ formId, channel: turn.channel }, 'form saved');
  try {
    return { kind: 'done', view: await confirm() };
  } catch (err) {
    // Saved: a failure now only costs the details of the confirmation.
    deps.logger.warn({ err: errName(err), formId, step: 'confirm' }, 'confirmation incomplete');
    return { kind: 'done', view: message('success', [convMsg.saved()]) };
  }
}
