/** Professional days and meetings (vakdagen, bijeenkomsten) with registrations, capacity and a waiting list. */
import { z } from 'zod';
import { guardText, isQuartermaster, mutate, parseInput, query, requireQuartermaster, type Context, type Tx } from '../context.js';
import { amsterdamDay, addDays, daysBetween, nextWorkingDay, nthWeekdayOfMonth } from '../dates.js';
import { forbidden, LlaError, notFound, validationError } from '../errors.js';
import { eventKindLabel, msg } from '../messages.js';
import { Audience, CalendarDate, EventKind, type EventKind as Kind, type LlaEvent, type Person, type Registration, type StoreData } from '../schema.js';
import { findPersonOrThrow } from './people.js';

const time = z.string().trim().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'tijd als uu:mm');

export const CreateEventInput = z.object({
  kind: EventKind,
  title: z.string().trim().min(3).max(200).optional(),
  date: CalendarDate,
  startTime: time.optional(),
  endTime: time.optional(),
  place: z.string().trim().min(2).max(200).optional(),
  capacity: z.coerce.number().int().min(1).max(10_000),
  audience: Audience.optional(),
  programme: z.string().trim().min(1).max(4000).optional(),
  registrationDeadline: CalendarDate.optional(),
});
export type CreateEventInput = z.input<typeof CreateEventInput>;

export function findEventOrThrow(data: StoreData, id: string): LlaEvent {
  const key = id.trim().toUpperCase();
  const e = data.events.find((x) => x.id === key);
  if (!e) throw notFound('Bijeenkomst', id, 'eventId');
  return e;
}

const DEFAULT_AUDIENCE: Record<Kind, z.infer<typeof Audience>> = {
  vakdagProcessDirectors: 'processDirectors',
  vakdagProviders: 'providers',
  duoMeeting: 'all',
  poolMeeting: 'pool',
  other: 'all',
};

function nextEventId(tx: Tx, date: string): string {
  const year = date.slice(0, 4);
  const seq = (tx.data.counters.eventByYear[year] ?? 0) + 1;
  tx.data.counters.eventByYear[year] = seq;
  return `EV-${year}-${String(seq).padStart(2, '0')}`;
}

function insertEvent(tx: Tx, p: z.output<typeof CreateEventInput>): LlaEvent {
  const today = amsterdamDay(tx.now);
  if (daysBetween(today, p.date) < 0) throw validationError('date', msg.dateInPast());
  if (p.registrationDeadline && daysBetween(p.registrationDeadline, p.date) < 0) {
    throw validationError('registrationDeadline', 'moet op of voor de datum van de bijeenkomst liggen');
  }
  if (p.startTime && p.endTime && p.endTime <= p.startTime) throw validationError('endTime', msg.timeOrder());
  guardText('title', p.title, tx.now);
  guardText('place', p.place, tx.now);
  guardText('programme', p.programme, tx.now);
  const event: LlaEvent = {
    id: nextEventId(tx, p.date),
    kind: p.kind,
    title: p.title ?? `${eventKindLabel[p.kind]} ${p.date.slice(0, 4)}`,
    date: p.date,
    capacity: p.capacity,
    audience: p.audience ?? DEFAULT_AUDIENCE[p.kind],
    registrations: [],
    status: 'planned',
    createdAt: tx.nowIso,
  };
  for (const key of ['startTime', 'endTime', 'place', 'programme', 'registrationDeadline'] as const) {
    const v = p[key];
    if (v !== undefined) event[key] = v;
  }
  tx.data.events.push(event);
  tx.audit('event.create', 'event', event.id, { kind: event.kind, date: event.date });
  return event;
}

export async function createEvent(ctx: Context, input: CreateEventInput): Promise<LlaEvent> {
  const parsed = parseInput(CreateEventInput, input);
  return mutate(ctx, (tx) => {
    requireQuartermaster(tx.actor, 'bijeenkomsten plannen');
    return insertEvent(tx, parsed);
  });
}

