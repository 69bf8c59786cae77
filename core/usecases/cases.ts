/** Stuck cases (vastgelopen casussen): report, annotate, move along the escalation route, close. */
import { z } from 'zod';
import { findTransition, isOpen, mayTakeStep } from '../case-route.js';
import {
  canReadRegion,
  guardText,
  hasRole,
  isQuartermaster,
  isRegional,
  mutate,
  parseInput,
  query,
  readsEverything,
  reportingRegion,
  requireRegionAccess,
  type Actor,
  type Context,
  type Tx,
} from '../context.js';
import { amsterdamDay, daysBetween } from '../dates.js';
import { forbidden, LlaError, notFound, validationError } from '../errors.js';
import { msg } from '../messages.js';
import {
  BottleneckId,
  CalendarDate,
  CaseStatus,
  CaseTheme,
  HelpKind,
  RegionCode,
  RegionalStep,
  type StatusChange,
  type StoreData,
  type StuckCase,
} from '../schema.js';
import { findPersonOrThrow } from './people.js';
import { addSignalRecord } from './signals.js';

const freeText = (max: number) => z.string().trim().min(1).max(max);

export const ReportCaseInput = z.object({
  regionCode: z.string().trim().toUpperCase().pipe(RegionCode).optional(),
  theme: CaseTheme,
  bottleneckIds: z.array(BottleneckId).max(14).default([]),
  sketch: freeText(4000),
  stepsTried: z.array(RegionalStep).max(20).default([]),
  stepsNote: freeText(2000).optional(),
  homelessOn: CalendarDate.optional(),
  helpAsked: z.array(HelpKind).min(1).max(10),
});
export type ReportCaseInput = z.input<typeof ReportCaseInput>;

export const AddNoteInput = z.object({
  caseCode: z.string().trim().toUpperCase(),
  text: freeText(4000),
  toPersonId: z.string().trim().min(1).optional(),
});
export type AddNoteInput = z.input<typeof AddNoteInput>;

export const MoveCaseInput = z.object({
  caseCode: z.string().trim().toUpperCase(),
  to: CaseStatus,
  reason: freeText(2000).optional(),
  problemOwner: z.string().trim().min(2).max(120).optional(),
  outcome: freeText(4000).optional(),
  lesson: freeText(4000).optional(),
});
export type MoveCaseInput = z.input<typeof MoveCaseInput>;

export const CaseFilter = z.object({
  regionCode: z.string().trim().toUpperCase().pipe(RegionCode).optional(),
  status: z.array(CaseStatus).max(20).optional(),
  openOnly: z.boolean().optional(),
  /** Only cases whose current status is older than this many days. */
  olderThanDays: z.number().int().min(0).max(3650).optional(),
  reporterId: z.string().optional(),
});
export type CaseFilter = z.input<typeof CaseFilter>;

export function findCaseOrThrow(data: StoreData, code: string): StuckCase {
  const key = code.trim().toUpperCase();
  const found = data.cases.find((c) => c.code === key);
  if (!found) throw notFound('Casus', code, 'caseCode');
  return found;
}

function nextCaseCode(tx: Tx): string {
  const year = amsterdamDay(tx.now).slice(0, 4);
  const seq = (tx.data.counters.caseByYear[year] ?? 0) + 1;
  tx.data.counters.caseByYear[year] = seq;
  return `VC-${year}-${String(seq).padStart(4, '0')}`;
}

function checkBottlenecks(data: StoreData, ids: string[]): void {
  for (const id of ids) {
    const b = data.bottlenecks.find((x) => x.id === id);
    if (!b) throw notFound('Knelpunt', id, 'bottleneckIds');
    if (!b.active) throw validationError('bottleneckIds', msg.bottleneckInactive(id));
  }
}

