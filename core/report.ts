/**
 * The signal report (signalenrapportage): what the Coördinatiepunt tells the
 * ambassadors about stuck cases, bottleneck signals, task groups, events and
 * the monitor in a period.
 *
 * `buildSignalReport` is a pure function from store data to a plain data
 * object with stable English keys (the `--formaat json` output, documented in
 * the README); the renderers (markdown in `report-md.ts`, html with inline
 * SVG charts in `report-html.ts`, the xlsx writer in the CLI) all start from
 * that object and add no figures of their own. `signalReport` is the use-case
 * around it: who may read it, the default period, input checks.
 *
 * Periods are calendar days in Europe/Amsterdam, both ends inclusive. States
 * ("open", "waiting", "overdue") are taken at `asOf`: the end of the period,
 * or today when the period ends later.
 *
 * Built in one pass over cases and one over signals (10k cases and 56k
 * signals take a few tens of milliseconds); instants are turned into
 * Amsterdam days through a cache per UTC date (`dayCache`).
 */
import { FINAL_STATUSES, rank } from './case-route.js';
import { query, readsEverything, type Context } from './context.js';
import { addDays, amsterdamDay, daysBetween, isCalendarDate } from './dates.js';
import { forbidden, validationError } from './errors.js';
import { includedClientsPerYear, type MonitorYear } from './report-monitor.js';
import type {
  Bottleneck,
  CaseStatus,
  CaseTheme,
  EventKind,
  LlaEvent,
  MonitorRound,
  Person,
  Region,
  Settings,
  Signal,
  StuckCase,
  TaskGroup,
  TaskNumber,
} from './schema.js';
import { registeredCount, waitlist } from './usecases/events.js';

/** The part of the store the report reads (a `StoreData` fits). */
export interface SignalReportData {
  regions: Region[];
  cases: StuckCase[];
  signals: Signal[];
  bottlenecks: Bottleneck[];
  taskGroups: TaskGroup[];
  events: LlaEvent[];
  monitorRounds: MonitorRound[];
  people: Array<Pick<Person, 'id' | 'name'>>;
  settings: Pick<Settings, 'checkInIntervalDays'>;
}

export interface SignalReportOptions {
  /** First day, yyyy-mm-dd (inclusive). */
  from: string;
  /** Last day, yyyy-mm-dd (inclusive). */
  to: string;
  /** When the report is made. */
  now: Date;
}

export interface ReportPeriod {
  from: string;
  to: string;
  days: number;
}

/** Days cases spent on one step of the route, for the steps taken in the period. */
export interface StatusStepFigure {
  from: CaseStatus;
  to: CaseStatus;
  /** Status changes `from` → `to` in the period. */
  steps: number;
  /** Median of the calendar days between the previous change and this one (one decimal). */
  medianDays: number;
}

export type Trend = 'up' | 'down' | 'same';

export interface BottleneckRow {
  /** Competition ranking: equal counts share a rank (1, 1, 3). */
  rank: number;
  bottleneckId: string;
  wlzNumber: number | null;
  /** `wlz`: one of the 14 Wlz bottlenecks; `added`: added by the Coördinatiepunt. */
  source: Bottleneck['source'];
  title: string;
  owner: string;
  approach: string;
  signals: number;
  signalsPreviousPeriod: number;
  /** signals − signalsPreviousPeriod. */
  change: number;
  trend: Trend;
  /** Distinct regions the signals came from. */
  regions: number;
  /** Distinct cases the signals came from. */
  cases: number;
}

export interface RegionMonitorFigures {
  /** The round (`2026-H1`) of the region's latest submission up to the end of the period. */
  period: string;
  includedClients: number;
  newInclusions: number;
  outflow: number;
  started: boolean;
}

export interface RegionRow {
  regionCode: string;
  regionName: string;
  started: boolean;
  /** Open cases at `asOf`. */
  openCases: number;
  /** Cases reported in the period. */
  newCases: number;
  /** Signals in the period. */
  signals: number;
  /** Age in days (reported → `asOf`) of the oldest open case; null without open cases. */
  oldestOpenCaseDays: number | null;
  /** Open cases whose `homelessOn` lies from `asOf` up to 30 days after it. */
  homelessWithin30Days: number;
  /** Day of the region's last case or signal up to the end of the period; null if none ever. */
  lastReportOn: string | null;
  monitor: RegionMonitorFigures | null;
}

