/**
 * A small, hand-checkable dataset for the signal report: October 2026,
 * made on 22 November 2026 (CET from 25 October: UTC+1). Every figure the
 * report shows for it is worked out by hand in core/report.test.ts.
 *
 * Regions: HGL Haaglanden, UTR Regio Utrecht, ARN Regio Arnhem (not started),
 * ZHZ Zuid-Holland Zuid, OLD (inactive).
 * Cases (status path, Amsterdam days):
 *   C1 HGL reported 15-09, inTreatment 20-09, nationalEscalation 10-10; homeless 30-11
 *   C2 HGL reported 05-10, inTreatment 09-10, resolved 20-10; homeless 05-11 (closed: not counted)
 *   C3 UTR reported 31-10 23:30 (still October); homeless 30-10 (already past)
 *   C4 UTR reported 01-11 00:30 (after the period)
 *   C5 HGL reported 01-08, closedUnresolved 01-09
 *   C6 HGL reported 01-09, nationalEscalation 02-10, withProblemOwner 25-10; homeless 01-12 (31 days: outside)
 *   C7 UTR reported 28-09, inTreatment 09-10; homeless 20-11
 * Signals: October S1–S6 (KP-02 ×3, KP-09 ×2, KP-15 ×1); September S7 (KP-09), S9 (KP-15), S10 (KP-01);
 *   November S8; August S11 (ZHZ).
 */
import type { SignalReportData } from '../../core/report.js';
import type { Bottleneck, CaseStatus, LlaEvent, MonitorRound, Region, Registration, Signal, StuckCase, TaskGroup } from '../../core/schema.js';

const T0 = '2026-01-01T00:00:00.000Z';

export const REPORT_NOW = new Date('2026-11-22T10:00:00.000Z');
export const OCTOBER = { from: '2026-10-01', to: '2026-10-31', now: REPORT_NOW } as const;

export function region(code: string, name: string, started = true, active = true): Region {
  return { code, name, started, active };
}

export function bottleneck(id: string, title: string, owner: string, wlzNumber?: number, active = true): Bottleneck {
  return {
    id,
    title,
    owner,
    description: '',
    approach: `Aanpak ${id}`,
    source: wlzNumber ? 'wlz' : 'added',
    createdAt: T0,
    active,
    ...(wlzNumber ? { wlzNumber } : {}),
  };
}

/** A case with a status path: [status, instant][]; the first step is the report. */
export function stuck(code: string, regionCode: string, steps: Array<[CaseStatus, string]>, extra: Partial<StuckCase> = {}): StuckCase {
  const history = steps.map(([to, at], i) => ({ from: i === 0 ? null : steps[i - 1]![0], to, at, byPersonId: 'P-0001', channel: 'cli' as const }));
  return {
    code,
    regionCode,
    reporterId: 'P-0001',
    channel: 'cli',
    theme: 'housing',
    bottleneckIds: ['KP-02'],
    sketch: 'schets',
    stepsTried: ['caseTable'],
    helpAsked: ['advice'],
    status: steps.at(-1)![0],
    history,
    notes: [],
    reportedAt: steps[0]![1],
    ...extra,
  };
}

export function signal(n: number, bottleneckId: string, regionCode: string, at: string, caseCode?: string): Signal {
  return { id: `S-${String(n).padStart(6, '0')}`, bottleneckId, regionCode, reportedById: 'P-0001', channel: 'cli', at, ...(caseCode ? { caseCode } : {}) };
}

function taskGroup(id: string, name: string, task: 1 | 2 | 3 | 4 | 5, createdAt: string, extra: Partial<TaskGroup> = {}, progressAt: string[] = []): TaskGroup {
  return {
    id,
    name,
    task,
    goal: 'doel',
    memberIds: ['P-0001', 'P-0002', 'P-0003'],
    status: 'active',
    progress: progressAt.map((at) => ({ at, byPersonId: 'P-0003', channel: 'cli' as const, text: 'voortgang' })),
    createdAt,
    createdById: 'P-0001',
    ...extra,
  };
}

function registration(n: number, status: Registration['status']): Registration {
  const at = `2026-11-${String(n + 1).padStart(2, '0')}T10:00:00.000Z`;
  return { personId: `P-${String(n).padStart(4, '0')}`, status, at, channel: 'cli', updatedAt: at };
}

