/**
 * Block Kit rendering of the conversation's neutral views: a FormView becomes
 * a modal, a MessageView a list of blocks (a message, a modal, the App Home).
 * Every Block Kit limit is enforced here, so no view the conversation makes
 * can be refused by Slack for its size: long texts are cut with an ellipsis,
 * long lists end with a "… en nog N" line. Type-only imports of Bolt: this
 * module loads nothing of the SDK.
 */
import type { types } from '@slack/bolt';
import { slackMsg } from '../../core/messages-chat/slack.js';
import { isActionId, isFormId, type ActionRef, type Button, type Fact, type Field, type FormValues, type FormView, type ListItem, type MessageView } from '../conversation/view.js';

type KnownBlock = types.KnownBlock;
type SectionBlock = types.SectionBlock;
type Button_ = types.Button;
type PlainTextOption = types.PlainTextOption;
type ModalView = types.ModalView;
type HomeView = types.HomeView;

/** Slack's limits (https://docs.slack.dev/reference/block-kit), as the renderer keeps them. */
export const LIMITS = {
  messageBlocks: 50,
  surfaceBlocks: 100,
  title: 24,
  headerText: 150,
  sectionText: 3000,
  fieldText: 2000,
  fieldsPerSection: 10,
  contextElements: 10,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  optionText: 75,
  optionValue: 150,
  options: 100,
  label: 2000,
  hint: 2000,
  placeholder: 150,
  inputMaxLength: 3000,
  privateMetadata: 3000,
  blockId: 255,
  actionId: 255,
  /** The `text` of a message beside its blocks (notifications, screen readers). */
  fallbackText: 3000,
} as const;

