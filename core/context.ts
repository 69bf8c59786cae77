/**
 * What every use-case receives as `ctx`: who acts, through which channel,
 * the clock and the store. And the small machinery every use-case shares:
 * resolving the actor from fresh data, authorization, the privacy guard on
 * free text, audit entries and outbox notifications, all inside one
 * transaction.
 */
import type { z } from 'zod';
import type { Clock } from './dates.js';
import { forbidden, fromZodError, LlaError, notFound, PrivacyError, validationError } from './errors.js';
import { msg } from './messages.js';
import { maskMatch, scanForIdentifiers } from './privacy.js';
import type { AuditEntry, Channel, Notification, Person, Role, StoreData } from './schema.js';
import type { StorePort } from './store.js';

/** How a front names the acting person; resolved against fresh data in every use-case. */
export type ActorRef =
  | { personId: string }
  | { email: string }
  | { slackUserId: string }
  | { teamsAadObjectId: string }
  | { system: true };

export interface Context {
  actor: ActorRef;
  channel: Channel;
  clock: Clock;
  store: StorePort;
}

/** The system actor (scheduler, maintenance): may do what the scheduler does, nothing more. */
export const SYSTEM: ActorRef = { system: true };

export type Actor = { kind: 'person'; person: Person } | { kind: 'system' };

export function findPerson(data: StoreData, ref: ActorRef): Person | undefined {
  if ('personId' in ref) return data.people.find((p) => p.id === ref.personId);
  if ('email' in ref) return data.people.find((p) => p.email.toLowerCase() === ref.email.trim().toLowerCase());
  if ('slackUserId' in ref) return data.people.find((p) => p.slackUserId === ref.slackUserId);
  if ('teamsAadObjectId' in ref) return data.people.find((p) => p.teamsAadObjectId === ref.teamsAadObjectId);
  return undefined;
}

/** The acting person, or a refusal that discloses nothing. */
export function resolveActor(data: StoreData, ref: ActorRef): Actor {
  if ('system' in ref) return { kind: 'system' };
  const person = findPerson(data, ref);
  if (!person) throw new LlaError('unknownPerson', msg.unknownPerson());
  if (!person.active) throw new LlaError('unknownPerson', msg.inactivePerson());
  return { kind: 'person', person };
}

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return actor.kind === 'person' && actor.person.roles.some((r) => roles.includes(r));
}

export const isQuartermaster = (a: Actor) => hasRole(a, 'quartermaster');
export const isAmbassador = (a: Actor) => hasRole(a, 'ambassador');
/** Quartermaster and ambassadors read everything. */
export const readsEverything = (a: Actor) => a.kind === 'system' || hasRole(a, 'quartermaster', 'ambassador');
/** Project leads and process directors report for their own region. */
export const isRegional = (a: Actor) => hasRole(a, 'projectLead', 'processDirector');

export function requireQuartermaster(actor: Actor, what: string): void {
  if (!isQuartermaster(actor)) throw forbidden(what);
}

/** Read access to a region's cases and figures. */
export function canReadRegion(actor: Actor, regionCode: string): boolean {
  if (readsEverything(actor)) return true;
  return actor.kind === 'person' && isRegional(actor) && actor.person.regionCode === regionCode;
}

export function requireRegionAccess(actor: Actor, regionCode: string): void {
  if (!canReadRegion(actor, regionCode)) throw new LlaError('forbidden', msg.forbiddenOtherRegion());
}

/**
 * The region a report (case, signal) is for: the requested one, else the
 * reporter's own. Project leads and process directors report only for their
 * own region; the quartermaster for any. Returns the reporting person too.
 */
export function reportingRegion(tx: Tx, requested: string | undefined, what: string): { person: Person; regionCode: string } {
  const { actor } = tx;
  if (actor.kind !== 'person' || !(isQuartermaster(actor) || isRegional(actor))) throw forbidden(what);
  const regionCode = requested ?? actor.person.regionCode;
  if (!regionCode) throw validationError('regionCode', 'ontbreekt');
  if (!tx.data.regions.some((r) => r.code === regionCode)) throw notFound('Regio', regionCode, 'regionCode');
  if (!isQuartermaster(actor)) requireRegionAccess(actor, regionCode);
  return { person: actor.person, regionCode };
}

export function actorId(actor: Actor): string {
  return actor.kind === 'person' ? actor.person.id : 'system';
}

/** Validate use-case input; a failure is a Dutch validation error naming the fields. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw fromZodError(parsed.error);
  return parsed.data;
}

/**
 * The privacy guard: refuse free text that looks like it identifies a client.
 * Runs inside every use-case that accepts free text, so no front can skip it.
 */
export function guardText(field: string, text: string | undefined, now: Date): void {
  if (text === undefined || text === '') return;
  const findings = scanForIdentifiers(text, now);
  if (findings.length === 0) return;
  const kinds = [...new Set(findings.map((f) => f.kind))];
  const examples = findings.slice(0, 3).map((f) => maskMatch(f.match));
  throw new PrivacyError(field, kinds, examples);
}

/** Everything a use-case needs inside its transaction. */
export interface Tx {
  data: StoreData;
  actor: Actor;
  now: Date;
  nowIso: string;
  channel: Channel;
  audit(action: string, entityType: AuditEntry['entityType'], entityId: string, details?: AuditEntry['details']): void;
  notify(kind: Notification['kind'], recipientId: string, params: Notification['params']): void;
}

/**
 * Run a change: one transaction in which the actor is resolved from fresh
 * data, `fn` checks and changes state, and audit entries and notifications
 * are appended. If `fn` throws, nothing is written.
 */
export function mutate<T>(ctx: Context, fn: (tx: Tx) => T): Promise<T> {
  return ctx.store.transact((data) => {
    const now = ctx.clock.now();
    const nowIso = now.toISOString();
    const actor = resolveActor(data, ctx.actor);
    const tx: Tx = {
      data,
      actor,
      now,
      nowIso,
      channel: ctx.channel,
      audit(action, entityType, entityId, details) {
        data.counters.audit += 1;
        const entry: AuditEntry = { seq: data.counters.audit, at: nowIso, actorId: actorId(actor), channel: ctx.channel, action, entityType, entityId };
        if (details) entry.details = details;
        data.audit.push(entry);
      },
      notify(kind, recipientId, params) {
        data.counters.notification += 1;
        data.outbox.push({
          id: `N-${String(data.counters.notification).padStart(6, '0')}`,
          kind,
          recipientId,
          createdAt: nowIso,
          params,
          attempts: 0,
        });
      },
    };
    return fn(tx);
  });
}

/** Run a read: fresh data and the resolved actor, no lock. */
export async function query<T>(ctx: Context, fn: (data: StoreData, actor: Actor, now: Date) => T): Promise<T> {
  const data = await ctx.store.read();
  const actor = resolveActor(data, ctx.actor);
  return fn(data, actor, ctx.clock.now());
}
