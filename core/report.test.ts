import { describe, expect, it } from 'vitest';
import { caseInput, expectLlaError, makeFixture } from '../test/helpers/core-fixture.js';
import { OCTOBER, REPORT_NOW as NOW, reportDataset as dataset, signal, stuck } from '../test/helpers/report-dataset.js';
import { amsterdamDay } from './dates.js';
import { renderSignalReportMarkdown } from './report-md.js';
import { buildSignalReport, dayCache, lastFullMonth, median, previousPeriod, reportPeriod, signalReport, statusOnDay, trendMonths } from './report.js';
import type { CaseStatus, Signal, StuckCase } from './schema.js';
import { reportCase } from './usecases/cases.js';
import { reportSignal } from './usecases/signals.js';

// Every expectation below is worked out by hand from test/helpers/report-dataset.ts.
describe('buildSignalReport on the hand-checkable dataset (October 2026)', () => {
  const r = buildSignalReport(dataset(), OCTOBER);

  it('period, previous period and the day states are taken', () => {
    expect(r.period).toEqual({ from: '2026-10-01', to: '2026-10-31', days: 31 });
    expect(r.previousPeriod).toEqual({ from: '2026-09-01', to: '2026-09-30', days: 30 });
    expect(r.generatedAt).toBe('2026-11-22T10:00:00.000Z');
    expect(r.asOf).toBe('2026-10-31');
  });

  it('headline: cases, signals, regions and the median days per step of the route', () => {
    expect(r.headline).toEqual({
      newCases: 2, // C2, C3 (23:30 on 31 October in Amsterdam); C4 is 1 November
      openCases: 4, // C1, C3, C6, C7
      resolvedCases: 1, // C2
      closedUnresolvedCases: 0, // C5 closed in September
      nationallyEscalatedCases: 2, // C1, C6
      awaitingAmbassadors: 1, // C1 (C6 moved on to the problem owner)
      signals: 6,
      signalsPreviousPeriod: 3, // S7 (23:30 on 30 September), S9, S10
      regionsStarted: 3, // HGL, UTR, ZHZ (ARN not started, OLD inactive)
      regionsReporting: 2,
      regionsSilent: 1,
      statusSteps: [
        { from: 'reported', to: 'inTreatment', steps: 2, medianDays: 7.5 }, // C2 4 days, C7 11 days
        { from: 'reported', to: 'nationalEscalation', steps: 1, medianDays: 31 }, // C6 1 Sep → 2 Oct
        { from: 'inTreatment', to: 'nationalEscalation', steps: 1, medianDays: 20 }, // C1 20 Sep → 10 Oct
        { from: 'inTreatment', to: 'resolved', steps: 1, medianDays: 11 }, // C2 9 → 20 Oct
        { from: 'nationalEscalation', to: 'withProblemOwner', steps: 1, medianDays: 23 }, // C6 2 → 25 Oct
      ],
    });
    expect(r.silentRegions).toEqual([{ regionCode: 'ZHZ', regionName: 'Zuid-Holland Zuid' }]);
  });

  it('bottlenecks: every active one ranked by signals, with trend, owner and approach', () => {
    expect(r.bottlenecks).toEqual([
      { rank: 1, bottleneckId: 'KP-02', wlzNumber: 2, source: 'wlz', title: 'Wlz-indicatie tijdens detentie komt te laat', owner: 'CIZ via VWS', approach: 'Aanpak KP-02', signals: 3, signalsPreviousPeriod: 0, change: 3, trend: 'up', regions: 2, cases: 3 },
      { rank: 2, bottleneckId: 'KP-09', wlzNumber: 9, source: 'wlz', title: 'Wlz-indicatie sluit Wmo-plek uit', owner: 'VWS | zorgkantoren', approach: 'Aanpak KP-09', signals: 2, signalsPreviousPeriod: 1, change: 1, trend: 'up', regions: 2, cases: 0 },
      { rank: 3, bottleneckId: 'KP-15', wlzNumber: null, source: 'added', title: 'Geen passende woonvorm <b>', owner: 'VNG', approach: 'Aanpak KP-15', signals: 1, signalsPreviousPeriod: 1, change: 0, trend: 'same', regions: 1, cases: 0 },
      { rank: 4, bottleneckId: 'KP-01', wlzNumber: 1, source: 'wlz', title: 'Inhoud Wlz-indicatie niet op te vragen', owner: 'VWS', approach: 'Aanpak KP-01', signals: 0, signalsPreviousPeriod: 1, change: -1, trend: 'down', regions: 0, cases: 0 },
    ]);
  });

  it('regions: all active ones by name, with oldest open case, homelessness within 30 days, last report and monitor figures', () => {
    expect(r.regions).toEqual([
      {
        regionCode: 'HGL',
        regionName: 'Haaglanden',
        started: true,
        openCases: 2,
        newCases: 1,
        signals: 4,
        oldestOpenCaseDays: 60, // C6, 1 September → 31 October
        homelessWithin30Days: 1, // C1 on 30 November (day 30); C6 on 1 December is day 31
        lastReportOn: '2026-10-16', // S5; S8 is after the period
        monitor: { period: '2026-H1', includedClients: 14, newInclusions: 4, outflow: 2, started: true },
      },
      { regionCode: 'ARN', regionName: 'Regio Arnhem', started: false, openCases: 0, newCases: 0, signals: 0, oldestOpenCaseDays: null, homelessWithin30Days: 0, lastReportOn: null, monitor: null },
      {
        regionCode: 'UTR',
        regionName: 'Regio Utrecht',
        started: true,
        openCases: 2,
        newCases: 1,
        signals: 2,
        oldestOpenCaseDays: 33, // C7, 28 September
        homelessWithin30Days: 1, // C7 on 20 November; C3's date (30 October) has passed
        lastReportOn: '2026-10-31', // C3 and S3 at 23:30 in Amsterdam
        monitor: { period: '2026-H1', includedClients: 9, newInclusions: 2, outflow: 1, started: true },
      },
      {
        regionCode: 'ZHZ',
        regionName: 'Zuid-Holland Zuid',
        started: true,
        openCases: 0,
        newCases: 0,
        signals: 0,
        oldestOpenCaseDays: null,
        homelessWithin30Days: 0,
        lastReportOn: '2026-08-20',
        // Its 2026-H1 figures came in on 5 November, after the period.
        monitor: { period: '2025-H2', includedClients: 5, newInclusions: 1, outflow: 0, started: true },
      },
    ]);
  });

  it('decisions waiting for the ambassadors, oldest first', () => {
    expect(r.escalations).toEqual([
      {
        caseCode: 'VC-2026-0001',
        regionCode: 'HGL',
        regionName: 'Haaglanden',
        theme: 'housing',
        bottleneckIds: ['KP-02'],
        reportedAt: '2026-09-15T10:00:00.000Z',
        since: '2026-10-10T09:00:00.000Z',
        daysWaiting: 21,
        homelessOn: '2026-11-30',
      },
    ]);
  });

  it('task groups active at the end of the period, overdue first', () => {
    expect(r.taskGroups).toEqual({
      checkInIntervalDays: 30,
      active: 4,
      overdue: 3,
      groups: [
        { id: 'TG-002', name: 'Draaiboek', task: 2, firstContactId: 'P-0003', firstContactName: 'Piet Projectleider', members: 3, deadline: '2026-10-15', lastProgressOn: '2026-10-25', daysSinceProgress: 6, overdue: true, overdueReasons: ['deadlinePassed'] },
        // The update of 10 November is after the period.
        { id: 'TG-003', name: 'Monitor automatiseren', task: 4, firstContactId: 'P-0003', firstContactName: 'Piet Projectleider', members: 3, deadline: null, lastProgressOn: '2026-09-15', daysSinceProgress: 46, overdue: true, overdueReasons: ['noProgress'] },
        // Dissolved on 5 November: still active on 31 October; no update since its start on 10 January.
        { id: 'TG-005', name: 'Later opgeheven', task: 3, firstContactId: null, firstContactName: null, members: 0, deadline: '2026-09-30', lastProgressOn: null, daysSinceProgress: 294, overdue: true, overdueReasons: ['deadlinePassed', 'noProgress'] },
        { id: 'TG-001', name: 'Escalatieroute dakloosheid', task: 5, firstContactId: 'P-0002', firstContactName: 'Ada Ambassadeur', members: 3, deadline: '2026-12-31', lastProgressOn: '2026-10-20', daysSinceProgress: 11, overdue: false, overdueReasons: [] },
      ],
    });
  });

  it('coming events (from today, after the period) with registrations against capacity and the waiting list', () => {
    expect(r.events).toEqual([
      { id: 'EV-2026-02', kind: 'poolMeeting', title: 'Bijeenkomst EV-2026-02', date: '2026-11-22', place: 'Utrecht', registrationDeadline: '2026-11-15', capacity: 40, registered: 1, waitlisted: 0, freePlaces: 39 },
      { id: 'EV-2027-01', kind: 'vakdagProcessDirectors', title: 'Vakdag <script>alert(1)</script> & co', date: '2027-03-09', place: null, registrationDeadline: null, capacity: 2, registered: 2, waitlisted: 1, freePlaces: 0 },
    ]);
  });

  it('monitor: regions started, the latest round and clients per region per year up to the end of the period', () => {
    expect(r.monitor).toEqual({
      regionsStarted: 3,
      regionsTotal: 4,
      latestRound: { period: '2026-H1', status: 'open', submitted: 2, regions: 4, missingRegions: ['ARN', 'ZHZ'] },
      perYear: [
        { year: 2025, total: 25, byRegion: { HGL: 12, UTR: 8, ZHZ: 5 } }, // HGL: H2 over H1
        { year: 2026, total: 23, byRegion: { HGL: 14, UTR: 9 } }, // OLD is inactive; ZHZ came in after the period
      ],
    });
  });

  it('trend: new cases and signals per month, the 12 months up to the period', () => {
    expect(r.trend.map((m) => m.month)).toEqual(trendMonths('2026-10-31'));
    expect(r.trend[0]!.month).toBe('2025-11');
    expect(r.trend.filter((m) => m.newCases + m.signals > 0)).toEqual([
      { month: '2026-08', newCases: 1, signals: 1 }, // C5, S11
      { month: '2026-09', newCases: 3, signals: 3 }, // C1, C6, C7; S7, S9, S10
      { month: '2026-10', newCases: 2, signals: 6 },
    ]);
  });

  it('equal counts share a rank', () => {
    const d = dataset();
    d.signals = [signal(1, 'KP-09', 'HGL', '2026-10-02T10:00:00Z'), signal(2, 'KP-02', 'HGL', '2026-10-03T10:00:00Z'), signal(3, 'KP-15', 'HGL', '2026-10-03T10:00:00Z'), signal(4, 'KP-15', 'HGL', '2026-10-04T10:00:00Z')];
    expect(buildSignalReport(d, OCTOBER).bottlenecks.map((b) => [b.rank, b.bottleneckId])).toEqual([
      [1, 'KP-15'],
      [2, 'KP-02'],
      [2, 'KP-09'],
      [4, 'KP-01'],
    ]);
  });

  it('an inactive bottleneck appears only with signals', () => {
    const d = dataset();
    d.signals.push(signal(99, 'KP-20', 'UTR', '2026-10-20T10:00:00Z'));
    expect(buildSignalReport(d, OCTOBER).bottlenecks.find((b) => b.bottleneckId === 'KP-20')).toMatchObject({ rank: 3, signals: 1, trend: 'up' });
    expect(r.bottlenecks.some((b) => b.bottleneckId === 'KP-20')).toBe(false);
  });

  it('is pure: same input, same output; the input is not changed', () => {
    const d = dataset();
    const before = JSON.stringify(d);
    expect(buildSignalReport(d, OCTOBER)).toEqual(buildSignalReport(d, OCTOBER));
    expect(JSON.stringify(d)).toBe(before);
  });

  it('an empty period gives zeros and every started region silent', () => {
    const e = buildSignalReport(dataset(), { from: '2025-01-01', to: '2025-01-31', now: NOW });
    expect(e.headline).toMatchObject({ newCases: 0, openCases: 0, signals: 0, regionsReporting: 0, regionsStarted: 3, statusSteps: [] });
    expect(e.bottlenecks.every((b) => b.signals === 0 && b.rank === 1)).toBe(true);
    expect(e.silentRegions.map((s) => s.regionCode)).toEqual(['HGL', 'UTR', 'ZHZ']);
    expect(e.monitor.latestRound).toBeNull();
    expect(e.taskGroups.groups).toEqual([]);
  });

  it('a period that ends after today takes states today', () => {
    const e = buildSignalReport(dataset(), { from: '2026-11-01', to: '2026-11-30', now: NOW });
    expect(e.asOf).toBe('2026-11-22');
    // C1 waits from 10 October to 22 November.
    expect(e.escalations[0]).toMatchObject({ caseCode: 'VC-2026-0001', daysWaiting: 43 });
    expect(e.events.map((x) => x.id)).toEqual(['EV-2027-01']);
  });
});

