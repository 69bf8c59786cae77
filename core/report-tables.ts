/**
 * The signal report as a sequence of sections made of paragraphs, lists and
 * typed tables: one model that the markdown, html and xlsx renderers all
 * draw, so the three formats show the same rows in the same order. Cells
 * keep their type (number, date) for Excel; the text renderers format them
 * in Dutch with `cellText`. Pure.
 */
import { amsterdamDay, formatDate } from './dates.js';
import { formatNumber, reportText as t } from './messages-report.js';
import type { SignalReport } from './report.js';

export type SectionId = 'headline' | 'bottlenecks' | 'regions' | 'escalations' | 'taskGroups' | 'events' | 'monitor' | 'trend';

/** `number`: whole or decimal; `signed`: a difference (+2, -1); `date`: a calendar day yyyy-mm-dd. */
export type ColumnKind = 'text' | 'number' | 'signed' | 'date';

export type Cell = string | number | null | { date: string };

export interface Column {
  header: string;
  kind: ColumnKind;
  /** Width in characters (xlsx). */
  width: number;
}

/** A table; it may have no rows (then a paragraph above says so, and the text formats leave the table out). */
export interface ReportTable {
  caption: string;
  columns: Column[];
  rows: Cell[][];
  /** A closing row (totals), shown in bold where the format can. */
  total?: Cell[];
}

export type Block =
  | { kind: 'paragraph'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; table: ReportTable };

export interface ReportSection {
  id: SectionId;
  /** 1–8, as in the table of contents. */
  number: number;
  title: string;
  /** The xlsx sheet name. */
  sheet: string;
  blocks: Block[];
}

const col = (header: string, kind: ColumnKind, width = kind === 'text' ? 24 : kind === 'date' ? 14 : 12): Column => ({ header, kind, width });

const date = (day: string | null): Cell => (day === null ? null : { date: day });

/** A cell as text, in Dutch: `–` for none, `2,5`, `+2`, `22 november 2026`. */
export function cellText(cell: Cell, kind: ColumnKind): string {
  if (cell === null || cell === '') return cell === '' ? '' : t.none();
  if (typeof cell === 'object') return formatDate(cell.date);
  if (typeof cell === 'number') return kind === 'signed' && cell > 0 ? `+${formatNumber(cell)}` : formatNumber(cell);
  return cell;
}

