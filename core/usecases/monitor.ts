/** The half-yearly monitor of basic figures (monitor basisgegevens), replacing Excel sheets and e-mail. */
import { z } from 'zod';
import {
  canReadRegion,
  hasRole,
  isQuartermaster,
  mutate,
  parseInput,
  query,
  readsEverything,
  requireQuartermaster,
  type Context,
} from '../context.js';
import { amsterdamDay, daysBetween } from '../dates.js';
import { forbidden, LlaError, notFound, validationError } from '../errors.js';
import { monitorRegions, regionProjectLeads } from '../jobs.js';
import { msg } from '../messages.js';
import { includedClientsPerYear, type MonitorYear } from '../report-monitor.js';
import { CalendarDate, Period, RegionCode, type MonitorRound, type MonitorSubmission, type StoreData } from '../schema.js';

export const OpenRoundInput = z.object({ period: z.string().trim().toUpperCase().pipe(Period), closesOn: CalendarDate.optional() });

export function findRoundOrThrow(data: StoreData, period: string): MonitorRound {
  const key = period.trim().toUpperCase();
  const r = data.monitorRounds.find((m) => m.period === key);
  if (!r) throw notFound('Monitorronde', period, 'period');
  return r;
}

/** The newest open round, if any. */
export function openRound(data: StoreData): MonitorRound | undefined {
  return data.monitorRounds.filter((m) => m.status === 'open').sort((a, b) => b.period.localeCompare(a.period))[0];
}

/** Open a monitor round for a half year (quartermaster). */
export async function openMonitorRound(ctx: Context, input: z.input<typeof OpenRoundInput>): Promise<MonitorRound> {
  const parsed = parseInput(OpenRoundInput, input);
  return mutate(ctx, (tx) => {
    requireQuartermaster(tx.actor, 'monitorrondes openen');
    if (tx.data.monitorRounds.some((m) => m.period === parsed.period)) throw new LlaError('conflict', msg.roundExists(parsed.period));
    if (parsed.closesOn && daysBetween(amsterdamDay(tx.now), parsed.closesOn) < 0) throw validationError('closesOn', msg.dateInPast());
    const round: MonitorRound = {
      period: parsed.period,
      openedAt: tx.nowIso,
      openedById: (tx.actor as { kind: 'person'; person: { id: string } }).person.id,
      status: 'open',
      submissions: [],
    };
    if (parsed.closesOn) round.closesOn = parsed.closesOn;
    tx.data.monitorRounds.push(round);
    // Ask each started region's project lead(s) in chat, with a button to the monitor form.
    let asked = 0;
    for (const region of monitorRegions(tx.data)) {
      for (const lead of regionProjectLeads(tx.data, region.code)) {
        tx.notify('monitorRequest', lead.id, { period: round.period, regionCode: region.code });
        asked += 1;
      }
    }
    tx.audit('monitor.open', 'monitorRound', round.period, { asked });
    return round;
  });
}

export function closeMonitorRound(ctx: Context, input: { period: string }): Promise<MonitorRound> {
  return mutate(ctx, (tx) => {
    requireQuartermaster(tx.actor, 'monitorrondes sluiten');
    const round = findRoundOrThrow(tx.data, input.period);
    if (round.status === 'closed') throw new LlaError('conflict', msg.roundClosed(round.period));
    round.status = 'closed';
    round.closedAt = tx.nowIso;
    tx.audit('monitor.close', 'monitorRound', round.period, { submissions: round.submissions.length });
    return round;
  });
}

const count = z.coerce.number().int().min(0).max(10_000);

export const SubmitFiguresInput = z.object({
  /** Default: the open round. */
  period: z.string().trim().toUpperCase().pipe(Period).optional(),
  /** Default: the submitter's region. */
  regionCode: z.string().trim().toUpperCase().pipe(RegionCode).optional(),
  includedClients: count,
  newInclusions: count,
  outflow: count,
  started: z.boolean(),
});
export type SubmitFiguresInput = z.input<typeof SubmitFiguresInput>;

