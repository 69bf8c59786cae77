/**
 * The parts of a Bot Framework activity the Teams front reads, checked with
 * zod (an activity is input from the network: nothing is trusted by shape),
 * and the text clean-up of incoming messages. No SDK import.
 */
import { z } from 'zod';

const Account = z.looseObject({
  id: z.string().min(1),
  name: z.string().optional(),
  aadObjectId: z.string().optional(),
});

/** What every activity must have before the bot looks at it; anything less is a 400. */
export const ActivitySchema = z.looseObject({
  type: z.string().min(1),
  id: z.string().optional(),
  serviceUrl: z.url(),
  channelId: z.string().min(1),
  from: Account,
  recipient: Account,
  conversation: z.looseObject({
    id: z.string().min(1),
    conversationType: z.string().optional(),
    tenantId: z.string().optional(),
  }),
  text: z.string().optional(),
  name: z.string().optional(),
  value: z.unknown().optional(),
  replyToId: z.string().optional(),
  entities: z.array(z.unknown()).optional(),
  channelData: z.unknown().optional(),
  membersAdded: z.array(Account).optional(),
});
export type IncomingActivity = z.infer<typeof ActivitySchema>;

/** `value` of an `adaptiveCard/action` invoke (Universal Actions). */
export const CardActionValue = z.looseObject({
  action: z.looseObject({
    type: z.literal('Action.Execute'),
    verb: z.string().min(1).max(100),
    data: z.record(z.string(), z.unknown()).optional(),
  }),
});

/** `value` of a `composeExtension/fetchTask` invoke (our message action). */
export const FetchTaskValue = z.looseObject({
  commandId: z.string(),
  commandContext: z.string().optional(),
  messagePayload: z
    .looseObject({
      body: z.looseObject({ content: z.string().optional(), contentType: z.string().optional() }).optional(),
    })
    .optional(),
});

/** `value` of a `composeExtension/submitAction` invoke: the dialog card's data. */
export const SubmitActionValue = z.looseObject({
  commandId: z.string(),
  data: z.record(z.string(), z.unknown()),
});

/** A message-back submit (Action.Submit from an older client): the card data with our verb. */
export const MessageBackValue = z.looseObject({ verb: z.string().min(1).max(100) });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The person's Entra (AAD) object id, lower case. In local mode the Bot
 * Framework Emulator sends none; its user id (a UUID, settable in the
 * Emulator) stands in for it, so people can be tried out locally by giving
 * them that id as their Teams id.
 */
export function aadObjectIdOf(activity: IncomingActivity, localMode: boolean): string | undefined {
  const aad = activity.from.aadObjectId?.trim();
  if (aad && UUID.test(aad)) return aad.toLowerCase();
  if (localMode && UUID.test(activity.from.id)) return activity.from.id.toLowerCase();
  return undefined;
}

/** Whether the activity comes from a one-to-one chat with the bot (the Emulator sends no conversation type). */
export function isPersonal(activity: IncomingActivity, localMode: boolean): boolean {
  const type = activity.conversation.conversationType;
  return type === 'personal' || (localMode && type === undefined);
}

/** The tenant, from the channel data (Teams) or the conversation. */
export function tenantIdOf(activity: IncomingActivity): string | undefined {
  const data = activity.channelData;
  if (typeof data === 'object' && data !== null && 'tenant' in data) {
    const tenant = (data as { tenant?: unknown }).tenant;
    if (typeof tenant === 'object' && tenant !== null && typeof (tenant as { id?: unknown }).id === 'string') return (tenant as { id: string }).id;
  }
  return activity.conversation.tenantId;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return safeCodePoint(parseInt(name.slice(2), 16), whole);
    if (name.startsWith('#')) return safeCodePoint(parseInt(name.slice(1), 10), whole);
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

function safeCodePoint(n: number, fallback: string): string {
  return Number.isInteger(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : fallback;
}

export const looksLikeHtml = (s: string) => /<\/?[a-z][^>]*>/i.test(s);

/** Teams message HTML to plain text: line breaks kept, tags dropped, entities decoded, blank runs squeezed. */
export function htmlToText(html: string): string {
  const withBreaks = html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|h[1-6]|tr|blockquote)\s*>/gi, '\n')
    .replace(/<[^>]*>/g, '');
  return decodeEntities(withBreaks)
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

interface Mention {
  type: 'mention';
  text?: string;
  mentioned?: { id?: string };
}
const isMention = (e: unknown): e is Mention => typeof e === 'object' && e !== null && (e as { type?: unknown }).type === 'mention';

/** The typed text without the bot's @mention (team and group chats) and without markup. */
export function messageText(activity: IncomingActivity): string {
  let t = activity.text ?? '';
  for (const e of activity.entities ?? []) {
    if (isMention(e) && e.mentioned?.id === activity.recipient.id && e.text) t = t.split(e.text).join(' ');
  }
  t = t.replace(/<at>[^<]*<\/at>/gi, ' ');
  const plain = looksLikeHtml(t) ? htmlToText(t) : t;
  return plain.replace(/\s+/g, ' ').trim();
}