/** Report a stuck case. Project leads and process directors report for their own region; the quartermaster for any. */
export async function reportCase(ctx: Context, input: ReportCaseInput): Promise<StuckCase> {
  const parsed = parseInput(ReportCaseInput, input);
  return mutate(ctx, (tx) => {
    const { person, regionCode } = reportingRegion(tx, parsed.regionCode, 'een vastgelopen casus melden');
    if (parsed.stepsTried.length === 0) {
      throw new LlaError('validation', msg.routeNotGoneThrough(), [{ field: 'stepsTried', message: msg.routeNotGoneThrough() }]);
    }
    if (parsed.homelessOn && daysBetween(amsterdamDay(tx.now), parsed.homelessOn) < 0) {
      throw validationError('homelessOn', msg.dateInPast());
    }
    checkBottlenecks(tx.data, parsed.bottleneckIds);
    guardText('sketch', parsed.sketch, tx.now);
    guardText('stepsNote', parsed.stepsNote, tx.now);

    const code = nextCaseCode(tx);
    const record: StuckCase = {
      code,
      regionCode,
      reporterId: person.id,
      channel: tx.channel,
      theme: parsed.theme,
      bottleneckIds: [...new Set(parsed.bottleneckIds)],
      sketch: parsed.sketch,
      stepsTried: [...new Set(parsed.stepsTried)],
      helpAsked: [...new Set(parsed.helpAsked)],
      status: 'reported',
      history: [{ from: null, to: 'reported', at: tx.nowIso, byPersonId: person.id, channel: tx.channel }],
      notes: [],
      reportedAt: tx.nowIso,
    };
    if (parsed.stepsNote) record.stepsNote = parsed.stepsNote;
    if (parsed.homelessOn) record.homelessOn = parsed.homelessOn;
    tx.data.cases.push(record);
    for (const bottleneckId of record.bottleneckIds) addSignalRecord(tx, { bottleneckId, regionCode, caseCode: code });
    tx.audit('case.report', 'case', code, { regionCode, theme: record.theme, bottlenecks: record.bottleneckIds.join(',') });
    for (const q of tx.data.people) {
      if (q.active && q.roles.includes('quartermaster') && q.id !== person.id) {
        tx.notify('caseReported', q.id, { caseCode: code, regionCode });
      }
    }
    return record;
  });
}

/** Whether the actor may write on a case (notes): quartermaster, ambassadors, and regional people of its region. */
function requireCaseWrite(actor: Actor, c: StuckCase): void {
  if (hasRole(actor, 'quartermaster', 'ambassador')) return;
  requireRegionAccess(actor, c.regionCode);
}

export async function addCaseNote(ctx: Context, input: AddNoteInput): Promise<StuckCase> {
  const parsed = parseInput(AddNoteInput, input);
  return mutate(ctx, (tx) => {
    const c = findCaseOrThrow(tx.data, parsed.caseCode);
    requireCaseWrite(tx.actor, c);
    if (tx.actor.kind !== 'person') throw forbidden('notities schrijven');
    guardText('text', parsed.text, tx.now);
    const note: StuckCase['notes'][number] = { at: tx.nowIso, byPersonId: tx.actor.person.id, channel: tx.channel, text: parsed.text };
    if (parsed.toPersonId) {
      const to = findPersonOrThrow(tx.data, parsed.toPersonId, 'toPersonId');
      note.toPersonId = to.id;
      if (to.id !== tx.actor.person.id) tx.notify('caseNote', to.id, { caseCode: c.code });
    }
    c.notes.push(note);
    tx.audit('case.note', 'case', c.code, { toPersonId: note.toPersonId ?? null });
    return c;
  });
}

/**
 * Move a case along the escalation route: the one place where a case's
 * status changes. Checks the transition table and who may take the step,
 * stamps the time, records who and why, audits and notifies the reporter.
 */