export interface EscalationRow {
  caseCode: string;
  regionCode: string;
  regionName: string;
  theme: CaseTheme;
  bottleneckIds: string[];
  reportedAt: string;
  /** When the case was escalated nationally (instant). */
  since: string;
  /** Whole days from `since` to `asOf`. */
  daysWaiting: number;
  /** Threatened homelessness date, if any. */
  homelessOn: string | null;
}

export interface TaskGroupRow {
  id: string;
  name: string;
  task: TaskNumber;
  firstContactId: string | null;
  firstContactName: string | null;
  members: number;
  deadline: string | null;
  /** Day of the last progress update up to `asOf`; null without one. */
  lastProgressOn: string | null;
  /** Days from the last progress update (or the group's start) to `asOf`. */
  daysSinceProgress: number;
  overdue: boolean;
  /** `deadlinePassed`: deadline before `asOf`; `noProgress`: more than `checkInIntervalDays` without progress. */
  overdueReasons: Array<'deadlinePassed' | 'noProgress'>;
}

export interface EventRow {
  id: string;
  kind: EventKind;
  title: string;
  date: string;
  place: string | null;
  registrationDeadline: string | null;
  capacity: number;
  registered: number;
  waitlisted: number;
  /** capacity − registered, at least 0. */
  freePlaces: number;
}

export interface SignalReport {
  period: ReportPeriod;
  /** The period compared against: the previous calendar month for a whole month, else the same number of days before. */
  previousPeriod: ReportPeriod;
  generatedAt: string;
  /** The day states are taken: the end of the period, or today when that is earlier. */
  asOf: string;
  headline: {
    /** Cases reported in the period. */
    newCases: number;
    /** Cases open (not resolved or closed) at the end of the period. */
    openCases: number;
    /** Cases that reached `resolved` in the period. */
    resolvedCases: number;
    /** Cases that reached `closedUnresolved` in the period. */
    closedUnresolvedCases: number;
    /** Cases escalated nationally (to the ambassadors) in the period. */
    nationallyEscalatedCases: number;
    /** Cases at `nationalEscalation` at the end of the period: awaiting the ambassadors. */
    awaitingAmbassadors: number;
    signals: number;
    signalsPreviousPeriod: number;
    /** Active regions where the approach has started. */
    regionsStarted: number;
    /** Started regions with a new case or signal in the period. */
    regionsReporting: number;
    /** Started regions without (= `silentRegions.length`). */
    regionsSilent: number;
    /** Median days per step of the route, for the steps taken in the period, in route order. */
    statusSteps: StatusStepFigure[];
  };
  /** Started, active regions with no new case and no signal in the period. */
  silentRegions: Array<{ regionCode: string; regionName: string }>;
  /** Every active bottleneck (and any inactive one with signals), most signals in the period first. */
  bottlenecks: BottleneckRow[];
  /** Every active region (and any inactive one with figures), by name. */
  regions: RegionRow[];
  /** Cases awaiting the ambassadors at `asOf`, longest waiting first. */
  escalations: EscalationRow[];
  taskGroups: {
    /** The setting `checkInIntervalDays`: more days than this without progress is overdue. */
    checkInIntervalDays: number;
    active: number;
    overdue: number;
    /** Task groups active at `asOf`, overdue ones first. */
    groups: TaskGroupRow[];
  };
  /** Planned events after the period and from today on, soonest first. */
  events: EventRow[];
  monitor: {
    /** Active regions where the approach has started, of all active regions ("29 van 31"). */
    regionsStarted: number;
    regionsTotal: number;
    /** The newest round opened up to the end of the period. */
    latestRound: { period: string; status: MonitorRound['status']; submitted: number; regions: number; missingRegions: string[] } | null;
    /** Included clients per region and per year (submissions up to the end of the period). */
    perYear: MonitorYear[];
  };
  /** New cases and signals per calendar month: the 12 months up to and including the period's last month. */
  trend: Array<{ month: string; newCases: number; signals: number }>;
}

const inPeriod = (day: string, p: { from: string; to: string }) => day >= p.from && day <= p.to;

/**
 * `amsterdamDay` for many instants: a cache per UTC date. Amsterdam is one or
 * two hours ahead of UTC and switches at 01:00 UTC, so a UTC date's instants
 * fall on that date until a roll-over hour late in the evening and on the
 * next day from then on. Instants not written in UTC (`…Z`) take the slow way.
 */
