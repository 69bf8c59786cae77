import { describe, expect, it } from 'vitest';
import { caseInput, expectLlaError, makeFixture } from '../test/helpers/core-fixture.js';
import { renderSignalReportMarkdown } from './report-md.js';
import { buildSignalReport, lastFullMonth, previousPeriod, reportPeriod, signalReport, statusOnDay, type SignalReportData } from './report.js';
import type { Bottleneck, CaseStatus, Region, Signal, StuckCase } from './schema.js';
import { reportCase } from './usecases/cases.js';
import { reportSignal } from './usecases/signals.js';

const T0 = '2026-01-01T00:00:00.000Z';

function region(code: string, name: string, started = true, active = true): Region {
  return { code, name, started, active };
}

function bottleneck(id: string, title: string, owner: string, wlzNumber?: number): Bottleneck {
  return { id, title, owner, description: '', approach: '', source: wlzNumber ? 'wlz' : 'added', createdAt: T0, active: true, ...(wlzNumber ? { wlzNumber } : {}) };
}

/** A case with a status path: [status, instant][]; the first step is the report. */
function stuck(code: string, regionCode: string, steps: Array<[CaseStatus, string]>, bottleneckIds: string[] = ['KP-02']): StuckCase {
  const history = steps.map(([to, at], i) => ({ from: i === 0 ? null : steps[i - 1]![0], to, at, byPersonId: 'P-0001', channel: 'cli' as const }));
  return {
    code,
    regionCode,
    reporterId: 'P-0001',
    channel: 'cli',
    theme: 'housing',
    bottleneckIds,
    sketch: 'schets',
    stepsTried: ['caseTable'],
    helpAsked: ['advice'],
    status: steps.at(-1)![0],
    history,
    notes: [],
    reportedAt: steps[0]![1],
  };
}

let seq = 0;
function signal(bottleneckId: string, regionCode: string, at: string, caseCode?: string): Signal {
  seq += 1;
  return { id: `S-${String(seq).padStart(6, '0')}`, bottleneckId, regionCode, reportedById: 'P-0001', channel: 'cli', at, ...(caseCode ? { caseCode } : {}) };
}

/**
 * October 2026 (CET after 25 October: UTC+1). Hand-checked expectations:
 * new: C2, C3 · open at 31 Oct: C1, C3, C6 · resolved: C2 · escalated in October: C1, C6 · awaiting: C1
 * signals in October: S1–S6 (KP-02 ×3, KP-09 ×2, KP-15 ×1); September: S7 (KP-09), S9 (KP-15).
 */
function dataset(): SignalReportData {
  return {
    regions: [
      region('HGL', 'Haaglanden'),
      region('UTR', 'Regio Utrecht'),
      region('ARN', 'Regio Arnhem', false),
      region('ZHZ', 'Zuid-Holland Zuid'),
      region('OLD', 'Opgeheven regio', true, false),
    ],
    bottlenecks: [
      bottleneck('KP-02', 'Wlz-indicatie tijdens detentie komt te laat', 'CIZ via VWS', 2),
      bottleneck('KP-09', 'Wlz-indicatie sluit Wmo-plek uit', 'VWS | zorgkantoren', 9),
      bottleneck('KP-15', 'Geen passende woonvorm', 'VNG'),
    ],
    cases: [
      stuck('VC-2026-0001', 'HGL', [
        ['reported', '2026-09-15T10:00:00.000Z'],
        ['inTreatment', '2026-09-20T10:00:00.000Z'],
        ['nationalEscalation', '2026-10-10T09:00:00.000Z'],
      ]),
      stuck('VC-2026-0002', 'HGL', [
        ['reported', '2026-10-05T10:00:00.000Z'],
        ['resolved', '2026-10-20T10:00:00.000Z'],
      ]),
      // 22:30 UTC on 31 October is 23:30 in Amsterdam: still October.
      stuck('VC-2026-0003', 'UTR', [['reported', '2026-10-31T22:30:00.000Z']]),
      // 23:30 UTC on 31 October is 00:30 on 1 November in Amsterdam: after the period.
      stuck('VC-2026-0004', 'UTR', [['reported', '2026-10-31T23:30:00.000Z']]),
      stuck('VC-2026-0005', 'HGL', [
        ['reported', '2026-08-01T10:00:00.000Z'],
        ['closedUnresolved', '2026-09-01T10:00:00.000Z'],
      ]),
      stuck('VC-2026-0006', 'HGL', [
        ['reported', '2026-09-01T10:00:00.000Z'],
        ['nationalEscalation', '2026-10-02T10:00:00.000Z'],
        ['withProblemOwner', '2026-10-25T10:00:00.000Z'],
      ]),
    ],
    signals: [
      signal('KP-02', 'HGL', '2026-10-10T09:00:00.000Z', 'VC-2026-0001'), // S1
      signal('KP-02', 'HGL', '2026-10-05T10:00:00.000Z', 'VC-2026-0002'), // S2
      signal('KP-02', 'UTR', '2026-10-31T22:30:00.000Z', 'VC-2026-0003'), // S3
      signal('KP-09', 'UTR', '2026-10-15T10:00:00.000Z'), // S4
      signal('KP-09', 'HGL', '2026-10-16T10:00:00.000Z'), // S5
      signal('KP-15', 'HGL', '2026-09-30T22:30:00.000Z'), // S6: 1 October 00:30 in Amsterdam (CEST)
      signal('KP-09', 'UTR', '2026-09-30T21:30:00.000Z'), // S7: 30 September 23:30 in Amsterdam
      signal('KP-02', 'HGL', '2026-11-01T10:00:00.000Z'), // S8: after
      signal('KP-15', 'HGL', '2026-09-10T10:00:00.000Z'), // S9: before
    ],
  };
}

