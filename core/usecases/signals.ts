/** Bottlenecks (knelpunten) and signals (signalen): what the signal report counts. */
import { z } from 'zod';
import {
  guardText,
  isRegional,
  mutate,
  parseInput,
  query,
  readsEverything,
  requireQuartermaster,
  reportingRegion,
  type Context,
  type Tx,
} from '../context.js';
import { forbidden, LlaError, notFound, validationError } from '../errors.js';
import { msg } from '../messages.js';
import { BottleneckId, RegionCode, Timestamp, type Bottleneck, type Signal, type StoreData } from '../schema.js';

/** Append a signal inside a transaction (used by case reporting and linking too). */
export function addSignalRecord(tx: Tx, s: { bottleneckId: string; regionCode: string; caseCode?: string; note?: string }): Signal {
  if (tx.actor.kind !== 'person') throw forbidden('signalen vastleggen');
  tx.data.counters.signal += 1;
  const signal: Signal = {
    id: `S-${String(tx.data.counters.signal).padStart(6, '0')}`,
    bottleneckId: s.bottleneckId,
    regionCode: s.regionCode,
    reportedById: tx.actor.person.id,
    channel: tx.channel,
    at: tx.nowIso,
  };
  if (s.caseCode) signal.caseCode = s.caseCode;
  if (s.note) signal.note = s.note;
  tx.data.signals.push(signal);
  return signal;
}

export function findBottleneckOrThrow(data: StoreData, id: string, field = 'bottleneckId'): Bottleneck {
  const key = id.trim().toUpperCase();
  const normalised = /^\d+$/.test(key) ? `KP-${key.padStart(2, '0')}` : key;
  const b = data.bottlenecks.find((x) => x.id === normalised);
  if (!b) throw notFound('Knelpunt', id, field);
  return b;
}

export const ReportSignalInput = z.object({
  bottleneckId: BottleneckId,
  regionCode: z.string().trim().toUpperCase().pipe(RegionCode).optional(),
  note: z.string().trim().min(1).max(2000).optional(),
});
export type ReportSignalInput = z.input<typeof ReportSignalInput>;

/** Report that a bottleneck occurred, without a case. */
export async function reportSignal(ctx: Context, input: ReportSignalInput): Promise<Signal> {
  const parsed = parseInput(ReportSignalInput, input);
  return mutate(ctx, (tx) => {
    const { regionCode } = reportingRegion(tx, parsed.regionCode, 'een signaal melden');
    const b = findBottleneckOrThrow(tx.data, parsed.bottleneckId);
    if (!b.active) throw validationError('bottleneckId', msg.bottleneckInactive(b.id));
    guardText('note', parsed.note, tx.now);
    const payload: { bottleneckId: string; regionCode: string; note?: string } = { bottleneckId: b.id, regionCode };
    if (parsed.note) payload.note = parsed.note;
    const signal = addSignalRecord(tx, payload);
    tx.audit('signal.report', 'signal', signal.id, { bottleneckId: b.id, regionCode });
    return signal;
  });
}

export const SignalFilter = z.object({
  from: Timestamp.optional(),
  to: Timestamp.optional(),
  regionCode: z.string().trim().toUpperCase().pipe(RegionCode).optional(),
  bottleneckId: BottleneckId.optional(),
});
export type SignalFilter = z.input<typeof SignalFilter>;

/** Signals visible to the actor, optionally in a period [from, to). */
export async function listSignals(ctx: Context, filter: SignalFilter = {}): Promise<Signal[]> {
  const f = parseInput(SignalFilter, filter);
  return query(ctx, (data, actor) => {
    let regionCode = f.regionCode;
    if (!readsEverything(actor)) {
      if (actor.kind !== 'person' || !isRegional(actor)) throw forbidden('signalen inzien');
      if (regionCode && regionCode !== actor.person.regionCode) throw new LlaError('forbidden', msg.forbiddenOtherRegion());
      regionCode = actor.person.regionCode;
    }
    const from = f.from ? Date.parse(f.from) : -Infinity;
    const to = f.to ? Date.parse(f.to) : Infinity;
    return data.signals
      .filter((s) => !regionCode || s.regionCode === regionCode)
      .filter((s) => !f.bottleneckId || s.bottleneckId === f.bottleneckId)
      .filter((s) => {
        const t = Date.parse(s.at);
        return t >= from && t < to;
      })
      ;
  });
}

