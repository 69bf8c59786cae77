/** The actions of the `events` command group (see events.ts for the definitions). */
import { cliMsg } from '../../core/messages-cli.js';
import { eventKindSlug, eventsMsg, registrationStatusLabel } from '../../core/messages-cli/events.js';
import type { LlaEvent } from '../../core/schema.js';
import { dateOption, intOption, UsageError, type CliApp } from '../app.js';


export interface NewEventOptions {
  soort?: string;
  datum?: string;
  capaciteit?: string;
  titel?: string;
  plaats?: string;
  begin?: string;
  eind?: string;
  deadline?: string;
  programma?: string;
}

/** An event id argument: given → used; missing on a terminal → chosen from the coming events; else exit 2. */
export async function eventId(app: CliApp, id: string | undefined): Promise<string> {
  if (id && id.trim() !== '') return id.trim();
  if (!app.canPrompt) throw new UsageError(cliMsg.missingArgument('id'));
  const { listEvents } = await import('../../core/usecases/events.js');
  const events = await listEvents(await app.ctx(), { upcomingOnly: true });
  if (events.length === 0) throw new UsageError(eventsMsg.noEventsToChoose());
  return app.need(undefined as string | undefined, '<id>', (p) =>
    p.askSelect(
      eventsMsg.askEvent(),
      events.map((e) => ({ name: eventsMsg.eventChoice(e.id, e.title, e.date), value: e.id })),
    ),
  );
}

export async function counts(e: LlaEvent): Promise<{ registeredCount: number; waitlistCount: number }> {
  const { registeredCount, waitlist } = await import('../../core/usecases/events.js');
  return { registeredCount: registeredCount(e), waitlistCount: waitlist(e).length };
}

export const yearPattern = /^\d{4}$/;

export async function planYearCmd(app: CliApp, year: string | undefined): Promise<void> {
  let given = year;
  if (!given || given.trim() === '') {
    if (!app.canPrompt) throw new UsageError(cliMsg.missingArgument('jaar'));
    const { systemClock } = await import('../../core/dates.js');
    const next = String(systemClock.now().getUTCFullYear() + 1);
    given = await app.need(undefined as string | undefined, '<jaar>', (p) =>
      p.askText(eventsMsg.askYear(), { default: next, validate: (v) => (yearPattern.test(v.trim()) ? true : eventsMsg.notAYear()) }),
    );
  }
  if (!yearPattern.test(given.trim())) throw new UsageError(eventsMsg.notAYear());
  const { planYear } = await import('../../core/usecases/events.js');
  const { formatDate } = await import('../../core/dates.js');
  const created = await planYear(await app.ctx(), { year: Number(given) });
  app.print(created, () => [eventsMsg.planned(Number(given), created.length), ...(created.length ? [eventTable(app, created.map((e) => ({ e, registered: 0, waitlisted: 0 })), formatDate)] : [])]);
}

export function kindFromInput(value: string): LlaEvent['kind'] {
  const v = value.trim().toLowerCase();
  for (const [kind, slug] of Object.entries(eventKindSlug) as Array<[LlaEvent['kind'], string]>) {
    if (v === slug || v === kind.toLowerCase()) return kind;
  }
  throw new UsageError(eventsMsg.unknownKind(value));
}

