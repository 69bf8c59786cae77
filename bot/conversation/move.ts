/** A move button on a case: move at once, or open the move form when the step needs a reason, owner or outcome. */
import { CaseStatus, findTransition, getCase, moveCase, msg } from '../../core/index.js';
import { convMsg } from '../../core/messages-bot.js';
import { showCaseButton } from './cases.js';
import { openForm } from './form-flow.js';
import { movedView } from './forms.js';
import { ctxOf, me, message } from './kit.js';
import type { ConversationDeps, Turn } from './types.js';
import type { View } from './view.js';

export async function moveAction(deps: ConversationDeps, turn: Turn, value: string): Promise<View> {
  const [code, target] = value.split('|', 2);
  const to = CaseStatus.safeParse(target);
  if (!code || !to.success) return message('warning', [convMsg.badAction()]);
  const ctx = ctxOf(deps, turn);
  const person = await me(ctx);
  // Reading first: another region's case is refused here, before anything about it is said.
  const c = await getCase(ctx, code);
  const rule = findTransition(c.status, to.data);
  if (!rule) {
    const why = c.status === to.data ? msg.transitionSame(c.status) : msg.transitionNotAllowed(c.status, to.data);
    return message('warning', [why], { buttons: [showCaseButton(c.code)] });
  }
  if (rule.needsReason || rule.needsOutcome || (rule.needsProblemOwner && !c.problemOwner)) {
    return openForm(deps, turn, 'moveCase', {}, { caseCode: c.code, to: to.data });
  }
  const moved = await moveCase(ctx, { caseCode: c.code, to: to.data });
  deps.logger.info({ caseCode: moved.code, to: moved.status, channel: turn.channel }, 'case moved');
  return movedView(ctx, moved, person);
}
