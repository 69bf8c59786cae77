/**
 * The terminal chat: the same conversation layer as Slack and Teams, read
 * line by line and rendered as text. Typed lines go to `conversation.text`;
 * numbered buttons are pressed by typing their number (or `knop 3`); forms
 * are asked field by field; `meldingen` shows the person's latest
 * notifications with their buttons; `stop`, `exit`, `quit` or the end of
 * input end the session.
 */
import { terminalMsg, terminalWords } from '../../core/messages-chat/terminal.js';
import type { Delivery } from '../../core/index.js';
import type { BotLogger, Conversation, Turn } from '../conversation/types.js';
import type { ActionRef, Field, FormValues, FormView, MessageView, View } from '../conversation/view.js';
import { displayValue, initialValue, initialValues, parseAnswer, type FieldValue } from './fields.js';
import type { LineReader } from './lines.js';
import { paint, renderFieldError, renderFieldQuestion, renderFormHeader, renderMessages, wrap, type RenderOptions } from './render.js';

export interface SessionOptions {
  conversation: Conversation;
  turn: Turn;
  reader: LineReader;
  /** Where the transcript goes (stdout). */
  write(text: string): void;
  render: RenderOptions;
  /** The person's latest notifications (core `myNotifications`), newest first. */
  notifications(): Promise<Delivery[]>;
  logger: BotLogger;
}

type Next = 'continue' | 'end';

const fold = (s: string) => s.trim().toLowerCase();
const isOneOf = (words: readonly string[], s: string) => words.includes(fold(s));
const BUTTON = new RegExp(`^(?:${terminalWords.button}\\s*)?(\\d{1,4})$`, 'i');

export class TerminalSession {
  /** What the numbers of the last shown buttons stand for (number n = index n - 1). */
  private buttons: ActionRef[] = [];
  private printed = false;
  private lastBlank = false;

  constructor(private readonly o: SessionOptions) {}

  /** Greeting, then lines until stop or the end of input. */
  async run(): Promise<void> {
    try {
      await this.home();
      for (;;) {
        this.gap();
        const line = await this.o.reader.read(paint(this.o.render, 'bold', terminalMsg.prompt()));
        if (line === null || (await this.handle(line)) === 'end') break;
      }
      this.say(terminalMsg.bye(), 'dim');
    } finally {
      this.o.reader.close(); // releases stdin, so the process can end
    }
  }

  /** The person's home, and (unless refused) how to go on. */
  async home(options: { usage?: boolean } = {}): Promise<void> {
    const home = await this.call('home', () => this.o.conversation.home(this.o.turn));
    if (home) this.showMessages([home]);
    if (options.usage !== false) this.say(terminalMsg.usage(), 'dim');
  }

  /** One line typed at the prompt. */
  async handle(line: string): Promise<Next> {
    const text = line.trim();
    if (text === '') return 'continue';
    if (isOneOf(terminalWords.stop, text)) return 'end';
    if (isOneOf(terminalWords.notifications, text)) {
      await this.notifications();
      return 'continue';
    }
    const press = BUTTON.exec(text);
    if (press) return this.press(Number(press[1]));
    const view = await this.call('text', () => this.o.conversation.text(this.o.turn, text));
    const next = await this.show(view);
    if (isOneOf(terminalWords.help, text)) this.say(terminalMsg.terminalHelp(), 'dim');
    return next;
  }

  private async press(n: number): Promise<Next> {
    if (this.buttons.length === 0) {
      this.say(terminalMsg.noButtons());
      return 'continue';
    }
    const action = this.buttons[n - 1];
    if (!action) {
      this.say(terminalMsg.unknownButton(n, this.buttons.length));
      return 'continue';
    }
    this.o.logger.debug({ action: action.id }, 'terminal.button');
    return this.show(await this.call('action', () => this.o.conversation.action(this.o.turn, action)));
  }

  private async notifications(): Promise<void> {
    const views = await this.call('notifications', async () => (await this.o.notifications()).map((d) => this.o.conversation.notification(d)));
    if (!views) return;
    if (views.length === 0) {
      this.say(terminalMsg.noNotifications());
      return;
    }
    this.say(terminalMsg.notificationsTitle(views.length), 'bold');
    this.showMessages(views);
  }

  private async show(view: View | null): Promise<Next> {
    if (!view) return 'continue';
    if (view.kind === 'form') return this.form(view);
    this.showMessages([view]);
    return 'continue';
  }

  private showMessages(views: MessageView[]): void {
    const r = renderMessages(views, this.o.render);
    this.block(r.lines);
    // Numbers stay with the buttons last shown; a message without buttons keeps them.
    if (r.buttons.length > 0) this.buttons = r.buttons;
  }

  // Forms ----------------------------------------------------------------------