export async function newEventCmd(app: CliApp, o: NewEventOptions): Promise<void> {
  const kindText = await app.need(o.soort, '--soort', async (p) => {
    const { eventKindLabel } = await import('../../core/messages.js');
    return p.askSelect(
      eventsMsg.askKind(),
      (Object.entries(eventKindSlug) as Array<[LlaEvent['kind'], string]>).map(([kind, slug]) => ({ name: eventKindLabel[kind], value: slug })),
    );
  });
  const kind = kindFromInput(kindText);
  const date = dateOption(await app.need(o.datum, '--datum', (p) => p.askDate(eventsMsg.askDate())), '--datum')!;
  const capacity = intOption(
    await app.need(o.capaciteit, '--capaciteit', (p) =>
      p.askText(eventsMsg.askCapacity(), { validate: (v) => (/^\d+$/.test(v.trim()) && Number(v) >= 1 ? true : eventsMsg.capacityHint()) }),
    ),
    '--capaciteit',
  )!;
  const deadline = dateOption(o.deadline, '--deadline');
  const { createEvent } = await import('../../core/usecases/events.js');
  const event = await createEvent(await app.ctx(), {
    kind,
    date,
    capacity,
    ...(o.titel !== undefined ? { title: o.titel } : {}),
    ...(o.plaats !== undefined ? { place: o.plaats } : {}),
    ...(o.begin !== undefined ? { startTime: o.begin } : {}),
    ...(o.eind !== undefined ? { endTime: o.eind } : {}),
    ...(deadline !== undefined ? { registrationDeadline: deadline } : {}),
    ...(o.programma !== undefined ? { programme: o.programma } : {}),
  });
  app.print(event, () => eventsMsg.created(event.id, event.title, event.date));
}

export function eventTable(app: CliApp, rows: Array<{ e: LlaEvent; registered: number; waitlisted: number }>, formatDay: (day: string) => string): string {
  return app.table(
    eventsMsg.listHeaders(),
    rows.map(({ e, registered, waitlisted }) => [
      e.id,
      formatDay(e.date),
      e.startTime ? `${e.startTime}${e.endTime ? `–${e.endTime}` : ''}` : '',
      e.title,
      e.place ?? '',
      eventsMsg.seats(registered, e.capacity),
      waitlisted,
      eventsMsg.eventStatus(e.status),
    ]),
  );
}

export async function listCmd(app: CliApp, o: { jaar?: string; komend?: boolean }): Promise<void> {
  if (o.jaar !== undefined && !yearPattern.test(o.jaar.trim())) throw new UsageError(eventsMsg.notAYear());
  const { formatDate } = await import('../../core/dates.js');
  const { listEvents } = await import('../../core/usecases/events.js');
  const events = await listEvents(await app.ctx(), { ...(o.jaar ? { year: Number(o.jaar) } : {}), ...(o.komend ? { upcomingOnly: true } : {}) });
  const withCounts = await Promise.all(events.map(async (e) => ({ ...e, ...(await counts(e)) })));
  app.print(withCounts, () =>
    withCounts.length === 0 ? eventsMsg.noEvents() : eventTable(app, withCounts.map((e) => ({ e, registered: e.registeredCount, waitlisted: e.waitlistCount })), formatDate),
  );
}

export async function showCmd(app: CliApp, id: string | undefined): Promise<void> {
  const key = await eventId(app, id);
  const { getEvent } = await import('../../core/usecases/events.js');
  const e = await getEvent(await app.ctx(), key);
  const c = await counts(e);
  app.print({ ...e, ...c }, () => eventsMsg.show({ ...e, registered: c.registeredCount, waitlisted: c.waitlistCount }));
}

/** The name of a person as the actor may see it, else the id or e-mail as given. */
export async function personName(app: CliApp, ref: string | undefined): Promise<string | undefined> {
  if (!ref) return undefined;
  const { listPeople } = await import('../../core/usecases/people.js');
  const key = ref.trim().toLowerCase();
  const p = (await listPeople(await app.ctx(), { includeInactive: true })).find((x) => x.id.toLowerCase() === key || x.email.toLowerCase() === key);
  return p ? p.name : ref;
}

export async function registrationCmd(app: CliApp, id: string | undefined, person: string | undefined, register: boolean): Promise<void> {
  const key = await eventId(app, id);
  const { registerForEvent, cancelRegistration } = await import('../../core/usecases/events.js');
  const ctx = await app.ctx();
  const input = { eventId: key, ...(person ? { personId: person } : {}) };
  if (register) {
    const result = await registerForEvent(ctx, input);
    const who = await personName(app, person);
    app.print(result, () =>
      result.status === 'waitlisted'
        ? eventsMsg.waitlisted(who, result.event.title, result.waitlistPosition ?? 0)
        : eventsMsg.registered(who, result.event.title, result.event.date),
    );
  } else {
    const event = await cancelRegistration(ctx, input);
    const who = await personName(app, person);
    app.print(event, () => eventsMsg.unregistered(who, event.title));
  }
}

