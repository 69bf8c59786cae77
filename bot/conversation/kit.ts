/**
 * Small shared pieces of the conversation layer: the use-case context of a
 * turn, view builders (buttons, messages), the encoding of `form.open`
 * values, and turning any failure into a Dutch message (never a throw).
 */
import {
  LlaError,
  listPeople,
  listRegions,
  msg,
  SYSTEM,
  whoAmI,
  type Context,
  type Person,
  type Role,
} from '../../core/index.js';
import { convMsg } from '../../core/messages-bot.js';
import { clip, LIMITS } from './limits.js';
import type { ConversationDeps, Turn } from './types.js';
import type { ActionId, Button, Fact, FormId, MessageView } from './view.js';

export const FORM_IDS: ReadonlyArray<FormId> = ['reportCase', 'reportSignal', 'moveCase', 'progress', 'monitor'];

export function ctxOf(deps: ConversationDeps, turn: Turn): Context {
  return { actor: turn.actor, channel: turn.channel, clock: deps.clock, store: deps.store };
}

/** The acting person; unknown or inactive people get core's `unknownPerson` refusal. */
export async function me(ctx: Context): Promise<Person> {
  const person = await whoAmI(ctx);
  if (!person) throw new LlaError('unknownPerson', msg.unknownPerson());
  return person;
}

export const hasAnyRole = (p: Person, ...roles: Role[]) => p.roles.some((r) => roles.includes(r));
export const isQuartermaster = (p: Person) => hasAnyRole(p, 'quartermaster');
/** Who reports cases and signals (core decides; this only decides what to offer). */
export const canReport = (p: Person) => hasAnyRole(p, 'quartermaster', 'projectLead', 'processDirector');
export const firstName = (p: Person) => p.name.trim().split(/\s+/)[0] ?? p.name;

/** Region code → name, inactive ones included (old cases may sit in them). */
export async function regionNames(ctx: Context): Promise<Map<string, string>> {
  const regions = await listRegions(ctx, { includeInactive: true });
  return new Map(regions.map((r) => [r.code, r.name]));
}

export function button(label: string, id: ActionId, value = '', style?: Button['style']): Button {
  const b: Button = { label: clip(label, LIMITS.buttonLabel), action: { id, value } };
  if (style) b.style = style;
  return b;
}

/** `form.open` value: `formId` or `formId|key=value&key=value` (values URI-encoded). */
export function formOpenValue(formId: FormId, prefill: Record<string, string> = {}): string {
  const pairs = Object.entries(prefill).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`);
  return pairs.length > 0 ? `${formId}|${pairs.join('&')}` : formId;
}

export function parseFormOpenValue(value: string): { formId: FormId; prefill: Record<string, string> } | null {
  const [id = '', rest] = value.split('|', 2);
  const formId = FORM_IDS.find((f) => f === id.trim());
  if (!formId) return null;
  const prefill: Record<string, string> = {};
  for (const pair of (rest ?? '').split('&')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) continue;
    try {
      prefill[decodeURIComponent(pair.slice(0, eq))] = decodeURIComponent(pair.slice(eq + 1));
    } catch {
      return null;
    }
  }
  return { formId, prefill };
}

export const formButton = (label: string, formId: FormId, prefill?: Record<string, string>, style?: Button['style']) =>
  button(label, 'form.open', formOpenValue(formId, prefill), style);

export function message(tone: MessageView['tone'], text: string[], extra: Partial<Omit<MessageView, 'kind' | 'tone' | 'text'>> = {}): MessageView {
  const view: MessageView = { kind: 'message', tone, text: text.map((t) => clip(t, LIMITS.paragraph)) };
  if (extra.title) view.title = clip(extra.title, LIMITS.messageTitle);
  if (extra.facts && extra.facts.length > 0) view.facts = extra.facts.slice(0, LIMITS.facts).map(fitFact);
  if (extra.items && extra.items.length > 0) view.items = extra.items.slice(0, LIMITS.items);
  if (extra.buttons && extra.buttons.length > 0) view.buttons = extra.buttons.slice(0, LIMITS.buttons);
  return view;
}

export function fitFact(f: Fact): Fact {
  return { label: clip(f.label, LIMITS.factLabel), value: clip(f.value, LIMITS.factValue) };
}

/** Facts without the empty ones. */
export function facts(...pairs: Array<[string, string | undefined | null | false]>): Fact[] {
  return pairs.filter((p): p is [string, string] => typeof p[1] === 'string' && p[1] !== '').map(([label, value]) => fitFact({ label, value }));
}

/** The polite refusal for people the Coördinatiepunt does not know: core's sentence and whom to ask, nothing else. */
export async function unknownPersonView(deps: ConversationDeps, coreMessage: string): Promise<MessageView> {
  const text = [coreMessage];
  try {
    const system: Context = { actor: SYSTEM, channel: 'system', clock: deps.clock, store: deps.store };
    const quartermasters = await listPeople(system, { role: 'quartermaster' });
    if (quartermasters.length > 0) {
      text.push(convMsg.unknownContact(quartermasters.map((q) => convMsg.contact(q.name, q.email))));
    }
  } catch (err) {
    deps.logger.warn({ err: errName(err) }, 'quartermaster lookup failed');
  }
  return message('warning', text);
}

export function errName(err: unknown): string {
  if (err instanceof LlaError) return `${err.name}:${err.code}`;
  return err instanceof Error ? err.name : typeof err;
}

/** Any failure as a Dutch message. Unexpected errors are logged by name only (never their text: it may quote free text). */
export async function failureView(deps: ConversationDeps, err: unknown, where: Record<string, string>): Promise<MessageView> {
  if (err instanceof LlaError) {
    switch (err.code) {
      case 'unknownPerson':
        return unknownPersonView(deps, err.message);
      case 'storeBusy':
        deps.logger.warn({ err: errName(err), ...where }, 'store busy');
        return message('warning', [convMsg.busy()]);
      case 'storeInvalid':
        deps.logger.error({ err: errName(err), ...where }, 'store invalid');
        return message('error', [convMsg.unexpected()]);
      default:
        return message('warning', [err.message], { title: convMsg.notAllowedTitle() });
    }
  }
  deps.logger.error({ err: errName(err), ...where }, 'conversation failed');
  return message('error', [convMsg.unexpected()]);
}

/** Run a step of the conversation; a failure becomes a message. */
export async function guarded<T>(deps: ConversationDeps, where: Record<string, string>, fn: () => Promise<T>): Promise<T | MessageView> {
  try {
    return await fn();
  } catch (err) {
    return failureView(deps, err, where);
  }
}
