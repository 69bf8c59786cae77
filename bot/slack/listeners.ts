/**
 * The Bolt listeners: every Slack interaction becomes one call on the
 * Conversation, and its view is rendered back in the right place. Slack
 * wants an answer within 3 seconds, so each listener acknowledges first or
 * races the slow part against a deadline and finishes after the ack.
 *
 *   /lla <tekst>                 → conversation.text → modal (views.open) or ephemeral answer
 *   shortcut lla_meld            → openForm reportCase → modal
 *   message shortcut lla_meld_bericht → openForm reportCase {sketch} → modal
 *   button (action_id = ActionId) → conversation.action → modal, or a message in place
 *   view_submission (callback_id = form id) → check → submit → update the modal
 *   app_home_opened              → conversation.home → views.publish
 *   direct message               → conversation.text → reply in the DM
 */
import type { App, BlockAction, ButtonAction, SlackViewAction } from '@slack/bolt';
import { slackMsg } from '../../core/messages-chat/slack.js';
import type { BotLogger, Conversation, SubmitResult, Turn } from '../conversation/types.js';
import type { ActionRef, FormValues, FormView, MessageView, View } from '../conversation/view.js';
import type { WorkGate } from '../work-gate.js';
import { errorSummary } from './errors.js';
import type { Identity } from './identity.js';
import {
  ACTION_ID_PATTERN,
  decodeAction,
  errorsAck,
  isFormId,
  readFormState,
  readFormValues,
  renderHome,
  renderMessage,
  renderMessageModal,
  renderModal,
  renderOpenFormPrompt,
  renderSavingModal,
  unescapeMrkdwn,
} from './render.js';

export const COMMAND = '/lla';
export const SHORTCUT_REPORT = 'lla_meld';
export const SHORTCUT_MESSAGE = 'lla_meld_bericht';

export interface SlackRuntime {
  conversation: Conversation;
  identity: Identity;
  logger: BotLogger;
  onChange(): void;
  /** How long a listener waits for the conversation before it acknowledges without the result (Slack allows 3 s). */
  ackDeadlineMs: number;
  /** What acknowledged listeners compute (identity, conversation) passes this gate, so acks of requests arriving together go out first. */
  gate: WorkGate;
}

type Client = App['client'];

/** Actions that change state: their answer replaces the message the button was on. */
const CHANGES: ReadonlySet<string> = new Set(['case.move', 'event.register', 'event.cancel', 'taskGroup.snooze']);

type Raced<T> = { done: true; value: T } | { done: false };

/** The promise's value if it settles within `ms`; a rejection within `ms` rejects. */
async function within<T>(promise: Promise<T>, ms: number): Promise<Raced<T>> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<Raced<T>>((resolve) => {
    timer = setTimeout(() => resolve({ done: false }), Math.max(0, ms));
  });
  try {
    return await Promise.race([promise.then((value): Raced<T> => ({ done: true, value })), late]);
  } finally {
    clearTimeout(timer);
  }
}

const failure = (): MessageView => ({ kind: 'message', tone: 'error', text: [slackMsg.unexpected()] });

/** A form's errors as a message, for when the form itself can no longer be shown. */
const formErrorsMessage = (form: FormView): MessageView => ({
  kind: 'message',
  tone: 'warning',
  title: form.title,
  text: [form.error ?? slackMsg.formErrorsIntro(), ...Object.values(form.errors ?? {})],
});

const succeeded = (view: View) => view.kind === 'form' || view.tone !== 'error';

