/**
 * The terminal renderer: neutral views (bot/conversation/view.ts) as plain
 * text lines. Buttons are numbered (`[1] Aanmelden  [2] Afmelden`) and the
 * renderer hands back which action each number stands for. Colour only when
 * asked for (the session decides: a terminal, no NO_COLOR / --no-color);
 * wrapping only when a width is given (a terminal's width, at most 80).
 */
import { terminalMsg } from '../../core/messages-chat/terminal.js';
import type { ActionRef, Button, Fact, Field, FormView, ListItem, MessageView } from '../conversation/view.js';

export interface RenderOptions {
  /** Wrap to this many columns; none: no wrapping (piped output). */
  width?: number;
  color?: boolean;
}

export interface Rendered {
  lines: string[];
  /** The action of button n is `buttons[n - firstNumber]`. */
  buttons: ActionRef[];
}

const SGR = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  cyan: [36, 39],
} as const;
type Style = keyof typeof SGR;

export function paint(o: RenderOptions, style: Style, s: string): string {
  if (!o.color || s === '') return s;
  const [on, off] = SGR[style];
  return `\u001b[${on}m${s}\u001b[${off}m`;
}

/** The widest a terminal chat line gets. */
export const MAX_WIDTH = 80;

/**
 * Word-wrap one paragraph. The first line starts with `first`, the following
 * lines with `rest` (a hanging indent); words longer than a line are cut.
 */
export function wrap(text: string, width: number | undefined, first = '', rest = first): string[] {
  const words = text.split(/\s+/).filter((w) => w !== '');
  if (width === undefined) return [first + words.join(' ')];
  const lines: string[] = [];
  let prefix = first;
  let line = '';
  const room = () => Math.max(10, width - prefix.length);
  const flush = () => {
    lines.push(prefix + line);
    prefix = rest;
    line = '';
  };
  for (let word of words) {
    if (line !== '' && line.length + 1 + word.length > room()) flush();
    while (word.length > room()) {
      line = word.slice(0, room());
      word = word.slice(room());
      flush();
    }
    if (word !== '') line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '' || lines.length === 0) lines.push(prefix + line);
  return lines;
}

/** Paragraphs (a `\n` inside one starts a new line) wrapped with an indent. */
function paragraphs(texts: string[], o: RenderOptions, indent = ''): string[] {
  return texts.flatMap((t) => t.split('\n').flatMap((line) => wrap(line, o.width, indent)));
}

const TONE_MARK: Record<MessageView['tone'], string> = { info: '', success: '✓ ', warning: '! ', error: '✗ ' };
const TONE_STYLE: Record<MessageView['tone'], Style | undefined> = { info: undefined, success: 'green', warning: 'yellow', error: 'red' };

function toned(o: RenderOptions, tone: MessageView['tone'], s: string): string {
  const style = TONE_STYLE[tone];
  return style ? paint(o, style, s) : s;
}

/** Facts as aligned `label: value` lines, values wrapped under themselves. */
function factLines(facts: Fact[], o: RenderOptions, indent = ''): string[] {
  if (facts.length === 0) return [];
  const labelWidth = Math.min(24, Math.max(...facts.map((f) => f.label.length)) + 1);
  return facts.flatMap((f) => {
    const label = `${f.label}:`.padEnd(labelWidth);
    const hang = `${indent}${' '.repeat(label.length + 1)}`;
    const lines = f.value.split('\n').flatMap((v, i) => wrap(v, o.width, i === 0 ? `${indent}${label} ` : hang, hang));
    const [head, ...tail] = lines;
    const plain = `${indent}${label}`;
    return [head!.startsWith(plain) ? `${indent}${paint(o, 'dim', label)}${head!.slice(plain.length)}` : head!, ...tail];
  });
}

/** Buttons as `[n] Label` on one line, wrapped between buttons. */
function buttonLines(buttons: Button[], first: number, o: RenderOptions, indent = ''): string[] {
  const lines: string[] = [];
  let line = indent;
  let plainLength = indent.length;
  buttons.forEach((b, i) => {
    const plain = `[${first + i}] ${b.label}`;
    const label = b.style === 'danger' ? paint(o, 'red', b.label) : b.style === 'primary' ? paint(o, 'bold', b.label) : b.label;
    const shown = `${paint(o, 'cyan', `[${first + i}]`)} ${label}`;
    if (plainLength > indent.length && o.width !== undefined && plainLength + 2 + plain.length > o.width) {
      lines.push(line);
      line = indent;
      plainLength = indent.length;
    }
    line = plainLength > indent.length ? `${line}  ${shown}` : line + shown;
    plainLength += (plainLength > indent.length ? 2 : 0) + plain.length;
  });
  if (plainLength > indent.length) lines.push(line);
  return lines;
}

