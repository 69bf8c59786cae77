/**
 * Adaptive Cards 1.5 rendering of the conversation's neutral views: a
 * FormView becomes a card with inputs and a submit action, a MessageView a
 * card with text, facts, items and buttons. And the way back: a submitted
 * card's data to `FormValues`. Pure: no SDK import, so the tests can check
 * every card without loading botbuilder.
 *
 * Actions: in a chat, buttons and submit are `Action.Execute` (Universal
 * Actions; the invoke response replaces the card). In a dialog (the message
 * action's task module) they are `Action.Submit`, which is what task modules
 * accept. Either way the action's `data` carries `verb`, so an old client that
 * falls back to a message-back submit still reaches the same handler.
 */
import { teamsMsg } from '../../core/messages-chat/teams.js';
import { isActionId, isFormId, type Button, type Fact, type Field, type FormId, type FormValues, type FormView, type ListItem, type MessageView } from '../conversation/view.js';

export type Json = Record<string, unknown>;

export interface AdaptiveCard extends Json {
  type: 'AdaptiveCard';
  version: '1.5';
  body: Json[];
  actions?: Json[];
}

export const CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/** Where a card is shown: a chat message (Action.Execute) or a dialog (Action.Submit). */
export type Surface = 'chat' | 'dialog';

/** Verb of a form's cancel action (not a conversation action: the platform answers it itself). */
export const CANCEL_VERB = 'form.cancel';

export { isActionId, isFormId };

/**
 * Actions in one row: the Adaptive Cards default host config allows five
 * (`maxActions`), Teams' desktop six; five fits every client.
 */
export const MAX_ACTIONS = 5;

/** What a form's submit action carries besides the input values (the client merges those in by input id). */
export interface FormData {
  verb: FormId;
  lla: {
    state: Record<string, string>;
    /** The form's field ids, so only these are read back. */
    fields: string[];
    /** The multiple-choice fields, whose value comes as one comma-joined string. */
    multi: string[];
  };
}

function card(body: Json[], actions: Json[]): AdaptiveCard {
  const c: AdaptiveCard = {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    fallbackText: teamsMsg.cardFallback(),
    body,
  };
  if (actions.length > 0) c.actions = actions;
  return c;
}

const text = (value: string, extra: Json = {}): Json => ({ type: 'TextBlock', text: value, wrap: true, ...extra });

function action(surface: Surface, title: string, verb: string, data: Json, extra: Json = {}): Json {
  const payload = { verb, ...data };
  return surface === 'chat'
    ? { type: 'Action.Execute', title, verb, data: payload, ...extra }
    : { type: 'Action.Submit', title, data: payload, ...extra };
}

function buttonAction(b: Button, surface: Surface): Json {
  const extra: Json = {};
  if (b.style === 'primary') extra.style = 'positive';
  if (b.style === 'danger') extra.style = 'destructive';
  return action(surface, b.label, b.action.id, { value: b.action.value }, extra);
}

/** Buttons as ActionSet rows of at most MAX_ACTIONS. */
function actionRows(buttons: Button[], surface: Surface): Json[] {
  const rows: Json[] = [];
  for (let i = 0; i < buttons.length; i += MAX_ACTIONS) {
    rows.push({ type: 'ActionSet', actions: buttons.slice(i, i + MAX_ACTIONS).map((b) => buttonAction(b, surface)) });
  }
  return rows;
}

const factSet = (facts: Fact[]): Json => ({ type: 'FactSet', facts: facts.map((f) => ({ title: f.label, value: f.value })) });

// Forms ----------------------------------------------------------------------

function input(field: Field, error: string | undefined): Json {
  const base: Json = { id: field.id, label: field.label, isRequired: field.required };
  const clientCheck = field.kind === 'choice' ? teamsMsg.requiredChoice(field.label) : teamsMsg.requiredText(field.label);
  // The client shows errorMessage only when its own check fails; a server-side
  // error is shown in a red TextBlock under the input as well (see renderForm).
  if (error !== undefined) base.errorMessage = error;
  else if (field.required) base.errorMessage = clientCheck;
  switch (field.kind) {
    case 'text': {
      const el: Json = { type: 'Input.Text', ...base, isMultiline: field.multiline, maxLength: field.maxLength };
      if (field.placeholder) el.placeholder = field.placeholder;
      if (field.initial !== undefined && field.initial !== '') el.value = field.initial;
      return el;
    }
    case 'choice': {
      const el: Json = {
        type: 'Input.ChoiceSet',
        ...base,
        isMultiSelect: field.multiple,
        // Radio buttons and check boxes while the list is short, a drop-down after.
        style: field.choices.length <= (field.multiple ? 8 : 6) ? 'expanded' : 'compact',
        choices: field.choices.map((c) => ({ title: c.label, value: c.value })),
      };
      if (field.multiple) {
        if (field.initial && field.initial.length > 0) el.value = field.initial.join(',');
      } else if (field.initial !== undefined && field.initial !== '') {
        el.value = field.initial;
      }
      return el;
    }
    case 'date': {
      const el: Json = { type: 'Input.Date', ...base };
      if (field.initial) el.value = field.initial;
      return el;
    }
    case 'number': {
      const el: Json = { type: 'Input.Number', ...base, min: field.min, max: field.max };
      if (field.initial !== undefined) el.value = field.initial;
      return el;
    }
  }
}