describe('builds fast on a large store', () => {
  it('10,000 cases and 56,000 signals in well under a second (one pass each, no scans per item)', () => {
    const d = dataset();
    const regions = ['HGL', 'UTR', 'ZHZ'];
    const cases: StuckCase[] = [];
    const signals: Signal[] = [];
    const day0 = Date.parse('2025-01-01T08:00:00.000Z');
    for (let i = 0; i < 10_000; i++) {
      const at = (d: number) => new Date(day0 + ((i * 7 + d) % 680) * 86_400_000 + (i % 24) * 3_600_000).toISOString();
      cases.push(
        stuck(`VC-2026-${String(i + 1).padStart(5, '0')}`, regions[i % 3]!, [
          ['reported', at(0)],
          ['inTreatment', at(3)],
          ['regionalMediation', at(20)],
          ...(i % 4 === 0 ? [['resolved', at(60)] as [CaseStatus, string]] : []),
        ]),
      );
    }
    for (let i = 0; i < 56_000; i++) {
      signals.push(signal(i + 1, ['KP-01', 'KP-02', 'KP-09', 'KP-15'][i % 4]!, regions[i % 3]!, new Date(day0 + (i % 680) * 86_400_000 + (i % 1440) * 60_000).toISOString()));
    }
    d.cases = cases;
    d.signals = signals;
    buildSignalReport(d, OCTOBER); // warm up
    const started = performance.now();
    const big = buildSignalReport(d, OCTOBER);
    const ms = performance.now() - started;
    expect(big.headline.signals).toBeGreaterThan(2000);
    expect(ms).toBeLessThan(1000);
  });
});

