/**
 * Chat identities and addresses: how the bot links a chat account to a
 * person, remembers where to reach them in Teams, and gathers what it needs
 * to deliver the outbox. The bot calls these; it never reads the store itself.
 */
import { z } from 'zod';
import { mutate, parseInput, query, type Context } from '../context.js';
import { forbidden } from '../errors.js';
import {
  TeamsConversationSchema,
  type LlaEvent,
  type MonitorRound,
  type Notification,
  type Person,
  type Region,
  type StoreData,
  type StuckCase,
  type TaskGroup,
} from '../schema.js';
import { monitorRegions } from '../jobs.js';
import { buildSignalReport, type SignalReport } from '../report.js';
import { MAX_ATTEMPTS } from './outbox.js';
import { slackUserId, teamsAadObjectId } from './people.js';

export const LinkChatInput = z.discriminatedUnion('platform', [
  z.object({ platform: z.literal('slack'), externalId: slackUserId, email: z.string().trim().toLowerCase().pipe(z.email()) }),
  z.object({ platform: z.literal('teams'), externalId: teamsAadObjectId, email: z.string().trim().toLowerCase().pipe(z.email()) }),
]);
export type LinkChatInput = z.input<typeof LinkChatInput>;

/**
 * Link a chat account to the active person with that e-mail address, as the
 * platform reports it (Slack `users.info`, Teams member info). System actor
 * only (the bot, on first contact). Never overrides an account the
 * kwartiermaker set: a person who already has another id on that platform is
 * left alone. Returns the person the account now belongs to, or null.
 */
export async function linkChatIdentity(ctx: Context, input: LinkChatInput): Promise<Person | null> {
  const parsed = parseInput(LinkChatInput, input);
  const key = parsed.platform === 'slack' ? 'slackUserId' : 'teamsAadObjectId';
  return mutate(ctx, (tx) => {
    if (tx.actor.kind !== 'system') throw forbidden('chataccounts koppelen');
    const owner = tx.data.people.find((p) => p[key] === parsed.externalId);
    if (owner) return owner.active ? owner : null;
    const person = tx.data.people.find((p) => p.active && p.email.toLowerCase() === parsed.email);
    if (!person || person[key]) return null;
    person[key] = parsed.externalId;
    tx.audit('person.linkChat', 'person', person.id, { platform: parsed.platform });
    return person;
  });
}

export const TeamsAddressInput = TeamsConversationSchema.omit({ updatedAt: true });
export type TeamsAddressInput = z.input<typeof TeamsAddressInput>;

const sameAddress = (a: Omit<Person['teamsConversation'] & object, 'updatedAt'>, b: TeamsAddressInput) =>
  a.serviceUrl === b.serviceUrl &&
  a.conversationId === b.conversationId &&
  a.channelId === b.channelId &&
  a.botId === b.botId &&
  a.userId === b.userId &&
  a.tenantId === b.tenantId;

/**
 * Remember where the acting person talks to the bot in Teams, for proactive
 * messages. Writes only when the address changed, so a message costs no write.
 * Returns whether it wrote.
 */
export async function rememberTeamsAddress(ctx: Context, input: TeamsAddressInput): Promise<boolean> {
  const parsed = parseInput(TeamsAddressInput, input);
  const current = await query(ctx, (_data, actor) => (actor.kind === 'person' ? actor.person.teamsConversation : undefined));
  if (current && sameAddress(current, parsed)) return false;
  return mutate(ctx, (tx) => {
    if (tx.actor.kind !== 'person') throw forbidden('een Teams-adres vastleggen');
    const person = tx.actor.person;
    if (person.teamsConversation && sameAddress(person.teamsConversation, parsed)) return false;
    const address: NonNullable<Person['teamsConversation']> = { ...parsed, updatedAt: tx.nowIso };
    if (parsed.tenantId === undefined) delete address.tenantId;
    person.teamsConversation = address;
    tx.audit('person.teamsAddress', 'person', person.id, { channelId: parsed.channelId });
    return true;
  });
}

/** A notification with what the bot needs to address and render it, read in one go. */
export interface Delivery {
  notification: Notification;
  recipient: Person;
  case?: StuckCase;
  region?: Region;
  event?: LlaEvent;
  taskGroup?: TaskGroup;
  /** Monitor notifications: the round (`params.period`). */
  monitorRound?: MonitorRound;
  /** Monitor notifications: the started regions without figures in that round, now. */
  missingRegions?: Region[];
  /** Weekly digest and monthly report: the signal report of `params.from`–`params.to`, as of the notification's time. */
  report?: SignalReport;
}

function delivery(data: StoreData, notification: Notification, recipient: Person): Delivery {
  const d: Delivery = { notification, recipient };
  const { caseCode, eventId, taskGroupId, regionCode, period, from, to } = notification.params;
  if (typeof caseCode === 'string') {
    d.case = data.cases.find((c) => c.code === caseCode);
    d.region = data.regions.find((r) => r.code === d.case?.regionCode);
  } else if (typeof regionCode === 'string') {
    d.region = data.regions.find((r) => r.code === regionCode);
  }
  if (typeof period === 'string') {
    d.monitorRound = data.monitorRounds.find((m) => m.period === period);
    const submitted = new Set(d.monitorRound?.submissions.map((s) => s.regionCode));
    if (d.monitorRound) d.missingRegions = monitorRegions(data).filter((r) => !submitted.has(r.code));
  }
  if ((notification.kind === 'weeklyDigest' || notification.kind === 'monthlyReport') && typeof from === 'string' && typeof to === 'string') {
    d.report = buildSignalReport(data, { from, to, now: new Date(notification.createdAt) });
  }
  if (typeof eventId === 'string') d.event = data.events.find((e) => e.id === eventId);
  if (typeof taskGroupId === 'string') d.taskGroup = data.taskGroups.find((t) => t.id === taskGroupId);
  return d;
}

/**
 * Notifications not yet delivered (oldest first), each with its recipient
 * and subject. System actor only (the bot's dispatcher). Notifications for
 * people who are no longer active are left out.
 */
export function pendingDeliveries(ctx: Context, options: { limit?: number; ids?: string[] } = {}): Promise<Delivery[]> {
  return query(ctx, (data, actor) => {
    if (actor.kind !== 'system') throw forbidden('meldingen afleveren');
    const wanted = options.ids ? new Set(options.ids) : undefined;
    const out: Delivery[] = [];
    for (const n of data.outbox) {
      if (n.sentAt || n.attempts >= MAX_ATTEMPTS || (wanted && !wanted.has(n.id))) continue;
      const recipient = data.people.find((p) => p.id === n.recipientId);
      if (!recipient?.active) continue;
      out.push(delivery(data, n, recipient));
      if (options.limit && out.length >= options.limit) break;
    }
    return out;
  });
}

/**
 * The acting person's own notifications, newest first (sent or not), with
 * their subjects: the inbox of the terminal chat.
 */
export function myNotifications(ctx: Context, options: { limit?: number } = {}): Promise<Delivery[]> {
  return query(ctx, (data, actor) => {
    if (actor.kind !== 'person') return [];
    const limit = options.limit ?? 10;
    const mine = data.outbox.filter((n) => n.recipientId === actor.person.id).slice(-limit).reverse();
    return mine.map((n) => delivery(data, n, actor.person));
  });
}