export function registerListeners(app: App, rt: SlackRuntime): void {
  const { conversation, identity, logger, gate } = rt;

  const fail = (where: string, err: unknown) => logger.error({ platform: 'slack', where, err: errorSummary(err) }, 'slack listener failed');
  const remaining = (started: number) => rt.ackDeadlineMs - (Date.now() - started);

  /** Open a view where only a trigger_id is at hand: a form as its modal, a message in a modal. */
  async function openView(client: Client, triggerId: string, view: View, push = false): Promise<void> {
    const modal = view.kind === 'form' ? renderModal(view) : renderMessageModal(view);
    if (push) await client.views.push({ trigger_id: triggerId, view: modal });
    else await client.views.open({ trigger_id: triggerId, view: modal });
  }

  // Slash command -------------------------------------------------------

  app.command(COMMAND, async ({ command, ack, respond, client }) => {
    // Ack at once, before any work: Slack's 3 s hold no matter how busy the store is; the work
    // passes the gate, so the acks of many simultaneous commands do not queue behind it.
    // The answer follows through response_url (messages) or views.open (forms).
    await ack();
    const started = Date.now();
    try {
      const view = await gate.run(async () => conversation.text(await identity.turnFor(command.user_id, client), command.text ?? ''));
      if (view.kind === 'form') {
        try {
          await openView(client, command.trigger_id, view);
        } catch (err) {
          // The trigger expired (slow turn): offer a button that opens the form.
          logger.warn({ platform: 'slack', where: 'command.views.open', err: errorSummary(err) }, 'modal not opened');
          await respond({ response_type: 'ephemeral', ...renderOpenFormPrompt(view) });
        }
      } else {
        await respond({ response_type: 'ephemeral', ...renderMessage(view) });
      }
      logger.info({ platform: 'slack', kind: 'command', view: view.kind, ms: Date.now() - started }, 'slash command handled');
    } catch (err) {
      fail('command', err);
      await respond({ response_type: 'ephemeral', ...renderMessage(failure()) }).catch((e: unknown) => fail('command.respond', e));
    }
  });

  // Shortcuts -----------------------------------------------------------

  app.shortcut({ callback_id: SHORTCUT_REPORT, type: 'shortcut' }, async ({ shortcut, ack, client }) => {
    await ack();
    try {
      const form = await gate.run(async () => conversation.openForm(await identity.turnFor(shortcut.user.id, client), 'reportCase'));
      await openView(client, shortcut.trigger_id, form);
    } catch (err) {
      fail('shortcut', err);
    }
  });

  app.shortcut({ callback_id: SHORTCUT_MESSAGE, type: 'message_action' }, async ({ shortcut, ack, client }) => {
    await ack();
    try {
      const text = unescapeMrkdwn(shortcut.message.text ?? '').trim();
      const prefill: FormValues = text ? { sketch: text } : {};
      const form = await gate.run(async () => conversation.openForm(await identity.turnFor(shortcut.user.id, client), 'reportCase', prefill));
      await openView(client, shortcut.trigger_id, form);
    } catch (err) {
      fail('messageShortcut', err);
    }
  });

  // Buttons -------------------------------------------------------------

  /** A message answer to a button, in the place the button was. */
  async function answerAction(client: Client, body: BlockAction, turn: Turn, ref: ActionRef, view: MessageView, respond: (msg: object) => Promise<unknown>): Promise<void> {
    const replace = CHANGES.has(ref.id);
    const rendered = renderMessage(view);
    const container = body.container as { type?: string; is_ephemeral?: boolean } | undefined;
    if (body.view && container?.type === 'view') {
      if (body.view.type === 'home') {
        await client.views.open({ trigger_id: body.trigger_id, view: renderMessageModal(view) });
        if (replace) await publishHome(client, body.user.id, turn);
      } else {
        await client.views.update({ view_id: body.view.id, view: renderMessageModal(view, body.view.title.text) });
      }
      return;
    }
    if (container?.is_ephemeral || !body.message || !body.channel) {
      await respond({ response_type: 'ephemeral', replace_original: replace, ...rendered });
      return;
    }
    if (replace) await client.chat.update({ channel: body.channel.id, ts: body.message.ts, ...rendered });
    else await client.chat.postMessage({ channel: body.channel.id, ...rendered });
  }

  app.action<BlockAction<ButtonAction>>(ACTION_ID_PATTERN, async ({ ack, body, action, client, respond }) => {
    await ack();
    const ref = decodeAction(action.action_id, action.value);
    if (!ref) return;
    const started = Date.now();
    try {
      const { turn, view } = await gate.run(async () => {
        const turn = await identity.turnFor(body.user.id, client);
        return { turn, view: await conversation.action(turn, ref) };
      });
      if (view.kind === 'form') await openView(client, body.trigger_id, view, body.view?.type === 'modal');
      else await answerAction(client, body, turn, ref, view, respond);
      if (succeeded(view) && view.kind === 'message') rt.onChange();
      logger.info({ platform: 'slack', kind: 'action', action: ref.id, view: view.kind, ms: Date.now() - started }, 'button handled');
    } catch (err) {
      fail(`action ${ref.id}`, err);
    }
  });

  // Form submission -----------------------------------------------------

  /** The ack for a finished submit: the result in the modal, or the form again with its errors. */
  function resultAck(result: SubmitResult, title: string, blockIds: string[]) {
    if (result.kind === 'done') return { response_action: 'update' as const, view: renderMessageModal(result.view, title) };
    return formAgain(result.form, blockIds);
  }

  /** Field errors Slack can show on the fields, else the form rendered again with the errors on top. */
  function formAgain(form: FormView, blockIds: string[]) {
    const errors = form.errors ?? {};
    const onFields = !form.error && Object.keys(errors).length > 0 && Object.keys(errors).every((id) => blockIds.includes(id));
    return onFields ? errorsAck(errors, blockIds) : { response_action: 'update' as const, view: renderModal(form) };
  }

  app.view<SlackViewAction>({ type: 'view_submission' }, async ({ ack, body, view, client }) => {
    const started = Date.now();
    const formId = view.callback_id;
    if (!isFormId(formId)) {
      await ack();
      return;
    }
    const title = view.title.text;
    const blockIds = view.blocks.flatMap((b) => (b.type === 'input' && 'block_id' in b && b.block_id ? [b.block_id] : []));
    let acked = false;
    try {
      const values = readFormValues(view.state.values);
      const state = readFormState(view.private_metadata);
      const turning = identity.turnFor(body.user.id, client);
      const checking = turning.then((turn) => conversation.check(turn, formId, values, state));
      const checked = await within(checking, remaining(started));
      if (checked.done && checked.value && Object.keys(checked.value).length > 0) {
        acked = true;
        await ack(errorsAck(checked.value, blockIds));
        logger.info({ platform: 'slack', kind: 'submit', formId, outcome: 'fieldErrors', fields: Object.keys(checked.value), ms: Date.now() - started }, 'form checked');
        return;
      }
      let pending: Promise<SubmitResult> | undefined;
      if (checked.done) {
        pending = conversation.submit(await turning, formId, values, state);
        const early = await within(pending, remaining(started));
        if (early.done) {
          acked = true;
          await ack(resultAck(early.value, title, blockIds));
          if (early.value.kind === 'done' && succeeded(early.value.view)) rt.onChange();
          logger.info({ platform: 'slack', kind: 'submit', formId, outcome: early.value.kind, ms: Date.now() - started }, 'form submitted');
          return;
        }
      }
      // Too slow for Slack's 3 s: show "saving" now, the result when it is there.
      acked = true;
      await ack({ response_action: 'update', view: renderSavingModal(title) });
      // A late check needs no answer of its own: submit checks again and returns the form with its errors.
      const result = await (pending ?? checking.then(async () => conversation.submit(await turning, formId, values, state))).catch((err: unknown): SubmitResult => {
        fail(`submit ${formId}`, err);
        return { kind: 'done', view: failure() };
      });
      if (result.kind === 'done' && succeeded(result.view)) rt.onChange();
      const next = result.kind === 'done' ? renderMessageModal(result.view, title) : renderModal(result.form);
      try {
        await client.views.update({ view_id: view.id, view: next });
      } catch (err) {
        // The modal was closed meanwhile: the result still reaches the person, as a direct message.
        logger.warn({ platform: 'slack', where: 'submit.views.update', err: errorSummary(err) }, 'modal not updated; sending the result as a message');
        await client.chat.postMessage({ channel: body.user.id, ...renderMessage(result.kind === 'done' ? result.view : formErrorsMessage(result.form)) });
      }
      logger.info({ platform: 'slack', kind: 'submit', formId, outcome: result.kind, late: true, ms: Date.now() - started }, 'form submitted');
    } catch (err) {
      fail(`submit ${formId}`, err);
      if (!acked) await ack({ response_action: 'update', view: renderMessageModal(failure(), title) });
    }
  });

  // App Home ------------------------------------------------------------

  async function publishHome(client: Client, userId: string, turn: Turn): Promise<void> {
    const home = await gate.run(() => conversation.home(turn));
    await client.views.publish({ user_id: userId, view: renderHome(home) });
  }

  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== 'home') return;
    try {
      await publishHome(client, event.user, await gate.run(() => identity.turnFor(event.user, client)));
    } catch (err) {
      fail('home', err);
    }
  });

  // Direct messages -----------------------------------------------------

  app.message(async ({ message, client }) => {
    if (message.channel_type !== 'im' || ('subtype' in message && message.subtype !== undefined)) return;
    if (('bot_id' in message && message.bot_id) || !('user' in message) || !message.user) return;
    try {
      const user = message.user;
      const view = await gate.run(async () => conversation.text(await identity.turnFor(user, client), unescapeMrkdwn(message.text ?? '')));
      const reply = view.kind === 'form' ? renderOpenFormPrompt(view) : renderMessage(view);
      await client.chat.postMessage({ channel: message.channel, ...reply });
    } catch (err) {
      fail('message', err);
    }
  });
}