/** A region's figures for a round: by its project lead (or the quartermaster on its behalf). A resubmission replaces. */
export async function submitMonitorFigures(ctx: Context, input: SubmitFiguresInput): Promise<MonitorSubmission> {
  const parsed = parseInput(SubmitFiguresInput, input);
  return mutate(ctx, (tx) => {
    const { actor } = tx;
    if (actor.kind !== 'person' || !(isQuartermaster(actor) || hasRole(actor, 'projectLead'))) {
      throw forbidden('monitorcijfers insturen (dat doet de projectleider van de regio)');
    }
    const regionCode = parsed.regionCode ?? actor.person.regionCode;
    if (!regionCode) throw validationError('regionCode', 'ontbreekt');
    if (!tx.data.regions.some((r) => r.code === regionCode)) throw notFound('Regio', regionCode, 'regionCode');
    if (!isQuartermaster(actor) && actor.person.regionCode !== regionCode) throw new LlaError('forbidden', msg.forbiddenOtherRegion());
    const round = parsed.period ? findRoundOrThrow(tx.data, parsed.period) : openRound(tx.data);
    if (!round) throw new LlaError('conflict', msg.noOpenRound());
    if (round.status !== 'open') throw new LlaError('conflict', msg.roundClosed(round.period));
    if (parsed.newInclusions > parsed.includedClients + parsed.outflow) {
      throw validationError('newInclusions', msg.monitorInconsistent());
    }
    const submission: MonitorSubmission = {
      regionCode,
      includedClients: parsed.includedClients,
      newInclusions: parsed.newInclusions,
      outflow: parsed.outflow,
      started: parsed.started,
      submittedById: actor.person.id,
      submittedAt: tx.nowIso,
      channel: tx.channel,
    };
    const replaced = round.submissions.some((s) => s.regionCode === regionCode);
    round.submissions = round.submissions.filter((s) => s.regionCode !== regionCode).concat(submission);
    const region = tx.data.regions.find((r) => r.code === regionCode);
    if (region && region.started !== parsed.started) region.started = parsed.started;
    tx.audit('monitor.submit', 'monitorRound', round.period, { regionCode, replaced, includedClients: parsed.includedClients });
    return submission;
  });
}

export interface MonitorRow {
  regionCode: string;
  regionName: string;
  submitted: boolean;
  includedClients: number | null;
  newInclusions: number | null;
  outflow: number | null;
  started: boolean;
  submittedAt: string | null;
  submittedById: string | null;
}

export interface MonitorOverview {
  period: string;
  status: MonitorRound['status'];
  rows: MonitorRow[];
  missingRegions: string[];
  totals: { includedClients: number; newInclusions: number; outflow: number; submitted: number; regions: number };
  regionsStarted: number;
  regionsTotal: number;
  /** Included clients per region per year: the last submission of each year (the chart of seeds annex 3). */
  perYear: MonitorYear[];
}

/** The overview of a round (default: the newest). Regional people see only their own region's row. */
export function monitorOverview(ctx: Context, input: { period?: string } = {}): Promise<MonitorOverview> {
  return query(ctx, (data, actor) => {
    const round = input.period
      ? findRoundOrThrow(data, input.period)
      : [...data.monitorRounds].sort((a, b) => b.period.localeCompare(a.period))[0];
    if (!round) throw new LlaError('conflict', msg.noOpenRound());
    const regions = data.regions.filter((r) => r.active && canReadRegion(actor, r.code));
    const rows: MonitorRow[] = regions.map((r) => {
      const s = round.submissions.find((x) => x.regionCode === r.code);
      return {
        regionCode: r.code,
        regionName: r.name,
        submitted: !!s,
        includedClients: s?.includedClients ?? null,
        newInclusions: s?.newInclusions ?? null,
        outflow: s?.outflow ?? null,
        started: s?.started ?? r.started,
        submittedAt: s?.submittedAt ?? null,
        submittedById: s?.submittedById ?? null,
      };
    });
    const submitted = rows.filter((r) => r.submitted);
    const sum = (k: 'includedClients' | 'newInclusions' | 'outflow') => submitted.reduce((n, r) => n + (r[k] ?? 0), 0);
    const perYear = includedClientsPerYear(data.monitorRounds, new Set(regions.map((r) => r.code)));
    return {
      period: round.period,
      status: round.status,
      rows,
      missingRegions: rows.filter((r) => !r.submitted).map((r) => r.regionCode),
      totals: {
        includedClients: sum('includedClients'),
        newInclusions: sum('newInclusions'),
        outflow: sum('outflow'),
        submitted: submitted.length,
        regions: rows.length,
      },
      regionsStarted: rows.filter((r) => r.started).length,
      regionsTotal: rows.length,
      perYear,
    };
  });
}

export function listMonitorRounds(ctx: Context): Promise<MonitorRound[]> {
  return query(ctx, (data, actor) =>
    [...data.monitorRounds]
      .sort((a, b) => a.period.localeCompare(b.period))
      .map((m) => ({ ...m, submissions: m.submissions.filter((s) => readsEverything(actor) || canReadRegion(actor, s.regionCode)) })),
  );
}