export async function announceCmd(app: CliApp, id: string | undefined): Promise<void> {
  const key = await eventId(app, id);
  const { announceEvent } = await import('../../core/usecases/events.js');
  const result = await announceEvent(await app.ctx(), { eventId: key });
  app.print({ eventId: result.event.id, announced: result.announced, skipped: result.skipped }, () =>
    eventsMsg.announced(result.event.title, result.announced.length, result.skipped),
  );
}

export async function participantsCmd(app: CliApp, id: string | undefined): Promise<void> {
  const key = await eventId(app, id);
  const { getEvent, waitlist } = await import('../../core/usecases/events.js');
  const { listPeople } = await import('../../core/usecases/people.js');
  const { formatDate, formatDateTime } = await import('../../core/dates.js');
  const ctx = await app.ctx();
  const e = await getEvent(ctx, key);
  const people = new Map((await listPeople(ctx, { includeInactive: true })).map((p) => [p.id, p]));
  const queue = waitlist(e).map((r) => r.personId);
  const order = { registered: 0, waitlisted: 1, cancelled: 2 } as const;
  const rows = [...e.registrations]
    .sort((a, b) => order[a.status] - order[b.status] || (a.status === 'waitlisted' ? a.updatedAt.localeCompare(b.updatedAt) : a.at.localeCompare(b.at)))
    .map((r) => {
      const p = people.get(r.personId);
      const position = queue.indexOf(r.personId);
      return {
        personId: r.personId,
        name: p?.name ?? null,
        organisation: p?.organisation ?? null,
        regionCode: p?.regionCode ?? null,
        status: r.status,
        registeredAt: r.at,
        updatedAt: r.updatedAt,
        channel: r.channel,
        waitlistPosition: position >= 0 ? position + 1 : null,
      };
    });
  const n = (s: keyof typeof order) => rows.filter((r) => r.status === s).length;
  app.print({ eventId: e.id, title: e.title, date: e.date, capacity: e.capacity, participants: rows }, () => [
    `${e.id}  ${e.title}  ${formatDate(e.date)}`,
    app.table(
      eventsMsg.participantHeaders(),
      rows.map((r) => [r.name ?? r.personId, r.organisation, registrationStatusLabel[r.status], r.waitlistPosition, formatDateTime(r.registeredAt)]),
    ),
    eventsMsg.participantsSummary(n('registered'), e.capacity, n('waitlisted'), n('cancelled')),
  ]);
}

export async function writeOut(app: CliApp, file: string, content: string | Uint8Array): Promise<string> {
  const path = await import('node:path');
  const { writeFile } = await import('node:fs/promises');
  const target = path.resolve(app.io.cwd, file);
  await writeFile(target, content, { mode: 0o644 });
  return target;
}

export async function icsCmd(app: CliApp, id: string | undefined, out: string | undefined): Promise<void> {
  const key = await eventId(app, id);
  const { getEvent } = await import('../../core/usecases/events.js');
  const { buildIcs } = await import('../../core/ics.js');
  const { systemClock } = await import('../../core/dates.js');
  const e = await getEvent(await app.ctx(), key);
  const description = [e.programme, eventsMsg.icsAudience(e.audience), e.registrationDeadline ? eventsMsg.icsDeadline(e.registrationDeadline) : undefined]
    .filter((s): s is string => !!s)
    .join('\n\n');
  const ics = buildIcs(
    {
      id: e.id,
      summary: e.title,
      date: e.date,
      ...(e.startTime ? { startTime: e.startTime } : {}),
      ...(e.endTime ? { endTime: e.endTime } : {}),
      ...(e.place ? { location: e.place } : {}),
      description,
      cancelled: e.status === 'cancelled',
    },
    { now: systemClock.now(), calendarName: eventsMsg.icsCalendarName() },
  );
  if (!out) {
    app.io.stdout.write(ics);
    return;
  }
  const file = await writeOut(app, out, ics);
  app.print({ eventId: e.id, file }, () => eventsMsg.written(file));
}

