/** Task groups in chat: the scheduler's check-in to the first contact, and "herinner me later". */
import { formatDate, snoozeCheckIn, type TaskGroup } from '../../core/index.js';
import { convMsg } from '../../core/messages-bot.js';
import { button, ctxOf, facts, formButton, message } from './kit.js';
import type { ConversationDeps, Turn } from './types.js';
import type { MessageView } from './view.js';

/** How long "herinner me later" postpones the check-in. */
export const SNOOZE_DAYS = 7;

export function checkInView(tg: TaskGroup): MessageView {
  const last = tg.progress[tg.progress.length - 1];
  return message('info', [convMsg.checkInText(), last ? convMsg.checkInLast(last.at) : convMsg.checkInNone()], {
    title: convMsg.checkInTitle(tg.name),
    facts: facts(
      [convMsg.factTaskGroup(), `${tg.name} (${tg.id})`],
      [convMsg.factLastProgress(), last && formatDate(last.at)],
      [convMsg.factDeadline(), tg.deadline && formatDate(tg.deadline)],
    ),
    buttons: [
      formButton(convMsg.btnGiveProgress(), 'progress', { taskGroupId: tg.id }, 'primary'),
      button(convMsg.btnSnooze(), 'taskGroup.snooze', tg.id),
    ],
  });
}

export async function snoozeAction(deps: ConversationDeps, turn: Turn, taskGroupId: string): Promise<MessageView> {
  const until = new Date(deps.clock.now().getTime() + SNOOZE_DAYS * 86_400_000).toISOString();
  const tg = await snoozeCheckIn(ctxOf(deps, turn), { taskGroupId, until });
  return message('success', [convMsg.snoozed(tg.name, until)], {
    buttons: [formButton(convMsg.btnGiveProgress(), 'progress', { taskGroupId: tg.id })],
  });
}