function itemLines(item: ListItem, next: () => number, actions: ActionRef[], o: RenderOptions): string[] {
  const lines = wrap(item.title, o.width, '• ', '  ').map((l, i) => (i === 0 ? `• ${paint(o, 'bold', l.slice(2))}` : paint(o, 'bold', l)));
  if (item.facts.length > 0) {
    const text = item.facts.map((f) => `${f.label}: ${f.value}`).join(' · ');
    lines.push(...wrap(text, o.width, '  ', '  '));
  }
  if (item.buttons && item.buttons.length > 0) {
    lines.push(...buttonLines(item.buttons, next(), o, '  '));
    for (const b of item.buttons) actions.push(b.action);
  }
  return lines;
}

/** One message; its buttons numbered from `firstNumber` (items' buttons first, in the order shown). */
export function renderMessage(view: MessageView, o: RenderOptions = {}, firstNumber = 1): Rendered {
  const actions: ActionRef[] = [];
  const next = () => firstNumber + actions.length;
  const sections: string[][] = [];

  const head: string[] = [];
  const mark = TONE_MARK[view.tone];
  if (view.title) {
    head.push(...wrap(view.title, o.width, mark, ' '.repeat(mark.length)).map((l) => paint(o, 'bold', toned(o, view.tone, l))));
    head.push(...paragraphs(view.text, o));
  } else {
    const body = paragraphs(view.text, o);
    if (mark && body.length > 0) body[0] = toned(o, view.tone, mark + body[0]);
    head.push(...body);
  }
  if (head.length > 0) sections.push(head);
  if (view.facts && view.facts.length > 0) sections.push(factLines(view.facts, o));
  if (view.items && view.items.length > 0) sections.push(view.items.flatMap((item) => itemLines(item, next, actions, o)));
  if (view.buttons && view.buttons.length > 0) {
    sections.push(buttonLines(view.buttons, next(), o));
    for (const b of view.buttons) actions.push(b.action);
  }
  return { lines: sections.flatMap((s, i) => (i === 0 ? s : ['', ...s])), buttons: actions };
}

/** Several messages in a row (notifications), separated by a blank line, buttons numbered on. */
export function renderMessages(views: MessageView[], o: RenderOptions = {}, firstNumber = 1): Rendered {
  const lines: string[] = [];
  const buttons: ActionRef[] = [];
  for (const view of views) {
    const r = renderMessage(view, o, firstNumber + buttons.length);
    if (lines.length > 0) lines.push('');
    lines.push(...r.lines);
    buttons.push(...r.buttons);
  }
  return { lines, buttons };
}

/** The top of a form: title, intro, a general error, how to cancel. */
export function renderFormHeader(form: FormView, o: RenderOptions = {}): string[] {
  return [
    ...wrap(form.title, o.width).map((l) => paint(o, 'bold', l)),
    ...(form.intro ? paragraphs([form.intro], o) : []),
    ...(form.error ? wrap(form.error, o.width, '✗ ', '  ').map((l) => paint(o, 'red', l)) : []),
    paint(o, 'dim', terminalMsg.formCancelHint()),
  ];
}

/** A field error (from the conversation or from local input), shown above the question. */
export function renderFieldError(error: string, o: RenderOptions = {}): string[] {
  return wrap(error, o.width, '✗ ', '  ').map((l) => paint(o, 'red', l));
}

/**
 * One field's question: the label with its current value in [brackets], the
 * hint, whether it may stay empty, the numbered choices, the input format.
 */
export function renderFieldQuestion(field: Field, current: string | undefined, o: RenderOptions = {}, error?: string): string[] {
  const lines: string[] = [];
  const label = current !== undefined ? `${field.label} [${current}]` : field.label;
  lines.push(...wrap(label, o.width).map((l) => paint(o, 'bold', l)));
  if (error) lines.push(...renderFieldError(error, o).map((l) => `  ${l}`));
  const note = (s: string) => wrap(s, o.width, '  ').map((l) => paint(o, 'dim', l));
  if (field.hint) lines.push(...note(field.hint));
  if (field.kind === 'choice') {
    const numberWidth = String(field.choices.length).length;
    field.choices.forEach((c, i) => {
      const number = `[${String(i + 1).padStart(numberWidth)}]`;
      lines.push(...wrap(c.label, o.width, `  ${number} `, ' '.repeat(number.length + 3)).map((l, j) => (j === 0 ? l.replace(number, paint(o, 'cyan', number)) : l)));
    });
    lines.push(...note(field.multiple ? terminalMsg.chooseMany() : terminalMsg.chooseOne()));
  }
  if (field.kind === 'date') lines.push(...note(terminalMsg.dateFormat()));
  if (field.kind === 'number') lines.push(...note(terminalMsg.numberRange(field.min, field.max)));
  if (!field.required) lines.push(...note(current !== undefined ? terminalMsg.optionalClear() : terminalMsg.optional()));
  else if (current !== undefined) lines.push(...note(terminalMsg.keepInitial()));
  return lines;
}
