/**
 * Fixture for conversation-layer tests: the core fixture (MemoryStore, fake
 * clock, people), a conversation on it, a turn per person, and a logger that
 * records calls. Every view the conversation returns is checked against the
 * common view limits, so no test can produce a view a renderer cannot show.
 */
import { expect } from 'vitest';
import type { ActorRef, Person } from '../../core/index.js';
import { assertViewLimits, createConversation } from '../../bot/conversation/index.js';
import type { BotLogger, Conversation, SubmitResult, Turn } from '../../bot/conversation/types.js';
import type { FormView, MessageView, View } from '../../bot/conversation/view.js';
import { makeFixture, type Fixture } from './core-fixture.js';
import { memoryLogger, type LogLine } from './memory-logger.js';

/** The conversation tests' name for the shared memory logger (its lines are `calls`). */
export function recordingLogger(): BotLogger & { calls: LogLine[] } {
  const logger = memoryLogger();
  return Object.assign(logger, { calls: logger.lines });
}

function checkedResult(r: SubmitResult): SubmitResult {
  assertViewLimits(r.kind === 'done' ? r.view : r.form);
  return r;
}

/** The conversation with every returned view checked against the limits. */
export function checked(conv: Conversation): Conversation {
  const v = <T extends View>(view: T): T => {
    assertViewLimits(view);
    return view;
  };
  return {
    text: async (t, s) => v(await conv.text(t, s)),
    action: async (t, a) => v(await conv.action(t, a)),
    openForm: async (t, f, p, s) => v(await conv.openForm(t, f, p, s)),
    check: (t, f, values, s) => conv.check(t, f, values, s),
    submit: async (t, f, values, s) => checkedResult(await conv.submit(t, f, values, s)),
    home: async (t) => v(await conv.home(t)),
    notification: (d) => v(conv.notification(d)),
    checkIn: (tg) => v(conv.checkIn(tg)),
  };
}

export interface ConversationFixture extends Fixture {
  conv: Conversation;
  logger: ReturnType<typeof recordingLogger>;
  turn(who: Person | ActorRef, channel?: Turn['channel']): Turn;
  /** Turns of the core fixture's people (Piet via his Slack id, like the Slack front). */
  turns: Record<keyof Fixture['people'], Turn>;
}

export async function makeConversationFixture(): Promise<ConversationFixture> {
  const f = await makeFixture();
  const logger = recordingLogger();
  const conv = checked(createConversation({ store: f.store, clock: f.clock, logger }));
  const turn = (who: Person | ActorRef, channel: Turn['channel'] = 'terminal'): Turn => ({
    actor: 'id' in who && 'roles' in who ? { personId: who.id } : (who as ActorRef),
    channel,
  });
  const p = f.people;
  const turns = {
    quartermaster: turn(p.quartermaster),
    ambassador: turn(p.ambassador),
    projectLeadHgl: turn({ slackUserId: 'U0PLHGL' }, 'slack'),
    processDirectorHgl: turn(p.processDirectorHgl, 'teams'),
    projectLeadUtr: turn(p.projectLeadUtr),
    poolMember: turn(p.poolMember),
  };
  return { ...f, conv, logger, turn, turns };
}

export function asMessage(view: View): MessageView {
  expect(view.kind, JSON.stringify(view).slice(0, 400)).toBe('message');
  return view as MessageView;
}

export function asForm(view: View): FormView {
  expect(view.kind, JSON.stringify(view).slice(0, 400)).toBe('form');
  return view as FormView;
}

/** All text a person reads in a view, in one string (for "does it say / not say" checks). */
export function allText(view: View): string {
  return JSON.stringify(view);
}