/**
 * The yearly cycle (seed 000, annex 2, task 3; pool meeting twice a year):
 * dates are proposals on a working day, to be adjusted with `updateEvent`.
 */
export function yearCycle(year: number): Array<z.output<typeof CreateEventInput>> {
  const thursday = 4;
  const tuesday = 2;
  const at = (month: number, dow: number, n: number) => nextWorkingDay(nthWeekdayOfMonth(year, month, dow, n));
  const make = (kind: Kind, date: string, capacity: number, title?: string) => ({
    kind,
    date,
    capacity,
    startTime: '09:30',
    endTime: '16:30',
    registrationDeadline: addDays(date, -14),
    ...(title ? { title } : {}),
  });
  return [
    { ...make('poolMeeting', at(3, tuesday, 2), 40, `Vergadering vaste schil voorjaar ${year}`), startTime: '13:30', endTime: '16:00' },
    make('vakdagProcessDirectors', at(4, thursday, 2), 120),
    make('vakdagProviders', at(5, thursday, 3), 120),
    { ...make('poolMeeting', at(9, tuesday, 2), 40, `Vergadering vaste schil najaar ${year}`), startTime: '13:30', endTime: '16:00' },
    make('duoMeeting', at(10, thursday, 2), 200),
  ];
}

export const PlanYearInput = z.object({ year: z.coerce.number().int().min(2024).max(2100) });

/** Plan a year's cycle of professional days and meetings. Refuses when the year already has them. */
export async function planYear(ctx: Context, input: z.input<typeof PlanYearInput>): Promise<LlaEvent[]> {
  const { year } = parseInput(PlanYearInput, input);
  return mutate(ctx, (tx) => {
    requireQuartermaster(tx.actor, 'het jaarprogramma plannen');
    const cycleKinds = new Set<Kind>(['vakdagProcessDirectors', 'vakdagProviders', 'duoMeeting', 'poolMeeting']);
    if (tx.data.events.some((e) => e.date.startsWith(`${year}-`) && cycleKinds.has(e.kind) && e.status === 'planned')) {
      throw new LlaError('conflict', msg.eventsPlanned(year));
    }
    const today = amsterdamDay(tx.now);
    const created = yearCycle(year)
      .filter((e) => daysBetween(today, e.date) >= 0)
      .map((e) => insertEvent(tx, e));
    return created;
  });
}

export const UpdateEventInput = z.object({
  eventId: z.string().trim().min(1),
  title: z.string().trim().min(3).max(200).optional(),
  date: CalendarDate.optional(),
  startTime: time.optional(),
  endTime: time.optional(),
  place: z.string().trim().min(2).max(200).optional(),
  capacity: z.coerce.number().int().min(1).max(10_000).optional(),
  programme: z.string().trim().min(1).max(4000).optional(),
  registrationDeadline: CalendarDate.optional(),
  cancelled: z.boolean().optional(),
});

export async function updateEvent(ctx: Context, input: z.input<typeof UpdateEventInput>): Promise<LlaEvent> {
  const parsed = parseInput(UpdateEventInput, input);
  return mutate(ctx, (tx) => {
    requireQuartermaster(tx.actor, 'bijeenkomsten wijzigen');
    const e = findEventOrThrow(tx.data, parsed.eventId);
    if (parsed.date && daysBetween(amsterdamDay(tx.now), parsed.date) < 0) throw validationError('date', msg.dateInPast());
    guardText('title', parsed.title, tx.now);
    guardText('place', parsed.place, tx.now);
    guardText('programme', parsed.programme, tx.now);
    const changed: string[] = [];
    for (const key of ['title', 'date', 'startTime', 'endTime', 'place', 'capacity', 'programme', 'registrationDeadline'] as const) {
      const v = parsed[key];
      if (v === undefined) continue;
      (e as Record<string, unknown>)[key] = v;
      changed.push(key);
    }
    if (parsed.cancelled !== undefined) {
      e.status = parsed.cancelled ? 'cancelled' : 'planned';
      changed.push('status');
    }
    if (e.startTime && e.endTime && e.endTime <= e.startTime) throw validationError('endTime', msg.timeOrder());
    if (e.registrationDeadline && daysBetween(e.registrationDeadline, e.date) < 0) {
      throw validationError('registrationDeadline', 'moet op of voor de datum van de bijeenkomst liggen');
    }
    if (e.status === 'planned') promoteFromWaitlist(tx, e);
    tx.audit('event.update', 'event', e.id, { fields: changed.join(',') });
    return e;
  });
}