describe('helpers', () => {
  it('dayCache gives the same Amsterdam day as amsterdamDay, also around the clock changes', () => {
    const day = dayCache();
    const start = Date.parse('2026-03-27T00:00:00.000Z');
    for (let m = 0; m < 60 * 24 * 5; m += 17) {
      const at = new Date(start + m * 60_000).toISOString();
      expect(day(at), at).toBe(amsterdamDay(at));
    }
    const autumn = Date.parse('2026-10-23T00:00:00.000Z');
    for (let m = 0; m < 60 * 24 * 5; m += 13) {
      const at = new Date(autumn + m * 60_000).toISOString();
      expect(day(at), at).toBe(amsterdamDay(at));
    }
    // Not written in UTC: the slow way, same answer.
    expect(day('2026-10-31T23:30:00+01:00')).toBe('2026-10-31');
  });

  it('median and the trend months', () => {
    expect(median([])).toBe(0);
    expect(median([5])).toBe(5);
    expect(median([11, 4])).toBe(7.5);
    expect(median([1, 9, 2])).toBe(2);
    expect(median([1, 2, 3, 4, 5, 6.33])).toBe(3.5);
    expect(trendMonths('2026-03-15')).toEqual(['2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03']);
    expect(trendMonths('2026-12-01').at(0)).toBe('2026-01');
  });
});