const NOW = new Date('2026-11-22T10:00:00.000Z');
const OCTOBER = { from: '2026-10-01', to: '2026-10-31', now: NOW };

describe('buildSignalReport', () => {
  it('computes the headline figures for the period', () => {
    const r = buildSignalReport(dataset(), OCTOBER);
    expect(r.period).toEqual({ from: '2026-10-01', to: '2026-10-31', days: 31 });
    expect(r.previousPeriod).toEqual({ from: '2026-09-01', to: '2026-09-30', days: 30 });
    expect(r.generatedAt).toBe('2026-11-22T10:00:00.000Z');
    expect(r.headline).toEqual({
      newCases: 2,
      openCases: 3,
      resolvedCases: 1,
      closedUnresolvedCases: 0,
      nationallyEscalatedCases: 2,
      awaitingAmbassadors: 1,
      signals: 6,
      signalsPreviousPeriod: 2,
      regionsStarted: 3,
      regionsReporting: 2,
    });
    expect(r.silentRegions).toEqual([{ regionCode: 'ZHZ', regionName: 'Zuid-Holland Zuid' }]);
  });

  it('ranks bottlenecks by signals, with owner, regions, cases and the previous period', () => {
    const r = buildSignalReport(dataset(), OCTOBER);
    expect(r.bottlenecks).toEqual([
      { rank: 1, bottleneckId: 'KP-02', wlzNumber: 2, title: 'Wlz-indicatie tijdens detentie komt te laat', owner: 'CIZ via VWS', signals: 3, signalsPreviousPeriod: 0, regions: 2, cases: 3 },
      { rank: 2, bottleneckId: 'KP-09', wlzNumber: 9, title: 'Wlz-indicatie sluit Wmo-plek uit', owner: 'VWS | zorgkantoren', signals: 2, signalsPreviousPeriod: 1, regions: 2, cases: 0 },
      { rank: 3, bottleneckId: 'KP-15', wlzNumber: null, title: 'Geen passende woonvorm', owner: 'VNG', signals: 1, signalsPreviousPeriod: 1, regions: 1, cases: 0 },
    ]);
  });

  it('equal counts share a rank', () => {
    const d = dataset();
    d.signals = [signal('KP-09', 'HGL', '2026-10-02T10:00:00Z'), signal('KP-02', 'HGL', '2026-10-03T10:00:00Z'), signal('KP-15', 'HGL', '2026-10-03T10:00:00Z'), signal('KP-15', 'HGL', '2026-10-04T10:00:00Z')];
    expect(buildSignalReport(d, OCTOBER).bottlenecks.map((b) => [b.rank, b.bottleneckId])).toEqual([
      [1, 'KP-15'],
      [2, 'KP-02'],
      [2, 'KP-09'],
    ]);
  });

  it('counts per region: open and new cases and signals; active regions only, by name', () => {
    const r = buildSignalReport(dataset(), OCTOBER);
    expect(r.regions).toEqual([
      { regionCode: 'HGL', regionName: 'Haaglanden', started: true, openCases: 2, newCases: 1, signals: 4 },
      { regionCode: 'ARN', regionName: 'Regio Arnhem', started: false, openCases: 0, newCases: 0, signals: 0 },
      { regionCode: 'UTR', regionName: 'Regio Utrecht', started: true, openCases: 1, newCases: 1, signals: 2 },
      { regionCode: 'ZHZ', regionName: 'Zuid-Holland Zuid', started: true, openCases: 0, newCases: 0, signals: 0 },
    ]);
  });

  it('lists the escalations awaiting the ambassadors with days waiting', () => {
    const r = buildSignalReport(dataset(), OCTOBER);
    expect(r.escalations).toEqual([
      { caseCode: 'VC-2026-0001', regionCode: 'HGL', regionName: 'Haaglanden', theme: 'housing', bottleneckIds: ['KP-02'], since: '2026-10-10T09:00:00.000Z', daysWaiting: 21 },
    ]);
  });

  it('is pure: same input, same output; the input is not changed', () => {
    const d = dataset();
    const before = JSON.stringify(d);
    expect(buildSignalReport(d, OCTOBER)).toEqual(buildSignalReport(d, OCTOBER));
    expect(JSON.stringify(d)).toBe(before);
  });

  it('an empty period gives zeros and every started region silent', () => {
    const r = buildSignalReport(dataset(), { from: '2025-01-01', to: '2025-01-31', now: NOW });
    expect(r.headline).toMatchObject({ newCases: 0, openCases: 0, signals: 0, regionsReporting: 0, regionsStarted: 3 });
    expect(r.bottlenecks).toEqual([]);
    expect(r.silentRegions.map((s) => s.regionCode)).toEqual(['HGL', 'UTR', 'ZHZ']);
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
    expect(r.bottlenecks.map((b) => [b.bottleneckId, b.signals])).toEqual([
      ['KP-09', 2],
      ['KP-02', 1],
    ]);
    expect((await signalReport(f.ambassador, { from: '2026-03-01', to: '2026-03-31' })).headline.signals).toBe(3);
    // Default: February 2026, nothing in it.
    expect((await signalReport(f.quartermaster)).period).toMatchObject({ from: '2026-02-01', to: '2026-02-28' });
    await expectLlaError(signalReport(f.projectLeadHgl), 'forbidden');
    await expectLlaError(signalReport(f.processDirectorHgl), 'forbidden');
  });
});