function event(id: string, date: string, capacity: number, registrations: Registration[], extra: Partial<LlaEvent> = {}): LlaEvent {
  return { id, kind: 'vakdagProcessDirectors', title: `Bijeenkomst ${id}`, date, capacity, audience: 'all', registrations, status: 'planned', createdAt: T0, ...extra };
}

function submission(regionCode: string, includedClients: number, newInclusions: number, outflow: number, submittedAt: string) {
  return { regionCode, includedClients, newInclusions, outflow, started: true, submittedById: 'P-0003', submittedAt, channel: 'cli' as const };
}

function round(period: string, openedAt: string, submissions: MonitorRound['submissions'], closedAt?: string): MonitorRound {
  return { period, openedAt, openedById: 'P-0001', status: closedAt ? 'closed' : 'open', submissions, ...(closedAt ? { closedAt } : {}) };
}

export function reportDataset(): SignalReportData {
  return {
    regions: [region('HGL', 'Haaglanden'), region('UTR', 'Regio Utrecht'), region('ARN', 'Regio Arnhem', false), region('ZHZ', 'Zuid-Holland Zuid'), region('OLD', 'Opgeheven regio', true, false)],
    bottlenecks: [
      bottleneck('KP-01', 'Inhoud Wlz-indicatie niet op te vragen', 'VWS', 1),
      bottleneck('KP-02', 'Wlz-indicatie tijdens detentie komt te laat', 'CIZ via VWS', 2),
      bottleneck('KP-09', 'Wlz-indicatie sluit Wmo-plek uit', 'VWS | zorgkantoren', 9),
      bottleneck('KP-15', 'Geen passende woonvorm <b>', 'VNG'),
      bottleneck('KP-20', 'Vervallen knelpunt', 'NZa', undefined, false),
    ],
    cases: [
      stuck(
        'VC-2026-0001',
        'HGL',
        [
          ['reported', '2026-09-15T10:00:00.000Z'],
          ['inTreatment', '2026-09-20T10:00:00.000Z'],
          ['nationalEscalation', '2026-10-10T09:00:00.000Z'],
        ],
        { homelessOn: '2026-11-30' },
      ),
      stuck(
        'VC-2026-0002',
        'HGL',
        [
          ['reported', '2026-10-05T10:00:00.000Z'],
          ['inTreatment', '2026-10-09T10:00:00.000Z'],
          ['resolved', '2026-10-20T10:00:00.000Z'],
        ],
        { homelessOn: '2026-11-05' },
      ),
      stuck('VC-2026-0003', 'UTR', [['reported', '2026-10-31T22:30:00.000Z']], { homelessOn: '2026-10-30' }),
      stuck('VC-2026-0004', 'UTR', [['reported', '2026-10-31T23:30:00.000Z']]),
      stuck('VC-2026-0005', 'HGL', [
        ['reported', '2026-08-01T10:00:00.000Z'],
        ['closedUnresolved', '2026-09-01T10:00:00.000Z'],
      ]),
      stuck(
        'VC-2026-0006',
        'HGL',
        [
          ['reported', '2026-09-01T10:00:00.000Z'],
          ['nationalEscalation', '2026-10-02T10:00:00.000Z'],
          ['withProblemOwner', '2026-10-25T10:00:00.000Z'],
        ],
        { homelessOn: '2026-12-01' },
      ),
      stuck(
        'VC-2026-0007',
        'UTR',
        [
          ['reported', '2026-09-28T10:00:00.000Z'],
          ['inTreatment', '2026-10-09T10:00:00.000Z'],
        ],
        { homelessOn: '2026-11-20' },
      ),
    ],
    signals: [
      signal(1, 'KP-02', 'HGL', '2026-10-10T09:00:00.000Z', 'VC-2026-0001'),
      signal(2, 'KP-02', 'HGL', '2026-10-05T10:00:00.000Z', 'VC-2026-0002'),
      signal(3, 'KP-02', 'UTR', '2026-10-31T22:30:00.000Z', 'VC-2026-0003'),
      signal(4, 'KP-09', 'UTR', '2026-10-15T10:00:00.000Z'),
      signal(5, 'KP-09', 'HGL', '2026-10-16T10:00:00.000Z'),
      signal(6, 'KP-15', 'HGL', '2026-09-30T22:30:00.000Z'), // 1 October 00:30 in Amsterdam (CEST)
      signal(7, 'KP-09', 'UTR', '2026-09-30T21:30:00.000Z'), // 30 September 23:30 in Amsterdam
      signal(8, 'KP-02', 'HGL', '2026-11-01T10:00:00.000Z'), // after
      signal(9, 'KP-15', 'HGL', '2026-09-10T10:00:00.000Z'),
      signal(10, 'KP-01', 'HGL', '2026-09-15T10:00:00.000Z'),
      signal(11, 'KP-09', 'ZHZ', '2026-08-20T10:00:00.000Z'),
    ],
    taskGroups: [
      taskGroup('TG-001', 'Escalatieroute dakloosheid', 5, '2026-06-01T10:00:00.000Z', { firstContactId: 'P-0002', deadline: '2026-12-31' }, [
        '2026-09-01T10:00:00.000Z',
        '2026-10-20T10:00:00.000Z',
      ]),
      taskGroup('TG-002', 'Draaiboek', 2, '2026-03-01T10:00:00.000Z', { firstContactId: 'P-0003', deadline: '2026-10-15' }, ['2026-10-25T10:00:00.000Z']),
      taskGroup('TG-003', 'Monitor automatiseren', 4, '2026-05-01T10:00:00.000Z', { firstContactId: 'P-0003' }, ['2026-09-15T10:00:00.000Z', '2026-11-10T10:00:00.000Z']),
      taskGroup('TG-004', 'Klaar', 1, '2026-02-01T10:00:00.000Z', { status: 'dissolved', dissolvedAt: '2026-10-10T10:00:00.000Z', result: 'klaar' }),
      taskGroup('TG-005', 'Later opgeheven', 3, '2026-01-10T10:00:00.000Z', { status: 'dissolved', dissolvedAt: '2026-11-05T10:00:00.000Z', result: 'klaar', deadline: '2026-09-30', memberIds: [] }),
      taskGroup('TG-006', 'Nieuw na de periode', 1, '2026-11-02T10:00:00.000Z'),
    ],
    events: [
      event('EV-2026-01', '2026-11-10', 30, [registration(1, 'registered')]),
      event('EV-2026-02', '2026-11-22', 40, [registration(1, 'registered')], { kind: 'poolMeeting', place: 'Utrecht', registrationDeadline: '2026-11-15' }),
      event('EV-2027-01', '2027-03-09', 2, [registration(1, 'registered'), registration(2, 'waitlisted'), registration(3, 'registered'), registration(4, 'cancelled')], {
        title: 'Vakdag <script>alert(1)</script> & co',
      }),
      event('EV-2027-02', '2027-04-01', 50, [], { status: 'cancelled' }),
    ],
    monitorRounds: [
      round('2025-H1', '2025-06-01T10:00:00.000Z', [submission('HGL', 10, 3, 1, '2025-06-10T10:00:00.000Z'), submission('UTR', 8, 2, 0, '2025-06-11T10:00:00.000Z')], '2025-07-15T10:00:00.000Z'),
      round('2025-H2', '2025-12-01T10:00:00.000Z', [submission('HGL', 12, 3, 1, '2025-12-10T10:00:00.000Z'), submission('ZHZ', 5, 1, 0, '2025-12-11T10:00:00.000Z')], '2026-01-15T10:00:00.000Z'),
      round('2026-H1', '2026-06-01T10:00:00.000Z', [
        submission('HGL', 14, 4, 2, '2026-06-10T10:00:00.000Z'),
        submission('UTR', 9, 2, 1, '2026-06-12T10:00:00.000Z'),
        submission('OLD', 3, 0, 0, '2026-06-12T10:00:00.000Z'),
        submission('ZHZ', 6, 1, 0, '2026-11-05T10:00:00.000Z'),
      ]),
      round('2026-H2', '2026-11-01T10:00:00.000Z', []),
    ],
    people: [
      { id: 'P-0001', name: 'Kim Kwartiermaker' },
      { id: 'P-0002', name: 'Ada Ambassadeur' },
      { id: 'P-0003', name: 'Piet Projectleider' },
    ],
    settings: { checkInIntervalDays: 30 },
  };
}