describe('periods', () => {
  it('statusOnDay follows the history in Amsterdam days', () => {
    const c = dataset().cases[0]!;
    expect(statusOnDay(c, '2026-09-14')).toBeNull();
    expect(statusOnDay(c, '2026-09-15')).toBe('reported');
    expect(statusOnDay(c, '2026-10-09')).toBe('inTreatment');
    expect(statusOnDay(c, '2026-10-10')).toBe('nationalEscalation');
  });

  it('the default is the last full calendar month in Amsterdam', () => {
    expect(lastFullMonth(new Date('2026-11-22T10:00:00Z'))).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(lastFullMonth(new Date('2026-01-05T10:00:00Z'))).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    // 23:30 UTC on 30 November is already 1 December in Amsterdam.
    expect(lastFullMonth(new Date('2026-11-30T23:30:00Z'))).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(lastFullMonth(new Date('2028-03-01T10:00:00Z'))).toEqual({ from: '2028-02-01', to: '2028-02-29' });
  });

  it('the previous period is the previous month, or as many days before', () => {
    expect(previousPeriod('2026-03-01', '2026-03-31')).toEqual({ from: '2026-02-01', to: '2026-02-28', days: 28 });
    expect(previousPeriod('2026-01-01', '2026-01-31')).toEqual({ from: '2025-12-01', to: '2025-12-31', days: 31 });
    expect(previousPeriod('2026-10-10', '2026-10-19')).toEqual({ from: '2026-09-30', to: '2026-10-09', days: 10 });
  });

  it('reportPeriod fills in missing ends and refuses a reversed or invalid period', async () => {
    expect(reportPeriod({}, NOW)).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(reportPeriod({ from: '2026-11-01' }, NOW)).toEqual({ from: '2026-11-01', to: '2026-11-22' });
    expect(reportPeriod({ to: '2026-09-15' }, NOW)).toEqual({ from: '2026-09-01', to: '2026-09-15' });
    await expectLlaError(() => reportPeriod({ from: '2026-10-31', to: '2026-10-01' }, NOW), 'validation', 'period');
    await expectLlaError(() => reportPeriod({ from: '2026-02-30' }, NOW), 'validation', 'period');
  });
});