describe('renderSignalReportMarkdown', () => {
  it('renders the report in Dutch with the figures, ranking, regions and escalations', () => {
    const md = renderSignalReportMarkdown(buildSignalReport(dataset(), OCTOBER));
    expect(md.startsWith('# Signalenrapportage Levensloopaanpak\n')).toBe(true);
    expect(md).toContain('Periode: 1 oktober 2026 t/m 31 oktober 2026');
    expect(md).toContain('| Nieuwe vastgelopen casussen | 2 |');
    expect(md).toContain('| Open casussen aan het eind van de periode | 3 |');
    expect(md).toContain('| Signalen | 6 (vorige periode: 2) |');
    expect(md).toContain('| Gestarte regio’s met een melding | 2 van 3 |');
    expect(md).toContain('- Zuid-Holland Zuid (ZHZ)');
    expect(md).toContain('| 1 | KP-02 Wlz-indicatie tijdens detentie komt te laat | CIZ via VWS | 3 | 0 | 2 | 3 |');
    // Pipes in data do not break the table.
    expect(md).toContain('VWS \\| zorgkantoren');
    expect(md).toContain('| Regio Arnhem (ARN) (niet gestart) | 0 | 0 | 0 |');
    expect(md).toContain('VC-2026-0001: Haaglanden, wonen / dreigende dakloosheid; geëscaleerd op 10 oktober 2026 (21 dagen)');
    expect(md.endsWith('\n')).toBe(true);
  });

  it('says so when there is nothing to report', () => {
    const md = renderSignalReportMarkdown(buildSignalReport({ ...dataset(), cases: [], signals: [] }, OCTOBER));
    expect(md).toContain('Geen signalen in deze periode.');
    expect(md).toContain('Er wachten geen casussen op een besluit van de ambassadeurs.');
  });
});
