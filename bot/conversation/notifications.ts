/**
 * The chat message for an outbox notification. Pure: everything comes from
 * the delivery (recipient and subject read together by core). A subject that
 * no longer exists gives a shorter message, never an error.
 */
import { amsterdamDay, CaseStatus, daysBetween, msg, statusLabel, themeLabel, type Delivery, type StuckCase } from '../../core/index.js';
import { convMsg } from '../../core/messages-bot.js';
import type { SignalReport } from '../../core/report.js';
import { caseFacts, moveButtons, moveTargets, showCaseButton } from './cases.js';
import { eventNotice } from './events.js';
import { facts, formButton, message } from './kit.js';
import { clip, LIMITS } from './limits.js';
import { checkInView } from './task-groups.js';
import type { Fact, ListItem, MessageView } from './view.js';

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** Escalations shown in a digest; the rest are counted. */
const DIGEST_ESCALATIONS = 5;
/** Bottlenecks named in a digest. */
const DIGEST_BOTTLENECKS = 3;

/** Weekly digest and monthly report: headline figures, what changed, decisions waiting, how to get the full report. */
function digestView(d: Delivery): MessageView | undefined {
  return d.report ? reportSummaryView(d.report, d.notification.kind === 'weeklyDigest') : undefined;
}

/** The signal report in short, as chat shows it (digests, and the `rapport` command). */
export function reportSummaryView(r: SignalReport, weekly: boolean): MessageView {
  const h = r.headline;
  const top = r.bottlenecks.filter((b) => b.signals > 0).slice(0, DIGEST_BOTTLENECKS).map((b) => convMsg.digestBottleneck(b.bottleneckId, b.title, b.signals));
  const shown = r.escalations.slice(0, DIGEST_ESCALATIONS);
  const text = [
    weekly ? convMsg.digestWeekIntro() : convMsg.digestMonthIntro(r.period.from),
    convMsg.digestChanges(h.newCases, h.signals, h.signalsPreviousPeriod, h.resolvedCases, h.closedUnresolvedCases, h.nationallyEscalatedCases),
    ...(top.length > 0 ? [convMsg.digestTopBottlenecks(top)] : []),
    ...(r.silentRegions.length > 0 ? [convMsg.digestSilent(r.silentRegions.length, h.regionsStarted)] : []),
    convMsg.digestDecisions(r.escalations.length),
    ...(r.escalations.length > shown.length ? [convMsg.digestMoreDecisions(r.escalations.length - shown.length)] : []),
    convMsg.digestFullReport(r.period.from, r.period.to),
  ];
  const items: ListItem[] = shown.map((e) => ({
    title: clip(convMsg.caseItemTitle(e.caseCode, e.regionName), LIMITS.itemTitle),
    facts: facts([convMsg.factTheme(), themeLabel[e.theme]], [convMsg.factWaitingSince(), convMsg.waitingSince(e.since, e.daysWaiting)]),
    buttons: [showCaseButton(e.caseCode, convMsg.btnShow())],
  }));
  return message('info', text, {
    title: weekly ? convMsg.digestWeekTitle(r.period.from, r.period.to) : convMsg.digestMonthTitle(r.period.from),
    facts: facts(
      [convMsg.factOpenCases(), String(h.openCases)],
      [convMsg.factNewCases(), String(h.newCases)],
      [convMsg.factSignals(), String(h.signals)],
      [convMsg.factResolved(), String(h.resolvedCases)],
      [convMsg.factEscalated(), String(h.nationallyEscalatedCases)],
      [convMsg.factAwaiting(), String(h.awaitingAmbassadors)],
    ),
    items,
  });
}

/** Monitor request and reminder to a project lead: a button to the monitor form while the round is open. */
function monitorAskView(d: Delivery): MessageView | undefined {
  const n = d.notification;
  const round = d.monitorRound;
  if (!round) return undefined;
  const region = d.region?.name ?? str(n.params.regionCode) ?? '';
  const open = round.status === 'open';
  const submitted = !!d.region && round.submissions.some((s) => s.regionCode === d.region?.code);
  const reminder = n.kind === 'monitorReminder';
  const days = num(n.params.step) ?? daysBetween(amsterdamDay(round.openedAt), amsterdamDay(n.createdAt));
  const text = [
    reminder ? convMsg.monitorReminder(round.period, region, days) : convMsg.monitorRequest(round.period, region),
    ...(round.closesOn && open ? [convMsg.monitorClosesOn(round.closesOn)] : []),
    ...(!open ? [convMsg.monitorRoundClosed()] : submitted ? [convMsg.monitorAlreadyIn()] : []),
  ];
  return message(open && !submitted ? 'info' : 'success', text, {
    title: reminder ? convMsg.monitorReminderTitle(round.period) : convMsg.monitorRequestTitle(round.period),
    facts: facts([convMsg.factPeriod(), round.period], [convMsg.factRegion(), region]),
    buttons: open ? [formButton(convMsg.btnMonitorFill(), 'monitor', {}, 'primary')] : [],
  });
}

