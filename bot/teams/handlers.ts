/**
 * What the bot does with each Teams activity, in terms of the conversation
 * layer: messages → `conversation.text`, card actions (Universal Actions
 * invoke, or a message-back submit from an older client) → `action` /
 * `submit`, the message action "Meld als vastgelopen casus" → the report
 * form prefilled in a dialog, the bot being added → a welcome. And on every
 * activity: who the person is (linking an unknown Teams account by e-mail)
 * and, in a one-to-one chat, where to reach them later.
 *
 * No SDK import: the SDK side (`index.ts`) hands in a `TurnIO` with the
 * activity and the few calls back to Teams, and sends the returned invoke
 * response. That keeps this logic testable with plain objects.
 */
import { LlaError, SYSTEM, linkChatIdentity, rememberTeamsAddress, whoAmI, type ActorRef, type Context } from '../../core/index.js';
import { teamsMsg } from '../../core/messages-chat/teams.js';
import type { Turn } from '../conversation/types.js';
import type { FormView, MessageView, View } from '../conversation/view.js';
import { errorName } from '../dispatcher.js';
import type { PlatformDeps } from '../platform.js';
import {
  CardActionValue,
  FetchTaskValue,
  MessageBackValue,
  SubmitActionValue,
  aadObjectIdOf,
  htmlToText,
  isPersonal,
  looksLikeHtml,
  messageText,
  tenantIdOf,
  type IncomingActivity,
} from './activity.js';
import { CANCEL_VERB, CARD_CONTENT_TYPE, isActionId, isFormId, parseSubmission, plainText, renderView, type AdaptiveCard } from './render.js';

/** The command id of the message action in the app manifest. */
export const MESSAGE_ACTION_ID = 'meldAlsCasus';

/** The sketch field's length in the report form; a longer chat message is cut before it prefills it. */
const PREFILL_MAX = 4000;

/** How long an unknown Teams account is not looked up again (member lookups cost a call to Teams). */
const UNKNOWN_TTL_MS = 10 * 60_000;
const UNKNOWN_MAX = 1000;

/** The turn as the handler sees it: the checked activity and the calls back to Teams. */
export interface TurnIO {
  activity: IncomingActivity;
  /** Send a card into the conversation. */
  send(card: AdaptiveCard, summary?: string): Promise<void>;
  /** Replace an earlier message of the bot (a card after a message-back submit). */
  update(activityId: string, card: AdaptiveCard): Promise<void>;
  /** The sender's e-mail address as Teams knows it (member lookup); undefined when Teams does not say. */
  memberEmail(): Promise<string | undefined>;
}

/** An invoke response: HTTP status and body. */
export interface InvokeReply {
  status: number;
  body?: unknown;
}

/** No Teams account in the activity: resolves to nobody, so the conversation refuses politely and discloses nothing. */
const NOBODY: ActorRef = { teamsAadObjectId: '' };

const cardReply = (card: AdaptiveCard): InvokeReply => ({ status: 200, body: { statusCode: 200, type: CARD_CONTENT_TYPE, value: card } });
const badRequest = (message: string): InvokeReply => ({
  status: 400,
  body: { statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'BadRequest', message } },
});

function notice(tone: MessageView['tone'], text: string, title?: string): MessageView {
  const view: MessageView = { kind: 'message', tone, text: [text] };
  if (title) view.title = title;
  return view;
}