/** The sections of the report, in order. */
export function reportSections(report: SignalReport): ReportSection[] {
  const sheets = t.sheetNames();
  const names = new Map(report.regions.map((r) => [r.regionCode, r.regionName]));
  const section = (number: number, id: SectionId, title: string, blocks: Block[]): ReportSection => ({ id, number, title, sheet: sheets[id], blocks });
  const table = (tbl: ReportTable): Block => ({ kind: 'table', table: tbl });
  const p = (text: string): Block => ({ kind: 'paragraph', text });
  const h = report.headline;

  const headline: Block[] = [
    table({
      caption: t.headlineTitle(),
      columns: [col(t.figure(), 'text', 44), col(t.count(), 'number')],
      rows: [
        [t.newCases(), h.newCases],
        [t.openCases(), h.openCases],
        [t.resolvedCases(), h.resolvedCases],
        [t.closedUnresolvedCases(), h.closedUnresolvedCases],
        [t.nationallyEscalated(), h.nationallyEscalatedCases],
        [t.awaitingAmbassadors(), h.awaitingAmbassadors],
        [t.signals(), h.signals],
        [t.signalsPrevious(), h.signalsPreviousPeriod],
        [t.regionsStarted(), h.regionsStarted],
        [t.regionsReporting(), h.regionsReporting],
        [t.regionsSilent(), h.regionsSilent],
      ],
    }),
    p(t.previousPeriodNote(report.previousPeriod.from, report.previousPeriod.to, report.previousPeriod.days)),
    { kind: 'heading', text: t.stepsTitle() },
  ];
  headline.push(
    p(h.statusSteps.length === 0 ? t.stepsNone() : t.stepsIntro()),
    table({
      caption: t.stepsTitle(),
      columns: [col(t.colStep(), 'text', 44), col(t.colSteps(), 'number'), col(t.colMedianDays(), 'number')],
      rows: h.statusSteps.map((s) => [t.step(s.from, s.to), s.steps, s.medianDays]),
    }),
  );
  headline.push({ kind: 'heading', text: t.silentTitle() });
  if (report.silentRegions.length === 0) headline.push(p(t.silentNone()));
  else headline.push(p(t.silentIntro(report.silentRegions.length)), { kind: 'list', items: report.silentRegions.map((r) => `${r.regionName} (${r.regionCode})`) });

  const bottlenecks: Block[] = [];
  if (h.signals === 0) bottlenecks.push(p(t.bottlenecksNone()));
  bottlenecks.push(
    p(t.bottlenecksIntro()),
    table({
      caption: t.bottlenecksTitle(),
      columns: [
        col(t.colRank(), 'number', 5),
        col(t.colBottleneck(), 'text', 56),
        col(t.colSignals(), 'number', 10),
        col(t.colPrevious(), 'number', 10),
        col(t.colChange(), 'signed', 10),
        col(t.colTrend(), 'text', 10),
        col(t.colRegions(), 'number', 10),
        col(t.colCases(), 'number', 10),
        col(t.colOwner(), 'text', 30),
        col(t.colApproach(), 'text', 40),
      ],
      rows: report.bottlenecks.map((b) => [
        b.rank,
        t.bottleneckName(b.bottleneckId, b.title, b.wlzNumber),
        b.signals,
        b.signalsPreviousPeriod,
        b.change,
        t.trendWord(b.trend),
        b.regions,
        b.cases,
        b.owner || null,
        b.approach || null,
      ]),
    }),
  );

  const regions: Block[] = [
    table({
      caption: t.regionsTitle(),
      columns: [
        col(t.colRegion(), 'text', 34),
        col(t.colOpen(), 'number'),
        col(t.colNew(), 'number'),
        col(t.colSignals(), 'number', 10),
        col(t.colOldest(), 'number', 14),
        col(t.colHomeless(), 'number', 14),
        col(t.colLastReport(), 'date', 18),
        col(t.colClients(), 'number', 12),
        col(t.colRound(), 'text', 12),
      ],
      rows: report.regions.map((r) => [
        t.regionName(r.regionName, r.regionCode, r.started),
        r.openCases,
        r.newCases,
        r.signals,
        r.oldestOpenCaseDays,
        r.homelessWithin30Days,
        date(r.lastReportOn),
        r.monitor?.includedClients ?? null,
        r.monitor?.period ?? null,
      ]),
    }),
  ];

  const escalations: Block[] = [
    p(report.escalations.length === 0 ? t.escalationsNone() : t.escalationsIntro(report.escalations.length)),
    table({
      caption: t.escalationsTitle(),
      columns: [
        col(t.colCase(), 'text', 14),
        col(t.colRegion(), 'text', 24),
        col(t.colTheme(), 'text', 30),
        col(t.colBottlenecks(), 'text', 16),
        col(t.colReported(), 'date', 16),
        col(t.colEscalated(), 'date', 16),
        col(t.colWaiting(), 'number', 10),
        col(t.colHomelessOn(), 'date', 16),
      ],
      rows: report.escalations.map((e) => [
        e.caseCode,
        e.regionName,
        t.theme(e.theme),
        e.bottleneckIds.join(', ') || null,
        date(amsterdamDay(e.reportedAt)),
        date(amsterdamDay(e.since)),
        e.daysWaiting,
        date(e.homelessOn),
      ]),
    }),
  ];

  const tg = report.taskGroups;
  const taskGroups: Block[] = [
    p(tg.groups.length === 0 ? t.taskGroupsNone() : t.taskGroupsIntro(tg.active, tg.overdue, tg.checkInIntervalDays)),
    table({
      caption: t.taskGroupsTitle(),
      columns: [
        col(t.colTaskGroup(), 'text', 40),
        col(t.colTask(), 'text', 8),
        col(t.colFirstContact(), 'text', 24),
        col(t.colMembers(), 'number', 8),
        col(t.colDeadline(), 'date', 16),
        col(t.colLastProgress(), 'date', 18),
        col(t.colDaysSince(), 'number', 12),
        col(t.colStatus(), 'text', 30),
      ],
      rows: tg.groups.map((g) => [
        `${g.id} ${g.name}`,
        t.task(g.task),
        g.firstContactName,
        g.members,
        date(g.deadline),
        date(g.lastProgressOn),
        g.daysSinceProgress,
        g.overdue ? t.overdue(g.overdueReasons) : t.onSchedule(),
      ]),
    }),
  ];

  const events: Block[] = [
    ...(report.events.length === 0 ? [p(t.eventsNone())] : []),
    table({
      caption: t.eventsTitle(),
      columns: [
        col(t.colEvent(), 'text', 40),
        col(t.colKind(), 'text', 26),
        col(t.colDate(), 'date', 16),
        col(t.colPlace(), 'text', 18),
        col(t.colRegistered(), 'number', 10),
        col(t.colCapacity(), 'number', 10),
        col(t.colFree(), 'number', 10),
        col(t.colWaitlist(), 'number', 10),
        col(t.colRegistrationDeadline(), 'date', 16),
      ],
      rows: report.events.map((e) => [
        `${e.id} ${e.title}`,
        t.eventKind(e.kind),
        date(e.date),
        e.place,
        e.registered,
        e.capacity,
        e.freePlaces,
        e.waitlisted,
        date(e.registrationDeadline),
      ]),
    }),
  ];

  const m = report.monitor;
  const monitor: Block[] = [p(t.monitorStarted(m.regionsStarted, m.regionsTotal))];
  if (!m.latestRound) monitor.push(p(t.monitorNoRound()));
  else {
    monitor.push(p(t.monitorRound(m.latestRound.period, m.latestRound.status === 'open', m.latestRound.submitted, m.latestRound.regions)));
    if (m.latestRound.missingRegions.length > 0) monitor.push(p(t.monitorMissing(m.latestRound.missingRegions.map((c) => names.get(c) ?? c))));
  }
  monitor.push(
    p(t.monitorPerYearIntro()),
    table({
      caption: t.chartMonitorTitle(),
      columns: [
        col(t.colRegion(), 'text', 34),
        col(t.colStarted(), 'text', 9),
        col(t.colRound(), 'text', 12),
        col(t.colIncluded(), 'number', 10),
        col(t.colInclusions(), 'number', 12),
        col(t.colOutflow(), 'number', 10),
        ...m.perYear.map((y) => col(t.colYear(y.year), 'number', 9)),
      ],
      rows: report.regions.map((r) => [
        `${r.regionName} (${r.regionCode})`,
        r.started ? t.yes() : t.no(),
        r.monitor?.period ?? null,
        r.monitor?.includedClients ?? null,
        r.monitor?.newInclusions ?? null,
        r.monitor?.outflow ?? null,
        ...m.perYear.map((y) => y.byRegion[r.regionCode] ?? null),
      ]),
      total: [t.total(), '', '', '', '', '', ...m.perYear.map((y) => y.total)],
    }),
  );

  const trend: Block[] = [
    p(t.trendIntro()),
    table({
      caption: t.trendTitle(),
      columns: [col(t.colMonth(), 'text', 16), col(t.colNew(), 'number', 14), col(t.colSignals(), 'number', 10)],
      rows: report.trend.map((x) => [t.month(x.month), x.newCases, x.signals]),
    }),
  ];

  return [
    section(1, 'headline', t.headlineTitle(), headline),
    section(2, 'bottlenecks', t.bottlenecksTitle(), bottlenecks),
    section(3, 'regions', t.regionsTitle(), regions),
    section(4, 'escalations', t.escalationsTitle(), escalations),
    section(5, 'taskGroups', t.taskGroupsTitle(), taskGroups),
    section(6, 'events', t.eventsTitle(), events),
    section(7, 'monitor', t.monitorTitle(), monitor),
    section(8, 'trend', t.trendTitle(), trend),
  ];
}
