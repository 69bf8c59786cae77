/**
 * The neutral view models of the conversation layer. Flows produce these;
 * each platform renders them its own way (`bot/slack/`: Block Kit,
 * `bot/teams/`: Adaptive Cards 1.5, `bot/terminal/`: plain text). Nothing
 * here knows a platform: no markup, no platform ids, no limits beyond the
 * common ones stated per field. Every string a person reads comes from the
 * catalog in `core/messages-bot.ts`.
 */

/** What a button does: a named action with a small value (an id or code, ≤ 200 chars). */
export interface ActionRef {
  id: ActionId;
  value: string;
}

/** Every action a button can carry. */
export type ActionId =
  /** Open a form; value = FormId, optionally `formId|key=value` prefill pairs joined with `&`. */
  | 'form.open'
  /** Show one case; value = case code. */
  | 'case.show'
  /** Move a case; value = `code|toStatus`. Opens the move form when the step needs a reason, owner or outcome. */
  | 'case.move'
  /** List my region's open cases; value = ''. */
  | 'cases.mine'
  /** Register / cancel for an event; value = event id. */
  | 'event.register'
  | 'event.cancel'
  /** List coming events; value = ''. */
  | 'events.list'
  /** Snooze a task group's check-in ("herinner me later"); value = task group id. */
  | 'taskGroup.snooze'
  /** Show help; value = ''. */
  | 'help';

export interface Button {
  label: string;
  action: ActionRef;
  style?: 'primary' | 'danger';
}

export interface Choice {
  value: string;
  label: string;
}

interface FieldBase {
  /** The use-case input key it maps to (e.g. `sketch`, `stepsTried`); error fields use the same ids. */
  id: string;
  label: string;
  required: boolean;
  /** One line of help under the field. */
  hint?: string;
}

export type Field =
  | (FieldBase & { kind: 'text'; multiline: boolean; maxLength: number; initial?: string; placeholder?: string })
  | (FieldBase & { kind: 'choice'; multiple: false; choices: Choice[]; initial?: string })
  | (FieldBase & { kind: 'choice'; multiple: true; choices: Choice[]; initial?: string[] })
  /** A calendar date, yyyy-mm-dd. */
  | (FieldBase & { kind: 'date'; initial?: string })
  | (FieldBase & { kind: 'number'; min: number; max: number; initial?: number });

export type FormId = 'reportCase' | 'reportSignal' | 'moveCase' | 'progress' | 'monitor';

/** Every action id and form id at run time, for platforms decoding what comes back (the Records make the compiler check they are complete). */
const ACTION_IDS: Record<ActionId, true> = {
  'form.open': true,
  'case.show': true,
  'case.move': true,
  'cases.mine': true,
  'event.register': true,
  'event.cancel': true,
  'events.list': true,
  'taskGroup.snooze': true,
  help: true,
};
const FORM_IDS: Record<FormId, true> = { reportCase: true, reportSignal: true, moveCase: true, progress: true, monitor: true };
export const isActionId = (s: string): s is ActionId => Object.hasOwn(ACTION_IDS, s);
export const isFormId = (s: string): s is FormId => Object.hasOwn(FORM_IDS, s);

export interface FormView {
  kind: 'form';
  formId: FormId;
  /** Short title, at most 24 characters (Slack modal limit). */
  title: string;
  intro?: string;
  fields: Field[];
  submitLabel: string;
  cancelLabel: string;
  /**
   * Context the platform must hand back unchanged on submit (e.g. the case
   * code of a move form, the task group of a progress form). Small: ids only.
   */
  state: Record<string, string>;
  /** Errors per field id, shown on the field. */
  errors?: Record<string, string>;
  /** An error that belongs to no single field. */
  error?: string;
}

export interface Fact {
  label: string;
  value: string;
}

/** One entry of a list inside a message (a case, an event). */
export interface ListItem {
  title: string;
  facts: Fact[];
  buttons?: Button[];
}

export interface MessageView {
  kind: 'message';
  tone: 'info' | 'success' | 'warning' | 'error';
  title?: string;
  /** Paragraphs of plain text (no markup). */
  text: string[];
  facts?: Fact[];
  items?: ListItem[];
  buttons?: Button[];
}

export type View = FormView | MessageView;

/** Values of a submitted form, keyed by field id: text, choice and date as string, multiple choice as string[]. Empty fields are absent. */
export type FormValues = Record<string, string | string[] | undefined>;