/** The kwartiermaker's list of started regions without figures, as it is now. */
function monitorMissingView(d: Delivery): MessageView | undefined {
  const round = d.monitorRound;
  const missing = d.missingRegions;
  if (!round || !missing) return undefined;
  const expected = num(d.notification.params.expected) ?? missing.length;
  const days = num(d.notification.params.step) ?? daysBetween(amsterdamDay(round.openedAt), amsterdamDay(d.notification.createdAt));
  const text =
    missing.length === 0
      ? [convMsg.monitorAllIn(round.period)]
      : [convMsg.monitorMissing(days, missing.map((r) => r.name)), ...(round.closesOn ? [convMsg.monitorClosesOn(round.closesOn)] : [])];
  return message(missing.length === 0 ? 'success' : 'warning', text, {
    title: convMsg.monitorMissingTitle(round.period, missing.length),
    facts: facts(
      [convMsg.factPeriod(), round.period],
      [convMsg.factSubmitted(), convMsg.submittedOf(Math.max(0, expected - missing.length), expected)],
    ),
  });
}

/** Threatened homelessness, 14 and 3 days before the date. */
function homelessView(d: Delivery): MessageView | undefined {
  const c = d.case;
  if (!c?.homelessOn) return undefined;
  const n = d.notification;
  const days = Math.max(0, daysBetween(amsterdamDay(n.createdAt), c.homelessOn));
  const final = c.status === 'resolved' || c.status === 'closedUnresolved';
  const step = num(n.params.step);
  const text = [
    convMsg.homeless(c.code, d.region?.name ?? c.regionCode, c.homelessOn, c.status),
    ...(step !== undefined ? [convMsg.homelessStep(step)] : []),
    ...(final ? [convMsg.homelessFinal(c.status)] : []),
  ];
  const context = caseContext(d);
  const targets = final ? [] : moveTargets(d.recipient, c);
  return message(final ? 'info' : 'warning', text, {
    title: convMsg.homelessTitle(c.code, days),
    facts: context.facts,
    buttons: [...context.buttons, ...moveButtons(targets, c.code)],
  });
}

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
    case 'weeklyDigest':
    case 'monthlyReport':
      return digestView(d) ?? message('info', [convMsg.subjectGone()]);
    case 'taskGroupCheckIn':
      if (!d.taskGroup || d.taskGroup.status !== 'active') break;
      return checkInView(d.taskGroup);
    case 'monitorRequest':
    case 'monitorReminder':
      return monitorAskView(d) ?? message('info', [convMsg.subjectGone()]);
    case 'monitorMissing':
      return monitorMissingView(d) ?? message('info', [convMsg.subjectGone()]);
    case 'homelessnessAlert':
      return homelessView(d) ?? message('info', [convMsg.subjectGone()]);
    case 'eventDeadlineReminder': {
      const e = d.event;
      if (!e?.registrationDeadline) break;
      const notice = eventNotice(e, d.recipient.id, amsterdamDay(n.createdAt));
      const text = [convMsg.deadline(e.title, e.date, e.registrationDeadline), ...(notice.mine.status !== 'none' ? [convMsg.deadlineAnswered()] : [])];
      return message('info', text, { title: convMsg.deadlineTitle(e.title), facts: notice.facts, buttons: notice.buttons });
    }
    case 'eventReminder': {
      const e = d.event;
      if (!e) break;
      const notice = eventNotice(e, d.recipient.id, amsterdamDay(n.createdAt));
      const text =
        notice.mine.status === 'registered'
          ? [convMsg.eventSoon(e.title, convMsg.timeRange(e.date, e.startTime, e.endTime), e.place), convMsg.eventSoonCancel()]
          : [convMsg.eventSoonNotRegistered(e.title)];
      return message('info', text, { title: convMsg.eventSoonTitle(e.title), facts: notice.facts, buttons: notice.buttons });
    }
  }
  return message('info', [convMsg.subjectGone()]);
}