describe('signalReport (use-case)', () => {
  it('the quartermaster and ambassadors make it; regional people may not', async () => {
    const f = await makeFixture({ start: '2026-03-10T09:00:00Z' });
    await reportCase(f.projectLeadHgl, caseInput({ bottleneckIds: ['KP-02', 'KP-09'] }));
    await reportSignal(f.projectLeadUtr, { bottleneckId: 'KP-09' });
    const r = await signalReport(f.quartermaster, { from: '2026-03-01', to: '2026-03-31' });
    expect(r.headline).toMatchObject({ newCases: 1, openCases: 1, signals: 3 });
    expect(r.bottlenecks.slice(0, 2).map((b) => [b.bottleneckId, b.signals])).toEqual([
      ['KP-09', 2],
      ['KP-02', 1],
    ]);
    // All 14 Wlz bottlenecks are listed, also without signals.
    expect(r.bottlenecks.length).toBeGreaterThanOrEqual(14);
    expect(r.regions.length).toBe(31);
    expect((await signalReport(f.ambassador, { from: '2026-03-01', to: '2026-03-31' })).headline.signals).toBe(3);
    // Default: February 2026, nothing in it.
    expect((await signalReport(f.quartermaster)).period).toMatchObject({ from: '2026-02-01', to: '2026-02-28' });
    await expectLlaError(signalReport(f.projectLeadHgl), 'forbidden');
    await expectLlaError(signalReport(f.processDirectorHgl), 'forbidden');
  });
});