/** A form as a card: inputs with labels, the field errors under their inputs, submit and cancel. */
export function renderForm(form: FormView, surface: Surface = 'chat'): AdaptiveCard {
  const errors = form.errors ?? {};
  const body: Json[] = [text(form.title, { size: 'Large', weight: 'Bolder', style: 'heading' })];
  if (form.intro) body.push(text(form.intro));
  if (form.error) body.push(text(form.error, { color: 'Attention', weight: 'Bolder' }));
  if (Object.keys(errors).some((id) => form.fields.some((f) => f.id === id))) body.push(text(teamsMsg.formErrorsIntro(), { color: 'Attention' }));
  for (const field of form.fields) {
    const error = errors[field.id];
    body.push(input(field, error));
    if (field.hint) body.push(text(field.hint, { isSubtle: true, size: 'Small', spacing: 'None' }));
    if (error !== undefined) body.push(text(error, { color: 'Attention', size: 'Small', spacing: 'Small' }));
  }
  const data: Omit<FormData, 'verb'> = {
    lla: {
      state: form.state,
      fields: form.fields.map((f) => f.id),
      multi: form.fields.filter((f) => f.kind === 'choice' && f.multiple).map((f) => f.id),
    },
  };
  return card(body, [
    action(surface, form.submitLabel, form.formId, data, { style: 'positive' }),
    action(surface, form.cancelLabel, CANCEL_VERB, {}, { associatedInputs: 'none' }),
  ]);
}

// Messages -------------------------------------------------------------------

const toneColor: Record<MessageView['tone'], string | undefined> = { info: undefined, success: 'Good', warning: 'Warning', error: 'Attention' };

function renderItem(item: ListItem, surface: Surface): Json {
  const items: Json[] = [text(item.title, { weight: 'Bolder' })];
  if (item.facts.length > 0) items.push(factSet(item.facts));
  if (item.buttons && item.buttons.length > 0) items.push(...actionRows(item.buttons, surface));
  return { type: 'Container', separator: true, spacing: 'Medium', items };
}

/** A message as a card: title in the tone's colour, paragraphs, facts, items with their buttons, buttons. */
export function renderMessage(view: MessageView, surface: Surface = 'chat'): AdaptiveCard {
  const body: Json[] = [];
  if (view.title) {
    const color = toneColor[view.tone];
    body.push(text(view.title, { size: 'Medium', weight: 'Bolder', style: 'heading', ...(color ? { color } : {}) }));
  }
  for (const paragraph of view.text) body.push(text(paragraph));
  if (view.facts && view.facts.length > 0) body.push(factSet(view.facts));
  for (const item of view.items ?? []) body.push(renderItem(item, surface));
  const buttons = view.buttons ?? [];
  if (buttons.length <= MAX_ACTIONS) return card(body, buttons.map((b) => buttonAction(b, surface)));
  body.push(...actionRows(buttons, surface));
  return card(body, []);
}

export function renderView(view: FormView | MessageView, surface: Surface = 'chat'): AdaptiveCard {
  return view.kind === 'form' ? renderForm(view, surface) : renderMessage(view, surface);
}

/** A message as plain lines (the text of a dialog's closing message). */
export function plainText(view: MessageView): string {
  const lines: string[] = [];
  if (view.title) lines.push(view.title);
  lines.push(...view.text);
  for (const f of view.facts ?? []) lines.push(`${f.label}: ${f.value}`);
  return lines.join('\n');
}

export const attachment = (content: AdaptiveCard) => ({ contentType: CARD_CONTENT_TYPE, content });

// Submissions back -----------------------------------------------------------

const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const stringRecord = (v: unknown): Record<string, string> =>
  isRecord(v) ? Object.fromEntries(Object.entries(v).filter((e): e is [string, string] => typeof e[1] === 'string')) : {};
const stringList = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : []);

export interface Submission {
  formId: FormId;
  state: Record<string, string>;
  values: FormValues;
}

/**
 * A submitted form's card data back to the form id, its state and its
 * values: only the form's own fields; multiple choice split on commas;
 * numbers as text; empty values left out. Null when the data is no form
 * submission of ours.
 */
export function parseSubmission(data: unknown): Submission | null {
  if (!isRecord(data) || typeof data.verb !== 'string' || !isFormId(data.verb) || !isRecord(data.lla)) return null;
  const fields = stringList(data.lla.fields);
  const multi = new Set(stringList(data.lla.multi));
  const values: FormValues = {};
  for (const id of fields) {
    const raw = data[id];
    const value = typeof raw === 'number' && Number.isFinite(raw) ? String(raw) : typeof raw === 'string' ? raw : undefined;
    if (value === undefined || value.trim() === '') continue;
    if (multi.has(id)) {
      const list = value
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '');
      if (list.length > 0) values[id] = list;
    } else {
      values[id] = value;
    }
  }
  return { formId: data.verb, state: stringRecord(data.lla.state), values };
}