export function dayCache(): (instant: string) => string {
  const byDate = new Map<string, { rollHour: number; next: string }>();
  return (instant) => {
    if (instant.length < 20 || instant.charCodeAt(instant.length - 1) !== 90 /* Z */ || instant[10] !== 'T') return amsterdamDay(instant);
    const date = instant.slice(0, 10);
    let entry = byDate.get(date);
    if (entry === undefined) {
      entry = { rollHour: 24, next: addDays(date, 1) };
      for (let h = 20; h < 24; h++) {
        const day = amsterdamDay(new Date(`${date}T${String(h).padStart(2, '0')}:00:00Z`));
        if (day !== date) {
          entry = { rollHour: h, next: day };
          break;
        }
      }
      byDate.set(date, entry);
    }
    const hour = (instant.charCodeAt(11) - 48) * 10 + (instant.charCodeAt(12) - 48);
    return hour >= entry.rollHour ? entry.next : date;
  };
}

/** The status of a case at the end of `day` (Amsterdam), or null when it was not yet reported. */
export function statusOnDay(c: StuckCase, day: string, dayOf: (instant: string) => string = amsterdamDay): CaseStatus | null {
  let status: CaseStatus | null = null;
  for (const h of c.history) {
    if (dayOf(h.at) <= day) status = h.to;
  }
  return status;
}

