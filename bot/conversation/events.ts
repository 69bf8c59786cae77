/** Professional days and meetings in chat: the coming ones with places and waiting list, registering and cancelling. */
import {
  amsterdamDay,
  cancelRegistration,
  listEvents,
  msg,
  registeredCount,
  registerForEvent,
  waitlist,
  type LlaEvent,
} from '../../core/index.js';
import { convMsg } from '../../core/messages-bot.js';
import { button, ctxOf, facts, me, message } from './kit.js';
import { clip, LIMITS } from './limits.js';
import type { ConversationDeps, Turn } from './types.js';
import type { Button, Fact, ListItem, MessageView } from './view.js';

export type Mine = { status: 'registered' } | { status: 'waitlisted'; position: number } | { status: 'none' };

function myRegistration(e: LlaEvent, personId: string): Mine {
  const reg = e.registrations.find((r) => r.personId === personId && r.status !== 'cancelled');
  if (!reg) return { status: 'none' };
  if (reg.status === 'registered') return { status: 'registered' };
  return { status: 'waitlisted', position: waitlist(e).findIndex((r) => r.personId === personId) + 1 };
}

const registrationClosed = (e: LlaEvent, today: string) => !!e.registrationDeadline && e.registrationDeadline < today;

function eventFacts(e: LlaEvent, mine: Mine, today: string): Fact[] {
  const waiting = waitlist(e).length;
  const closed = registrationClosed(e, today);
  return facts(
    [convMsg.factDate(), convMsg.timeRange(e.date, e.startTime, e.endTime)],
    [convMsg.factPlace(), e.place],
    [convMsg.factPlaces(), convMsg.places(registeredCount(e), e.capacity)],
    [convMsg.factWaitlist(), waiting > 0 && convMsg.waitlistCount(waiting)],
    [
      convMsg.factDeadlineRegistration(),
      e.registrationDeadline && `${convMsg.timeRange(e.registrationDeadline)}${closed ? ` (${convMsg.registrationClosed()})` : ''}`,
    ],
    [
      convMsg.factMyRegistration(),
      mine.status === 'registered' ? convMsg.myRegistered() : mine.status === 'waitlisted' ? convMsg.myWaitlisted(mine.position) : convMsg.myNone(),
    ],
  );
}

function eventButtons(e: LlaEvent, mine: Mine, today: string): Button[] {
  if (mine.status !== 'none') return [button(convMsg.btnCancelRegistration(), 'event.cancel', e.id, 'danger')];
  return registrationClosed(e, today) ? [] : [button(convMsg.btnRegister(), 'event.register', e.id, 'primary')];
}

function eventItem(e: LlaEvent, personId: string, today: string): ListItem {
  const mine = myRegistration(e, personId);
  return { title: clip(e.title, LIMITS.itemTitle), facts: eventFacts(e, mine, today), buttons: eventButtons(e, mine, today) };
}

/** The coming events with places, waiting list and the person's own registration. */
export async function eventsView(deps: ConversationDeps, turn: Turn): Promise<MessageView> {
  const ctx = ctxOf(deps, turn);
  const person = await me(ctx);
  const events = await listEvents(ctx, { upcomingOnly: true });
  const today = amsterdamDay(deps.clock.now());
  if (events.length === 0) return message('info', [convMsg.noEvents()], { title: convMsg.eventsTitle() });
  return message('info', [], { title: convMsg.eventsTitle(), items: events.slice(0, LIMITS.items).map((e) => eventItem(e, person.id, today)) });
}

const eventsButton = () => button(convMsg.btnEvents(), 'events.list');

export async function registerAction(deps: ConversationDeps, turn: Turn, eventId: string): Promise<MessageView> {
  const ctx = ctxOf(deps, turn);
  const person = await me(ctx);
  const result = await registerForEvent(ctx, { eventId });
  const e = result.event;
  const today = amsterdamDay(deps.clock.now());
  const mine = myRegistration(e, person.id);
  const extra = { facts: eventFacts(e, mine, today), buttons: [...eventButtons(e, mine, today), eventsButton()] };
  if (result.status === 'waitlisted') {
    return message('info', [msg.registrationWaitlisted(e.title, result.waitlistPosition ?? 0), convMsg.waitlistedNext()], {
      title: convMsg.waitlistedTitle(),
      ...extra,
    });
  }
  return message('success', [msg.registrationConfirmed(e.title, e.date)], { title: convMsg.registeredTitle(), ...extra });
}

export async function cancelAction(deps: ConversationDeps, turn: Turn, eventId: string): Promise<MessageView> {
  const ctx = ctxOf(deps, turn);
  const person = await me(ctx);
  const e = await cancelRegistration(ctx, { eventId });
  const today = amsterdamDay(deps.clock.now());
  const mine = myRegistration(e, person.id);
  return message('success', [msg.registrationCancelled(e.title)], {
    title: convMsg.cancelledTitle(),
    facts: eventFacts(e, mine, today),
    buttons: [...eventButtons(e, mine, today), eventsButton()],
  });
}

/** Facts and the cancel button of an event for a notification (pure). */
export function eventNotice(e: LlaEvent, personId: string, today: string): { facts: Fact[]; buttons: Button[]; mine: Mine } {
  const mine = myRegistration(e, personId);
  return { facts: eventFacts(e, mine, today), buttons: eventButtons(e, mine, today), mine };
}