// monitor --------------------------------------------------------------------

export interface SubmitOptions {
  periode?: string;
  regio?: string;
  clienten?: string;
  nieuw?: string;
  uitstroom?: string;
  gestart?: boolean;
  nietGestart?: boolean;
}

export async function openRoundCmd(app: CliApp, period: string | undefined, closesOn: string | undefined): Promise<void> {
  let given = period;
  if (!given || given.trim() === '') {
    if (!app.canPrompt) throw new UsageError(cliMsg.missingArgument('periode'));
    const { periodOf, amsterdamDay, systemClock } = await import('../../core/dates.js');
    given = await app.need(undefined as string | undefined, '<periode>', (p) => p.askText(eventsMsg.askPeriod(), { default: periodOf(amsterdamDay(systemClock.now())) }));
  }
  const sluitOp = dateOption(closesOn, '--sluit-op');
  const { openMonitorRound } = await import('../../core/usecases/monitor.js');
  const round = await openMonitorRound(await app.ctx(), { period: given, ...(sluitOp ? { closesOn: sluitOp } : {}) });
  app.print(round, () => eventsMsg.roundOpened(round.period, round.closesOn));
}

export async function askCount(app: CliApp, value: string | undefined, flag: string, question: string): Promise<number> {
  const text = await app.need(value, flag, (p) => p.askText(question, { validate: (v) => (/^\d+$/.test(v.trim()) ? true : eventsMsg.numberHint()) }));
  return intOption(text, flag)!;
}

export async function submitCmd(app: CliApp, o: SubmitOptions): Promise<void> {
  if (o.gestart && o.nietGestart) throw new UsageError(eventsMsg.startedConflict());
  const ctx = await app.ctx();
  let region = o.regio?.trim().toUpperCase();
  if (!region) {
    const { whoAmI, listRegions } = await import('../../core/usecases/people.js');
    const me = await whoAmI(ctx);
    if (!me?.regionCode) {
      const regions = await listRegions(ctx);
      region = await app.need(undefined as string | undefined, '--regio', (p) =>
        p.askSelect(eventsMsg.askRegion(), regions.map((r) => ({ name: `${r.name} (${r.code})`, value: r.code }))),
      );
    }
  }
  const includedClients = await askCount(app, o.clienten, '--clienten', eventsMsg.askClients());
  const newInclusions = await askCount(app, o.nieuw, '--nieuw', eventsMsg.askNew());
  const outflow = await askCount(app, o.uitstroom, '--uitstroom', eventsMsg.askOutflow());
  const started = o.gestart ? true : o.nietGestart ? false : await app.need(undefined as boolean | undefined, '--gestart of --niet-gestart', (p) => p.askConfirm(eventsMsg.askStarted(), true));
  const { submitMonitorFigures, listMonitorRounds } = await import('../../core/usecases/monitor.js');
  const submission = await submitMonitorFigures(ctx, {
    ...(o.periode ? { period: o.periode } : {}),
    ...(region ? { regionCode: region } : {}),
    includedClients,
    newInclusions,
    outflow,
    started,
  });
  let line = '';
  if (!app.json) {
    const { listRegions } = await import('../../core/usecases/people.js');
    const name = (await listRegions(ctx, { includeInactive: true })).find((r) => r.code === submission.regionCode)?.name ?? submission.regionCode;
    const round = (await listMonitorRounds(ctx)).find((m) => m.submissions.some((s) => s.regionCode === submission.regionCode && s.submittedAt === submission.submittedAt));
    line = eventsMsg.submitted(name, round?.period ?? o.periode?.toUpperCase() ?? '', submission.includedClients, submission.newInclusions, submission.outflow, submission.started);
  }
  app.print(submission, () => line);
}

