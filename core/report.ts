/**
 * The signal report (signalenrapportage): what the Coördinatiepunt tells the
 * ambassadors about stuck cases and bottleneck signals in a period.
 *
 * `buildSignalReport` is a pure function from store data to a plain data
 * object with stable English keys; renderers (markdown in `report-md.ts`,
 * later html/xlsx) and the JSON output all start from that object.
 * `signalReport` is the use-case around it: who may read it, the default
 * period, input checks.
 *
 * Periods are calendar days in Europe/Amsterdam, both ends inclusive.
 */
import { query, readsEverything, type Context } from './context.js';
import { addDays, amsterdamDay, daysBetween, isCalendarDate } from './dates.js';
import { forbidden, validationError } from './errors.js';
import type { Bottleneck, CaseStatus, CaseTheme, Region, Signal, StuckCase } from './schema.js';

/** The part of the store the report reads. */
export interface SignalReportData {
  regions: Region[];
  cases: StuckCase[];
  signals: Signal[];
  bottlenecks: Bottleneck[];
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

export interface SignalReport {
  period: ReportPeriod;
  /** The period compared against: the previous calendar month for a whole month, else the same number of days before. */
  previousPeriod: ReportPeriod;
  generatedAt: string;
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
  };
  /** Started, active regions with no new case and no signal in the period. */
  silentRegions: Array<{ regionCode: string; regionName: string }>;
  /** Bottlenecks with at least one signal in the period, most signals first. */
  bottlenecks: Array<{
    /** Competition ranking: equal counts share a rank (1, 1, 3). */
    rank: number;
    bottleneckId: string;
    wlzNumber: number | null;
    title: string;
    owner: string;
    signals: number;
    signalsPreviousPeriod: number;
    /** Distinct regions the signals came from. */
    regions: number;
    /** Distinct cases the signals came from. */
    cases: number;
  }>;
  /** Active regions (and any region with figures in the period), by name. */
  regions: Array<{
    regionCode: string;
    regionName: string;
    started: boolean;
    openCases: number;
    newCases: number;
    signals: number;
  }>;
  /** Cases awaiting the ambassadors at the end of the period, longest waiting first. */
  escalations: Array<{
    caseCode: string;
    regionCode: string;
    regionName: string;
    theme: CaseTheme;
    bottleneckIds: string[];
    /** When the case was escalated nationally (instant). */
    since: string;
    /** Whole days from `since` to the end of the period (or today, if earlier). */
    daysWaiting: number;
  }>;
}

const FINAL: ReadonlySet<CaseStatus> = new Set<CaseStatus>(['resolved', 'closedUnresolved']);

const inPeriod = (day: string, p: { from: string; to: string }) => day >= p.from && day <= p.to;