export async function moveCase(ctx: Context, input: MoveCaseInput): Promise<StuckCase> {
  const parsed = parseInput(MoveCaseInput, input);
  return mutate(ctx, (tx) => {
    const c = findCaseOrThrow(tx.data, parsed.caseCode);
    const { actor } = tx;
    // Before any answer that depends on the case's status: other regions learn nothing about it.
    requireRegionAccess(actor, c.regionCode);
    if (c.status === parsed.to) throw validationError('status', msg.transitionSame(c.status));
    const rule = findTransition(c.status, parsed.to);
    if (!rule) throw validationError('status', msg.transitionNotAllowed(c.status, parsed.to));
    if (actor.kind !== 'person' || !mayTakeStep(actor.person.roles, rule)) {
      if (actor.kind === 'person' && !canReadRegion(actor, c.regionCode)) throw new LlaError('forbidden', msg.forbiddenOtherRegion());
      throw forbidden(msg.moveCaseAction());
    }
    if (rule.needsReason && !parsed.reason) throw validationError('reason', msg.transitionBackNeedsReason());
    const problemOwner = parsed.problemOwner ?? c.problemOwner;
    if (rule.needsProblemOwner && !problemOwner) throw validationError('problemOwner', msg.problemOwnerRequired());
    if (rule.needsOutcome && !parsed.outcome) throw validationError('outcome', msg.outcomeRequired());
    guardText('reason', parsed.reason, tx.now);
    guardText('problemOwner', parsed.problemOwner, tx.now);
    guardText('outcome', parsed.outcome, tx.now);
    guardText('lesson', parsed.lesson, tx.now);

    const change: StatusChange = { from: c.status, to: parsed.to, at: tx.nowIso, byPersonId: actor.person.id, channel: tx.channel };
    if (parsed.reason) change.reason = parsed.reason;
    c.history.push(change);
    c.status = parsed.to;
    if (parsed.problemOwner) c.problemOwner = parsed.problemOwner;
    if (rule.kind === 'close') {
      c.closedAt = tx.nowIso;
      c.outcome = parsed.outcome;
      // A re-closed case gets this closing's lesson, not a stale one.
      if (parsed.lesson) c.lesson = parsed.lesson;
      else delete c.lesson;
    } else if (rule.kind === 'reopen') {
      delete c.closedAt;
    }
    tx.audit('case.move', 'case', c.code, { from: change.from, to: change.to, kind: rule.kind, problemOwner: c.problemOwner ?? null });
    if (c.reporterId !== actor.person.id) tx.notify('caseStatusChanged', c.reporterId, { caseCode: c.code, from: change.from, to: change.to });
    return c;
  });
}

/** Close a case with its outcome: `opgelost` or `gesloten zonder oplossing`. */
export function closeCase(
  ctx: Context,
  input: { caseCode: string; resolved: boolean; outcome: string; lesson?: string; reason?: string },
): Promise<StuckCase> {
  const payload: MoveCaseInput = { caseCode: input.caseCode, to: input.resolved ? 'resolved' : 'closedUnresolved', outcome: input.outcome };
  if (input.lesson !== undefined) payload.lesson = input.lesson;
  if (input.reason !== undefined) payload.reason = input.reason;
  return moveCase(ctx, payload);
}

export const SetProblemOwnerInput = z.object({ caseCode: z.string().trim().toUpperCase(), problemOwner: z.string().trim().min(2).max(120) });

/** Record the problem owner a case was signalled to (quartermaster or ambassadors). */
export async function setProblemOwner(ctx: Context, input: z.input<typeof SetProblemOwnerInput>): Promise<StuckCase> {
  const parsed = parseInput(SetProblemOwnerInput, input);
  return mutate(ctx, (tx) => {
    if (!hasRole(tx.actor, 'quartermaster', 'ambassador')) throw forbidden('de probleemeigenaar vastleggen');
    const c = findCaseOrThrow(tx.data, parsed.caseCode);
    guardText('problemOwner', parsed.problemOwner, tx.now);
    c.problemOwner = parsed.problemOwner;
    tx.audit('case.problemOwner', 'case', c.code, { problemOwner: parsed.problemOwner });
    return c;
  });
}

export const LinkBottleneckInput = z.object({ caseCode: z.string().trim().toUpperCase(), bottleneckId: BottleneckId });

/** Link a bottleneck a case revealed; records a signal for it. Quartermaster only. */
export async function linkBottleneck(ctx: Context, input: z.input<typeof LinkBottleneckInput>): Promise<StuckCase> {
  const parsed = parseInput(LinkBottleneckInput, input);
  return mutate(ctx, (tx) => {
    if (!isQuartermaster(tx.actor)) throw forbidden('knelpunten aan een casus koppelen');
    const c = findCaseOrThrow(tx.data, parsed.caseCode);
    checkBottlenecks(tx.data, [parsed.bottleneckId]);
    if (!c.bottleneckIds.includes(parsed.bottleneckId)) {
      c.bottleneckIds.push(parsed.bottleneckId);
      addSignalRecord(tx, { bottleneckId: parsed.bottleneckId, regionCode: c.regionCode, caseCode: c.code });
      tx.audit('case.linkBottleneck', 'case', c.code, { bottleneckId: parsed.bottleneckId });
    }
    return c;
  });
}