/** `action_id`s Bolt should route to the action listener: an ActionId, `#n` when it repeats in one block. */
export const ACTION_ID_PATTERN = /^[A-Za-z.]+(?:#\d+)?$/;

export { isFormId };

/** The ActionRef behind a pressed button, or null for an action_id this app never rendered. */
export function decodeAction(actionId: string, value: string | undefined): ActionRef | null {
  const id = actionId.replace(/#\d+$/, '');
  if (!isActionId(id)) return null;
  return { id, value: value ?? '' };
}

/** Cut text to `max` characters (code points), ending in an ellipsis when cut. */
export function clip(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** Escape the three characters Slack's mrkdwn treats as control characters. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Undo Slack's escaping of a message's text (message shortcut prefill). */
export function unescapeMrkdwn(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

const plain = (text: string, max: number): types.PlainTextElement => ({ type: 'plain_text', text: clip(text, max), emoji: true });
const mrkdwn = (text: string, max: number): types.MrkdwnElement => ({ type: 'mrkdwn', text: clip(text, max), verbatim: true });

// Messages ---------------------------------------------------------------

/** Paragraphs packed into as few sections as the text limit allows. */
function textSections(paragraphs: string[]): SectionBlock[] {
  const out: SectionBlock[] = [];
  let current = '';
  const flush = () => {
    if (current) out.push({ type: 'section', text: plain(current, LIMITS.sectionText) });
    current = '';
  };
  for (const p of paragraphs.filter((t) => t.trim() !== '')) {
    if (current && current.length + 2 + p.length > LIMITS.sectionText) flush();
    current = current ? `${current}\n\n${p}` : p;
  }
  flush();
  return out;
}

function factField(f: Fact): types.MrkdwnElement {
  return mrkdwn(`*${escapeMrkdwn(f.label)}*\n${escapeMrkdwn(f.value)}`, LIMITS.fieldText);
}

/** Facts in sections of at most ten fields; the first may carry a text. */
function factSections(facts: Fact[], text?: string): SectionBlock[] {
  const out: SectionBlock[] = [];
  for (let i = 0; i < facts.length; i += LIMITS.fieldsPerSection) {
    out.push({ type: 'section', fields: facts.slice(i, i + LIMITS.fieldsPerSection).map(factField) });
  }
  if (text !== undefined) {
    const first = out[0];
    if (first) first.text = mrkdwn(text, LIMITS.sectionText);
    else out.push({ type: 'section', text: mrkdwn(text, LIMITS.sectionText) });
  }
  return out;
}

/** Buttons in actions blocks of at most 25; a repeated action id gets `#n` so ids stay unique per block. */
function actionBlocks(buttons: Button[]): types.ActionsBlock[] {
  const out: types.ActionsBlock[] = [];
  for (let i = 0; i < buttons.length; i += LIMITS.actionsElements) {
    const seen = new Map<string, number>();
    const elements = buttons.slice(i, i + LIMITS.actionsElements).map((b): Button_ => {
      const n = seen.get(b.action.id) ?? 0;
      seen.set(b.action.id, n + 1);
      const button: Button_ = {
        type: 'button',
        action_id: n === 0 ? b.action.id : `${b.action.id}#${n}`,
        text: plain(b.label, LIMITS.buttonText),
        value: clip(b.action.value, LIMITS.buttonValue),
      };
      if (b.style) button.style = b.style;
      return button;
    });
    out.push({ type: 'actions', elements });
  }
  return out;
}

function itemBlocks(item: ListItem): KnownBlock[] {
  return [...factSections(item.facts, `*${escapeMrkdwn(item.title)}*`), ...actionBlocks(item.buttons ?? [])];
}

function headerText(view: MessageView): string | undefined {
  if (!view.title) return undefined;
  return view.tone === 'info' ? view.title : `${slackMsg.toneIcon[view.tone]} ${view.title}`;
}

/** The plain `text` Slack shows in notifications and where blocks cannot be shown. */
export function fallbackText(view: MessageView): string {
  const parts = [view.title, ...view.text].filter((t): t is string => Boolean(t && t.trim()));
  return clip(parts.join('\n') || (view.items?.[0]?.title ?? ''), LIMITS.fallbackText);
}

/**
 * A message as blocks, at most `maxBlocks` (50 in a message, 100 in a modal
 * or the App Home). Items that do not fit are left out and counted in a last
 * context line.
 */
export function messageBlocks(view: MessageView, maxBlocks: number = LIMITS.messageBlocks): KnownBlock[] {
  const head: KnownBlock[] = [];
  const header = headerText(view);
  if (header) head.push({ type: 'header', text: plain(header, LIMITS.headerText) });
  const paragraphs = [...view.text];
  if (!header && view.tone !== 'info' && paragraphs.length > 0) paragraphs[0] = `${slackMsg.toneIcon[view.tone]} ${paragraphs[0]}`;
  head.push(...textSections(paragraphs));
  if (view.facts?.length) head.push(...factSections(view.facts));
  const tail: KnownBlock[] = actionBlocks(view.buttons ?? []);

  const items = view.items ?? [];
  const body: KnownBlock[] = [];
  let shown = 0;
  for (const item of items) {
    const blocks = itemBlocks(item);
    const divider = body.length > 0 || head.length > 0 ? 1 : 0;
    const reserve = shown + 1 < items.length ? 1 : 0; // room for the "… en nog N" line
    if (head.length + body.length + divider + blocks.length + tail.length + reserve > maxBlocks) break;
    if (divider) body.push({ type: 'divider' });
    body.push(...blocks);
    shown += 1;
  }
  const rest = items.length - shown;
  const more: KnownBlock[] = rest > 0 ? [{ type: 'context', elements: [plain(slackMsg.more(rest), LIMITS.sectionText)] }] : [];
  // A head or tail that alone is too long (never in practice) is cut, keeping the buttons.
  const all = [...head, ...body, ...more, ...tail];
  if (all.length <= maxBlocks) return all;
  const keepTail = tail.slice(0, Math.min(tail.length, maxBlocks - 1));
  return [...head.slice(0, maxBlocks - keepTail.length), ...keepTail];
}

/** A message for chat.postMessage / respond / chat.update. */
export function renderMessage(view: MessageView): { text: string; blocks: KnownBlock[] } {
  return { text: fallbackText(view), blocks: messageBlocks(view, LIMITS.messageBlocks) };
}

/** A message shown in a modal (result of a submit, a reply to a button in the App Home). */
export function renderMessageModal(view: MessageView, title?: string): ModalView {
  return {
    type: 'modal',
    title: plain(title ?? slackMsg.modalTitle(), LIMITS.title),
    close: plain(slackMsg.close(), LIMITS.title),
    blocks: messageBlocks(view, LIMITS.surfaceBlocks),
  };
}

/** The modal shown while a slow save finishes; `views.update` replaces it with the result. */
export function renderSavingModal(title?: string): ModalView {
  return renderMessageModal({ kind: 'message', tone: 'info', title: slackMsg.savingTitle(), text: [slackMsg.savingText()] }, title);
}

export function renderHome(view: MessageView): HomeView {
  return { type: 'home', blocks: messageBlocks(view, LIMITS.surfaceBlocks) };
}

/**
 * A form asked for in a direct message: Slack opens a modal only from an
 * interaction, so the reply is a button that opens it. The button carries
 * the form id and the form's state as `formId|key=value&…`.
 */
export function renderOpenFormPrompt(form: FormView): { text: string; blocks: KnownBlock[] } {
  const pairs = Object.entries(form.state)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
  return renderMessage({
    kind: 'message',
    tone: 'info',
    text: [slackMsg.openFormPrompt(form.title)],
    buttons: [{ label: slackMsg.openFormButton(), style: 'primary', action: { id: 'form.open', value: pairs ? `${form.formId}|${pairs}` : form.formId } }],
  });
}

// Forms ------------------------------------------------------------------

const option = (value: string, label: string): PlainTextOption => ({ text: plain(label, LIMITS.optionText), value: clip(value, LIMITS.optionValue) });

function inputElement(field: Field): types.InputBlockElement {
  switch (field.kind) {
    case 'text': {
      const el: types.PlainTextInput = {
        type: 'plain_text_input',
        action_id: 'value',
        multiline: field.multiline,
        max_length: Math.min(field.maxLength, LIMITS.inputMaxLength),
      };
      if (field.initial) el.initial_value = clip(field.initial, el.max_length ?? LIMITS.inputMaxLength);
      if (field.placeholder) el.placeholder = plain(field.placeholder, LIMITS.placeholder);
      return el;
    }
    case 'choice': {
      const options = field.choices.slice(0, LIMITS.options).map((c) => option(c.value, c.label));
      const byValue = new Map(options.map((o) => [o.value, o]));
      if (field.multiple) {
        const el: types.MultiStaticSelect = { type: 'multi_static_select', action_id: 'value', options };
        const initial = (field.initial ?? []).map((v) => byValue.get(v)).filter((o): o is PlainTextOption => o !== undefined);
        if (initial.length) el.initial_options = initial;
        return el;
      }
      const el: types.StaticSelect = { type: 'static_select', action_id: 'value', options };
      const initial = field.initial === undefined ? undefined : byValue.get(field.initial);
      if (initial) el.initial_option = initial;
      return el;
    }
    case 'date': {
      const el: types.Datepicker = { type: 'datepicker', action_id: 'value' };
      if (field.initial) el.initial_date = field.initial;
      return el;
    }
    case 'number': {
      const el: types.NumberInput = {
        type: 'number_input',
        action_id: 'value',
        is_decimal_allowed: false,
        min_value: String(field.min),
        max_value: String(field.max),
      };
      if (field.initial !== undefined) el.initial_value = String(field.initial);
      return el;
    }
  }
}

function inputBlock(field: Field): types.InputBlock {
  const block: types.InputBlock = {
    type: 'input',
    block_id: clip(field.id, LIMITS.blockId),
    label: plain(field.label, LIMITS.label),
    element: inputElement(field),
    optional: !field.required,
  };
  if (field.hint) block.hint = plain(field.hint, LIMITS.hint);
  return block;
}

/**
 * Slack cannot show errors on the fields of a modal it opens (only in the
 * answer to a submit), so a form shown again with errors lists them on top.
 */
function errorBlocks(form: FormView): KnownBlock[] {
  const label = new Map(form.fields.map((f) => [f.id, f.label]));
  const lines = Object.entries(form.errors ?? {}).map(([id, problem]) => slackMsg.fieldError(label.get(id) ?? id, problem));
  if (!form.error && lines.length === 0) return [];
  const text = [form.error, lines.length ? [slackMsg.formErrorsIntro(), ...lines.map((l) => `• ${l}`)].join('\n') : undefined]
    .filter((t): t is string => Boolean(t))
    .join('\n\n');
  return [{ type: 'section', text: plain(`${slackMsg.toneIcon.warning} ${text}`, LIMITS.sectionText) }];
}

/** A form as a modal: callback_id = form id, private_metadata = the form's state, block_id = field id, action_id = `value`. */
export function renderModal(form: FormView): ModalView {
  const metadata = JSON.stringify(form.state);
  if (metadata.length > LIMITS.privateMetadata) throw new Error(`form state of ${form.formId} exceeds Slack's private_metadata limit`);
  const blocks: KnownBlock[] = [...errorBlocks(form)];
  if (form.intro) blocks.push(...textSections([form.intro]));
  const room = LIMITS.surfaceBlocks - blocks.length;
  blocks.push(...form.fields.slice(0, room).map(inputBlock));
  return {
    type: 'modal',
    callback_id: form.formId,
    title: plain(form.title, LIMITS.title),
    submit: plain(form.submitLabel, LIMITS.title),
    close: plain(form.cancelLabel, LIMITS.title),
    private_metadata: metadata,
    blocks,
  };
}

/** The state a form handed to Slack, back from `private_metadata`; anything malformed reads as empty. */
export function readFormState(privateMetadata: string | undefined): Record<string, string> {
  if (!privateMetadata) return {};
  try {
    const parsed: unknown = JSON.parse(privateMetadata);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
    return Object.fromEntries(Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === 'string'));
  } catch {
    return {};
  }
}

type StateValue = {
  type: string;
  value?: string | null;
  selected_date?: string | null;
  selected_option?: { value: string } | null;
  selected_options?: Array<{ value: string }>;
};

function readOne(v: StateValue): string | string[] | undefined {
  switch (v.type) {
    case 'plain_text_input':
    case 'number_input':
      return v.value ?? undefined;
    case 'static_select':
    case 'radio_buttons':
      return v.selected_option?.value;
    case 'multi_static_select':
    case 'checkboxes': {
      const values = (v.selected_options ?? []).map((o) => o.value);
      return values.length ? values : undefined;
    }
    case 'datepicker':
      return v.selected_date ?? undefined;
    default:
      return undefined;
  }
}

/** Block Kit state values (block_id = field id, action_id `value`) as the conversation's FormValues; empty fields are absent. */
export function readFormValues(values: Record<string, Record<string, StateValue>>): FormValues {
  const out: FormValues = {};
  for (const [blockId, actions] of Object.entries(values)) {
    const v = actions.value;
    if (!v) continue;
    const read = readOne(v);
    if (read !== undefined && read !== '') out[blockId] = read;
  }
  return out;
}

/**
 * The answer to a view_submission that has field errors: Slack shows them on
 * the input blocks. Errors on ids that are not blocks of the view go on the
 * first input block, so none is lost.
 */
export function errorsAck(errors: Record<string, string>, blockIds: string[]): { response_action: 'errors'; errors: Record<string, string> } {
  const known = new Set(blockIds);
  const out: Record<string, string> = {};
  const stray: string[] = [];
  for (const [id, problem] of Object.entries(errors)) {
    if (known.has(id)) out[id] = clip(problem, LIMITS.sectionText);
    else stray.push(problem);
  }
  const first = blockIds[0];
  if (stray.length && first) out[first] = clip([out[first], ...stray].filter(Boolean).join(' '), LIMITS.sectionText);
  return { response_action: 'errors', errors: out };
}
