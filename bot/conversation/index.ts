/**
 * The platform-neutral conversation layer: typed commands, buttons, forms,
 * the home view, notifications and check-ins as neutral view models. Every
 * rule runs in core's use-cases; this layer decides what to show and never
 * throws: failures become Dutch messages.
 */
import { convMsg } from '../../core/messages-bot.js';
import type { Delivery, TaskGroup } from '../../core/index.js';
import { signalReport } from '../../core/report.js';
import { caseDetailView, openCasesView } from './cases.js';
import { cancelAction, eventsView, registerAction } from './events.js';
import { check, openForm, submit } from './form-flow.js';
import { helpView, homeView } from './home.js';
import { parseIntent } from './intents.js';
import { ctxOf, errName, guarded, message, parseFormOpenValue } from './kit.js';
import { moveAction } from './move.js';
import { notificationView, reportSummaryView } from './notifications.js';
import { checkInView, snoozeAction } from './task-groups.js';
import type { Conversation, ConversationDeps, Turn } from './types.js';
import type { ActionRef, MessageView, View } from './view.js';

export { assertViewLimits, clip, LIMITS, viewLimitProblems } from './limits.js';
export { parseIntent, type Intent } from './intents.js';
export { formOpenValue, parseFormOpenValue } from './kit.js';
export { snapshotStore } from './form-flow.js';
export { SNOOZE_DAYS } from './task-groups.js';
export type { Conversation, ConversationDeps, SubmitResult, Turn, BotLogger, ChatChannel } from './types.js';

function text(deps: ConversationDeps, turn: Turn, typed: string): Promise<View> {
  const intent = parseIntent(typed);
  return guarded(deps, { intent: intent.kind }, async () => {
    switch (intent.kind) {
      case 'form':
        return openForm(deps, turn, intent.formId);
      case 'cases':
        return openCasesView(deps, turn);
      case 'case':
        return caseDetailView(deps, turn, intent.code);
      case 'events':
        return eventsView(deps, turn);
      case 'report':
        // The last full calendar month; core decides who may read it (kwartiermaker, ambassadors).
        return reportSummaryView(await signalReport(ctxOf(deps, turn)), false);
      case 'help':
        return helpView(deps, turn, intent.unknown);
    }
  });
}

function action(deps: ConversationDeps, turn: Turn, ref: ActionRef): Promise<View> {
  const value = typeof ref.value === 'string' ? ref.value.trim() : '';
  return guarded(deps, { action: String(ref.id) }, async (): Promise<View> => {
    switch (ref.id) {
      case 'form.open': {
        const parsed = parseFormOpenValue(value);
        return parsed ? openForm(deps, turn, parsed.formId, parsed.prefill) : message('warning', [convMsg.badAction()]);
      }
      case 'case.show':
        return caseDetailView(deps, turn, value);
      case 'case.move':
        return moveAction(deps, turn, value);
      case 'cases.mine':
        return openCasesView(deps, turn);
      case 'event.register':
        return registerAction(deps, turn, value);
      case 'event.cancel':
        return cancelAction(deps, turn, value);
      case 'events.list':
        return eventsView(deps, turn);
      case 'taskGroup.snooze':
        return snoozeAction(deps, turn, value);
      case 'help':
        return helpView(deps, turn, false);
      default:
        return message('warning', [convMsg.badAction()]);
    }
  });
}

/** A pure view maker that must not throw either. */
function safe<A>(deps: ConversationDeps, where: string, make: (a: A) => MessageView): (a: A) => MessageView {
  return (a) => {
    try {
      return make(a);
    } catch (err) {
      deps.logger.error({ err: errName(err), view: where }, 'view failed');
      return message('info', [convMsg.subjectGone()]);
    }
  };
}

export function createConversation(deps: ConversationDeps): Conversation {
  return {
    text: (turn, typed) => text(deps, turn, typeof typed === 'string' ? typed : ''),
    action: (turn, ref) => action(deps, turn, ref),
    openForm: (turn, formId, prefill = {}, state = {}) => openForm(deps, turn, formId, prefill, state),
    check: (turn, formId, values, state) => check(deps, turn, formId, values, state ?? {}),
    submit: (turn, formId, values, state) => submit(deps, turn, formId, values, state ?? {}),
    home: (turn) => guarded(deps, { view: 'home' }, () => homeView(deps, turn)),
    notification: safe<Delivery>(deps, 'notification', notificationView),
    checkIn: safe<TaskGroup>(deps, 'checkIn', checkInView),
  };
}