/** The status of a case at the end of `day` (Amsterdam), or null when it was not yet reported. */
export function statusOnDay(c: StuckCase, day: string): CaseStatus | null {
  let status: CaseStatus | null = null;
  for (const h of c.history) {
    if (amsterdamDay(h.at) <= day) status = h.to;
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

/** Assemble the signal report for a period. Pure: same data and options, same report. */
export function buildSignalReport(data: SignalReportData, options: SignalReportOptions): SignalReport {
  const period: ReportPeriod = { from: options.from, to: options.to, days: daysBetween(options.from, options.to) + 1 };
  const previous = previousPeriod(options.from, options.to);
  const today = amsterdamDay(options.now);
  const regionName = new Map(data.regions.map((r) => [r.code, r.name]));

  const signals = data.signals.filter((s) => inPeriod(amsterdamDay(s.at), period));
  const previousSignals = data.signals.filter((s) => inPeriod(amsterdamDay(s.at), previous));
  const newCases = data.cases.filter((c) => inPeriod(amsterdamDay(c.reportedAt), period));
  const statusAtEnd = new Map(data.cases.map((c) => [c.code, statusOnDay(c, period.to)]));
  const openCases = data.cases.filter((c) => {
    const s = statusAtEnd.get(c.code);
    return s !== null && s !== undefined && !FINAL.has(s);
  });
  const reached = (to: CaseStatus) =>
    data.cases.filter((c) => c.history.some((h) => h.to === to && inPeriod(amsterdamDay(h.at), period))).length;

  // Per region
  const countBy = <T>(items: T[], key: (t: T) => string) => {
    const m = new Map<string, number>();
    for (const item of items) m.set(key(item), (m.get(key(item)) ?? 0) + 1);
    return m;
  };
  const openBy = countBy(openCases, (c) => c.regionCode);
  const newBy = countBy(newCases, (c) => c.regionCode);
  const signalsBy = countBy(signals, (s) => s.regionCode);
  const regions = data.regions
    .filter((r) => r.active || openBy.has(r.code) || newBy.has(r.code) || signalsBy.has(r.code))
    .map((r) => ({
      regionCode: r.code,
      regionName: r.name,
      started: r.started,
      openCases: openBy.get(r.code) ?? 0,
      newCases: newBy.get(r.code) ?? 0,
      signals: signalsBy.get(r.code) ?? 0,
    }))
    .sort((a, b) => a.regionName.localeCompare(b.regionName, 'nl') || a.regionCode.localeCompare(b.regionCode));
  const started = data.regions.filter((r) => r.active && r.started);
  const reporting = started.filter((r) => newBy.has(r.code) || signalsBy.has(r.code));
  const silentRegions = regions
    .filter((r) => r.started && data.regions.find((x) => x.code === r.regionCode)?.active && r.newCases === 0 && r.signals === 0)
    .map((r) => ({ regionCode: r.regionCode, regionName: r.regionName }));

  // Per bottleneck
  const bySignal = new Map<string, Signal[]>();
  for (const s of signals) bySignal.set(s.bottleneckId, [...(bySignal.get(s.bottleneckId) ?? []), s]);
  const previousBy = countBy(previousSignals, (s) => s.bottleneckId);
  const ranked = [...bySignal.entries()]
    .map(([bottleneckId, list]) => {
      const b = data.bottlenecks.find((x) => x.id === bottleneckId);
      return {
        rank: 0,
        bottleneckId,
        wlzNumber: b?.wlzNumber ?? null,
        title: b?.title ?? bottleneckId,
        owner: b?.owner ?? '',
        signals: list.length,
        signalsPreviousPeriod: previousBy.get(bottleneckId) ?? 0,
        regions: new Set(list.map((s) => s.regionCode)).size,
        cases: new Set(list.filter((s) => s.caseCode).map((s) => s.caseCode)).size,
      };
    })
    .sort((a, b) => b.signals - a.signals || b.regions - a.regions || a.bottleneckId.localeCompare(b.bottleneckId));
  ranked.forEach((row, i) => {
    const prev = ranked[i - 1];
    row.rank = prev && prev.signals === row.signals ? prev.rank : i + 1;
  });

  // Escalations awaiting the ambassadors
  const waitEnd = today < period.to ? today : period.to;
  const escalations = data.cases
    .filter((c) => statusAtEnd.get(c.code) === 'nationalEscalation')
    .map((c) => {
      const since = [...c.history].reverse().find((h) => h.to === 'nationalEscalation' && amsterdamDay(h.at) <= period.to)?.at ?? c.reportedAt;
      return {
        caseCode: c.code,
        regionCode: c.regionCode,
        regionName: regionName.get(c.regionCode) ?? c.regionCode,
        theme: c.theme,
        bottleneckIds: [...c.bottleneckIds],
        since,
        daysWaiting: Math.max(0, daysBetween(amsterdamDay(since), waitEnd)),
      };
    })
    .sort((a, b) => a.since.localeCompare(b.since) || a.caseCode.localeCompare(b.caseCode));

  return {
    period,
    previousPeriod: previous,
    generatedAt: options.now.toISOString(),
    headline: {
      newCases: newCases.length,
      openCases: openCases.length,
      resolvedCases: reached('resolved'),
      closedUnresolvedCases: reached('closedUnresolved'),
      nationallyEscalatedCases: reached('nationalEscalation'),
      awaitingAmbassadors: escalations.length,
      signals: signals.length,
      signalsPreviousPeriod: previousSignals.length,
      regionsStarted: started.length,
      regionsReporting: reporting.length,
    },
    silentRegions,
    bottlenecks: ranked,
    regions,
    escalations,
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
