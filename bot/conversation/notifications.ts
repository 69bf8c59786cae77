/**
 * The chat message for an outbox notification. Pure: everything comes from
 * the delivery (recipient and subject read together by core). A subject that
 * no longer exists gives a shorter message, never an error.
 */
import { amsterdamDay, CaseStatus, msg, statusLabel, type Delivery, type StuckCase } from '../../core/index.js';
import { convMsg } from '../../core/messages-bot.js';
import { caseFacts, moveButtons, moveTargets, showCaseButton } from './cases.js';
import { eventNotice } from './events.js';
import { facts, message } from './kit.js';
import { clip, LIMITS } from './limits.js';
import type { Fact, MessageView } from './view.js';

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

function caseContext(d: Delivery): { facts: Fact[]; buttons: ReturnType<typeof showCaseButton>[] } {
  if (!d.case) return { facts: [], buttons: [] };
  const status = facts([convMsg.factStatus(), statusLabel[d.case.status]]);
  return { facts: [...status, ...caseFacts(d.case, d.region?.name ?? d.case.regionCode)], buttons: [showCaseButton(d.case.code)] };
}

/** The note this notification is about: the one addressed to the recipient at the notification's time, else the last one to them. */
function addressedNote(c: StuckCase, d: Delivery): string | undefined {
  const mine = c.notes.filter((n) => n.toPersonId === d.recipient.id);
  return (mine.find((n) => n.at === d.notification.createdAt) ?? mine[mine.length - 1])?.text;
}

export function notificationView(d: Delivery): MessageView {
  const n = d.notification;
  const code = str(n.params.caseCode) ?? d.case?.code;
  switch (n.kind) {
    case 'caseStatusChanged': {
      if (!code) break;
      const from = CaseStatus.safeParse(n.params.from);
      const to = CaseStatus.safeParse(n.params.to);
      const text = to.success ? [msg.caseStatusChanged(code, to.data)] : [msg.caseNoteAddressed(code)];
      if (from.success && to.success) text.push(convMsg.notifyStatusFromTo(from.data, to.data));
      return message('info', text, { title: convMsg.notifyStatusTitle(code), ...caseContext(d) });
    }
    case 'caseNote': {
      if (!code) break;
      const note = d.case && addressedNote(d.case, d);
      const text = [msg.caseNoteAddressed(code), ...(note ? [note] : [])];
      return message('info', text, { title: convMsg.notifyNoteTitle(code), ...caseContext(d) });
    }
    case 'caseReported': {
      if (!code) break;
      const region = d.region?.name ?? str(n.params.regionCode) ?? d.case?.regionCode ?? '';
      const context = caseContext(d);
      const targets = d.case ? moveTargets(d.recipient, d.case) : [];
      const text = [msg.caseReportedToQuartermaster(code, region), ...(targets.length > 0 ? [convMsg.notifyReportedMove()] : [])];
      return message('info', text, {
        title: convMsg.notifyReportedTitle(),
        facts: context.facts,
        buttons: [...(d.case ? moveButtons(targets, d.case.code) : []), ...context.buttons],
      });
    }
    case 'eventAnnounced': {
      const e = d.event;
      if (!e) break;
      const notice = eventNotice(e, d.recipient.id, amsterdamDay(n.createdAt));
      const text = [convMsg.notifyAnnounced(e.title, e.date), ...(e.programme ? [clip(convMsg.notifyAnnouncedProgramme(e.programme), LIMITS.paragraph)] : [])];
      return message('info', text, { title: convMsg.notifyAnnouncedTitle(e.title), facts: notice.facts, buttons: notice.buttons });
    }
    case 'waitlistPromoted':
    case 'registrationChanged': {
      const e = d.event;
      if (!e) break;
      const notice = eventNotice(e, d.recipient.id, amsterdamDay(n.createdAt));
      const text =
        n.kind === 'waitlistPromoted' && notice.mine.status === 'registered'
          ? msg.waitlistPromoted(e.title, e.date)
          : notice.mine.status === 'registered'
            ? msg.registrationConfirmed(e.title, e.date)
            : notice.mine.status === 'waitlisted'
              ? msg.registrationWaitlisted(e.title, notice.mine.position)
              : convMsg.notifyRegistrationChanged(e.title);
      return message('info', [text], { title: e.title, facts: notice.facts, buttons: notice.buttons });
    }
  }
  return message('info', [convMsg.subjectGone()]);
}