export function createTurnHandler(deps: PlatformDeps, options: { localMode: boolean }) {
  const { conversation, logger } = deps;
  const unknownUntil = new Map<string, number>();

  const ctxFor = (actor: ActorRef): Context => ({ actor, channel: 'teams', clock: deps.clock, store: deps.store });

  /** Link an unknown Teams account to the person with its e-mail address. Returns whether it did. */
  async function link(io: TurnIO, aad: string): Promise<boolean> {
    const now = Date.now();
    const until = unknownUntil.get(aad);
    if (until !== undefined && until > now) return false;
    let email: string | undefined;
    try {
      email = await io.memberEmail();
    } catch (err) {
      // Local mode (Emulator) and chats the bot cannot read have no member lookup.
      logger.debug({ platform: 'teams', err: errorName(err) }, 'member lookup failed');
    }
    let personId: string | undefined;
    if (email) {
      try {
        const person = await linkChatIdentity(ctxFor(SYSTEM), { platform: 'teams', externalId: aad, email });
        personId = person?.id;
      } catch (err) {
        logger.warn({ platform: 'teams', err: errorName(err) }, 'linking a Teams account failed');
      }
    }
    if (!personId) {
      if (unknownUntil.size >= UNKNOWN_MAX) unknownUntil.clear();
      unknownUntil.set(aad, now + UNKNOWN_TTL_MS);
      return false;
    }
    unknownUntil.delete(aad);
    logger.info({ platform: 'teams', personId }, 'Teams account linked');
    deps.onChange();
    return true;
  }

  /** Who speaks, and (one-to-one chats) remember where to reach them. Never throws. */
  async function identify(io: TurnIO): Promise<ActorRef> {
    const a = io.activity;
    const aad = aadObjectIdOf(a, options.localMode);
    if (!aad) return NOBODY;
    const actor: ActorRef = { teamsAadObjectId: aad };
    const ctx = ctxFor(actor);
    const remember = async () => {
      if (!isPersonal(a, options.localMode)) {
        await whoAmI(ctx);
        return;
      }
      const tenantId = tenantIdOf(a);
      const wrote = await rememberTeamsAddress(ctx, {
        serviceUrl: a.serviceUrl,
        conversationId: a.conversation.id,
        channelId: a.channelId,
        botId: a.recipient.id,
        userId: a.from.id,
        ...(tenantId ? { tenantId } : {}),
      });
      if (wrote) {
        logger.info({ platform: 'teams', channelId: a.channelId }, 'Teams address stored');
        // Notifications waiting for someone the bot could not reach may go out now.
        deps.onChange();
      }
    };
    try {
      await remember();
    } catch (err) {
      if (!(err instanceof LlaError && err.code === 'unknownPerson')) {
        logger.warn({ platform: 'teams', err: errorName(err) }, 'storing the Teams address failed');
        return actor;
      }
      if (await link(io, aad)) {
        try {
          await remember();
        } catch (again) {
          logger.warn({ platform: 'teams', err: errorName(again) }, 'storing the Teams address failed');
        }
      }
    }
    return actor;
  }

  /** Run a conversation call; an unexpected failure becomes a polite message and a log line without content. */
  async function safely<T extends View>(what: string, fn: () => Promise<T>): Promise<T | MessageView> {
    try {
      return await fn();
    } catch (err) {
      logger.error({ platform: 'teams', what, err: errorName(err) }, 'conversation call failed');
      return notice('error', teamsMsg.unexpected());
    }
  }

  /** A card action by verb: a form submission, a conversation action, or cancel. */
  async function cardAction(turn: Turn, verb: string, data: Record<string, unknown>): Promise<View> {
    if (verb === CANCEL_VERB) return notice('info', teamsMsg.cancelledText(), teamsMsg.cancelledTitle());
    if (isFormId(verb)) {
      const submission = parseSubmission({ ...data, verb });
      if (!submission) return notice('warning', teamsMsg.unknownAction());
      return safely(`submit ${verb}`, async () => {
        const result = await conversation.submit(turn, submission.formId, submission.values, submission.state);
        if (result.kind === 'invalid') return result.form;
        deps.onChange();
        return result.view;
      });
    }
    if (isActionId(verb)) {
      const value = typeof data.value === 'string' ? data.value : '';
      return safely(`action ${verb}`, async () => {
        const view = await conversation.action(turn, { id: verb, value });
        deps.onChange();
        return view;
      });
    }
    return notice('warning', teamsMsg.unknownAction());
  }

  /**
   * Team channels and group chats get this notice instead of any view: a
   * region's cases, a form's confirmation or a help card with buttons would be
   * seen by everyone there (a Universal Action's answer replaces the card for
   * all). The message action still works there: its dialog is private.
   */
  const sharedChatNotice = (): MessageView => ({
    kind: 'message',
    tone: 'info',
    title: teamsMsg.sharedChatTitle(),
    text: [teamsMsg.sharedChatText(), teamsMsg.sharedChatMessageAction()],
  });

  async function onMessage(io: TurnIO, turn: Turn): Promise<void> {
    const a = io.activity;
    if (!isPersonal(a, options.localMode)) {
      await io.send(renderView(sharedChatNotice()));
      return;
    }
    const back = MessageBackValue.safeParse(a.value);
    if (back.success) {
      const card = renderView(await cardAction(turn, back.data.verb, back.data));
      if (a.replyToId) {
        try {
          await io.update(a.replyToId, card);
          return;
        } catch (err) {
          logger.debug({ platform: 'teams', err: errorName(err) }, 'card update failed; sending a new one');
        }
      }
      await io.send(card);
      return;
    }
    const view = await safely('text', () => conversation.text(turn, messageText(a)));
    await io.send(renderView(view), view.title);
  }

  async function onConversationUpdate(io: TurnIO, turn: Turn): Promise<void> {
    const a = io.activity;
    const botAdded = (a.membersAdded ?? []).some((m) => m.id === a.recipient.id);
    if (!botAdded) return;
    const view: View = isPersonal(a, options.localMode) ? await safely('home', () => conversation.home(turn)) : sharedChatNotice();
    await io.send(renderView(view), view.title);
  }

  const dialog = (form: FormView): InvokeReply => ({
    status: 200,
    body: {
      task: {
        type: 'continue',
        value: { title: form.title, width: 'large', height: 'large', card: { contentType: CARD_CONTENT_TYPE, content: renderView(form, 'dialog') } },
      },
    },
  });
  const dialogMessage = (view: MessageView): InvokeReply => ({ status: 200, body: { task: { type: 'message', value: plainText(view) } } });

  async function onInvoke(io: TurnIO, turn: Turn): Promise<InvokeReply> {
    const a = io.activity;
    switch (a.name) {
      case 'adaptiveCard/action': {
        const parsed = CardActionValue.safeParse(a.value);
        if (!parsed.success) return badRequest('invalid adaptiveCard/action value');
        const { verb, data } = parsed.data.action;
        if (!isPersonal(a, options.localMode)) return cardReply(renderView(sharedChatNotice()));
        return cardReply(renderView(await cardAction(turn, verb, data ?? {})));
      }
      case 'composeExtension/fetchTask': {
        const parsed = FetchTaskValue.safeParse(a.value);
        if (!parsed.success) return badRequest('invalid fetchTask value');
        if (parsed.data.commandId !== MESSAGE_ACTION_ID) return dialogMessage(notice('warning', teamsMsg.unknownAction()));
        const body = parsed.data.messagePayload?.body;
        const raw = body?.content ?? '';
        const text = (body?.contentType === 'html' || looksLikeHtml(raw) ? htmlToText(raw) : raw.trim()).slice(0, PREFILL_MAX);
        const view = await safely('openForm', () => conversation.openForm(turn, 'reportCase', text ? { sketch: text } : undefined));
        return view.kind === 'form' ? dialog(view) : dialogMessage(view);
      }
      case 'composeExtension/submitAction': {
        const parsed = SubmitActionValue.safeParse(a.value);
        if (!parsed.success) return badRequest('invalid submitAction value');
        const verb = parsed.data.data.verb;
        // Cancel closes the dialog: an empty answer.
        if (verb === CANCEL_VERB) return { status: 200 };
        if (typeof verb !== 'string') return badRequest('submitAction without verb');
        const view = await cardAction(turn, verb, parsed.data.data);
        return view.kind === 'form' ? dialog(view) : dialogMessage(view);
      }
      default:
        return { status: 501 };
    }
  }

  /** Handle one activity. Returns the invoke response for invokes, undefined otherwise. */
  return async function handle(io: TurnIO): Promise<InvokeReply | undefined> {
    const a = io.activity;
    const started = Date.now();
    const actor = await identify(io);
    const turn: Turn = { actor, channel: 'teams' };
    let reply: InvokeReply | undefined;
    if (a.type === 'message') await onMessage(io, turn);
    else if (a.type === 'invoke') reply = await onInvoke(io, turn);
    else if (a.type === 'conversationUpdate') await onConversationUpdate(io, turn);
    logger.debug({ platform: 'teams', type: a.type, name: a.name, status: reply?.status, ms: Date.now() - started }, 'activity handled');
    return reply;
  };
}
