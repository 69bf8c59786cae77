/**
 * The contract between the conversation layer and the platforms. A platform
 * turns an incoming chat event into one of these calls and renders the view
 * it gets back; the conversation layer calls core use-cases and knows no
 * platform.
 */
import type { ActorRef, Clock, Delivery, StorePort, TaskGroup } from '../../core/index.js';
import type { ActionRef, FormId, FormValues, FormView, MessageView, View } from './view.js';

export type ChatChannel = 'slack' | 'teams' | 'terminal';

/** Who speaks, through which platform. */
export interface Turn {
  actor: ActorRef;
  channel: ChatChannel;
}

export type SubmitResult =
  /** The form was handled (saved, or refused as a whole): show this message instead of the form. */
  | { kind: 'done'; view: MessageView }
  /** Field errors: show the form again with `form.errors` on the fields, values kept as `initial`. */
  | { kind: 'invalid'; form: FormView };

/** The structured logger the bot uses (pino's shape). Never pass free text of cases in `obj` or `msg`. */
export interface BotLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface ConversationDeps {
  store: StorePort;
  clock: Clock;
  logger: BotLogger;
}

export interface Conversation {
  /** A typed message or slash-command text (`meld`, `signaal`, `mijn casussen`, `casus VC-2026-0001`, `help`, …). */
  text(turn: Turn, text: string): Promise<View>;
  /** A button press. */
  action(turn: Turn, action: ActionRef): Promise<View>;
  /**
   * Open a form, optionally prefilled (message shortcut: `{ sketch: <message text> }`).
   * Returns a message instead when the person may not use it (unknown, wrong role).
   */
  openForm(turn: Turn, formId: FormId, prefill?: FormValues, state?: Record<string, string>): Promise<View>;
  /**
   * Quick check of a submission without writing: input shape and the privacy
   * guard. Field errors by field id, or null. For platforms that must answer
   * within a deadline (Slack's 3 s ack).
   */
  check(turn: Turn, formId: FormId, values: FormValues, state: Record<string, string>): Promise<Record<string, string> | null>;
  /** Submit a form: runs the use-case. */
  submit(turn: Turn, formId: FormId, values: FormValues, state: Record<string, string>): Promise<SubmitResult>;
  /** The person's home: greeting, quick buttons, and their region's open cases (Slack App Home, Teams "mijn casussen"). */
  home(turn: Turn): Promise<MessageView>;
  /** The chat message for an outbox notification (pure: everything is in the delivery). */
  notification(delivery: Delivery): MessageView;
  /** The task-group check-in the scheduler sends to a first contact: buttons to report progress and to snooze. */
  checkIn(taskGroup: TaskGroup): MessageView;
}