describe('renderSignalReportMarkdown', () => {
  it('renders every section in Dutch with the figures', () => {
    const md = renderSignalReportMarkdown(buildSignalReport(dataset(), OCTOBER));
    expect(md.startsWith('# Signalenrapportage Levensloopaanpak\n')).toBe(true);
    expect(md).toContain('Periode: 1 oktober 2026 t/m 31 oktober 2026 (31 dagen)');
    expect(md).toContain('Standen (open, wachtend, achter) per 31 oktober 2026.');
    for (const title of ['## 1. Kerncijfers', '## 2. Knelpunten naar aantal signalen', '## 3. Per regio', '## 4. Besluiten voor de ambassadeurs', '## 5. Taakgroepen', '## 6. Komende bijeenkomsten', '## 7. Monitor basisgegevens', '## 8. Verloop per maand']) {
      expect(md).toContain(`\n${title}\n`);
    }
    expect(md).toContain('| Nieuwe vastgelopen casussen | 2 |');
    expect(md).toContain('| Open casussen aan het eind van de periode | 4 |');
    expect(md).toContain('| Signalen | 6 |');
    expect(md).toContain('| Signalen in de vorige periode | 3 |');
    expect(md).toContain('| Gestarte regio’s met een melding | 2 |');
    expect(md).toContain('| gemeld → in behandeling | 2 | 7,5 |');
    expect(md).toContain('- Zuid-Holland Zuid (ZHZ)');
    expect(md).toContain('| 1 | KP-02 Wlz-indicatie tijdens detentie komt te laat (Wlz 2) | 3 | 0 | +3 | meer | 2 | 3 | CIZ via VWS | Aanpak KP-02 |');
    expect(md).toContain('| 4 | KP-01 Inhoud Wlz-indicatie niet op te vragen (Wlz 1) | 0 | 1 | -1 | minder | 0 | 0 | VWS | Aanpak KP-01 |');
    // Pipes in data do not break the table.
    expect(md).toContain('VWS \\| zorgkantoren');
    expect(md).toContain('| Haaglanden (HGL) | 2 | 1 | 4 | 60 | 1 | 16 oktober 2026 | 14 | 2026-H1 |');
    expect(md).toContain('| Regio Arnhem (ARN) (niet gestart) | 0 | 0 | 0 | – | 0 | – | – | – |');
    expect(md).toContain('| VC-2026-0001 | Haaglanden | wonen / dreigende dakloosheid | KP-02 | 15 september 2026 | 10 oktober 2026 | 21 | 30 november 2026 |');
    expect(md).toContain('4 actief, waarvan 3 achter (deadline verstreken of langer dan 30 dagen geen voortgang).');
    expect(md).toContain('| TG-005 Later opgeheven | taak 3 | – | 0 | 30 september 2026 | – | 294 | achter: deadline verstreken en geen recente voortgang |');
    expect(md).toContain('| EV-2027-01 Vakdag <script>alert(1)</script> & co | Vakdag procesregisseurs | 9 maart 2027 | – | 2 | 2 | 0 | 1 | – |');
    expect(md).toContain('Gestart: 3 van 4 regio’s.');
    expect(md).toContain('Laatste ronde 2026-H1 (open): 2 van 4 regio’s hebben ingestuurd.');
    expect(md).toContain('Nog niet ingestuurd: Regio Arnhem, Zuid-Holland Zuid.');
    expect(md).toContain('| Haaglanden (HGL) | ja | 2026-H1 | 14 | 4 | 2 | 12 | 14 |');
    expect(md).toContain('| Totaal |  |  |  |  |  | 25 | 23 |');
    expect(md).toContain('| september 2026 | 3 | 3 |');
    expect(md.endsWith('\n')).toBe(true);
  });

  it('says so when there is nothing to report', () => {
    const md = renderSignalReportMarkdown(buildSignalReport({ ...dataset(), cases: [], signals: [], taskGroups: [], events: [] }, OCTOBER));
    expect(md).toContain('Geen signalen in deze periode.');
    expect(md).toContain('In deze periode is geen casus van status veranderd.');
    expect(md).toContain('Er wachten geen casussen op een besluit van de ambassadeurs.');
    expect(md).toContain('Er zijn geen actieve taakgroepen.');
    expect(md).toContain('Er staan geen bijeenkomsten gepland.');
    // No empty tables.
    expect(md).not.toContain('| Casus |');
  });
});