function lastDayOfMonth(year: number, month: number): string {
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

const monthStart = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}-01`;

/** The last full calendar month before `now` in Europe/Amsterdam. */
export function lastFullMonth(now: Date): { from: string; to: string } {
  const today = amsterdamDay(now);
  let year = +today.slice(0, 4);
  let month = +today.slice(5, 7) - 1;
  if (month === 0) {
    month = 12;
    year -= 1;
  }
  return { from: monthStart(year, month), to: lastDayOfMonth(year, month) };
}

/** The period before: the previous calendar month when `from`–`to` is a whole month, else as many days right before. */
export function previousPeriod(from: string, to: string): ReportPeriod {
  const year = +from.slice(0, 4);
  const month = +from.slice(5, 7);
  const days = daysBetween(from, to) + 1;
  if (from.endsWith('-01') && to === lastDayOfMonth(year, month)) {
    const py = month === 1 ? year - 1 : year;
    const pm = month === 1 ? 12 : month - 1;
    const pFrom = monthStart(py, pm);
    const pTo = lastDayOfMonth(py, pm);
    return { from: pFrom, to: pTo, days: daysBetween(pFrom, pTo) + 1 };
  }
  return { from: addDays(from, -days), to: addDays(from, -1), days };
}

/** The 12 months (`yyyy-mm`) up to and including the month of `day`. */
export function trendMonths(day: string): string[] {
  const year = +day.slice(0, 4);
  const month = +day.slice(5, 7);
  return Array.from({ length: 12 }, (_, i) => {
    const m = month - 11 + i;
    const y = year + Math.floor((m - 1) / 12);
    const mm = ((((m - 1) % 12) + 12) % 12) + 1;
    return `${y}-${String(mm).padStart(2, '0')}`;
  });
}

/** The median, rounded to one decimal; 0 for none. */
export function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const m = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return Math.round(m * 10) / 10;
}

const trendOf = (now: number, before: number): Trend => (now > before ? 'up' : now < before ? 'down' : 'same');

const increment = (m: Map<string, number>, key: string, by = 1) => m.set(key, (m.get(key) ?? 0) + by);

function addToSet(m: Map<string, Set<string>>, key: string, value: string): void {
  let s = m.get(key);
  if (!s) m.set(key, (s = new Set()));
  s.add(value);
}

/** Competition ranking over rows already sorted: equal `signals` share a rank. */
function assignRanks(rows: BottleneckRow[]): void {
  rows.forEach((row, i) => {
    const prev = rows[i - 1];
    row.rank = prev && prev.signals === row.signals ? prev.rank : i + 1;
  });
}

/** Assemble the signal report for a period. Pure: same data and options, same report. */
export function buildSignalReport(data: SignalReportData, options: SignalReportOptions): SignalReport {
  const period: ReportPeriod = { from: options.from, to: options.to, days: daysBetween(options.from, options.to) + 1 };
  const previous = previousPeriod(options.from, options.to);
  const today = amsterdamDay(options.now);
  const asOf = today < period.to ? today : period.to;
  const dayOf = dayCache();
  const regionByCode = new Map(data.regions.map((r) => [r.code, r]));
  const months = trendMonths(period.to);
  const monthIndex = new Map(months.map((m, i) => [m, i]));
  const trend = months.map((month) => ({ month, newCases: 0, signals: 0 }));
  const lastReport = new Map<string, string>();
  /** A case or signal reported on `day`: the region's last report, and the month's count. */
  const seen = (regionCode: string, day: string, kind: 'newCases' | 'signals') => {
    const t = monthIndex.get(day.slice(0, 7));
    if (t !== undefined) trend[t]![kind] += 1;
    if (day > period.to) return;
    const prev = lastReport.get(regionCode);
    if (prev === undefined || day > prev) lastReport.set(regionCode, day);
  };

  // Signals: one pass.
  let signalCount = 0;
  let previousSignalCount = 0;
  const signalsByBottleneck = new Map<string, number>();
  const previousByBottleneck = new Map<string, number>();
  const regionsByBottleneck = new Map<string, Set<string>>();
  const casesByBottleneck = new Map<string, Set<string>>();
  const signalsByRegion = new Map<string, number>();
  for (const s of data.signals) {
    const day = dayOf(s.at);
    seen(s.regionCode, day, 'signals');
    if (inPeriod(day, period)) {
      signalCount += 1;
      increment(signalsByBottleneck, s.bottleneckId);
      increment(signalsByRegion, s.regionCode);
      addToSet(regionsByBottleneck, s.bottleneckId, s.regionCode);
      if (s.caseCode) addToSet(casesByBottleneck, s.bottleneckId, s.caseCode);
    } else if (inPeriod(day, previous)) {
      previousSignalCount += 1;
      increment(previousByBottleneck, s.bottleneckId);
    }
  }

  // Cases: one pass.
  let newCases = 0;
  let openCases = 0;
  let resolvedCases = 0;
  let closedUnresolvedCases = 0;
  let escalatedCases = 0;
  const newByRegion = new Map<string, number>();
  const openByRegion = new Map<string, number>();
  const oldestByRegion = new Map<string, number>();
  const homelessByRegion = new Map<string, number>();
  const stepDays = new Map<string, number[]>();
  const escalations: EscalationRow[] = [];
  const homelessUntil = addDays(asOf, 30);
  for (const c of data.cases) {
    const reportedDay = dayOf(c.reportedAt);
    seen(c.regionCode, reportedDay, 'newCases');
    if (inPeriod(reportedDay, period)) {
      newCases += 1;
      increment(newByRegion, c.regionCode);
    }
    let status: CaseStatus | null = null;
    let escalatedAt: string | null = null;
    let reachedResolved = false;
    let reachedClosed = false;
    let reachedEscalation = false;
    let previousDay: string | null = null;
    let previousStatus: CaseStatus | null = null;
    for (const h of c.history) {
      const day = dayOf(h.at);
      if (day <= period.to) {
        status = h.to;
        if (h.to === 'nationalEscalation' && previousStatus !== 'nationalEscalation') escalatedAt = h.at;
      }
      if (inPeriod(day, period)) {
        if (h.to === 'resolved') reachedResolved = true;
        else if (h.to === 'closedUnresolved') reachedClosed = true;
        else if (h.to === 'nationalEscalation') reachedEscalation = true;
        const from = h.from ?? previousStatus;
        if (from !== null && previousDay !== null) {
          const key = `${from}>${h.to}`;
          const list = stepDays.get(key);
          const days = daysBetween(previousDay, day);
          if (list) list.push(days);
          else stepDays.set(key, [days]);
        }
      }
      previousDay = day;
      previousStatus = h.to;
    }
    if (reachedResolved) resolvedCases += 1;
    if (reachedClosed) closedUnresolvedCases += 1;
    if (reachedEscalation) escalatedCases += 1;
    if (status === null || FINAL_STATUSES.has(status)) continue;
    openCases += 1;
    increment(openByRegion, c.regionCode);
    const age = daysBetween(reportedDay, asOf);
    if (age > (oldestByRegion.get(c.regionCode) ?? -1)) oldestByRegion.set(c.regionCode, age);
    if (c.homelessOn && c.homelessOn >= asOf && c.homelessOn <= homelessUntil) increment(homelessByRegion, c.regionCode);
    if (status === 'nationalEscalation') {
      const since = escalatedAt ?? c.reportedAt;
      escalations.push({
        caseCode: c.code,
        regionCode: c.regionCode,
        regionName: regionByCode.get(c.regionCode)?.name ?? c.regionCode,
        theme: c.theme,
        bottleneckIds: [...c.bottleneckIds],
        reportedAt: c.reportedAt,
        since,
        daysWaiting: Math.max(0, daysBetween(dayOf(since), asOf)),
        homelessOn: c.homelessOn ?? null,
      });
    }
  }
  escalations.sort((a, b) => a.since.localeCompare(b.since) || a.caseCode.localeCompare(b.caseCode));

  const statusSteps: StatusStepFigure[] = [...stepDays.entries()]
    .map(([key, days]) => {
      const [from, to] = key.split('>') as [CaseStatus, CaseStatus];
      return { from, to, steps: days.length, medianDays: median(days) };
    })
    .sort((a, b) => rank(a.from) - rank(b.from) || rank(a.to) - rank(b.to) || a.to.localeCompare(b.to));

  // Monitor: rounds and submissions up to the end of the period.
  const rounds = data.monitorRounds
    .filter((m) => dayOf(m.openedAt) <= period.to)
    .map((m) => ({ ...m, submissions: m.submissions.filter((s) => dayOf(s.submittedAt) <= period.to) }))
    .sort((a, b) => a.period.localeCompare(b.period));
  const latestFigures = new Map<string, RegionMonitorFigures>();
  for (const m of rounds) {
    for (const s of m.submissions) {
      latestFigures.set(s.regionCode, { period: m.period, includedClients: s.includedClients, newInclusions: s.newInclusions, outflow: s.outflow, started: s.started });
    }
  }

  // Regions
  const regions: RegionRow[] = data.regions
    .filter((r) => r.active || openByRegion.has(r.code) || newByRegion.has(r.code) || signalsByRegion.has(r.code))
    .map((r) => ({
      regionCode: r.code,
      regionName: r.name,
      started: r.started,
      openCases: openByRegion.get(r.code) ?? 0,
      newCases: newByRegion.get(r.code) ?? 0,
      signals: signalsByRegion.get(r.code) ?? 0,
      oldestOpenCaseDays: oldestByRegion.get(r.code) ?? null,
      homelessWithin30Days: homelessByRegion.get(r.code) ?? 0,
      lastReportOn: lastReport.get(r.code) ?? null,
      monitor: latestFigures.get(r.code) ?? null,
    }))
    .sort((a, b) => a.regionName.localeCompare(b.regionName, 'nl') || a.regionCode.localeCompare(b.regionCode));
  const activeRegions = data.regions.filter((r) => r.active);
  const started = activeRegions.filter((r) => r.started);
  const reporting = started.filter((r) => newByRegion.has(r.code) || signalsByRegion.has(r.code));
  const silentRegions = regions
    .filter((r) => r.started && regionByCode.get(r.regionCode)?.active && r.newCases === 0 && r.signals === 0)
    .map((r) => ({ regionCode: r.regionCode, regionName: r.regionName }));

  // Bottlenecks: every active one, and inactive ones with signals.
  const bottlenecks: BottleneckRow[] = data.bottlenecks
    .filter((b) => b.active || signalsByBottleneck.has(b.id) || previousByBottleneck.has(b.id))
    .map((b) => {
      const signals = signalsByBottleneck.get(b.id) ?? 0;
      const before = previousByBottleneck.get(b.id) ?? 0;
      return {
        rank: 0,
        bottleneckId: b.id,
        wlzNumber: b.wlzNumber ?? null,
        source: b.source,
        title: b.title,
        owner: b.owner,
        approach: b.approach,
        signals,
        signalsPreviousPeriod: before,
        change: signals - before,
        trend: trendOf(signals, before),
        regions: regionsByBottleneck.get(b.id)?.size ?? 0,
        cases: casesByBottleneck.get(b.id)?.size ?? 0,
      };
    })
    .sort((a, b) => b.signals - a.signals || b.regions - a.regions || a.bottleneckId.localeCompare(b.bottleneckId));
  assignRanks(bottlenecks);

  // Task groups active at asOf.
  const personName = new Map(data.people.map((p) => [p.id, p.name]));
  const taskGroups: TaskGroupRow[] = data.taskGroups
    .filter((g) => dayOf(g.createdAt) <= asOf && (g.status === 'active' || (g.dissolvedAt !== undefined && dayOf(g.dissolvedAt) > asOf)))
    .map((g) => {
      let lastProgressOn: string | null = null;
      for (const p of g.progress) {
        const day = dayOf(p.at);
        if (day <= asOf && (lastProgressOn === null || day > lastProgressOn)) lastProgressOn = day;
      }
      const daysSinceProgress = daysBetween(lastProgressOn ?? dayOf(g.createdAt), asOf);
      const overdueReasons: TaskGroupRow['overdueReasons'] = [];
      if (g.deadline && g.deadline < asOf) overdueReasons.push('deadlinePassed');
      if (daysSinceProgress > data.settings.checkInIntervalDays) overdueReasons.push('noProgress');
      return {
        id: g.id,
        name: g.name,
        task: g.task,
        firstContactId: g.firstContactId ?? null,
        firstContactName: g.firstContactId ? (personName.get(g.firstContactId) ?? null) : null,
        members: g.memberIds.length,
        deadline: g.deadline ?? null,
        lastProgressOn,
        daysSinceProgress,
        overdue: overdueReasons.length > 0,
        overdueReasons,
      };
    })
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.id.localeCompare(b.id));

  // Coming events: after the period and not yet past.
  const comingFrom = addDays(period.to, 1) > today ? addDays(period.to, 1) : today;
  const events: EventRow[] = data.events
    .filter((e) => e.status === 'planned' && e.date >= comingFrom)
    .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id))
    .map((e) => {
      const registered = registeredCount(e);
      return {
        id: e.id,
        kind: e.kind,
        title: e.title,
        date: e.date,
        place: e.place ?? null,
        registrationDeadline: e.registrationDeadline ?? null,
        capacity: e.capacity,
        registered,
        waitlisted: waitlist(e).length,
        freePlaces: Math.max(0, e.capacity - registered),
      };
    });

  const activeCodes = new Set(activeRegions.map((r) => r.code));
  const latest = rounds.at(-1);
  const submittedCodes = new Set(latest?.submissions.map((s) => s.regionCode));

  return {
    period,
    previousPeriod: previous,
    generatedAt: options.now.toISOString(),
    asOf,
    headline: {
      newCases,
      openCases,
      resolvedCases,
      closedUnresolvedCases,
      nationallyEscalatedCases: escalatedCases,
      awaitingAmbassadors: escalations.length,
      signals: signalCount,
      signalsPreviousPeriod: previousSignalCount,
      regionsStarted: started.length,
      regionsReporting: reporting.length,
      regionsSilent: silentRegions.length,
      statusSteps,
    },
    silentRegions,
    bottlenecks,
    regions,
    escalations,
    taskGroups: {
      checkInIntervalDays: data.settings.checkInIntervalDays,
      active: taskGroups.length,
      overdue: taskGroups.filter((g) => g.overdue).length,
      groups: taskGroups,
    },
    events,
    monitor: {
      regionsStarted: started.length,
      regionsTotal: activeRegions.length,
      latestRound: latest
        ? {
            period: latest.period,
            status: latest.status === 'closed' && (!latest.closedAt || dayOf(latest.closedAt) <= period.to) ? 'closed' : 'open',
            submitted: activeRegions.filter((r) => submittedCodes.has(r.code)).length,
            regions: activeRegions.length,
            missingRegions: activeRegions.filter((r) => !submittedCodes.has(r.code)).map((r) => r.code),
          }
        : null,
      perYear: includedClientsPerYear(rounds, activeCodes),
    },
    trend,
  };
}

export interface SignalReportInput {
  /** First day (yyyy-mm-dd); default: the first day of the last full month (or of `to`'s month). */
  from?: string;
  /** Last day (yyyy-mm-dd), inclusive; default: the end of the last full month (or today, with only `from`). */
  to?: string;
}

/** The period a report covers, from what was asked and today. */
export function reportPeriod(input: SignalReportInput, now: Date): { from: string; to: string } {
  for (const [field, value] of [
    ['from', input.from],
    ['to', input.to],
  ] as const) {
    if (value !== undefined && !isCalendarDate(value)) throw validationError('period', `${field === 'from' ? 'begindatum' : 'einddatum'} is geen geldige datum (jjjj-mm-dd)`);
  }
  let { from, to } = input;
  if (!from && !to) return lastFullMonth(now);
  if (!to) to = amsterdamDay(now) >= from! ? amsterdamDay(now) : from!;
  if (!from) from = `${to.slice(0, 7)}-01`;
  if (from > to) throw validationError('period', 'de begindatum ligt na de einddatum');
  return { from, to };
}

/** The signal report, for those who read everything: the quartermaster and the ambassadors. */
export function signalReport(ctx: Context, input: SignalReportInput = {}): Promise<SignalReport> {
  return query(ctx, (data, actor, now) => {
    if (!readsEverything(actor)) throw forbidden('de signalenrapportage maken (dat kunnen de kwartiermaker en de ambassadeurs)');
    const { from, to } = reportPeriod(input, now);
    return buildSignalReport(data, { from, to, now });
  });
}