export function registeredCount(e: LlaEvent): number {
  return e.registrations.filter((r) => r.status === 'registered').length;
}

export function waitlist(e: LlaEvent): Registration[] {
  return e.registrations.filter((r) => r.status === 'waitlisted').sort((a, b) => a.updatedAt.localeCompare(b.updatedAt));
}

/** Move people from the waiting list while there is room; each one is notified. */
function promoteFromWaitlist(tx: Tx, e: LlaEvent): void {
  for (const r of waitlist(e)) {
    if (registeredCount(e) >= e.capacity) break;
    r.status = 'registered';
    r.updatedAt = tx.nowIso;
    tx.notify('waitlistPromoted', r.personId, { eventId: e.id });
    tx.audit('event.promote', 'event', e.id, { personId: r.personId });
  }
}

export const RegistrationInput = z.object({
  eventId: z.string().trim().min(1),
  /** Someone else (quartermaster only); default: the actor. */
  personId: z.string().trim().min(1).optional(),
});

function registrant(tx: Tx, personId: string | undefined): string {
  const { actor } = tx;
  if (actor.kind !== 'person') throw forbidden('aanmelden');
  if (!personId) return actor.person.id;
  const p = findPersonOrThrow(tx.data, personId);
  if (p.id !== actor.person.id && !isQuartermaster(actor)) throw forbidden('iemand anders aan- of afmelden');
  return p.id;
}

export interface RegistrationResult {
  event: LlaEvent;
  status: Registration['status'];
  /** 1-based place on the waiting list, when waitlisted. */
  waitlistPosition?: number;
}

/** Register for an event; when it is full, the person goes on the waiting list. */
export async function registerForEvent(ctx: Context, input: z.input<typeof RegistrationInput>): Promise<RegistrationResult> {
  const parsed = parseInput(RegistrationInput, input);
  return mutate(ctx, (tx) => {
    const e = findEventOrThrow(tx.data, parsed.eventId);
    const personId = registrant(tx, parsed.personId);
    if (e.status === 'cancelled') throw new LlaError('conflict', msg.eventCancelled(e.id));
    const today = amsterdamDay(tx.now);
    if (daysBetween(today, e.date) < 0) throw new LlaError('conflict', msg.eventPast());
    if (e.registrationDeadline && daysBetween(e.registrationDeadline, today) > 0 && !isQuartermaster(tx.actor)) {
      throw new LlaError('conflict', msg.registrationClosed(e.registrationDeadline));
    }
    let reg = e.registrations.find((r) => r.personId === personId);
    if (reg && reg.status !== 'cancelled') throw new LlaError('conflict', msg.alreadyRegistered(reg.status === 'waitlisted'));
    const status: Registration['status'] = registeredCount(e) < e.capacity && waitlist(e).length === 0 ? 'registered' : 'waitlisted';
    if (reg) {
      reg.status = status;
      reg.updatedAt = tx.nowIso;
      reg.channel = tx.channel;
    } else {
      reg = { personId, status, at: tx.nowIso, updatedAt: tx.nowIso, channel: tx.channel };
      e.registrations.push(reg);
    }
    tx.audit('event.register', 'event', e.id, { personId, status });
    const result: RegistrationResult = { event: e, status };
    if (status === 'waitlisted') result.waitlistPosition = waitlist(e).findIndex((r) => r.personId === personId) + 1;
    return result;
  });
}