export async function overviewCmd(app: CliApp, period: string | undefined): Promise<void> {
  const { monitorOverview } = await import('../../core/usecases/monitor.js');
  const o = await monitorOverview(await app.ctx(), period ? { period } : {});
  app.print(o, () => {
    const names = new Map(o.rows.map((r) => [r.regionCode, r.regionName]));
    const perYear = eventsMsg.overviewPerYear(o.perYear);
    return [
      app.bold(eventsMsg.overviewTitle(o.period, o.status === 'open')),
      app.table(
        eventsMsg.overviewHeaders(),
        o.rows.map((r) => [r.regionCode, r.regionName, r.includedClients, r.newInclusions, r.outflow, r.started ? cliMsg.yes() : cliMsg.no(), r.submittedAt ? eventsMsg.submittedAt(r.submittedAt) : '']),
      ),
      eventsMsg.overviewTotals(o.totals.includedClients, o.totals.newInclusions, o.totals.outflow, o.totals.submitted, o.totals.regions),
      eventsMsg.overviewMissing(o.missingRegions.map((code) => names.get(code) ?? code)),
      eventsMsg.overviewStarted(o.regionsStarted, o.regionsTotal),
      ...(perYear ? [perYear] : []),
    ];
  });
}

// rapport --------------------------------------------------------------------

export interface ReportOptions {
  van?: string;
  tot?: string;
  formaat?: string;
  uit?: string;
}

const REPORT_FORMATS = ['md', 'html', 'xlsx', 'json'] as const;
type ReportFormat = (typeof REPORT_FORMATS)[number];

export async function reportCmd(app: CliApp, o: ReportOptions): Promise<void> {
  const format = (o.formaat ?? (app.json ? 'json' : 'md')).trim().toLowerCase() as ReportFormat;
  if (!REPORT_FORMATS.includes(format)) throw new UsageError(eventsMsg.formatUnknown(o.formaat ?? format));
  // Binary to a terminal is noise: ask for a file (a pipe or redirect is fine).
  if (format === 'xlsx' && !o.uit && app.io.stdout.isTTY) throw new UsageError(eventsMsg.xlsxNeedsFile());
  const from = dateOption(o.van, '--van');
  const to = dateOption(o.tot, '--tot');
  const progress = app.progress(eventsMsg.reportProgress());
  let content: string | Uint8Array;
  try {
    const { signalReport } = await import('../../core/report.js');
    const report = await signalReport(await app.ctx(), { ...(from ? { from } : {}), ...(to ? { to } : {}) });
    if (format === 'json') content = `${JSON.stringify(report, null, 2)}\n`;
    else if (format === 'md') content = (await import('../../core/report-md.js')).renderSignalReportMarkdown(report);
    else if (format === 'html') content = (await import('../../core/report-html.js')).renderSignalReportHtml(report);
    else content = await (await import('../report-xlsx.js')).renderSignalReportXlsx(report);
    if (o.uit) {
      const { period } = report;
      const file = await writeOut(app, await reportFile(app, o.uit, `signalenrapportage-${period.from}-${period.to}.${format}`), content);
      app.print({ file, format, period }, () => eventsMsg.reportWritten(file));
      return;
    }
  } finally {
    progress.done();
  }
  // The real stdout takes bytes too (xlsx through a pipe).
  (app.io.stdout as { write(chunk: string | Uint8Array): unknown }).write(content);
}

/** `--uit`: a file, or an existing directory to put the report in under its default name. */
async function reportFile(app: CliApp, out: string, defaultName: string): Promise<string> {
  const path = await import('node:path');
  const { stat } = await import('node:fs/promises');
  const target = path.resolve(app.io.cwd, out);
  const isDir = await stat(target).then(
    (s) => s.isDirectory(),
    () => false,
  );
  return isDir ? path.join(target, defaultName) : target;
}