  /**
   * Ask a form field by field, submit it, and on field errors ask again only
   * the fields with errors (the other answers kept) until it is done, cancelled
   * (`annuleer`) or input ends.
   */
  private async form(first: FormView): Promise<Next> {
    let form = first;
    let values: FormValues = initialValues(form.fields);
    let ask: Field[] = form.fields;
    this.block(renderFormHeader(form, this.o.render));
    for (;;) {
      const errors = form.errors ?? {};
      for (const field of ask) {
        // A refused answer is not offered again as the Enter default (nor repeated on screen): it is asked afresh.
        const error = errors[field.id];
        const answer = await this.askField(field, error ? undefined : values[field.id], error);
        if (answer === 'cancel' || answer === 'end') {
          this.say(terminalMsg.formCancelled());
          return answer === 'end' ? 'end' : 'continue';
        }
        if (answer.value === undefined) delete values[field.id];
        else values[field.id] = answer.value;
      }
      const submitted = values;
      const result = await this.call('submit', () => this.o.conversation.submit(this.o.turn, form.formId, submitted, form.state));
      if (!result) return 'continue';
      if (result.kind === 'done') {
        this.showMessages([result.view]);
        return 'continue';
      }
      // Keep what was answered; a field new to the form starts from its initial value.
      const answered = new Set(form.fields.map((f) => f.id));
      form = result.form;
      values = {};
      for (const f of form.fields) {
        const v = answered.has(f.id) ? submitted[f.id] : initialValue(f);
        if (v !== undefined) values[f.id] = v;
      }
      const wrong = form.fields.filter((f) => form.errors?.[f.id]);
      this.o.logger.debug({ formId: form.formId, fields: wrong.map((f) => f.id) }, 'terminal.formInvalid');
      this.block([
        paint(this.o.render, 'bold', terminalMsg.fixFields()),
        ...(form.error ? renderFieldError(form.error, this.o.render) : []),
      ]);
      ask = wrong.length > 0 ? wrong : form.fields;
      if (ask.length === 0) return 'continue'; // nothing to correct: the message above is all there is
    }
  }

  private async askField(field: Field, current: FieldValue, error: string | undefined): Promise<{ value: FieldValue } | 'cancel' | 'end'> {
    this.block(renderFieldQuestion(field, displayValue(field, current), this.o.render, error));
    for (;;) {
      const line = await this.o.reader.read(terminalMsg.fieldPrompt());
      this.lastBlank = false;
      if (line === null) return 'end';
      if (isOneOf(terminalWords.cancel, line)) return 'cancel';
      const answer = parseAnswer(field, line, current);
      if (answer.ok) return { value: answer.value };
      this.write(renderFieldError(answer.error, this.o.render));
    }
  }

  // Output ---------------------------------------------------------------------

  /** Run a conversation call; a failure is shown in Dutch and logged without free text. */
  private async call<T>(what: string, fn: () => Promise<T> | T): Promise<T | null> {
    try {
      return await fn();
    } catch (error) {
      const e = error instanceof Error ? error : new Error(String(error));
      const code = 'code' in e && typeof e.code === 'string' ? e.code : undefined;
      // Frames only: the first line of a stack is the message, which may quote what was typed.
      this.o.logger.error({ what, err: e.name, code, stack: e.stack?.split('\n').slice(1).join('\n') }, 'terminal.turnFailed');
      // A core refusal carries a Dutch text meant for the person; anything else gets the general one.
      const shown = e.name === 'LlaError' && code ? e.message : terminalMsg.somethingWrong();
      this.showMessages([{ kind: 'message', tone: 'error', text: [shown] }]);
      return null;
    }
  }

  private write(lines: string[]): void {
    if (lines.length === 0) return;
    this.o.write(`${lines.join('\n')}\n`);
    this.printed = true;
    this.lastBlank = lines[lines.length - 1] === '';
  }

  /** Lines of the terminal's own, wrapped (keeping each line's indent), as a block. */
  private say(text: string | readonly string[], style?: 'bold' | 'dim'): void {
    const lines = (typeof text === 'string' ? [text] : text).flatMap((line) => {
      const indent = /^\s*/.exec(line)![0];
      return wrap(line, this.o.render.width, indent, `${indent}  `);
    });
    this.block(lines.map((l) => (style ? paint(this.o.render, style, l) : l)));
  }

  /** A block of output, set off from the previous one by a blank line. */
  private block(lines: string[]): void {
    if (lines.length === 0) return;
    this.gap();
    this.write(lines);
  }

  private gap(): void {
    if (this.printed && !this.lastBlank) this.write(['']);
  }
}

/** Run a terminal chat session to its end. */
export function runSession(o: SessionOptions): Promise<void> {
  return new TerminalSession(o).run();
}