/** Cancel a registration; a freed place goes to the first on the waiting list. */
export async function cancelRegistration(ctx: Context, input: z.input<typeof RegistrationInput>): Promise<LlaEvent> {
  const parsed = parseInput(RegistrationInput, input);
  return mutate(ctx, (tx) => {
    const e = findEventOrThrow(tx.data, parsed.eventId);
    const personId = registrant(tx, parsed.personId);
    const reg = e.registrations.find((r) => r.personId === personId && r.status !== 'cancelled');
    if (!reg) throw new LlaError('conflict', msg.notRegistered());
    reg.status = 'cancelled';
    reg.updatedAt = tx.nowIso;
    reg.channel = tx.channel;
    tx.audit('event.cancelRegistration', 'event', e.id, { personId });
    if (e.status === 'planned' && daysBetween(amsterdamDay(tx.now), e.date) >= 0) promoteFromWaitlist(tx, e);
    return e;
  });
}

/** Whether a person belongs to an event's audience. */
export function inAudience(p: Person, audience: LlaEvent['audience']): boolean {
  switch (audience) {
    case 'processDirectors':
      return p.roles.includes('processDirector');
    case 'providers':
      return p.roles.includes('projectLead');
    case 'pool':
      return p.poolMember;
    case 'all':
      return true;
  }
}

export const AnnounceInput = z.object({ eventId: z.string().trim().min(1) });

export interface AnnounceResult {
  event: LlaEvent;
  /** People who get the announcement now. */
  announced: string[];
  /** In the audience but not announced again: announced before, or already registered or waitlisted. */
  skipped: number;
}

/**
 * Announce an event in chat to its audience (active people), with buttons to
 * register (not to the quartermaster who sends it). Quartermaster only; a
 * planned event that has not passed. Safe to
 * repeat: who was announced to before, or is registered already, is skipped,
 * so a second call reaches only people added since.
 */
export async function announceEvent(ctx: Context, input: z.input<typeof AnnounceInput>): Promise<AnnounceResult> {
  const parsed = parseInput(AnnounceInput, input);
  return mutate(ctx, (tx) => {
    requireQuartermaster(tx.actor, 'een bijeenkomst aankondigen');
    const e = findEventOrThrow(tx.data, parsed.eventId);
    if (e.status === 'cancelled') throw new LlaError('conflict', msg.eventCancelled(e.id));
    if (daysBetween(amsterdamDay(tx.now), e.date) < 0) throw new LlaError('conflict', msg.eventPast());
    const before = new Set(tx.data.outbox.filter((n) => n.kind === 'eventAnnounced' && n.params.eventId === e.id).map((n) => n.recipientId));
    const taken = new Set(e.registrations.filter((r) => r.status !== 'cancelled').map((r) => r.personId));
    const me = tx.actor.kind === 'person' ? tx.actor.person.id : undefined;
    const audience = tx.data.people.filter((p) => p.active && p.id !== me && inAudience(p, e.audience));
    const announced: string[] = [];
    for (const p of audience) {
      if (before.has(p.id) || taken.has(p.id)) continue;
      tx.notify('eventAnnounced', p.id, { eventId: e.id });
      announced.push(p.id);
    }
    tx.audit('event.announce', 'event', e.id, { audience: e.audience, announced: announced.length });
    return { event: e, announced, skipped: audience.length - announced.length };
  });
}

/** Events are open to every known person. */
export function listEvents(ctx: Context, options: { upcomingOnly?: boolean; year?: number } = {}): Promise<LlaEvent[]> {
  return query(ctx, (data, _actor, now) => {
    const today = amsterdamDay(now);
    return data.events
      .filter((e) => !options.upcomingOnly || (e.status === 'planned' && e.date >= today))
      .filter((e) => !options.year || e.date.startsWith(`${options.year}-`))
      .sort((a, b) => a.date.localeCompare(b.date))
      ;
  });
}

export function getEvent(ctx: Context, id: string): Promise<LlaEvent> {
  return query(ctx, (data) => findEventOrThrow(data, id));
}