/** Instant the case entered its current status. */
export function statusSince(c: StuckCase): string {
  return c.history[c.history.length - 1]?.at ?? c.reportedAt;
}

/** Whole days in the current status, counted in Amsterdam calendar days. */
export function daysInStatus(c: StuckCase, now: Date): number {
  return daysBetween(amsterdamDay(statusSince(c)), amsterdamDay(now));
}

/** Cases the actor may see. Regional people see only their region; asking for another region is refused. */
export async function listCases(ctx: Context, filter: CaseFilter = {}): Promise<StuckCase[]> {
  const f = parseInput(CaseFilter, filter);
  return query(ctx, (data, actor, now) => {
    let regionCode = f.regionCode;
    if (!readsEverything(actor)) {
      if (actor.kind !== 'person' || !isRegional(actor)) throw forbidden('casussen inzien');
      if (regionCode && regionCode !== actor.person.regionCode) throw new LlaError('forbidden', msg.forbiddenOtherRegion());
      regionCode = actor.person.regionCode;
    }
    return data.cases
      .filter((c) => !regionCode || c.regionCode === regionCode)
      .filter((c) => !f.status || f.status.includes(c.status))
      .filter((c) => !f.openOnly || isOpen(c.status))
      .filter((c) => f.olderThanDays === undefined || daysInStatus(c, now) > f.olderThanDays)
      .filter((c) => !f.reporterId || c.reporterId === f.reporterId)
      ;
  });
}

export function getCase(ctx: Context, code: string): Promise<StuckCase> {
  return query(ctx, (data, actor) => {
    const c = findCaseOrThrow(data, code);
    requireRegionAccess(actor, c.regionCode);
    return c;
  });
}

/** Remove a case's free text (retention); structured facts stay. Signal notes are the caller's. */
export function eraseFreeText(c: StuckCase, at: string): void {
  c.sketch = '';
  delete c.stepsNote;
  delete c.outcome;
  delete c.lesson;
  c.notes = [];
  for (const h of c.history) delete h.reason;
  c.freeTextPurgedAt = at;
}

/**
 * Retention: closed cases lose their free text once the retention period in
 * the settings has passed. Structured facts (status, theme, bottlenecks,
 * dates) stay for the signal report. Run by the scheduler or the quartermaster.
 */
/**
 * Closed cases whose free text is due for removal: closed at least
 * `retentionDays` ago and not purged since their last closing (a reopened and
 * re-closed case gets new free text, and a new term).
 */
export function expiredFreeText(data: StoreData, now: Date): string[] {
  const today = amsterdamDay(now);
  return data.cases
    .filter((c) => c.closedAt && !isOpen(c.status))
    .filter((c) => !(c.freeTextPurgedAt && Date.parse(c.freeTextPurgedAt) > Date.parse(c.closedAt!)))
    .filter((c) => daysBetween(amsterdamDay(c.closedAt!), today) >= data.settings.retentionDays)
    .map((c) => c.code);
}

export function purgeExpiredFreeText(ctx: Context): Promise<string[]> {
  return mutate(ctx, (tx) => {
    if (!(tx.actor.kind === 'system' || isQuartermaster(tx.actor))) throw forbidden('de bewaartermijn toepassen');
    const expired = new Set(expiredFreeText(tx.data, tx.now));
    const purged: string[] = [];
    for (const c of tx.data.cases) {
      if (!expired.has(c.code)) continue;
      eraseFreeText(c, tx.nowIso);
      tx.audit('case.purge', 'case', c.code);
      purged.push(c.code);
    }
    if (purged.length > 0) {
      const codes = new Set(purged);
      for (const s of tx.data.signals) if (s.caseCode && codes.has(s.caseCode)) delete s.note;
    }
    return purged;
  });
}