export const AddBottleneckInput = z.object({
  title: z.string().trim().min(3).max(200),
  description: z.string().trim().max(4000).default(''),
  approach: z.string().trim().max(2000).default(''),
  owner: z.string().trim().min(2).max(200),
});
export type AddBottleneckInput = z.input<typeof AddBottleneckInput>;

/** A new bottleneck revealed by cases (quartermaster). */
export async function addBottleneck(ctx: Context, input: AddBottleneckInput): Promise<Bottleneck> {
  const parsed = parseInput(AddBottleneckInput, input);
  return mutate(ctx, (tx) => {
    requireQuartermaster(tx.actor, 'knelpunten toevoegen');
    guardText('title', parsed.title, tx.now);
    guardText('description', parsed.description, tx.now);
    guardText('approach', parsed.approach, tx.now);
    tx.data.counters.bottleneck += 1;
    const b: Bottleneck = {
      id: `KP-${String(tx.data.counters.bottleneck).padStart(2, '0')}`,
      title: parsed.title,
      description: parsed.description,
      approach: parsed.approach,
      owner: parsed.owner,
      source: 'added',
      createdAt: tx.nowIso,
      active: true,
    };
    tx.data.bottlenecks.push(b);
    tx.audit('bottleneck.add', 'bottleneck', b.id);
    return b;
  });
}

export const UpdateBottleneckInput = z.object({
  bottleneckId: z.string().trim().min(1),
  title: z.string().trim().min(3).max(200).optional(),
  description: z.string().trim().max(4000).optional(),
  approach: z.string().trim().max(2000).optional(),
  owner: z.string().trim().min(2).max(200).optional(),
  active: z.boolean().optional(),
});

export async function updateBottleneck(ctx: Context, input: z.input<typeof UpdateBottleneckInput>): Promise<Bottleneck> {
  const parsed = parseInput(UpdateBottleneckInput, input);
  return mutate(ctx, (tx) => {
    requireQuartermaster(tx.actor, 'knelpunten wijzigen');
    const b = findBottleneckOrThrow(tx.data, parsed.bottleneckId);
    const changed: string[] = [];
    for (const key of ['title', 'description', 'approach', 'owner', 'active'] as const) {
      const value = parsed[key];
      if (value === undefined) continue;
      if (typeof value === 'string') guardText(key, value, tx.now);
      (b as Record<string, unknown>)[key] = value;
      changed.push(key);
    }
    tx.audit('bottleneck.update', 'bottleneck', b.id, { fields: changed.join(',') });
    return b;
  });
}

export interface BottleneckWithCount extends Bottleneck {
  signalCount: number;
}

/** All bottlenecks with the number of signals the actor may see. */
export function listBottlenecks(ctx: Context, options: { includeInactive?: boolean } = {}): Promise<BottleneckWithCount[]> {
  return query(ctx, (data, actor) => {
    const visible = readsEverything(actor)
      ? data.signals
      : data.signals.filter((s) => actor.kind === 'person' && s.regionCode === actor.person.regionCode);
    const counts = new Map<string, number>();
    for (const s of visible) counts.set(s.bottleneckId, (counts.get(s.bottleneckId) ?? 0) + 1);
    return data.bottlenecks
      .filter((b) => options.includeInactive || b.active)
      .map((b) => ({ ...b, signalCount: counts.get(b.id) ?? 0 }));
  });
}

export function getBottleneck(ctx: Context, id: string): Promise<BottleneckWithCount> {
  return query(ctx, (data, actor) => {
    const b = findBottleneckOrThrow(data, id);
    const signalCount = data.signals.filter(
      (s) => s.bottleneckId === b.id && (readsEverything(actor) || (actor.kind === 'person' && s.regionCode === actor.person.regionCode)),
    ).length;
    return { ...b, signalCount };
  });
}
